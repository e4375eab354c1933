/// @file
/// Rewrite rules for the other linear and multilinear operations: zeros vanish, numbers
/// and negations move outside, and 1x1 forms become plain products.
///
///     L(0) = 0,  L(-A) = -L(A),  L(cA) = c L(A)   for L = sum, vec, diag, diagonal;
///     sum(a) = a, vec(v) = v (v a vector), diag(a) = a (1x1);
///     0∘B = 0,  a∘b = ab (1x1),  ones∘B = B,  (cA)∘B = c(A∘B),  (-A)∘B = -(A∘B);
///     0⊘B = 0;  0⊗B = 0,  a⊗B = aB (a 1x1);  ⟨0, B⟩ = 0,  ⟨a, b⟩ = ab (1x1),
///     ⟨u, v⟩ = uᵀv (columns), ⟨u, v⟩ = uvᵀ (rows), vec(unvec(v)) = v, unvec(vec(M)) = M,
///     diagonal(uwᵀ) = u∘w
/// and the same for any 1x1 factor s in place of a number: L(sA) = s L(A).
#pragma once

#include <type_traits>

#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/diag.hpp>
#include <matdiff/ops/dot.hpp>
#include <matdiff/ops/hadamard.hpp>
#include <matdiff/ops/kron.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/norm.hpp>
#include <matdiff/ops/sum.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/ops/vec.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/patterns.hpp>

