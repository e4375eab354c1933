/// @file
/// `literal`: a number inside an expression (the 2 of `2 * X`), a 1x1 constant.
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/core/number.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct literal : expression_interface<literal> {
  static constexpr shape shape_v = scalar_shape;
  static constexpr no_variables variables_v{};
  static constexpr no_symbols symbols_v{};

  number value;

  constexpr literal() = default;
  constexpr explicit literal(number v) : value(v) {}

  template <class P>
  constexpr void print(P& p) const {
    if (p.latex() && value.exact && value.denominator != 1) {
      if (value.numerator < 0) p.write("-");
      const long long n = value.numerator < 0 ? -value.numerator : value.numerator;
      p.write("\\frac{").write(text().append(n)).write("}{");
      p.write(text().append(static_cast<long long>(value.denominator))).write("}");
      return;
    }
    p.write(value.to_text());
  }
  /// A negative number binds like a prefix minus, a fraction p/q like a quotient.
  constexpr int precedence(notation n) const {
    // p/q reads as a quotient: parenthesised as a factor, "(1/2)*A", "(-1/2)*A".
    if (value.exact && value.denominator != 1 && n == notation::text) return precedence::sum;
    if (value.negative()) return precedence::prefix;
    return precedence::atom;
  }
};

/// A number as an expression operand.
template <class T>
static constexpr auto as_expression(const T& x) {
  if constexpr (arithmetic<T>) return literal(number(x));
  else return x;
}

template <class T>
concept operand = expression<T> || arithmetic<T>;

}  // namespace matdiff
