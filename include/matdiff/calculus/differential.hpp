/// @file
/// `md::differential(f, X)`: df, an expression linear in `md::d(X)`.
///
/// The differential is built by the rules of the operations (each `Op::differential` in
/// ops/<op>.hpp, e.g. d(AB) = dA B + A dB), from dX = `md::d(X)` at the variable X and 0 at
/// constants, other variables and subexpressions free of X. For a 1x1 f the result is
/// identified and simplified into the textbook form tr(Gᵀ dX) (Gᵀ dX for a vector X);
/// otherwise it is the simplified dF.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

#include <matdiff/calculus/d.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/rules/simplify.hpp>

namespace matdiff {

template <class E, class V>
concept depends_on = E::variables_v.contains(V::ref_v);

template <class V, class E>
static constexpr auto raw_differential(const E& e);

namespace detail {
/// Node E's operation has a differential rule for operands and differentials T...
template <class E, class... T>
concept has_differential = requires(const E& e, const T&... t) { e.op.differential(e, t...); };

/// The operation's rule applied to node e's operands and their differentials; a missing
/// rule is reported once, at the node that lacks it. One function per node: the operands
/// and differentials as packs taken apart by lambdas were seven (three lambdas, their
/// `apply`s, the pack of differentials).
template <class V, class E, std::size_t... I>
static constexpr auto differential_by_rule(const E& e, std::index_sequence<I...>) {
  if constexpr (has_differential<E, pack_element_t<I, decltype(E::args)>...,
                                 decltype(raw_differential<V>(arg<I>(e)))...>) {
    return e.op.differential(e, arg<I>(e)..., raw_differential<V>(arg<I>(e))...);
  } else {
    static_assert(sizeof(E) == 0,
                  "matdiff: differential: the operation has no member `differential(e, operands..., "
                  "differentials of the operands...)`");
    return zero_of<E::shape_v>();
  }
}
}  // namespace detail

/// The raw (unsimplified) differential of e with respect to variable type V.
template <class V, class E>
static constexpr auto raw_differential(const E& e) {
  if constexpr (__is_same(E, V)) {
    return differential_symbol<V>{};
  } else if constexpr (!is_node<E> || !depends_on<E, V>) {
    return zero_of<E::shape_v>();
  } else {
    return detail::differential_by_rule<V>(e, std::make_index_sequence<decltype(E::args)::size>{});
  }
}

}  // namespace matdiff
