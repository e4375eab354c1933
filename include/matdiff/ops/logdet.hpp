/// @file
/// `md::logdet(A)`: log|det A| of a square matrix (1x1), evaluated from a factorization.
/// Differential: d log|det A| = tr(A⁻¹ dA).
#pragma once

#include <matdiff/ops/inv.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/trace.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct logdet_op {
  static consteval diagnostic check(const shape& a) { return check::square("logdet", a); }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: logdet: the matrix is not square (shapes below)");
  }
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    if (p.latex()) p.write("\\log\\left|").operand(a, 0).write("\\right|");
    else p.call("logdet", a);
  }

  /// d log|det A| = tr(A⁻¹ dA)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A& a, const DA& da) {
    return trace(inv(a) * da);
  }
};

/// log|det A|
template <class A>
static constexpr auto logdet(const A& a) {
  return make_expression(logdet_op{}, a);
}

}  // namespace matdiff
