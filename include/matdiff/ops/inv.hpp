/// @file
/// `md::inv(A)`: A⁻¹ of a square matrix. Differential: d(A⁻¹) = -A⁻¹ dA A⁻¹.
#pragma once

#include <matdiff/ops/add.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct inv_op {
  static consteval diagnostic check(const shape& a) { return check::square("inv", a); }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: inv: the matrix is not square (shapes below)");
  }
  static constexpr shape result_shape(const shape& a) { return a; }
  static constexpr int precedence(notation n) {
    return n == notation::latex ? precedence::postfix : precedence::atom;
  }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    if (p.latex()) p.operand(a, precedence::atom).write("^{-1}");
    else p.call("inv", a);
  }

  /// d(A⁻¹) = -A⁻¹ dA A⁻¹
  template <class E, class A, class DA>
  static constexpr auto differential(const E& e, const A&, const DA& da) {
    return -(e * da * e);
  }
};

/// A⁻¹
template <class A>
constexpr auto inv(const A& a) {
  return make_expression(inv_op{}, a);
}

}  // namespace matdiff
