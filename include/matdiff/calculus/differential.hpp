/// @file
/// `md::differential(f, X)`: df, an expression linear in `md::d(X)`.
///
/// The differential is built by the rules of the operations (each `Op::differential` in
/// ops/<op>.hpp, e.g. d(AB) = dA B + A dB), from dX = `md::d(X)` at the variable X and 0 at
/// constants, other variables and subexpressions free of X. For a 1x1 f the result is
/// identified and simplified into the textbook form tr(Gᵀ dX) (Gᵀ dX for a vector X);
/// otherwise it is the simplified dF.
#pragma once

#include <type_traits>

#include <matdiff/calculus/d.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/rules/simplify.hpp>

namespace matdiff {

template <class E, class V>
concept depends_on = E::variables_v.contains(V::ref_v);

namespace detail {
/// Node E's operation has a differential rule for operands and differentials T...
template <class E, class... T>
concept has_differential = requires(const E& e, const T&... t) { e.op.differential(e, t...); };

/// The operation's rule applied to the node's operands and their differentials; a missing
/// rule is reported once, at the node that lacks it (types, not captured packs, are checked:
/// clang 16 does not expand a captured pack in a requires-expression).
template <class E, class IA, class... A, class ID, class... D>
static constexpr auto apply_differential_rule(const E& e, const indexed_pack<IA, A...>& operands,
                                       const indexed_pack<ID, D...>& differentials) {
  if constexpr (has_differential<E, A..., D...>) {
    return operands.apply([&](const A&... a) {
      return differentials.apply([&](const D&... da) { return e.op.differential(e, a..., da...); });
    });
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
    return detail::apply_differential_rule(
        e, e.args, e.args.apply([](const auto&... a) { return make_pack(raw_differential<V>(a)...); }));
  }
}

}  // namespace matdiff
