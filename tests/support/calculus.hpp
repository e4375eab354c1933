// Helpers for derivative tests:
//   gradient_value(f, X, X = Xv, a = av)       grad(f, X) evaluated with f's bindings
//   finite_differences(f, X, X = Xv, a = av)   central differences of f, without md::grad
//   expect_gradient_by_differences(f, X, ...)  the two agree
//   central_difference(F, X, V, X = Xv, ...)   (F(X + hV) - F(X - hV)) / 2h
//   dense(value)                               a scalar or Eigen value as an Eigen::MatrixXd
//   matrix_t<R, C>                             the Eigen type of an R x C variable
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "eigen_check.hpp"

namespace matdiff_test {

/// The Eigen matrix type of an R x C variable: fixed sizes where R, C are integers.
template <auto R, auto C>
using matrix_t = Eigen::Matrix<double, matdiff::eigen_size(matdiff::to_dimension(R)),
                               matdiff::eigen_size(matdiff::to_dimension(C))>;

/// A 1x1 value (a scalar) or an Eigen value, as a dynamic double matrix.
template <class T>
Eigen::MatrixXd dense(const T& value) {
  if constexpr (std::is_arithmetic_v<T>) return Eigen::MatrixXd::Constant(1, 1, static_cast<double>(value));
  else return value.template cast<double>();
}

/// grad(f, X) at the point bound for f. The gradient may have fewer variables than f (the
/// gradient of a'x is a), and a constant gradient none (ones, I, 0), so it is evaluated
/// together with f, which gives every bound variable and symbolic size a place.
template <class F, class V, class... B>
Eigen::MatrixXd gradient_value(const F& f, const V& x, const B&... bindings) {
  return dense(std::get<0>(matdiff::kernel(matdiff::grad(f, x), f)(bindings...)));
}

namespace detail {
/// The binding b, or for variable V a binding of V to `value` instead.
template <class V, class B, class T>
auto rebind(const B& b, const T& value) {
  if constexpr (std::is_same_v<typename B::variable_type, V>) {
    if constexpr (V::shape_v.is_scalar()) return V{} = value(0, 0);
    else return V{} = value;
  } else {
    return b;
  }
}

template <class V, class... B>
Eigen::MatrixXd bound_point(const B&... bindings) {
  Eigen::MatrixXd point;
  auto take = [&](const auto& b) {
    if constexpr (std::is_same_v<typename std::remove_cvref_t<decltype(b)>::variable_type, V>) point = dense(b.value);
  };
  (take(bindings), ...);
  return point;
}
}  // namespace detail

/// ∂f/∂X(i, j) by central differences, h = ∛ε max(1, |Xᵢⱼ|); md::grad is not used.
template <class F, class V, class... B>
Eigen::MatrixXd finite_differences(const F& f, const V&, const B&... bindings) {
  const Eigen::MatrixXd point = detail::bound_point<V>(bindings...);
  Eigen::MatrixXd result(point.rows(), point.cols());
  const double epsilon = std::cbrt(std::numeric_limits<double>::epsilon());
  for (Eigen::Index j = 0; j < point.cols(); ++j)
    for (Eigen::Index i = 0; i < point.rows(); ++i) {
      const double h = epsilon * std::max(1.0, std::abs(point(i, j)));
      Eigen::MatrixXd up = point, down = point;
      up(i, j) += h;
      down(i, j) -= h;
      const double f_up = matdiff::eval(f, detail::rebind<V>(bindings, up)...);
      const double f_down = matdiff::eval(f, detail::rebind<V>(bindings, down)...);
      result(i, j) = (f_up - f_down) / (2 * h);
    }
  return result;
}

/// grad(f, X) agrees with central differences (relative 1e-6, as md::check_gradient).
/// For gradients md::check_gradient cannot evaluate: it binds every variable of f to
/// grad(f, X), a compile error when the gradient has lost one (a'x -> a, sum(X) -> ones).
template <class F, class V, class... B>
void expect_gradient_by_differences(const F& f, const V& x, const B&... bindings) {
  namespace md = matdiff;
  INFO("f    = " << md::to_string(f).view() << "\ngrad = " << md::to_string(md::grad(f, x)).view());
  require_close(gradient_value(f, x, bindings...), finite_differences(f, x, bindings...), 1e-6);
}

/// (F(X + hV) - F(X - hV)) / 2h for a matrix-valued F: the directional derivative by
/// central differences. `direction` is the value of V; the bindings include X's.
template <class F, class X, class... B>
Eigen::MatrixXd central_difference(const F& f, const X&, const Eigen::MatrixXd& direction,
                                   const B&... bindings) {
  const Eigen::MatrixXd point = detail::bound_point<X>(bindings...);
  const double h = 1e-5;
  const Eigen::MatrixXd up = point + h * direction, down = point - h * direction;
  return (dense(matdiff::eval(f, detail::rebind<X>(bindings, up)...)) -
          dense(matdiff::eval(f, detail::rebind<X>(bindings, down)...))) / (2 * h);
}

}  // namespace matdiff_test
