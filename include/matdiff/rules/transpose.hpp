/// @file
/// Rewrite rules for transposes: they are pushed down to the leaves.
///
///     (Aᵀ)ᵀ = A,  aᵀ = a (1x1),  Iᵀ = I,  0ᵀ = 0,  (AB)ᵀ = BᵀAᵀ,  (A ± B)ᵀ = Aᵀ ± Bᵀ,
///     K(m,n)ᵀ = K(n,m),  (-A)ᵀ = -Aᵀ,  (A∘B)ᵀ = Aᵀ∘Bᵀ,  (A⊗B)ᵀ = Aᵀ⊗Bᵀ,  diag(v)ᵀ = diag(v),  σ(A)ᵀ = σ(Aᵀ)
/// A transpose then sits only on a variable, an inverse or another non-linear leaf, where
/// Eigen applies it for free. A symmetric matrix is its own transpose, Sᵀ = S: a symmetric
/// variable (`md::symmetric`, `md::spd`), and built from such, S⁻¹, adj(S), -S, S ± T, cS, S/c.
#pragma once

#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/commutation.hpp>
#include <matdiff/ops/diag.hpp>
#include <matdiff/ops/elementwise.hpp>
#include <matdiff/ops/hadamard.hpp>
#include <matdiff/ops/kron.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/patterns.hpp>
#include <matdiff/rules/products.hpp>
#include <matdiff/rules/sums.hpp>

namespace matdiff {

struct adj_op;

template <class E>
inline constexpr bool transposes_into_operands =
    is_node_of<E, add_op> || is_node_of<E, subtract_op> || is_node_of<E, negate_op> ||
    is_node_of<E, hadamard_op> || is_node_of<E, hadamard_div_op> || is_node_of<E, kron_op> ||
    is_node_of<E, pow_op>;

template <class E>
inline constexpr bool is_elementwise_function = false;
template <class F, class A>
inline constexpr bool is_elementwise_function<node<elementwise_op<F>, A>> = true;

/// True when E is known to be symmetric from its type: a symmetric variable, and the
/// inverse, negation, sums and scalings of symmetric matrices.
template <class E>
inline constexpr bool is_known_symmetric = is_symmetric_variable<E>;
template <class A>
inline constexpr bool is_known_symmetric<node<inv_op, A>> = is_known_symmetric<A>;
template <class A>
inline constexpr bool is_known_symmetric<node<adj_op, A>> = is_known_symmetric<A>;
template <class A>
inline constexpr bool is_known_symmetric<node<negate_op, A>> = is_known_symmetric<A>;
template <class A, class B>
inline constexpr bool is_known_symmetric<node<add_op, A, B>> = is_known_symmetric<A> && is_known_symmetric<B>;
template <class A, class B>
inline constexpr bool is_known_symmetric<node<subtract_op, A, B>> = is_known_symmetric<A> && is_known_symmetric<B>;
template <class A, class B>
inline constexpr bool is_known_symmetric<node<product_op, A, B>> =
    (A::shape_v.is_scalar() && is_known_symmetric<B>) || (B::shape_v.is_scalar() && is_known_symmetric<A>);
template <class A, class B>
inline constexpr bool is_known_symmetric<node<quotient_op, A, B>> = is_known_symmetric<A>;

template <class A>
constexpr auto rewrite(const transpose_op& op, const A& a) {
  if constexpr (A::shape_v.is_scalar() || is_identity<A> || is_node_of<A, diag_op> || is_known_symmetric<A>) {
    return a;
  } else if constexpr (is_zero<A>) {
    return zero_of<A::shape_v.transposed()>();
  } else if constexpr (is_ones<A>) {
    return constant_matrix<constant_kind::ones, A::shape_v.cols, A::shape_v.rows>{};
  } else if constexpr (is_commutation<A>) {
    return commutation_matrix<A::cols_of_a, A::rows_of_a>{};
  } else if constexpr (is_node_of<A, transpose_op>) {
    return a.template arg<0>();
  } else if constexpr (is_matrix_chain<A> && is_plain_chain<A>) {  // (f₁…fₙ)ᵀ = fₙᵀ…f₁ᵀ, from the left
    return reversed_chain_product(chain_links(a).apply([&](const auto&... f) { return make_pack(rewrite(op, f)...); }));
  } else if constexpr (is_node_of<A, product_op>) {
    return rewrite(a.op, rewrite(op, a.template arg<1>()), rewrite(op, a.template arg<0>()));
  } else if constexpr (is_sum<A>) {
    return sums::distributed(op, a);
  } else if constexpr (transposes_into_operands<A> || is_elementwise_function<A>) {
    return a.args.apply([&](const auto&... x) { return rewrite(a.op, rewrite(op, x)...); });
  } else {
    return make_node(op, a);
  }
}

}  // namespace matdiff
