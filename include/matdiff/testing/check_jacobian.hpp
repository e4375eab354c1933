/// @file
/// `md::check_jacobian(F, X, bindings...)` and `md::check_hessian(f, X, bindings...)`:
/// `md::jacobian(F, X)` and `md::hessian(f, X)` against central finite differences at the
/// bound point.
///
///     auto check = md::check_hessian(f, X, X = Xv, B = Bv);
///     assert(check.ok);   // max_rel_error below 1e-6 (double) or 2.4e-3 (float)
///
/// Column k of the Jacobian ∂vec(F)/∂vec(X)ᵀ, with k = i + j·rows(X), is compared with
/// (vec F(X + h eᵢⱼ) - vec F(X - h eᵢⱼ)) / 2h, h = ∛ε · max(1, |Xᵢⱼ|); the Hessian is the
/// Jacobian of vec(∇f), so its columns are differences of the gradient. Relative errors
/// divide by max(1, |difference quotient|), as in `md::check_gradient`; a symmetric X is
/// moved along symmetric directions Eᵢⱼ + Eⱼᵢ, as there; a NaN or infinity in
/// the derivative or the differences makes `ok` false and is named in `message`.
#pragma once

#include <tuple>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/calculus/grad.hpp>
#include <matdiff/calculus/hessian.hpp>
#include <matdiff/calculus/jacobian.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/eval/kernel.hpp>
#include <matdiff/testing/check_gradient.hpp>

namespace matdiff {

/// Compares jacobian(F, X) with central finite differences of vec(F) at the bound point.
template <class F, class V, class... B>
gradient_check check_jacobian(const F& f, const V& x, const B&... bindings) {
  static_assert(is_variable<V>, "matdiff: check_jacobian: the second argument must be a variable");
  static_assert(((__is_same(typename B::variable_type, V)) || ...),
                "matdiff: check_jacobian: the variable needs a binding");
  // One kernel for F and its Jacobian: the Jacobian may have lost variables of F.
  const auto [value, j] = kernel(f, jacobian(f, x))(bindings...);
  using S = typename detail::scalar_of<std::remove_cvref_t<decltype(value)>>::type;
  const auto value_at = [&](const auto&... moved) { return eval(f, moved...); };
  auto result = detail::compare_jacobian<S, V>(detail::as_dynamic_matrix<S>(j), value_at, bindings...);
  detail::describe_failure(result, "check_jacobian", "Jacobian", result.differences.rows());
  return result;
}

/// Compares hessian(f, X) with central finite differences of grad(f, X) at the bound point.
template <class F, class V, class... B>
gradient_check check_hessian(const F& f, const V& x, const B&... bindings) {
  static_assert(is_variable<V>, "matdiff: check_hessian: the second argument must be a variable");
  static_assert(((__is_same(typename B::variable_type, V)) || ...),
                "matdiff: check_hessian: the variable needs a binding");
  // f is in every kernel so that the bindings of f are the bindings of the kernel.
  const auto [value, h] = kernel(f, hessian(f, x))(bindings...);
  using S = std::remove_cvref_t<decltype(value)>;
  const auto gradient_at = [&](const auto&... moved) { return std::get<1>(kernel(f, grad(f, x))(moved...)); };
  auto result = detail::compare_jacobian<S, V>(detail::as_dynamic_matrix<S>(h), gradient_at, bindings...);
  detail::describe_failure(result, "check_hessian", "Hessian", result.differences.rows());
  return result;
}

}  // namespace matdiff
