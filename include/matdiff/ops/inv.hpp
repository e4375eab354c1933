/// @file
/// `md::inv(A)`: A⁻¹ of a square matrix. Differential: d(A⁻¹) = -A⁻¹ dA A⁻¹.
#pragma once

#include <matdiff/ops/add.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/rules/constants.hpp>

namespace matdiff {

struct inv_op {
  /// S⁻¹ is symmetric when S is (rules/transpose.hpp, Sᵀ = S).
  static constexpr bool symmetric_when_operands_symmetric = true;
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
static constexpr auto inv(const A& a) {
  return make_expression(inv_op{}, a);
}

/// A⁻¹A = AA⁻¹ = I, and A⁻ᵀAᵀ = AᵀA⁻ᵀ = I: such a product is one factor (the
/// `combined_product` hook of rules/products.hpp). A holds no data, so that the types say
/// the two A are equal.
template <class X>
  requires value_free<X>
static constexpr auto combined_product(const node<inv_op, X>&, const X&) {
  return constant_matrix<constant_kind::identity, X::shape_v.rows, X::shape_v.rows>{};
}
template <class X>
  requires value_free<X>
static constexpr auto combined_product(const X&, const node<inv_op, X>&) {
  return constant_matrix<constant_kind::identity, X::shape_v.rows, X::shape_v.rows>{};
}
template <class X>
  requires value_free<X>
static constexpr auto combined_product(const node<transpose_op, node<inv_op, X>>&, const node<transpose_op, X>&) {
  return constant_matrix<constant_kind::identity, X::shape_v.rows, X::shape_v.rows>{};
}
template <class X>
  requires value_free<X>
static constexpr auto combined_product(const node<transpose_op, X>&, const node<transpose_op, node<inv_op, X>>&) {
  return constant_matrix<constant_kind::identity, X::shape_v.rows, X::shape_v.rows>{};
}

}  // namespace matdiff
