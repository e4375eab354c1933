/// @file
/// `md::hessian(f, X)`: the Hessian of a 1x1 expression f,
///
///     H = md::jacobian(md::vec(md::grad(f, X)), X),   H(i, j) = ∂²f / ∂vec(X)ᵢ ∂vec(X)ⱼ,
///
/// n x n for a vector x, (RC) x (RC) for an R x C matrix X; in closed matrix form:
/// x'Ax gives A + A', a sum of element-wise losses of Xw gives X' diag(s) X, and
/// ‖T - UV'‖² in U gives 2 (V'V ⊗ I). A Hessian-vector product without H is
/// md::directional(md::grad(f, X), X, V).
#pragma once

#include <matdiff/calculus/grad.hpp>
#include <matdiff/calculus/jacobian.hpp>
#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/ops/vec.hpp>

namespace matdiff {

/// ∇²f with respect to X, (rows(X)·cols(X)) square.
template <class F, class V>
static constexpr auto hessian(const F& f, const V& x) {
  constexpr detail::derivative_problem_t problem = detail::derivative_problem<F, V>("hessian", true);
  if constexpr (any_invalid<F>) {
    return invalid_expression{};
  } else if constexpr (!problem.ok()) {
    detail::report_derivative_error<problem>();
    return invalid_expression{};
  } else {
    return jacobian(vec(grad(f, x)), x);
  }
}

}  // namespace matdiff
