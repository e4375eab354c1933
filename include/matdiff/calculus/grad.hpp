/// @file
/// `md::grad(f, X)`: the gradient of a 1x1 expression f, same shape as X,
/// G(i, j) = ∂f/∂X(i, j); and `md::differential(f, X)`.
///
/// Computed at compile time: df by the differential rules, G by identification
/// (df = tr(Gᵀ dX)), then simplified. For f = tr(XBXᵀ): df = tr(dX B Xᵀ + X B dXᵀ)
/// = tr((B + Bᵀ) Xᵀ dX), so G = X(B + Bᵀ).
#pragma once

#include <type_traits>

#include <matdiff/calculus/d.hpp>
#include <matdiff/calculus/differential.hpp>
#include <matdiff/calculus/identify.hpp>
#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/trace.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/simplify.hpp>

namespace matdiff {

namespace detail {
template <class F, class V>
consteval diagnostic derivative_problem(const char* operation, bool scalar_only) {
  if (!expression<F>) return text("matdiff: ") + operation + ": the function is not a matdiff expression";
  if (!is_variable<V>)
    return text("matdiff: ") + operation +
           ": differentiate with respect to a variable (md::matrix, md::vector, md::scalar)";
  if constexpr (expression<F>) {
    if (scalar_only && !F::shape_v.is_scalar())
      return text("matdiff: ") + operation + " of a " + F::shape_v.to_text() +
             " expression: the function must be 1x1 (for a matrix-valued function use md::directional)";
  }
  return {};
}
}  // namespace detail

/// ∇ₓf: the gradient of the 1x1 expression f with respect to variable X.
template <class F, class V>
constexpr auto grad(const F& f, const V&) {
  constexpr diagnostic problem = detail::derivative_problem<F, V>("grad", true);
  if constexpr (any_invalid<F>) {
    return invalid_expression{};
  } else if constexpr (!problem.ok()) {
    static_assert(error<problem>, "matdiff: grad: invalid arguments (the reason is below)");
    return invalid_expression{};
  } else {
    return identify_gradient<V>(raw_differential<V>(f));
  }
}

/// df, linear in md::d(X); for a 1x1 f in the identified form tr(Gᵀ dX).
template <class F, class V>
constexpr auto differential(const F& f, const V& x) {
  constexpr diagnostic problem = detail::derivative_problem<F, V>("differential", false);
  if constexpr (any_invalid<F>) {
    return invalid_expression{};
  } else if constexpr (!problem.ok()) {
    static_assert(error<problem>, "matdiff: differential: invalid arguments (the reason is below)");
    return invalid_expression{};
  } else if constexpr (F::shape_v.is_scalar()) {
    return simplify(trace(transpose(grad(f, x)) * d(x)));
  } else {
    return simplify(raw_differential<V>(f));
  }
}

}  // namespace matdiff
