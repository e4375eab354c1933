/// @file
/// The benchmark functions written once for any automatic-differentiation scalar `T` (Eigen's
/// AutoDiffScalar, nested or not, and ADOL-C's adouble): plain loops over the entries with
/// double data, which is how these tools are used on such problems. `abs`, `exp`, `log` are
/// found by argument-dependent lookup for `T`.
#pragma once

#include <cmath>

#include <Eigen/Core>

namespace bench::peer {

/// log(1 + eᶻ) as written in textbooks (AutoDiffScalar has no log1p, and its nested abs
/// does not compile); the benchmark data keep |z| below 3, far from overflow.
template <class T>
T softplus(const T& z) {
  using std::exp, std::log;
  return log(1.0 + exp(z));
}

/// x'Ax.
template <class T, class VectorT>
T quadratic(const Eigen::MatrixXd& A, const VectorT& x) {
  T f(0.0);
  for (Eigen::Index i = 0; i < A.rows(); ++i) {
    T row(0.0);
    for (Eigen::Index j = 0; j < A.cols(); ++j) row += A(i, j) * x[j];
    f += x[i] * row;
  }
  return f;
}

/// Σᵢ softplus(-yᵢ (Xw)ᵢ).
template <class T, class VectorT>
T logistic(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const VectorT& w) {
  T f(0.0);
  for (Eigen::Index i = 0; i < X.rows(); ++i) {
    T z(0.0);
    for (Eigen::Index j = 0; j < X.cols(); ++j) z += X(i, j) * w[j];
    f += softplus<T>(-y[i] * z);
  }
  return f;
}

/// ‖T - UV'‖² with U given column-major as u (u[i + a·m] = U(i, a)).
template <class T, class VectorT>
T factorization(const Eigen::MatrixXd& target, const VectorT& u, const Eigen::MatrixXd& V) {
  const Eigen::Index m = target.rows(), k = V.cols();
  T f(0.0);
  for (Eigen::Index j = 0; j < target.cols(); ++j)
    for (Eigen::Index i = 0; i < m; ++i) {
      T r(target(i, j));
      for (Eigen::Index a = 0; a < k; ++a) r -= u[i + a * m] * V(j, a);
      f += r * r;
    }
  return f;
}

/// LU factors (unit lower L, upper U, in one matrix) without pivoting, for the small
/// benchmark matrices, which are strictly diagonally dominant (2I plus entries below 0.3).
/// Eigen's closed-form 4x4 determinant and inverse do not compile with AutoDiffScalar.
template <class T, int N>
Eigen::Matrix<T, N, N> lu_factors(const Eigen::Matrix<T, N, N>& X) {
  Eigen::Matrix<T, N, N> lu = X;
  for (int k = 0; k < N; ++k)
    for (int i = k + 1; i < N; ++i) {
      lu(i, k) /= lu(k, k);
      for (int j = k + 1; j < N; ++j) lu(i, j) -= lu(i, k) * lu(k, j);
    }
  return lu;
}

template <class T, int N>
T determinant(const Eigen::Matrix<T, N, N>& lu) {
  T det = lu(0, 0);
  for (int i = 1; i < N; ++i) det *= lu(i, i);
  return det;
}

/// X⁻¹ from the LU factors: one forward and one back substitution per column.
template <class T, int N>
Eigen::Matrix<T, N, N> inverse(const Eigen::Matrix<T, N, N>& lu) {
  Eigen::Matrix<T, N, N> Xi;
  for (int c = 0; c < N; ++c) {
    for (int i = 0; i < N; ++i) {
      T s(i == c ? 1.0 : 0.0);
      for (int j = 0; j < i; ++j) s -= lu(i, j) * Xi(j, c);
      Xi(i, c) = s;
    }
    for (int i = N - 1; i >= 0; --i) {
      T s = Xi(i, c);
      for (int j = i + 1; j < N; ++j) s -= lu(i, j) * Xi(j, c);
      Xi(i, c) = s / lu(i, i);
    }
  }
  return Xi;
}

/// ‖J‖² + ‖J⁻¹‖².
template <class T, int N>
T inverse_energy(const Eigen::Matrix<T, N, N>& J) {
  const Eigen::Matrix<T, N, N> Ji = inverse(lu_factors(J));
  T f(0.0);
  for (int j = 0; j < N; ++j)
    for (int i = 0; i < N; ++i) f += J(i, j) * J(i, j) + Ji(i, j) * Ji(i, j);
  return f;
}

/// log|det X| + tr(AX⁻¹); det X > 0 for the (diagonally dominant) benchmark matrices, so
/// log|det X| = log det X (the nested AutoDiffScalar abs does not compile).
template <class T, int N>
T logdet_trace(const Eigen::Matrix<T, N, N>& X, const Eigen::Matrix<double, N, N>& A) {
  using std::log;
  const Eigen::Matrix<T, N, N> lu = lu_factors(X);
  const Eigen::Matrix<T, N, N> Xi = inverse(lu);
  T f = log(determinant(lu));
  for (int j = 0; j < N; ++j)
    for (int i = 0; i < N; ++i) f += A(j, i) * Xi(i, j);
  return f;
}

/// area·(‖J‖² + ‖J⁻¹‖²), J = PB, with the triangle's vertex coordinates P (2×3) given
/// column-major as p (p[r + 2v] = P(r, v)).
template <class VectorT>
typename VectorT::Scalar triangle_dirichlet(const VectorT& p, const Eigen::Matrix<double, 3, 2>& B, double area) {
  using T = typename VectorT::Scalar;
  Eigen::Matrix<T, 2, 2> J;
  for (int j = 0; j < 2; ++j)
    for (int r = 0; r < 2; ++r) {
      T s(0.0);
      for (int v = 0; v < 3; ++v) s += p[r + 2 * v] * B(v, j);
      J(r, j) = s;
    }
  return area * inverse_energy(J);
}

/// μ/2(‖F‖² − 3) − μ log det F + λ/2 (log det F)², F = PB, with the tetrahedron's vertex
/// coordinates P (3×4) given column-major as p (p[r + 3v] = P(r, v)); det F > 0 for the
/// benchmark's elements (moved from the unit simplex by a few percent).
template <class VectorT>
typename VectorT::Scalar tet_neo_hookean(const VectorT& p, const Eigen::Matrix<double, 4, 3>& B, double mu,
                                         double lambda) {
  using std::log;
  using T = typename VectorT::Scalar;
  Eigen::Matrix<T, 3, 3> F;
  T squared_norm(0.0);
  for (int j = 0; j < 3; ++j)
    for (int r = 0; r < 3; ++r) {
      T s(0.0);
      for (int v = 0; v < 4; ++v) s += p[r + 3 * v] * B(v, j);
      F(r, j) = s;
      squared_norm += s * s;
    }
  const T log_j = log(determinant(lu_factors(F)));
  return mu * (squared_norm - 3.0) / 2.0 - mu * log_j + lambda * log_j * log_j / 2.0;
}

}  // namespace bench::peer
