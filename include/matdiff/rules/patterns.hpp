/// @file
/// Shapes of terms the rewrite rules look for: sums, negations, products, and `c·X` with a
/// number c in front (the canonical place of numbers).
#pragma once

#include <type_traits>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/pack.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/constants.hpp>

namespace matdiff {

template <class E>
static constexpr bool is_negation = is_node_of<E, negate_op>;
template <class E>
static constexpr bool is_sum = is_node_of<E, add_op> || is_node_of<E, subtract_op>;

template <class E>
struct first_operand {
  using type = void;
};
template <class Op, class First, class... Rest>
struct first_operand<node<Op, First, Rest...>> {
  using type = First;
};

/// c·X with a number c: how numbers sit in a simplified product.
template <class E>
static constexpr bool is_scaled =
    is_node_of<E, product_op> && is_number<typename first_operand<E>::type>;

/// s·M with s 1x1 (a number or any 1x1 expression) and M not 1x1: linear operations
/// move s outside, L(sM) = s L(M).
template <class E>
static constexpr bool is_scalar_multiple = false;
template <class S, class M>
inline constexpr bool is_scalar_multiple<node<product_op, S, M>> =
    S::shape_v.is_scalar() && !M::shape_v.is_scalar();

/// A product of two matrices, neither 1x1: a link of a matrix chain.
template <class E>
static constexpr bool is_matrix_chain = false;
template <class L, class R>
inline constexpr bool is_matrix_chain<node<product_op, L, R>> = !L::shape_v.is_scalar() && !R::shape_v.is_scalar();

/// A factor that no product rule joins with its neighbours, only A(BC) = (AB)C: a
/// variable, its transpose, a sum. A chain of such factors simplifies the same whether it
/// is built from the left or by its tree (with inverses, diagonals or Kronecker products
/// the order in which neighbours are joined shows in the result: diag(y)(diag(s)diag(y))
/// is diag(y∘(s∘y)), (diag(y)diag(s))diag(y) is diag((y∘s)∘y)).
template <class F>
static constexpr bool is_plain_factor = is_variable<F> || is_sum<F>;
template <class V>
inline constexpr bool is_plain_factor<node<transpose_op, V>> = is_variable<V>;

/// A chain of matrices all of whose factors are plain.
template <class E>
static constexpr bool is_plain_chain = is_plain_factor<E>;
template <class L, class R>
inline constexpr bool is_plain_chain<node<product_op, L, R>> =
    is_matrix_chain<node<product_op, L, R>> && is_plain_chain<L> && is_plain_chain<R>;

/// The factors of a matrix chain, left to right, as a pack.
template <class E>
static constexpr auto chain_links(const E& e) {
  if constexpr (is_matrix_chain<E>) return concat(chain_links(arg<0>(e)), chain_links(arg<1>(e)));
  else return make_pack(e);
}

/// A product of two factors neither of which is a number.
template <class E>
static constexpr bool is_matrix_product = is_node_of<E, product_op> && !is_scaled<E>;

}  // namespace matdiff
