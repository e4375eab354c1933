/// @file
/// `md::det(A)`: the determinant |A| of a square matrix (1x1).
/// Differential: d|A| = tr(adj(A) dA), which is |A| tr(A⁻¹ dA) where A is invertible and,
/// unlike that form, finite where it is not (ops/adj.hpp): grad det(A) = adj(A)ᵀ.
#pragma once

#include <matdiff/ops/adj.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/trace.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct det_op {
  static consteval diagnostic check(const shape& a) { return check::square("det", a); }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: det: the matrix is not square (shapes below)");
  }
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\det" : "det", a);
  }

  /// d|A| = tr(adj(A) dA)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A& a, const DA& da) {
    return trace(adj(a) * da);
  }
};

/// |A|
template <class A>
static constexpr auto det(const A& a) {
  return make_expression(det_op{}, a);
}

}  // namespace matdiff
