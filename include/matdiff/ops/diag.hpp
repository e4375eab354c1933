/// @file
/// `md::diag(v)`: the n x n diagonal matrix of an n x 1 vector, and `md::diagonal(A)`: the
/// diagonal of a square n x n matrix as an n x 1 vector.
/// Differentials: d diag(v) = diag(dv); d diagonal(A) = diagonal(dA).
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/ops/diagonal_selection.hpp>
#include <matdiff/ops/transpose.hpp>

namespace matdiff {

struct diag_op {
  static consteval diagnostic check(const shape& v) {
    if (v.is_column()) return {};
    return text("matdiff: diag of ") + v.to_text() + ": the argument must be a column vector";
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: diag: the argument is not a column vector (shapes below)");
  }
  static constexpr shape result_shape(const shape& v) { return {v.rows, v.rows}; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{diag}" : "diag", a);
  }

  /// d diag(v) = diag(dv)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return diag(da);
  }
};

struct diagonal_op {
  static consteval diagnostic check(const shape& a) { return check::square("diagonal", a); }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: diagonal: the matrix is not square (shapes below)");
  }
  static constexpr shape result_shape(const shape& a) { return {a.rows, dimension::fixed(1)}; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{diagonal}" : "diagonal", a);
  }

  /// d diagonal(A) = diagonal(dA)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return diagonal(da);
  }
};

/// diag(v)
template <class V>
constexpr auto diag(const V& v) {
  return make_expression(diag_op{}, v);
}

/// diagonal(A)
template <class A>
constexpr auto diagonal(const A& a) {
  return make_expression(diagonal_op{}, a);
}

/// The gradient walk through diag(m) and diagonal(M): m gets diagonal(C), M gets diag(C).
template <class E, class C>
constexpr auto pull_through(const diag_op&, const E& e, const C& c) {
  return identification::pull(e.template arg<0>(), make_node(diagonal_op{}, c));
}
template <class E, class C>
constexpr auto pull_through(const diagonal_op&, const E& e, const C& c) {
  return identification::pull(e.template arg<0>(), make_node(diag_op{}, c));
}

/// The vec walk: vec(diag(dm)) = S dm and diagonal(dM) = Sᵀ vec(dM), S the diagonal selection.
template <class V, class E>
constexpr auto push_through(const diag_op&, const E& e) {
  return diagonal_selection_matrix<E::shape_v.rows>{} * vec_identification::push<V>(e.template arg<0>());
}
template <class V, class E>
constexpr auto push_through(const diagonal_op&, const E& e) {
  return transpose(diagonal_selection_matrix<E::shape_v.rows>{}) * vec_identification::push<V>(e.template arg<0>());
}

}  // namespace matdiff
