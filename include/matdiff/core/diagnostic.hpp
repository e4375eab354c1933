/// @file
/// Compile-time diagnostics whose text names the operation and the shapes.
///
/// A `static_assert` message must be a string literal, so it cannot contain the shapes of
/// the failing operands. matdiff therefore formats the full message during constant
/// evaluation into a `diagnostic` value and makes it the template argument of the
/// asserted condition: `static_assert(error<message>, "matdiff: ...")`. The compiler prints
/// that condition, so the first error shows both the literal (operation) and the formatted
/// message (operation and shapes). Each operation has its own literal (`Op::report`), so the
/// first error line already names the operation and its rule:
///
///     error: static assertion failed: matdiff: product: inner dimensions differ (shapes below)
///     note: 'matdiff::error<matdiff::diagnostic{"matdiff: product of 3x4 and 5x5: inner
///            dimensions differ"}>' evaluates to false
#pragma once

#include <cstddef>
#include <string_view>

#include <matdiff/core/text.hpp>

namespace matdiff {

struct diagnostic {
  static constexpr std::size_t capacity = 191;
  char message[capacity + 1]{};

  constexpr diagnostic() = default;
  constexpr diagnostic(std::string_view s) {  // NOLINT: built from text
    for (std::size_t i = 0; i < s.size() && i < capacity; ++i) message[i] = s[i];
  }
  constexpr diagnostic(const text& s) : diagnostic(s.view()) {}  // NOLINT

  /// No message: nothing is wrong.
  constexpr bool ok() const { return message[0] == '\0'; }
  constexpr std::string_view view() const {
    std::size_t n = 0;
    while (n < capacity && message[n] != '\0') ++n;
    return {message, n};
  }
};

/// Always false; its template argument is the message the compiler shows.
template <diagnostic Message>
static constexpr bool error = false;

/// A short text of exactly N characters as a template argument: a variable's name, an
/// operation. Both compilers print it as a string ("X"); clang prints a character array
/// with unused zero bytes as a list of numbers, and cuts a longer one after 33 characters.
template <std::size_t N>
struct subject {
  char chars[N + 1]{};
  constexpr explicit subject(std::string_view s) {
    for (std::size_t i = 0; i < N; ++i) chars[i] = s[i];
  }
};

/// `subject_of<"X">`: the subject of exactly the characters of s.
template <auto S>
static constexpr auto subject_of = subject<S.view().size()>(S.view());

/// Always false; its arguments are what the compiler shows of a failed check: the subject
/// (variable or operation; clang shows it in the first error line) and the whole message
/// (g++ shows it in the first lines, "In instantiation of ..." and a note).
template <auto Subject, diagnostic Message>
static constexpr bool failed = false;

}  // namespace matdiff
