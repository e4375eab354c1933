/// @file
/// `name_string`: a short name known at compile time ("X", "n").
///
/// Names identify variables and symbolic dimensions. A name is a structural value, so it
/// can be a template argument: `md::matrix<"X", 3, 3>` carries "X" in its type.
#pragma once

#include <compare>
#include <cstddef>
#include <string_view>

namespace matdiff {

struct name_string {
  static constexpr std::size_t capacity = 31;

  char chars[capacity + 1]{};

  /// Set when the name given had more than 31 characters (only the first 31 are kept): the
  /// variable or dimension made with it reports the limit (`name_fits`).
  bool too_long = false;

  constexpr name_string() = default;
  template <std::size_t N>
  consteval name_string(const char (&s)[N]) {  // NOLINT: implicit on purpose ("X")
    if (N <= 1) throw "matdiff: a name cannot be empty";
    too_long = N - 1 > capacity;
    for (std::size_t i = 0; i + 1 < N && i < capacity; ++i) chars[i] = s[i];
  }

  constexpr std::string_view view() const {
    std::size_t n = 0;
    while (n < capacity && chars[n] != '\0') ++n;
    return {chars, n};
  }
  constexpr std::size_t size() const { return view().size(); }
  constexpr bool empty() const { return chars[0] == '\0'; }

  /// Equal names: compared up to the end of the shorter one. The defaulted comparison read
  /// all 32 characters of both, and names are compared at every node while compiling (the
  /// variables of two operands, the symbols of their shapes): 1,067 -> 1,006 MiB for the
  /// value and gradient of a 64-term sum (docs/compile_time.md).
  friend constexpr bool operator==(const name_string& a, const name_string& b) {
    for (std::size_t i = 0; i <= capacity; ++i) {
      if (a.chars[i] != b.chars[i]) return false;
      if (a.chars[i] == '\0') break;
    }
    return a.too_long == b.too_long;
  }
  friend constexpr std::strong_ordering operator<=>(const name_string& a, const name_string& b) {
    return a.view() <=> b.view();
  }
};

/// False for a name given with more than 31 characters; variables and dimensions check it.
template <name_string Name>
static constexpr bool name_fits = !Name.too_long;

}  // namespace matdiff
