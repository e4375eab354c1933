/// @file
/// Derivatives by Eigen's AutoDiffScalar (unsupported/Eigen/AutoDiff), forward mode:
/// the gradient by one pass with n-dimensional derivative vectors, the Hessian by one pass
/// of nested AutoDiffScalar (derivative vectors of AutoDiffScalar), n² second derivatives
/// carried through every operation.
#pragma once

#include <tuple>

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

namespace bench::autodiff {

using first = Eigen::AutoDiffScalar<Eigen::VectorXd>;
using first_vector = Eigen::Matrix<first, Eigen::Dynamic, 1>;
using second = Eigen::AutoDiffScalar<first_vector>;
using second_vector = Eigen::Matrix<second, Eigen::Dynamic, 1>;

/// (f(x), ∇f(x)) for f taking a vector of `first`.
template <class F>
std::tuple<double, Eigen::VectorXd> value_and_gradient(const F& f, const Eigen::VectorXd& x) {
  const Eigen::Index n = x.size();
  first_vector seeded(n);
  for (Eigen::Index i = 0; i < n; ++i) seeded[i] = first(x[i], n, i);
  const first y = f(seeded);
  Eigen::VectorXd g = y.derivatives();
  if (g.size() == 0) g = Eigen::VectorXd::Zero(n);  // f did not depend on x
  return {y.value(), std::move(g)};
}

/// ∇²f(x) for f taking a vector of `second`.
template <class F>
std::tuple<Eigen::MatrixXd> hessian(const F& f, const Eigen::VectorXd& x) {
  const Eigen::Index n = x.size();
  second_vector seeded(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    seeded[i].value() = first(x[i], n, i);
    seeded[i].derivatives() = first_vector::Constant(n, first(0.0, Eigen::VectorXd::Zero(n)));
    seeded[i].derivatives()[i] = first(1.0, Eigen::VectorXd::Zero(n));
  }
  const second y = f(seeded);
  Eigen::MatrixXd H = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index j = 0; j < y.derivatives().size(); ++j)
    if (y.derivatives()[j].derivatives().size() == n) H.col(j) = y.derivatives()[j].derivatives();
  return {std::move(H)};
}

/// Fixed N: derivative vectors of compile-time size K (no heap allocation), nested for the
/// Hessian: (f, ∇f, ∇²f) of f taking a K-vector.
template <int K, class F>
std::tuple<double, Eigen::Matrix<double, K, 1>, Eigen::Matrix<double, K, K>> fixed_grad_hessian(
    const F& f, const Eigen::Matrix<double, K, 1>& x) {
  using inner = Eigen::AutoDiffScalar<Eigen::Matrix<double, K, 1>>;
  using outer = Eigen::AutoDiffScalar<Eigen::Matrix<inner, K, 1>>;
  Eigen::Matrix<outer, K, 1> seeded;
  for (int i = 0; i < K; ++i) {
    seeded[i].value() = inner(x[i], K, i);
    for (int j = 0; j < K; ++j) seeded[i].derivatives()[j] = inner(i == j ? 1.0 : 0.0, Eigen::Matrix<double, K, 1>::Zero());
  }
  const outer y = f(seeded);
  Eigen::Matrix<double, K, 1> g;
  Eigen::Matrix<double, K, K> H;
  for (int j = 0; j < K; ++j) {
    g[j] = y.derivatives()[j].value();
    H.col(j) = y.derivatives()[j].derivatives();
  }
  return {y.value().value(), g, H};
}

template <int K, class F>
std::tuple<double, Eigen::Matrix<double, K, 1>> fixed_grad(const F& f, const Eigen::Matrix<double, K, 1>& x) {
  using scalar = Eigen::AutoDiffScalar<Eigen::Matrix<double, K, 1>>;
  Eigen::Matrix<scalar, K, 1> seeded;
  for (int i = 0; i < K; ++i) seeded[i] = scalar(x[i], K, i);
  const scalar y = f(seeded);
  return {y.value(), y.derivatives()};
}

}  // namespace bench::autodiff
