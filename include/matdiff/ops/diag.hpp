/// @file
/// `md::diag(v)`: the n x n diagonal matrix of an n x 1 vector, and `md::diagonal(A)`: the
/// diagonal of a square n x n matrix as an n x 1 vector.
/// Differentials: d diag(v) = diag(dv); d diagonal(A) = diagonal(dA).
#pragma once

#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/ops/diagonal_selection.hpp>
#include <matdiff/ops/hadamard.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/linear.hpp>

namespace matdiff {

struct diag_op {
  /// diag(v) is symmetric whatever v: diag(v)ᵀ = diag(v) (rules/transpose.hpp).
  static constexpr bool always_symmetric = true;
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
static constexpr auto diag(const V& v) {
  return make_expression(diag_op{}, v);
}

/// diagonal(A)
template <class A>
static constexpr auto diagonal(const A& a) {
  return make_expression(diagonal_op{}, a);
}

/// The gradient walk through diag(m) and diagonal(M): m gets diagonal(C), M gets diag(C).
template <class E, class C>
static constexpr auto pull_through(const diag_op&, const E& e, const C& c) {
  return identification::pull(arg<0>(e), make_node(diagonal_op{}, c));
}
template <class E, class C>
static constexpr auto pull_through(const diagonal_op&, const E& e, const C& c) {
  return identification::pull(arg<0>(e), make_node(diag_op{}, c));
}

/// The vec walk: vec(diag(dm)) = S dm and diagonal(dM) = Sᵀ vec(dM), S the diagonal selection.
template <class V, class E>
static constexpr auto push_through(const diag_op&, const E& e) {
  return diagonal_selection_matrix<E::shape_v.rows>{} * vec_identification::push<V>(arg<0>(e));
}
template <class V, class E>
static constexpr auto push_through(const diagonal_op&, const E& e) {
  return transpose(diagonal_selection_matrix<E::shape_v.rows>{}) * vec_identification::push<V>(arg<0>(e));
}

/// The simplification rule of diag (rules/simplify.hpp): diag(a) = a for a 1x1 a, and diag
/// is linear, diag(0) = 0, diag(-v) = -diag(v), diag(sv) = s diag(v).
template <class A>
static constexpr auto rewrite(const diag_op& op, const A& a) {
  if constexpr (A::shape_v.is_scalar()) return a;
  else return rewrite_linear(op, a);
}

/// u·w with u a column and w a row: an outer product.
template <class E>
static constexpr bool is_outer_product = false;
template <class U, class W>
inline constexpr bool is_outer_product<node<product_op, U, W>> =
    U::shape_v.is_column() && W::shape_v.rows.is(1) && !U::shape_v.is_scalar();

/// diagonal(u wᵀ) = u ∘ w, diagonal(a) = a for a 1x1 a; diagonal is linear.
template <class A>
static constexpr auto rewrite(const diagonal_op& op, const A& a) {
  if constexpr (A::shape_v.is_scalar()) return a;
  else if constexpr (is_outer_product<A>)
    return rewrite(hadamard_op{}, arg<0>(a), rewrite(transpose_op{}, arg<1>(a)));
  else return rewrite_linear(op, a);
}

/// diag(a)diag(b) = diag(a∘b), 1ᵀdiag(a) = aᵀ and diag(a)1 = a: such a product is one
/// factor (the `combined_product` hook of rules/products.hpp).
template <class U, class W>
static constexpr auto combined_product(const node<diag_op, U>& l, const node<diag_op, W>& r) {
  return rewrite(diag_op{}, rewrite(hadamard_op{}, arg<0>(l), arg<0>(r)));
}
template <dimension R, dimension C, class U>
  requires(R.is(1))
static constexpr auto combined_product(const constant_matrix<constant_kind::ones, R, C>&, const node<diag_op, U>& d) {
  return rewrite(transpose_op{}, arg<0>(d));
}
template <class U, dimension R, dimension C>
  requires(C.is(1))
static constexpr auto combined_product(const node<diag_op, U>& d, const constant_matrix<constant_kind::ones, R, C>&) {
  return arg<0>(d);
}

}  // namespace matdiff
