/// @file
/// `md::transpose(a)`: aᵀ. Shape m x n -> n x m. Differential: d(aᵀ) = (da)ᵀ.
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/ops/commutation.hpp>

namespace matdiff {

struct inv_op;
template <class A>
static constexpr bool is_inverse = is_node_of<A, inv_op>;

struct transpose_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a) { return a.transposed(); }
  static constexpr int precedence(notation) { return precedence::postfix; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    if constexpr (is_inverse<A>) {  // (X⁻¹)ᵀ is written X^{-\top}
      if (p.latex()) {
        p.operand(arg<0>(a), precedence::atom).write("^{-\\top}");
        return;
      }
    }
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
static constexpr auto transpose(const A& a) {
  return make_expression(transpose_op{}, a);
}

/// The gradient walk through Mᵀ: M gets Cᵀ, since tr(Cᵀ dMᵀ) = tr((Cᵀ)ᵀ dM).
template <class E, class C>
static constexpr auto pull_through(const transpose_op&, const E& e, const C& c) {
  return identification::pull(arg<0>(e), make_node(transpose_op{}, c));
}

/// The vec walk through dMᵀ (M p x q): vec(dMᵀ) = K(p,q) vec(dM), K the commutation matrix.
template <class V, class E>
static constexpr auto push_through(const transpose_op&, const E& e) {
  using M = std::remove_cvref_t<decltype(arg<0>(e))>;
  return commutation_of<M::shape_v.rows, M::shape_v.cols>() * vec_identification::push<V>(arg<0>(e));
}

}  // namespace matdiff
