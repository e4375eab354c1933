/// @file
/// `md::sum(A)`: Σᵢⱼ Aᵢⱼ, the sum of all entries (1x1). Differential: d sum(A) = sum(dA).
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/rules/linear.hpp>

namespace matdiff {

struct sum_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{sum}" : "sum", a);
  }

  /// d sum(A) = sum(dA)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return sum(da);
  }
};

/// Σᵢⱼ Aᵢⱼ
template <class A>
static constexpr auto sum(const A& a) {
  return make_expression(sum_op{}, a);
}

/// The gradient walk through sum(M): M gets c·ones.
template <class E, class C>
static constexpr auto pull_through(const sum_op&, const E& e, const C& c) {
  using M = std::remove_cvref_t<decltype(arg<0>(e))>;
  return identification::pull(
      arg<0>(e),
      make_node(product_op{}, c, constant_matrix<constant_kind::ones, M::shape_v.rows, M::shape_v.cols>{}));
}

/// The vec walk through sum(dM): 1ᵀ vec(dM).
template <class V, class E>
static constexpr auto push_through(const sum_op&, const E& e) {
  using M = std::remove_cvref_t<decltype(arg<0>(e))>;
  return constant_matrix<constant_kind::ones, dimension::fixed(1), vec_identification::size_of(M::shape_v)>{} *
         vec_identification::push<V>(arg<0>(e));
}

/// The simplification rule of sum (rules/simplify.hpp): sum(a) = a for a 1x1 a, and sum is
/// linear, sum(0) = 0, sum(-A) = -sum(A), sum(sA) = s sum(A).
template <class A>
static constexpr auto rewrite(const sum_op& op, const A& a) {
  if constexpr (A::shape_v.is_scalar()) return a;
  else return rewrite_linear(op, a);
}

}  // namespace matdiff
