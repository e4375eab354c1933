/// @file
/// `shape`: rows x cols of an expression, known at compile time.
#pragma once

#include <matdiff/core/dimension.hpp>
#include <matdiff/core/text.hpp>

namespace matdiff {

struct shape {
  dimension rows;
  dimension cols;

  friend constexpr bool operator==(const shape&, const shape&) = default;

  /// 1x1: a scalar. Only a fixed 1 counts; a symbolic n is never assumed to be 1.
  constexpr bool is_scalar() const { return rows.is(1) && cols.is(1); }
  constexpr bool is_square() const { return rows == cols; }
  constexpr bool is_column() const { return cols.is(1); }
  constexpr bool is_fixed() const { return rows.is_fixed() && cols.is_fixed(); }
  constexpr shape transposed() const { return {cols, rows}; }

  /// "3x4", "nx3", "(3*n)x1".
  constexpr text to_text() const {
    text out = part(rows);
    out.append('x');
    out += part(cols);
    return out;
  }

 private:
  static constexpr text part(const dimension& d) {
    const bool compound = d.symbol_count + (d.factor != 1 && !d.is_fixed() ? 1 : 0) > 1;
    text out;
    if (compound) out.append('(');
    out += d.to_text();
    if (compound) out.append(')');
    return out;
  }
};

inline constexpr shape scalar_shape{dimension::fixed(1), dimension::fixed(1)};

/// A shape carried by a type: what a variable's type names (core/variable.hpp says why).
template <dimension Rows, dimension Cols>
struct shape_type {
  static constexpr shape value{Rows, Cols};
};

}  // namespace matdiff
