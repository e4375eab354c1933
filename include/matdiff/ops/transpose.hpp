/// @file
/// `md::transpose(a)`: aᵀ. Shape m x n -> n x m. Differential: d(aᵀ) = (da)ᵀ.
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct transpose_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a) { return a.transposed(); }
  static constexpr int precedence(notation) { return precedence::postfix; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    if (p.latex()) p.operand(a, precedence::atom).write("^{\\top}");
    else p.operand(a, precedence::postfix).write("'");
  }

  /// d(aᵀ) = (da)ᵀ
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return transpose(da);
  }
};

/// aᵀ
template <class A>
constexpr auto transpose(const A& a) {
  return make_expression(transpose_op{}, a);
}

}  // namespace matdiff
