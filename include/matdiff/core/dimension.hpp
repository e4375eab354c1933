/// @file
/// Dimensions: fixed (`3`) or symbolic (`md::dim<"n">`), and products of them.
///
/// A dimension is `factor * s1 * s2 * ...` with the symbol names kept sorted, so that equal
/// dimensions compare equal member-wise: `3`, `n`, `3*n` (vec of an n x 3 matrix), `m*n`
/// (kron). Symbolic dimensions are compared by name at compile time and by value at run time.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>

#include <matdiff/core/name.hpp>
#include <matdiff/core/text.hpp>

namespace matdiff {

struct dimension {
  static constexpr std::size_t max_symbols = 4;

  std::int64_t factor = 1;
  name_string symbols[max_symbols]{};
  std::size_t symbol_count = 0;

  static constexpr dimension fixed(std::int64_t n) {
    dimension d;
    d.factor = n;
    return d;
  }
  static constexpr dimension symbol(name_string name) {
    dimension d;
    d.symbols[0] = name;
    d.symbol_count = 1;
    return d;
  }

  constexpr bool is_fixed() const { return symbol_count == 0; }
  constexpr bool is(std::int64_t n) const { return is_fixed() && factor == n; }

  friend constexpr bool operator==(const dimension&, const dimension&) = default;

  /// (a * b): factors multiply, symbols merge in sorted order.
  friend constexpr dimension operator*(const dimension& a, const dimension& b) {
    if (a.symbol_count + b.symbol_count > max_symbols)
      throw "matdiff: a dimension may be a product of at most 4 symbolic dimensions";
    dimension r;
    r.factor = a.factor * b.factor;
    std::size_t i = 0, j = 0;
    while (i < a.symbol_count || j < b.symbol_count) {
      const bool take_a = j == b.symbol_count || (i < a.symbol_count && a.symbols[i] <= b.symbols[j]);
      r.symbols[r.symbol_count++] = take_a ? a.symbols[i++] : b.symbols[j++];
    }
    return r;
  }

  /// 3 * n, n * 3: a positive integer times a dimension.
  friend constexpr dimension operator*(std::integral auto n, const dimension& d) {
    if (n <= 0) throw "matdiff: a fixed dimension must be a positive integer";
    return fixed(static_cast<std::int64_t>(n)) * d;
  }
  friend constexpr dimension operator*(const dimension& d, std::integral auto n) { return n * d; }

  /// "3", "n", "3*n", "m*n".
  constexpr text to_text() const {
    text out;
    if (is_fixed() || factor != 1) out.append(static_cast<long long>(factor));
    for (std::size_t i = 0; i < symbol_count; ++i) {
      if (!out.empty()) out.append('*');
      out.append(symbols[i].view());
    }
    return out;
  }
};

/// `md::dim<"n">`: the symbolic dimension named n; its value is known only at run time.
template <name_string Name>
static constexpr dimension dim = [] {
  static_assert(name_fits<Name>, "matdiff: dim: names are limited to 31 characters");
  return dimension::symbol(Name);
}();

/// The dimension a template argument stands for: an integer literal or `md::dim<...>`.
consteval dimension to_dimension(std::integral auto n) {
  if (n <= 0) throw "matdiff: a fixed dimension must be a positive integer";
  return dimension::fixed(static_cast<std::int64_t>(n));
}
consteval dimension to_dimension(dimension d) { return d; }

template <class T>
concept dimension_argument = std::integral<T> || std::same_as<T, dimension>;

}  // namespace matdiff
