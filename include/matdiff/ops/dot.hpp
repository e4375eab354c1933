/// @file
/// `md::dot(a, b)`: ⟨a, b⟩ = Σᵢⱼ aᵢⱼ bᵢⱼ = tr(aᵀb), for vectors aᵀb (1x1, equal shapes).
/// Differential: d⟨a, b⟩ = ⟨da, b⟩ + ⟨a, db⟩.
#pragma once

#include <matdiff/ops/add.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/ops/vec.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/linear.hpp>

namespace matdiff {

struct dot_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("dot", a, b);
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: dot: the shapes differ (shapes below)");
  }
  static constexpr shape result_shape(const shape&, const shape&) { return scalar_shape; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    if (p.latex()) p.write("\\left\\langle ").operand(a, 0).write(", ").operand(b, 0).write("\\right\\rangle");
    else p.call("dot", a, b);
  }

  /// d⟨a, b⟩ = ⟨da, b⟩ + ⟨a, db⟩
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A& a, const B& b, const DA& da, const DB& db) {
    if constexpr (is_zero<DA>) return dot(a, db);  // as for products (ops/product.hpp)
    else if constexpr (is_zero<DB>) return dot(da, b);
    else return dot(da, b) + dot(a, db);
  }
};

/// ⟨a, b⟩
template <class A, class B>
static constexpr auto dot(const A& a, const B& b) {
  return make_expression(dot_op{}, a, b);
}

/// The gradient walk through ⟨A, M⟩: M gets c·A.
template <class E, class C>
static constexpr auto pull_through(const dot_op&, const E& e, const C& c) {
  const auto& a = arg<0>(e);
  const auto& b = arg<1>(e);
  if constexpr (contains_differential<std::remove_cvref_t<decltype(a)>>)
    return identification::pull(a, make_node(product_op{}, c, b));
  else
    return identification::pull(b, make_node(product_op{}, c, a));
}

/// The vec walk through ⟨A, dM⟩: vec(A)ᵀ vec(dM).
template <class V, class E>
static constexpr auto push_through(const dot_op&, const E& e) {
  const auto& a = arg<0>(e);
  const auto& b = arg<1>(e);
  if constexpr (contains_differential<std::remove_cvref_t<decltype(a)>>)
    return transpose(vec(b)) * vec_identification::push<V>(a);
  else
    return transpose(vec(a)) * vec_identification::push<V>(b);
}

/// The simplification rules of ⟨,⟩ (rules/simplify.hpp): ⟨a, b⟩ = ab (1x1), ⟨u, v⟩ = uᵀv
/// (columns), ⟨u, v⟩ = uvᵀ (rows), ⟨0, B⟩ = ⟨A, 0⟩ = 0, and ⟨,⟩ is bilinear.
template <class A, class B>
static constexpr auto rewrite(const dot_op& op, const A& a, const B& b) {
  if constexpr (A::shape_v.is_scalar()) return rewrite(product_op{}, a, b);
  else if constexpr (A::shape_v.is_column()) return rewrite(product_op{}, rewrite(transpose_op{}, a), b);
  else if constexpr (A::shape_v.rows.is(1)) return rewrite(product_op{}, a, rewrite(transpose_op{}, b));
  else if constexpr (is_zero<A> || is_zero<B>) return rational<0>{};
  else return rewrite_bilinear(op, a, b);
}

}  // namespace matdiff
