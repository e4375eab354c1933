// Helpers for derivative tests:
//   gradient_value(f, X, X = Xv, a = av)       grad(f, X) evaluated with f's bindings
//   expect_gradients(f, X = Xv, a = av, ...)   grad(f, V) agrees with differences, every V
//   central_difference(F, X, V, X = Xv, ...)   (F(X + hV) - F(X - hV)) / 2h
//   directional_value(F, X, V, ...)            directional(F, X, V) at the bound point
//   expect_directional(F, X, V, Vv, ...)       it agrees with central_difference
//   expect_closed_form(f, X, G, X = Xv, ...)   grad(f, X) equals the value G (relative 1e-10)
//   kronecker(a, b)                            a ⊗ b, written out
//   commutation(m, n)                          K(m, n) formed: K vec(M) = vec(Mᵀ), M m x n
//   jacobian_value(F, X, ...)                  jacobian(F, X) at the bound point
//   jacobian_by_differences(F, X, ...)         ∂vec(F)/∂vec(X)ᵀ by central differences
//   expect_jacobian(F, X, ...)                 jacobian(F, X) agrees with differences
//   hessian_value(f, X, ...)                   hessian(f, X) at the bound point
//   expect_hessian(f, X, ...)                  it is symmetric and agrees with central
//                                              differences of grad(f, X)
//   dense(value)                               a scalar or Eigen value as an Eigen::MatrixXd
//   matrix_t<R, C>, random<R, C>(rows, cols)   the Eigen type of an R x C variable, a value
//   with_square_sizes(check)                   check(sizes) with fixed and symbolic sizes
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
#include "expect.hpp"
#include "printed.hpp"

