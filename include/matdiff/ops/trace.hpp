/// @file
/// `md::trace(A)`: tr(A) = Σᵢ Aᵢᵢ of a square matrix (1x1). Differential: d tr(A) = tr(dA).
/// Simplification:
///
///     tr(a) = a (1x1),  tr(0) = 0,  tr(Iₙ) = n,  tr(Aᵀ) = tr(A),  tr(A ± B) = tr(A) ± tr(B),
///     tr(-A) = -tr(A),  tr(sA) = s tr(A) (s 1x1)
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/ops/vec.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/patterns.hpp>
#include <matdiff/rules/sums.hpp>

namespace matdiff {

struct trace_op {
  static consteval diagnostic check(const shape& a) { return check::square("trace", a); }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: trace: the matrix is not square (shapes below)");
  }
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{tr}" : "tr", a);
  }

  /// d tr(A) = tr(dA)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return trace(da);
  }
};

/// tr(A)
template <class A>
static constexpr auto trace(const A& a) {
  return make_expression(trace_op{}, a);
}

/// The gradient walk through tr(M): M gets c·I, since tr(dM) c = tr((cI)ᵀ dM).
template <class E, class C>
static constexpr auto pull_through(const trace_op&, const E& e, const C& c) {
  using M = std::remove_cvref_t<decltype(arg<0>(e))>;
  return identification::pull(
      arg<0>(e),
      make_node(product_op{}, c, constant_matrix<constant_kind::identity, M::shape_v.rows, M::shape_v.rows>{}));
}

/// The vec walk through tr(dM): vec(I)ᵀ vec(dM).
template <class V, class E>
static constexpr auto push_through(const trace_op&, const E& e) {
  using M = std::remove_cvref_t<decltype(arg<0>(e))>;
  return transpose(vec(vec_identification::identity_v<M::shape_v.rows>)) * vec_identification::push<V>(arg<0>(e));
}

/// The simplification rule of the trace (rules/simplify.hpp); the formulas are above.
template <class A>
static constexpr auto rewrite(const trace_op& op, const A& a) {
  if constexpr (A::shape_v.is_scalar()) {
    return a;
  } else if constexpr (is_zero<A>) {
    return rational<0>{};
  } else if constexpr (is_identity<A> && A::shape_v.rows.is_fixed()) {
    return rational<A::shape_v.rows.factor>{};
  } else if constexpr (is_node_of<A, transpose_op>) {
    return rewrite(op, arg<0>(a));
  } else if constexpr (is_sum<A>) {
    return sums::distributed(op, a);
  } else if constexpr (is_negation<A>) {
    return rewrite(a.op, rewrite(op, arg<0>(a)));
  } else if constexpr (is_scalar_multiple<A>) {
    return rewrite(a.op, arg<0>(a), rewrite(op, arg<1>(a)));
  } else {
    return make_node(op, a);
  }
}

}  // namespace matdiff