namespace matdiff {

namespace detail {
/// L(0) = 0, L(-A) = -L(A), L(cA) = c L(A) for a linear unary operation.
template <class Op, class A>
constexpr auto rewrite_linear(const Op& op, const A& a) {
  constexpr shape result = Op::result_shape(A::shape_v);
  if constexpr (is_zero<A>) return zero_of<result>();
  else if constexpr (is_negation<A>) return rewrite(a.op, rewrite(op, a.template arg<0>()));
  else if constexpr (is_scalar_multiple<A>) return rewrite(a.op, a.template arg<0>(), rewrite(op, a.template arg<1>()));
  else return make_node(op, a);
}

/// The same for an operation linear in each of two operands (∘, ⊗, ⟨,⟩).
template <class Op, class A, class B>
constexpr auto rewrite_bilinear(const Op& op, const A& a, const B& b) {
  constexpr shape result = Op::result_shape(A::shape_v, B::shape_v);
  if constexpr (is_zero<A> || is_zero<B>) return zero_of<result>();
  else if constexpr (is_negation<A>) return rewrite(a.op, rewrite(op, a.template arg<0>(), b));
  else if constexpr (is_negation<B>) return rewrite(b.op, rewrite(op, a, b.template arg<0>()));
  else if constexpr (is_scalar_multiple<A>) return rewrite(a.op, a.template arg<0>(), rewrite(op, a.template arg<1>(), b));
  else if constexpr (is_scalar_multiple<B>) return rewrite(b.op, b.template arg<0>(), rewrite(op, a, b.template arg<1>()));
  else return make_node(op, a, b);
}
}  // namespace detail

template <class A>
constexpr auto rewrite(const sum_op& op, const A& a) {
  if constexpr (A::shape_v.is_scalar()) return a;
  else return detail::rewrite_linear(op, a);
}

template <class A>
constexpr auto rewrite(const vec_op& op, const A& a) {
  if constexpr (A::shape_v.is_column()) return a;
  else if constexpr (is_node_of<A, unvec_op<A::shape_v.rows, A::shape_v.cols>>) return a.template arg<0>();
  else return detail::rewrite_linear(op, a);
}

template <class A>
constexpr auto rewrite(const diag_op& op, const A& a) {
  if constexpr (A::shape_v.is_scalar()) return a;
  else return detail::rewrite_linear(op, a);
}

/// u·w with u a column and w a row: an outer product.
template <class E>
inline constexpr bool is_outer_product = false;
template <class U, class W>
inline constexpr bool is_outer_product<node<product_op, U, W>> =
    U::shape_v.is_column() && W::shape_v.rows.is(1) && !U::shape_v.is_scalar();

/// diagonal(u wᵀ) = u ∘ w.
template <class A>
constexpr auto rewrite(const diagonal_op& op, const A& a) {
  if constexpr (A::shape_v.is_scalar()) return a;
  else if constexpr (is_outer_product<A>)
    return rewrite(hadamard_op{}, a.template arg<0>(), rewrite(transpose_op{}, a.template arg<1>()));
  else return detail::rewrite_linear(op, a);
}

template <class A, class B>
constexpr auto rewrite(const hadamard_op& op, const A& a, const B& b) {
  if constexpr (A::shape_v.is_scalar()) return rewrite(product_op{}, a, b);
  else if constexpr (is_ones<A>) return b;
  else if constexpr (is_ones<B>) return a;
  else return detail::rewrite_bilinear(op, a, b);
}

template <class A, class B>
constexpr auto rewrite(const hadamard_div_op& op, const A& a, const B& b) {
  if constexpr (A::shape_v.is_scalar()) return rewrite(quotient_op{}, a, b);
  else if constexpr (is_zero<A>) return a;
  else if constexpr (is_negation<A>) return rewrite(a.op, rewrite(op, a.template arg<0>(), b));
  else if constexpr (is_scalar_multiple<A>) return rewrite(a.op, a.template arg<0>(), rewrite(op, a.template arg<1>(), b));
  else return make_node(op, a, b);
}

template <class A, class B>
constexpr auto rewrite(const kron_op& op, const A& a, const B& b) {
  constexpr shape result = kron_op::result_shape(A::shape_v, B::shape_v);
  if constexpr (A::shape_v.is_scalar() || B::shape_v.is_scalar()) return rewrite(product_op{}, a, b);
  else if constexpr (is_identity<A> && is_identity<B>) return constant_matrix<constant_kind::identity, result.rows, result.cols>{};
  else return detail::rewrite_bilinear(op, a, b);
}

template <class A, class B>
constexpr auto rewrite(const dot_op& op, const A& a, const B& b) {
  if constexpr (A::shape_v.is_scalar()) return rewrite(product_op{}, a, b);
  else if constexpr (A::shape_v.is_column()) return rewrite(product_op{}, rewrite(transpose_op{}, a), b);
  else if constexpr (A::shape_v.rows.is(1)) return rewrite(product_op{}, a, rewrite(transpose_op{}, b));
  else if constexpr (is_zero<A> || is_zero<B>) return rational<0>{};
  else return detail::rewrite_bilinear(op, a, b);
}

/// unvec(vec(M)) = M; unvec is linear.
template <dimension R, dimension C, class A>
constexpr auto rewrite(const unvec_op<R, C>& op, const A& a) {
  if constexpr (is_node_of<A, vec_op>) {
    using M = std::remove_cvref_t<decltype(a.template arg<0>())>;
    if constexpr (M::shape_v == shape{R, C}) return a.template arg<0>();
    else return make_node(op, a);
  } else {
    return detail::rewrite_linear(op, a);
  }
}

/// K is A ⊗ B with the given right (left) factor B (A).
template <class K, class B>
inline constexpr bool kron_with_right = false;
template <class A, class B>
inline constexpr bool kron_with_right<node<kron_op, A, B>, B> = value_free<B>;
template <class A, class K>
inline constexpr bool kron_with_left = false;
template <class A, class B>
inline constexpr bool kron_with_left<A, node<kron_op, A, B>> = value_free<A>;

/// kron_adjoint_left(A ⊗ B, B) = ‖B‖²A, kron_adjoint_right(A, A ⊗ B) = ‖A‖²B; both bilinear.
template <bool Left, dimension R, dimension C, class First, class Second>
constexpr auto rewrite(const kron_adjoint_op<Left, R, C>& op, const First& first, const Second& second) {
  if constexpr (Left && kron_with_right<First, Second>) {
    return rewrite(product_op{}, rewrite(sqnorm_op{}, second), first.template arg<0>());
  } else if constexpr (!Left && kron_with_left<First, Second>) {
    return rewrite(product_op{}, rewrite(sqnorm_op{}, first), second.template arg<1>());
  } else {
    return detail::rewrite_bilinear(op, first, second);
  }
}

}  // namespace matdiff
