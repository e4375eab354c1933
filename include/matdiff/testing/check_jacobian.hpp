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
/// divide by max(1, |difference quotient|), as in `md::check_gradient`.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/calculus/grad.hpp>
#include <matdiff/calculus/hessian.hpp>
#include <matdiff/calculus/jacobian.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/eval/kernel.hpp>
#include <matdiff/testing/check_gradient.hpp>

namespace matdiff {

namespace detail {
/// A value of an expression (a number or an Eigen object) as a dynamic matrix.
template <class S, class T>
Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic> as_dynamic_matrix(const T& value) {
  if constexpr (std::is_arithmetic_v<T>) return Eigen::Matrix<S, 1, 1>::Constant(static_cast<S>(value));
  else return value.template cast<S>();
}

/// The scalar type of a value: the number itself, or the Eigen object's Scalar.
template <class T>
struct scalar_of {
  using type = typename T::Scalar;
};
template <class T>
  requires std::is_arithmetic_v<T>
struct scalar_of<T> {
  using type = T;
};

/// Compares the evaluated Jacobian J of vec(F) in V with central differences of vec(F);
/// `value_at(bindings...)` evaluates F (any shape) at the given bindings.
template <class S, class V, class Value, class... B>
gradient_check compare_jacobian(const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>& jacobian,
                                const Value& value_at, const B&... bindings) {
  const auto point = bound_value<S, V>(bindings...);
  gradient_check result;
  result.tolerance = std::max(1e-6, 100 * std::pow(static_cast<double>(std::numeric_limits<S>::epsilon()), 2.0 / 3.0));
  const S epsilon = std::cbrt(std::numeric_limits<S>::epsilon());
  for (Eigen::Index j = 0; j < point.cols(); ++j) {
    for (Eigen::Index i = 0; i < point.rows(); ++i) {
      const S h = epsilon * std::max(S(1), std::abs(point(i, j)));
      auto moved_value = [&](S offset) {
        auto moved = point;
        moved(i, j) += offset;
        Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic> out;
        if constexpr (V::shape_v.is_scalar()) out = as_dynamic_matrix<S>(value_at(rebound<V>(bindings, moved(0, 0))...));
        else out = as_dynamic_matrix<S>(value_at(rebound<V>(bindings, moved)...));
        return out.reshaped().template cast<double>().eval();
      };
      const Eigen::VectorXd difference = (moved_value(h) - moved_value(-h)) / (2.0 * static_cast<double>(h));
      const Eigen::Index k = i + j * point.rows();
      for (Eigen::Index r = 0; r < difference.size(); ++r) {
        const double error = std::abs(static_cast<double>(jacobian(r, k)) - difference(r));
        result.max_abs_error = std::max(result.max_abs_error, error);
        result.max_rel_error = std::max(result.max_rel_error, error / std::max(1.0, std::abs(difference(r))));
      }
    }
  }
  result.ok = result.max_rel_error <= result.tolerance;
  return result;
}
}  // namespace detail

/// Compares jacobian(F, X) with central finite differences of vec(F) at the bound point.
template <class F, class V, class... B>
gradient_check check_jacobian(const F& f, const V& x, const B&... bindings) {
  static_assert(is_variable<V>, "matdiff: check_jacobian: the second argument must be a variable");
  static_assert(((std::is_same_v<typename B::variable_type, V>) || ...),
                "matdiff: check_jacobian: the variable needs a binding");
  // One kernel for F and its Jacobian: the Jacobian may have lost variables of F.
  const auto [value, j] = kernel(f, jacobian(f, x))(bindings...);
  using S = typename detail::scalar_of<std::remove_cvref_t<decltype(value)>>::type;
  const auto value_at = [&](const auto&... moved) { return eval(f, moved...); };
  return detail::compare_jacobian<S, V>(detail::as_dynamic_matrix<S>(j), value_at, bindings...);
}

/// Compares hessian(f, X) with central finite differences of grad(f, X) at the bound point.
template <class F, class V, class... B>
gradient_check check_hessian(const F& f, const V& x, const B&... bindings) {
  static_assert(is_variable<V>, "matdiff: check_hessian: the second argument must be a variable");
  static_assert(((std::is_same_v<typename B::variable_type, V>) || ...),
                "matdiff: check_hessian: the variable needs a binding");
  // f is in every kernel so that the bindings of f are the bindings of the kernel.
  const auto [value, h] = kernel(f, hessian(f, x))(bindings...);
  using S = std::remove_cvref_t<decltype(value)>;
  const auto gradient_at = [&](const auto&... moved) { return std::get<1>(kernel(f, grad(f, x))(moved...)); };
  return detail::compare_jacobian<S, V>(detail::as_dynamic_matrix<S>(h), gradient_at, bindings...);
}

}  // namespace matdiff
