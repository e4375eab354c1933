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
inline constexpr bool depends_on = E::variables_v.contains(V::info_v);

/// The raw (unsimplified) differential of e with respect to variable type V.
template <class V, class E>
constexpr auto raw_differential(const E& e) {
  if constexpr (std::is_same_v<E, V>) {
    return differential_symbol<V>{};
  } else if constexpr (!is_node<E> || !depends_on<E, V>) {
    return zero_of<E::shape_v>();
  } else {
    return e.args.apply([&](const auto&... a) { return e.op.differential(e, a..., raw_differential<V>(a)...); });
  }
}

}  // namespace matdiff
