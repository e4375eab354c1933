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
inline constexpr bool error = false;

}  // namespace matdiff
