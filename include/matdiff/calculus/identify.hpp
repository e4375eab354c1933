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
#include <matdiff/calculus/symmetric.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/rules/simplify.hpp>

namespace matdiff {

namespace identification {

template <class E>
concept has_d = contains_differential<E>;

/// An operation whose operand holding dX is not reached linearly (it has no adjoint rule).
template <class Op, class E, class C>
static constexpr auto pull_through(const Op&, const E&, const C&) {
  constexpr diagnostic message = text("matdiff: identification: dX appears inside a non-linear operation (") +
                                 sums::printed_type<E>() + "): the differential is not linear in dX";
  static_assert(error<message>, "matdiff: identification needs a differential linear in dX");
  return no_term{};
}

template <class E, class C>
static constexpr auto pull(const E& e, const C& cotangent) {
  if constexpr (!has_d<E>) return no_term{};
  else if constexpr (is_differential_symbol<E>) return cotangent;
  else return pull_through(e.op, e, cotangent);
}

}  // namespace identification

/// G with df = tr(Gᵀ dX), simplified; df must be linear in dX (= `md::d(X)`, V = X's type).
/// For a symmetric X (`md::symmetric`, `md::spd`) G is the symmetric matrix with
/// df = tr(G dX) for every symmetric dX: the symmetric part (G₀ + G₀ᵀ)/2 of the
/// unconstrained G₀ (API §2.2; calculus/symmetric.hpp).
template <class V, class DF>
static constexpr auto identify_gradient(const DF& df) {
  const auto g = identification::pull(df, rational<1>{});
  if constexpr (__is_same(std::remove_cvref_t<decltype(g)>, identification::no_term)) return zero_of<V::shape_v>();
  else if constexpr (is_symmetric_variable<V>) return symmetric_part(simplified(g));
  else return simplified(g);
}

}  // namespace matdiff
