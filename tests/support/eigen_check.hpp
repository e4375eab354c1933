// Shared test helpers: random inputs and closeness checks for Eigen values.
#pragma once

#include <cmath>
#include <random>
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

namespace matdiff_test {

/// A fixed-seed generator, so failures reproduce.
inline std::mt19937& generator() {
  static std::mt19937 g(20261121);
  return g;
}

/// Uniform entries in [lo, hi].
template <class M>
M random_matrix(Eigen::Index rows, Eigen::Index cols, double lo = -1.0, double hi = 1.0) {
  std::uniform_real_distribution<double> u(lo, hi);
  M m(rows, cols);
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i) m(i, j) = static_cast<typename M::Scalar>(u(generator()));
  return m;
}

template <class M>
  requires(M::SizeAtCompileTime != Eigen::Dynamic)
M random_matrix(double lo = -1.0, double hi = 1.0) {
  return random_matrix<M>(M::RowsAtCompileTime, M::ColsAtCompileTime, lo, hi);
}

/// A well-conditioned square matrix: random plus n on the diagonal.
template <class M>
M well_conditioned(Eigen::Index n) {
  M m = random_matrix<M>(n, n);
  m.diagonal().array() += static_cast<typename M::Scalar>(n);
  return m;
}

/// A random symmetric matrix, R + Rᵀ.
inline Eigen::MatrixXd random_symmetric(Eigen::Index k) {
  const Eigen::MatrixXd r = random_matrix<Eigen::MatrixXd>(k, k);
  return r + r.transpose();
}

/// A random symmetric positive definite matrix, RRᵀ + kI.
inline Eigen::MatrixXd random_spd(Eigen::Index k) {
  const Eigen::MatrixXd r = random_matrix<Eigen::MatrixXd>(k, k);
  return r * r.transpose() + static_cast<double>(k) * Eigen::MatrixXd::Identity(k, k);
}

/// The Hilbert matrix Hᵢⱼ = 1/(i + j + 1): positive definite and ill-conditioned (κ₂ ≈ 1.5e10
/// at size 8, 1.6e13 at size 10).
inline Eigen::MatrixXd hilbert(Eigen::Index size) {
  Eigen::MatrixXd h(size, size);
  for (Eigen::Index i = 0; i < size; ++i)
    for (Eigen::Index j = 0; j < size; ++j) h(i, j) = 1.0 / static_cast<double>(i + j + 1);
  return h;
}

/// |a - b| <= tol * max(1, |b|), entry-wise, with equal sizes.
template <class A, class B>
void require_close(const A& a, const B& b, double tol = 1e-12) {
  if constexpr (std::is_arithmetic_v<A>) {
    INFO("value " << a << " expected " << b);
    REQUIRE(std::abs(double(a) - double(b)) <= tol * std::max(1.0, std::abs(double(b))));
  } else {
    REQUIRE(a.rows() == b.rows());
    REQUIRE(a.cols() == b.cols());
    const double scale = std::max(1.0, double(b.cwiseAbs().maxCoeff()));
    INFO("value\n" << a << "\nexpected\n" << b);
    REQUIRE(double((a - b).cwiseAbs().maxCoeff()) <= tol * scale);
  }
}

/// f applied to every entry of m, one scalar at a time.
template <class M, class F>
M apply(const M& m, F f) {
  M r = m;
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i) r(i, j) = f(m(i, j));
  return r;
}

}  // namespace matdiff_test