namespace matdiff_test {

/// The Eigen matrix type of an R x C variable: fixed sizes where R, C are integers.
template <auto R, auto C>
using matrix_t = Eigen::Matrix<double, matdiff::eigen_size(matdiff::to_dimension(R)),
                               matdiff::eigen_size(matdiff::to_dimension(C))>;

/// Random entries in [lo, hi] for an R x C variable whose run-time size is rows x cols.
template <auto R, auto C>
matrix_t<R, C> random(Eigen::Index rows, Eigen::Index cols, double lo = -1.0, double hi = 1.0) {
  return random_matrix<matrix_t<R, C>>(rows, cols, lo, hi);
}

/// A well-conditioned N x N value of run-time size `size`.
template <auto N>
matrix_t<N, N> invertible(Eigen::Index size) {
  return well_conditioned<matrix_t<N, N>>(size);
}

/// Compile-time sizes M x N (integers or md::dim) and their run-time values.
template <auto M, auto N>
struct sizes {
  static constexpr auto m = M;
  static constexpr auto n = N;
  Eigen::Index rows, cols;
};

/// Runs `check(sizes)` for a fixed 3 x 4 and a symbolic m x n (5 x 2) case.
void with_rectangular_sizes(auto check) {
  check(sizes<3, 4>{3, 4});
  check(sizes<matdiff::dim<"m">, matdiff::dim<"n">>{5, 2});
}

/// Runs `check(sizes)` for a fixed 3 x 3 and a symbolic n x n (4 x 4) case.
void with_square_sizes(auto check) {
  check(sizes<3, 3>{3, 3});
  check(sizes<matdiff::dim<"n">, matdiff::dim<"n">>{4, 4});
}

/// A 1x1 value (a scalar) or an Eigen value, as a dynamic double matrix.
template <class T>
Eigen::MatrixXd dense(const T& value) {
  if constexpr (std::is_arithmetic_v<T>) return Eigen::MatrixXd::Constant(1, 1, static_cast<double>(value));
  else return value.template cast<double>();
}

/// grad(f, X) at the point bound for f. The gradient may have fewer variables than f (the
/// gradient of a'x is a), and a constant gradient none (ones, I, 0), so it is evaluated
/// together with f, which gives every bound variable and symbolic size a place. The kernel
/// is md::check_gradient's, so that a test checking both compiles it once.
template <class F, class V, class... B>
Eigen::MatrixXd gradient_value(const F& f, const V& x, const B&... bindings) {
  return dense(std::get<1>(matdiff::kernel(f, matdiff::grad(f, x))(bindings...)));
}

/// grad(f, X) at the bound point equals `expected` (relative 1e-10).
template <class F, class V, class... B>
void expect_closed_form(const F& f, const V& x, const Eigen::MatrixXd& expected, const B&... bindings) {
  namespace md = matdiff;
  INFO("f    = " << printed(f) << "\ngrad = " << printed(md::grad(f, x)));
  require_close(gradient_value(f, x, bindings...), expected, 1e-10);
}

namespace detail {
/// A copy of the value bound to V, of the bound type (plain matrices, numbers): evaluating at
/// a moved copy binds the same types as at the bound point, so no new kernel is compiled.
template <class V, class... B>
auto bound_copy(const B&... bindings) {
  return matdiff::detail::movable_copy<double, V>(bindings...);
}

/// The bindings, with V bound to `value` instead.
template <class V, class B, class T>
decltype(auto) rebind(const B& b, const T& value) {
  return matdiff::detail::rebound<V>(b, value);
}

template <class V, class... B>
Eigen::MatrixXd bound_point(const B&... bindings) {
  return matdiff::detail::bound_value<double, V>(bindings...);
}
}  // namespace detail

/// grad(f, V) against central differences (md::check_gradient) for every bound variable V.
template <class F, class... B>
void expect_gradients(const F& f, const B&... bindings) {
  auto in = [&](auto v) {
    INFO("differentiated in " << decltype(v)::name.view());
    expect_gradient(f, v, bindings...);
  };
  (in(typename B::variable_type{}), ...);
}

/// (F(X + hV) - F(X - hV)) / 2h for a matrix-valued F: the directional derivative by
/// central differences. `direction` is the value of V; the bindings include X's.
template <class F, class X, class... B>
Eigen::MatrixXd central_difference(const F& f, const X&, const Eigen::MatrixXd& direction,
                                   const B&... bindings) {
  const double h = 1e-5;
  auto up = detail::bound_copy<X>(bindings...), down = up;
  if constexpr (std::is_arithmetic_v<decltype(up)>) {
    up += h * direction(0, 0);
    down -= h * direction(0, 0);
  } else {
    up += h * direction;
    down -= h * direction;
  }
  return (dense(matdiff::eval(f, detail::rebind<X>(bindings, up)...)) -
          dense(matdiff::eval(f, detail::rebind<X>(bindings, down)...))) / (2 * h);
}

/// directional(F, X, V) at the bound point. It is evaluated together with F and V, since
/// it may have lost X (the derivative of X ⊗ B is V ⊗ B).
template <class F, class X, class V, class... B>
Eigen::MatrixXd directional_value(const F& f, const X& x, const V& direction, const B&... bindings) {
  return dense(std::get<0>(matdiff::kernel(matdiff::directional(f, x, direction), f, direction)(bindings...)));
}

/// directional(F, X, V) agrees with the central difference of F along V.
template <class F, class X, class V, class VValue, class... B>
void expect_directional(const F& f, const X& x, const V& direction, const VValue& direction_value,
                        const B&... bindings) {
  INFO("F    = " << printed(f) << "\ndF.V = " << printed(matdiff::directional(f, x, direction)));
  require_close(directional_value(f, x, direction, bindings..., direction = direction_value),
                central_difference(f, x, direction_value, bindings...), 1e-6);
}

/// a ⊗ b, written out: block (i, j) is a(i, j) b.
inline Eigen::MatrixXd kronecker(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  Eigen::MatrixXd r(a.rows() * b.rows(), a.cols() * b.cols());
  for (Eigen::Index j = 0; j < a.cols(); ++j)
    for (Eigen::Index i = 0; i < a.rows(); ++i) r.block(i * b.rows(), j * b.cols(), b.rows(), b.cols()) = a(i, j) * b;
  return r;
}

/// K(m, n) formed: the mn x mn permutation with K vec(M) = vec(Mᵀ) for M m x n.
inline Eigen::MatrixXd commutation(Eigen::Index m, Eigen::Index n) {
  Eigen::MatrixXd k = Eigen::MatrixXd::Zero(m * n, m * n);
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = 0; j < n; ++j) k(j + i * n, i + j * m) = 1;
  return k;
}

