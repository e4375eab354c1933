/// @file
/// `md::vec(A)`: the columns of an m x n matrix stacked into an mn x 1 vector
/// (column-major: vec(A)ᵢ₊ₘⱼ = Aᵢⱼ). Differential: d vec(A) = vec(dA).
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/rules/linear.hpp>

namespace matdiff {

struct vec_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a) {
    return {a.rows * a.cols, dimension::fixed(1)};
  }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{vec}" : "vec", a);
  }

  /// d vec(A) = vec(dA)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return vec(da);
  }
};

/// vec(A)
template <class A>
static constexpr auto vec(const A& a) {
  return make_expression(vec_op{}, a);
}

/// The inverse of vec: an (RC) x 1 vector read column by column into an R x C matrix.
/// It carries gradients back through vec (identification, calculus/identify.hpp).
template <dimension Rows, dimension Cols>
struct unvec_op {
  static consteval diagnostic check(const shape& v) {
    if (v == shape{Rows * Cols, dimension::fixed(1)}) return {};
    return text("matdiff: unvec of ") + v.to_text() + " into " + shape{Rows, Cols}.to_text() +
           ": sizes differ";
  }
  static constexpr shape result_shape(const shape&) { return {Rows, Cols}; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{vec}^{-1}" : "unvec", a);
  }
  /// d unvec(v) = unvec(dv)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return make_expression(unvec_op{}, da);
  }
};

/// The R x C matrix whose vec is v.
template <dimension Rows, dimension Cols, class V>
static constexpr auto unvec(const V& v) {
  return make_expression(unvec_op<Rows, Cols>{}, v);
}

/// The gradient walk through vec(M): M gets C reshaped to M's shape.
template <class E, class C>
static constexpr auto pull_through(const vec_op&, const E& e, const C& c) {
  using M = std::remove_cvref_t<decltype(arg<0>(e))>;
  return identification::pull(arg<0>(e), make_node(unvec_op<M::shape_v.rows, M::shape_v.cols>{}, c));
}

/// The gradient walk through unvec(m): m gets vec(C), since tr(Cᵀ unvec(dm)) = vec(C)ᵀ dm.
template <dimension R, dimension C_, class E, class C>
static constexpr auto pull_through(const unvec_op<R, C_>&, const E& e, const C& c) {
  return identification::pull(arg<0>(e), make_node(vec_op{}, c));
}

/// The vec walk through vec(dM) and unvec(dm): the same entries, J itself.
template <class V, class E>
static constexpr auto push_through(const vec_op&, const E& e) {
  return vec_identification::push<V>(arg<0>(e));
}
template <class V, dimension R, dimension C, class E>
static constexpr auto push_through(const unvec_op<R, C>&, const E& e) {
  return vec_identification::push<V>(arg<0>(e));
}

/// The simplification rules of vec and unvec (rules/simplify.hpp): vec(v) = v for a column
/// v, vec(unvec(v)) = v, unvec(vec(M)) = M; both are linear.
template <class A>
static constexpr auto rewrite(const vec_op& op, const A& a) {
  if constexpr (A::shape_v.is_column()) return a;
  else if constexpr (is_node_of<A, unvec_op<A::shape_v.rows, A::shape_v.cols>>) return arg<0>(a);
  else return rewrite_linear(op, a);
}

/// unvec(vec(M)) = M; unvec is linear.
template <dimension R, dimension C, class A>
static constexpr auto rewrite(const unvec_op<R, C>& op, const A& a) {
  if constexpr (is_node_of<A, vec_op>) {
    using M = std::remove_cvref_t<decltype(arg<0>(a))>;
    if constexpr (M::shape_v == shape{R, C}) return arg<0>(a);
    else return make_node(op, a);
  } else {
    return rewrite_linear(op, a);
  }
}

}  // namespace matdiff
