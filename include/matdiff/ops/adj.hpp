/// @file
/// `md::adj(A)`: the adjugate (classical adjoint) of a square matrix, the transposed matrix
/// of cofactors, adj(A)ᵢⱼ = (-1)^(i+j) det(A without row j and column i). A adj(A) =
/// adj(A) A = det(A) I, so adj(A) = det(A) A⁻¹ where A is invertible; unlike that product it
/// is defined (a polynomial in the entries) and finite where A is singular. It is what the
/// derivative of the determinant is made of: d det(A) = tr(adj(A) dA) (ops/det.hpp).
/// Differential (where det(A) ≠ 0): d adj(A) = (adj(A) tr(adj(A) dA) - adj(A) dA adj(A)) / det(A).
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/trace.hpp>

namespace matdiff {

template <class A>
static constexpr auto det(const A& a);  // ops/det.hpp, which includes this header

struct adj_op {
  /// adj(S) is symmetric when S is (rules/transpose.hpp, Sᵀ = S).
  static constexpr bool symmetric_when_operands_symmetric = true;
  static consteval diagnostic check(const shape& a) { return check::square("adj", a); }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: adj: the matrix is not square (shapes below)");
  }
  static constexpr shape result_shape(const shape& a) { return a; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{adj}" : "adj", a);
  }

  /// d adj(A) = (adj(A) tr(adj(A) dA) - adj(A) dA adj(A)) / det(A): the derivative of
  /// det(A) A⁻¹, so not defined where A is singular (there the second derivative of det is
  /// NaN, though the first, adj(A)ᵀ, is finite).
  template <class E, class A, class DA>
  static constexpr auto differential(const E& e, const A& a, const DA& da) {
    return (e * trace(e * da) - e * da * e) / det(a);
  }
};

/// adj(A), the adjugate: det(A) A⁻¹ for an invertible A, and defined for every square A
template <class A>
static constexpr auto adj(const A& a) {
  return make_expression(adj_op{}, a);
}

}  // namespace matdiff

#include <matdiff/ops/det.hpp>
