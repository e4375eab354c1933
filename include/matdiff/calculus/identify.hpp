/// @file
/// Identification: from df, linear in dX, to the gradient G with df = tr(Gᵀ dX).
///
/// The cotangent walk: start at the root of df with cotangent 1 and push it down; at dX
/// it is collected, and G is the sum of what arrives there. Each step is the adjoint of the
/// operation it passes, `pull_through(op, e, c)`, which lives with the operation
/// (ops/<op>.hpp; calculus/walks.hpp): the trace rules, e.g.
///
///     through A·M               M gets Aᵀ·C        tr(Cᵀ A dM) = tr((AᵀC)ᵀ dM)
///     through M·B               M gets C·Bᵀ        tr(Cᵀ dM B) = tr((CBᵀ)ᵀ dM)   (cyclic rule)
///     through Mᵀ                M gets Cᵀ          tr(Aᵀ) = tr(A)
///
/// This walk names no operation. It visits each node of df once and always ends.
#pragma once

#include <type_traits>
#include <utility>

#include <matdiff/calculus/d.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/simplify.hpp>

namespace matdiff {

namespace identification {

template <class E>
inline constexpr bool has_d = contains_differential<E>;

/// An operation whose operand holding dX is not reached linearly (it has no adjoint rule).
template <class Op, class E, class C>
constexpr auto pull_through(const Op&, const E&, const C&) {
  constexpr diagnostic message = text("matdiff: identification: dX appears inside a non-linear operation (") +
                                 sums::printed_type<E>() + "): the differential is not linear in dX";
  static_assert(error<message>, "matdiff: identification needs a differential linear in dX");
  return no_term{};
}

template <class E, class C>
constexpr auto pull(const E& e, const C& cotangent) {
  if constexpr (!has_d<E>) return no_term{};
  else if constexpr (is_differential_symbol<E>) return cotangent;
  else return pull_through(e.op, e, cotangent);
}

}  // namespace identification

/// True when the simplified T is symmetric by its type: Tᵀ simplifies to T itself (for a T
/// that holds no numbers the type does not show), or T is a number times, a sum, a
/// difference or a negation of such.
template <class T>
constexpr bool symmetric_by_type() {
  if constexpr (T::shape_v.is_scalar()) {
    return true;
  } else if constexpr (holds_no_data<T>) {
    return std::is_same_v<std::remove_cvref_t<decltype(simplified(make_node(transpose_op{}, std::declval<const T&>())))>, T>;
  } else if constexpr (is_node_of<T, add_op> || is_node_of<T, subtract_op> || is_node_of<T, product_op>) {
    using A = std::remove_cvref_t<decltype(std::declval<const T&>().template arg<0>())>;
    using B = std::remove_cvref_t<decltype(std::declval<const T&>().template arg<1>())>;
    if constexpr (is_node_of<T, product_op> && !A::shape_v.is_scalar() && !B::shape_v.is_scalar()) return false;
    else return symmetric_by_type<A>() && symmetric_by_type<B>();
  } else if constexpr (is_node_of<T, negate_op> || is_node_of<T, quotient_op>) {
    return symmetric_by_type<std::remove_cvref_t<decltype(std::declval<const T&>().template arg<0>())>>();
  } else {
    return false;
  }
}

/// The symmetric part (T + Tᵀ)/2 of a simplified term T, unsimplified; T itself when it is
/// symmetric by its type.
template <class T>
constexpr auto symmetric_part_of_term(const T& t) {
  if constexpr (symmetric_by_type<T>()) return t;
  else return make_node(add_op{}, make_node(product_op{}, rational<1, 2>{}, t),
                        make_node(product_op{}, rational<1, 2>{}, simplified(make_node(transpose_op{}, t))));
}

/// The symmetric part (G + Gᵀ)/2 of a simplified G, term by term: the terms of G that are
/// symmetric stay as they are (N Σ⁻¹ + (A + Aᵀ)/2, not (N Σ⁻¹ + A + N Σ⁻¹ + Aᵀ)/2).
template <class G>
constexpr auto symmetric_terms(const G& g) {
  if constexpr (is_node_of<G, add_op> || is_node_of<G, subtract_op>)
    return make_node(g.op, symmetric_terms(g.template arg<0>()), symmetric_terms(g.template arg<1>()));
  else if constexpr (is_node_of<G, negate_op>)
    return make_node(g.op, symmetric_terms(g.template arg<0>()));
  else
    return symmetric_part_of_term(g);
}
template <class G>
constexpr auto symmetric_part(const G& g) {
  const auto s = symmetric_terms(g);
  if constexpr (std::is_same_v<std::remove_cvref_t<decltype(s)>, G>) return g;
  else return simplified(s);
}

/// G with df = tr(Gᵀ dX), simplified; df must be linear in dX (= `md::d(X)`, V = X's type).
/// For a symmetric X (`md::symmetric`, `md::spd`) G is the symmetric matrix with
/// df = tr(G dX) for every symmetric dX: the symmetric part (G₀ + G₀ᵀ)/2 of the
/// unconstrained G₀ (API §2.2).
template <class V, class DF>
constexpr auto identify_gradient(const DF& df) {
  const auto g = identification::pull(df, rational<1>{});
  if constexpr (std::is_same_v<std::remove_cvref_t<decltype(g)>, identification::no_term>) return zero_of<V::shape_v>();
  else if constexpr (is_symmetric_variable<V>) return symmetric_part(simplified(g));
  else return simplified(g);
}

}  // namespace matdiff