/// jacobian(F, X) at the bound point, evaluated together with F (it may have lost
/// variables), in md::check_jacobian's kernel.
template <class F, class X, class... B>
Eigen::MatrixXd jacobian_value(const F& f, const X& x, const B&... bindings) {
  return dense(std::get<1>(matdiff::kernel(f, matdiff::jacobian(f, x))(bindings...)));
}

/// ∂vec(F)/∂vec(X)ᵀ by central differences, one column per entry of X, h = ∛ε max(1, |Xᵢⱼ|);
/// md::jacobian is not used. F is evaluated together with `companion`, which holds every
/// bound variable (F may have lost some: grad(x'Ax + b'x) has no b).
template <class F, class Companion, class X, class... B>
Eigen::MatrixXd jacobian_by_differences_with(const F& f, const Companion& companion, const X&, const B&... bindings) {
  auto value = [&](const auto&... at) {
    if constexpr (std::is_same_v<F, Companion>) return dense(matdiff::eval(f, at...));
    else return dense(std::get<0>(matdiff::kernel(f, companion)(at...)));
  };
  const Eigen::MatrixXd point = detail::bound_point<X>(bindings...);
  const double epsilon = std::cbrt(std::numeric_limits<double>::epsilon());
  Eigen::MatrixXd result;
  for (Eigen::Index k = 0; k < point.size(); ++k) {
    const Eigen::Index i = k % point.rows(), j = k / point.rows();
    const double h = epsilon * std::max(1.0, std::abs(point(i, j)));
    auto up = detail::bound_copy<X>(bindings...), down = up;
    matdiff::detail::entry(up, i, j) += h;
    matdiff::detail::entry(down, i, j) -= h;
    const Eigen::MatrixXd f_up = value(detail::rebind<X>(bindings, up)...);
    const Eigen::MatrixXd f_down = value(detail::rebind<X>(bindings, down)...);
    if (k == 0) result.resize(f_up.size(), point.size());
    result.col(k) = (f_up - f_down).reshaped() / (2 * h);
  }
  return result;
}

template <class F, class X, class... B>
Eigen::MatrixXd jacobian_by_differences(const F& f, const X& x, const B&... bindings) {
  return jacobian_by_differences_with(f, f, x, bindings...);
}

/// jacobian(F, X) agrees with central differences (md::check_jacobian).
template <class F, class X, class... B>
void expect_jacobian(const F& f, const X& x, const B&... bindings) {
  namespace md = matdiff;
  const auto check = md::check_jacobian(f, x, bindings...);
  INFO("F = " << printed(f) << "\nJ = " << printed(md::jacobian(f, x))
              << "\nmax rel error " << check.max_rel_error << "\ndifferences:\n" << check.differences);
  REQUIRE(check.ok);
}

/// hessian(f, X) at the bound point, evaluated together with f in md::check_hessian's kernel.
template <class F, class X, class... B>
Eigen::MatrixXd hessian_value(const F& f, const X& x, const B&... bindings) {
  return dense(std::get<1>(matdiff::kernel(f, matdiff::hessian(f, x))(bindings...)));
}

/// hessian(f, X) is symmetric and agrees with central differences of vec(grad(f, X))
/// (md::check_hessian).
template <class F, class X, class... B>
void expect_hessian(const F& f, const X& x, const B&... bindings) {
  namespace md = matdiff;
  const auto check = md::check_hessian(f, x, bindings...);
  INFO("f = " << printed(f) << "\nH = " << printed(md::hessian(f, x))
              << "\nmax rel error " << check.max_rel_error << "\ndifferences:\n" << check.differences);
  const Eigen::MatrixXd h = hessian_value(f, x, bindings...);
  require_close(h, h.transpose(), 1e-10);
  REQUIRE(check.ok);
}

}  // namespace matdiff_test
