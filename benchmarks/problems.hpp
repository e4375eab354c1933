/// @file
/// The benchmark problems: their data (deterministic, see support.hpp; peers_torch.py builds
/// the same) and their careful hand-written Eigen code, the reference every implementation
/// is checked against and timed next to.
///
///   quadratic        f = x'Ax                        A n×n, x n
///   logistic         f = Σ softplus(-y.*(Xw))        X m×n (m = 2n), y ∈ {±1}ᵐ, w n
///   factorization    f = ‖T - UV'‖²  in U            T n×n, U n×k, V n×k, k = 5
///   inverse_energy   f = ‖J‖² + ‖J⁻¹‖²                J N×N, N ∈ {2, 3, 4} fixed
///   logdet_trace     f = log|det X| + tr(A X⁻¹)       X, A N×N, N ∈ {2, 3, 4} fixed
///   chain            f = ‖ABCDx‖²   in x              A..D n×n, x n
///   inv_det_logdet   f = log|det X| + det X + tr(A X⁻¹) in X      X, A n×n
#pragma once

#include <cmath>
#include <tuple>

#include <Eigen/Core>
#include <Eigen/LU>

#include "support.hpp"

namespace bench {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

/// Softplus log(1 + eᶻ) = max(z, 0) + log1p(e^-|z|), sigmoid 1/(1 + e^-z), without overflow.
inline double softplus(double z) { return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z))); }
inline double sigmoid(double z) {
  const double e = std::exp(-std::abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

// --- quadratic: f = x'Ax ---------------------------------------------------------------

struct quadratic_data {
  MatrixXd A;
  VectorXd x;
  VectorXd v;  ///< the direction of the Hessian-vector product
  explicit quadratic_data(Index n)
      : A(data_matrix<MatrixXd>(1, n, n) / std::sqrt(double(n))), x(data_matrix<VectorXd>(2, n, 1)),
        v(data_matrix<VectorXd>(34, n, 1)) {}
};

/// (f, ∇f) with ∇f = Ax + A'x: two matrix-vector products.
inline std::tuple<double, VectorXd> quadratic_grad(const quadratic_data& d) {
  VectorXd Ax = d.A * d.x;
  VectorXd g = Ax;
  g.noalias() += d.A.transpose() * d.x;
  return {d.x.dot(Ax), std::move(g)};
}

inline std::tuple<MatrixXd> quadratic_hessian(const quadratic_data& d) {
  return {d.A + d.A.transpose()};
}

/// (f, ∇f, ∇²f v) with ∇²f v = Av + A'v: the gradient's two products again, with v for x.
inline std::tuple<double, VectorXd, VectorXd> quadratic_grad_hvp(const quadratic_data& d) {
  auto [f, g] = quadratic_grad(d);
  VectorXd hv = d.A * d.v;
  hv.noalias() += d.A.transpose() * d.v;
  return {f, std::move(g), std::move(hv)};
}

// --- logistic regression: f = Σ softplus(-y.*(Xw)) -------------------------------------

struct logistic_data {
  MatrixXd X;
  VectorXd y, w;
  VectorXd v;  ///< the direction of the Hessian-vector product
  explicit logistic_data(Index n)
      : X(data_matrix<MatrixXd>(3, 2 * n, n) / std::sqrt(double(n))),
        y(data_matrix<VectorXd>(4, 2 * n, 1).unaryExpr([](double v) { return v >= 0 ? 1.0 : -1.0; })),
        w(data_matrix<VectorXd>(5, n, 1)),
        v(data_matrix<VectorXd>(35, n, 1)) {}
};

/// (f, ∇f), ∇f = -X'(y.*σ(-y.*Xw)): one product with X, one with X'.
inline std::tuple<double, VectorXd> logistic_grad(const logistic_data& d) {
  const VectorXd t = -d.y.cwiseProduct(d.X * d.w);
  const VectorXd r = -d.y.cwiseProduct(t.unaryExpr(&sigmoid));
  VectorXd g(d.X.cols());
  g.noalias() = d.X.transpose() * r;
  return {t.unaryExpr(&softplus).sum(), std::move(g)};
}

/// ∇²f = X' diag(σ(t)(1 - σ(t))) X, t = -y.*Xw, as the symmetric rank-m update W'W with
/// W = diag(√s) X (half the flops of a general product), then mirrored.
inline std::tuple<MatrixXd> logistic_hessian(const logistic_data& d) {
  const VectorXd s = (-d.y.cwiseProduct(d.X * d.w)).unaryExpr(&sigmoid);
  const VectorXd root = (s.array() * (1 - s.array())).sqrt().matrix();
  const MatrixXd W = root.asDiagonal() * d.X;
  MatrixXd H = MatrixXd::Zero(d.X.cols(), d.X.cols());
  H.selfadjointView<Eigen::Lower>().rankUpdate(W.transpose());
  H.triangularView<Eigen::StrictlyUpper>() = H.transpose();
  return {std::move(H)};
}

/// (f, ∇f, ∇²f v), ∇²f v = X'(s.*(1 - s).*(Xv)), s = σ(t) (y² = 1): two more matrix-vector
/// products than the gradient (as products with [w v] and its weights, Eigen packs X into a
/// matrix-matrix product, slower here).
inline std::tuple<double, VectorXd, VectorXd> logistic_grad_hvp(const logistic_data& d) {
  const VectorXd t = -d.y.cwiseProduct(d.X * d.w);
  const VectorXd s = t.unaryExpr(&sigmoid);
  const VectorXd r = -d.y.cwiseProduct(s);
  const VectorXd q = (s.array() * (1 - s.array()) * (d.X * d.v).array()).matrix();
  VectorXd g(d.X.cols()), hv(d.X.cols());
  g.noalias() = d.X.transpose() * r;
  hv.noalias() = d.X.transpose() * q;
  return {t.unaryExpr(&softplus).sum(), std::move(g), std::move(hv)};
}

// --- matrix factorization: f = ‖T - UV'‖² in U -------------------------------------------

inline constexpr Index factorization_rank = 5;

struct factorization_data {
  MatrixXd T, U, V;
  MatrixXd W;  ///< the direction of the Hessian-vector product, shape of U
  explicit factorization_data(Index n)
      : T(data_matrix<MatrixXd>(6, n, n)),
        U(data_matrix<MatrixXd>(7, n, factorization_rank)),
        V(data_matrix<MatrixXd>(8, n, factorization_rank)),
        W(data_matrix<MatrixXd>(36, n, factorization_rank)) {}
};

/// (f, ∇f), R = T - UV', ∇f = -2RV.
inline std::tuple<double, MatrixXd> factorization_grad(const factorization_data& d) {
  MatrixXd R = d.T;
  R.noalias() -= d.U * d.V.transpose();
  MatrixXd g(d.U.rows(), d.U.cols());
  g.noalias() = -2 * R * d.V;
  return {R.squaredNorm(), std::move(g)};
}

/// ∇²f = 2 (V'V ⊗ I): only the diagonals of its k² blocks are non-zero.
inline std::tuple<MatrixXd> factorization_hessian(const factorization_data& d) {
  const Index m = d.U.rows(), k = d.U.cols();
  const MatrixXd G = 2 * d.V.transpose() * d.V;
  MatrixXd H = MatrixXd::Zero(m * k, m * k);
  for (Index b = 0; b < k; ++b)
    for (Index a = 0; a < k; ++a) H.block(a * m, b * m, m, m).diagonal().setConstant(G(a, b));
  return {std::move(H)};
}

/// (f, ∇f, ∇²f[W]), ∇²f[W] = 2W(V'V): the Hessian 2(V'V ⊗ I) applied to vec W, k×k Gram first.
inline std::tuple<double, MatrixXd, MatrixXd> factorization_grad_hvp(const factorization_data& d) {
  auto [f, g] = factorization_grad(d);
  const MatrixXd G = 2 * d.V.transpose() * d.V;
  MatrixXd hw(d.W.rows(), d.W.cols());
  hw.noalias() = d.W * G;
  return {f, std::move(g), std::move(hw)};
}

// --- small fixed sizes ------------------------------------------------------------------

template <int N>
using square = Eigen::Matrix<double, N, N>;
template <int N>
using hessian_of = Eigen::Matrix<double, N * N, N * N>;

/// A well-conditioned N×N matrix: 2I plus entries in [-0.3, 0.3).
template <int N>
square<N> conditioned_matrix(std::uint64_t seed) {
  return 2 * square<N>::Identity() + 0.3 * data_matrix<square<N>>(seed, N, N);
}

template <int N>
struct inverse_energy_data {
  square<N> J = conditioned_matrix<N>(9);
};

/// (f, ∇f), ∇f = 2J - 2J⁻ᵀJ⁻¹J⁻ᵀ.
template <int N>
std::tuple<double, square<N>> inverse_energy_grad(const inverse_energy_data<N>& d) {
  const square<N> Ji = d.J.inverse();
  const square<N> JiT = Ji.transpose();
  return {d.J.squaredNorm() + Ji.squaredNorm(), 2 * d.J - 2 * JiT * Ji * JiT};
}

/// (f, ∇f, ∇²f). Column (k, l) of ∇²f is the directional derivative of ∇f along E = eₖeₗ':
/// with P = J⁻¹EJ⁻¹ (rank one), 2E + 2(P'J⁻¹J⁻ᵀ + J⁻ᵀPJ⁻ᵀ + J⁻ᵀJ⁻¹P').
template <int N>
std::tuple<double, square<N>, hessian_of<N>> inverse_energy_grad_hessian(const inverse_energy_data<N>& d) {
  const square<N> Ji = d.J.inverse();
  const square<N> JiT = Ji.transpose();
  const square<N> M = Ji * JiT, K = JiT * Ji;
  hessian_of<N> H;
  for (int l = 0; l < N; ++l)
    for (int k = 0; k < N; ++k) {
      const square<N> P = Ji.col(k) * Ji.row(l);
      square<N> D = P.transpose() * M + JiT * P * JiT + K * P.transpose();
      D(k, l) += 1;
      H.col(k + l * N) = 2 * D.reshaped();
    }
  return {d.J.squaredNorm() + Ji.squaredNorm(), 2 * d.J - 2 * JiT * Ji * JiT, H};
}

template <int N>
struct logdet_trace_data {
  square<N> X = conditioned_matrix<N>(10);
  square<N> A = data_matrix<square<N>>(11, N, N);
};

/// (f, ∇f), ∇f = (X⁻¹ - X⁻¹AX⁻¹)'; the closed-form inverse and determinant of small sizes.
template <int N>
std::tuple<double, square<N>> logdet_trace_grad(const logdet_trace_data<N>& d) {
  const square<N> Xi = d.X.inverse();
  return {std::log(std::abs(d.X.determinant())) + (d.A.transpose().cwiseProduct(Xi)).sum(),
          (Xi - Xi * d.A * Xi).transpose()};
}

/// (f, ∇f, ∇²f). Column (k, l): with P = X⁻¹EX⁻¹, E = eₖeₗ', the transpose of
/// -P + PAX⁻¹ + X⁻¹AP.
template <int N>
std::tuple<double, square<N>, hessian_of<N>> logdet_trace_grad_hessian(const logdet_trace_data<N>& d) {
  const square<N> Xi = d.X.inverse();
  const square<N> Q = d.A * Xi, R = Xi * d.A;
  hessian_of<N> H;
  for (int l = 0; l < N; ++l)
    for (int k = 0; k < N; ++k) {
      const square<N> P = Xi.col(k) * Xi.row(l);
      const square<N> D = (-P + P * Q + R * P).transpose();
      H.col(k + l * N) = D.reshaped();
    }
  return {std::log(std::abs(d.X.determinant())) + (d.A.transpose().cwiseProduct(Xi)).sum(),
          (Xi - R * Xi).transpose(), H};
}

// --- planning: a matrix chain ending in a vector ----------------------------------------

/// A, B, C, D with entries of size 1/√n (so ‖ABCDx‖ stays of the order of ‖x‖), and x.
template <class M, class V>
struct chain_data {
  M A, B, C, D;
  V x;
  explicit chain_data(Index n)
      : A(data_matrix<M>(12, n, n) / std::sqrt(double(n))),
        B(data_matrix<M>(13, n, n) / std::sqrt(double(n))),
        C(data_matrix<M>(14, n, n) / std::sqrt(double(n))),
        D(data_matrix<M>(15, n, n) / std::sqrt(double(n))),
        x(data_matrix<V>(16, n, 1)) {}
};

/// (f, ∇f) with f = ‖ABCDx‖², ∇f = 2D'C'B'A'(ABCDx): eight matrix-vector products.
template <class M, class V>
std::tuple<double, V> chain_grad(const chain_data<M, V>& d) {
  V t = d.D * d.x;
  t = d.C * t;
  t = d.B * t;
  V r = d.A * t;
  const double f = r.squaredNorm();
  t.noalias() = d.A.transpose() * r;
  r.noalias() = d.B.transpose() * t;
  t.noalias() = d.C.transpose() * r;
  r.noalias() = d.D.transpose() * t;
  return {f, 2 * r};
}

/// The same, naively: the chain multiplied left to right (three matrix-matrix products),
/// the gradient 2M'(Mx) from the transposed chain, multiplied out again.
template <class M, class V>
std::tuple<double, V> chain_grad_naive(const chain_data<M, V>& d) {
  const M P = d.A * d.B * d.C * d.D;
  const V r = P * d.x;
  const M Q = d.D.transpose() * d.C.transpose() * d.B.transpose() * d.A.transpose();
  return {r.squaredNorm(), 2 * Q * r};
}

// --- planning: inv, det and logdet of one matrix -----------------------------------------

struct inv_det_logdet_data {
  MatrixXd X, A;
  explicit inv_det_logdet_data(Index n)
      : X(MatrixXd::Identity(n, n) + data_matrix<MatrixXd>(17, n, n) / std::sqrt(double(n))),
        A(data_matrix<MatrixXd>(18, n, n)) {}
};

/// (f, ∇f), ∇f = (1 + det X) X⁻ᵀ - (X⁻¹AX⁻¹)': one LU gives det, log|det| and X⁻¹;
/// tr(AX⁻¹) is the sum of A'.*X⁻¹, without the product.
inline std::tuple<double, MatrixXd> inv_det_logdet_grad(const inv_det_logdet_data& d) {
  const Eigen::PartialPivLU<MatrixXd> lu(d.X);
  const double det = lu.determinant();
  const double logdet = lu.matrixLU().diagonal().cwiseAbs().array().log().sum();
  const MatrixXd Xi = lu.inverse();
  const MatrixXd XiA = Xi * d.A;
  MatrixXd g(d.X.rows(), d.X.cols());
  g.noalias() = -(XiA * Xi).transpose();
  g += (1 + det) * Xi.transpose();
  return {logdet + det + XiA.trace(), std::move(g)};
}

/// The same, naively: each inverse, determinant and log-determinant on its own (a separate
/// factorization each), products formed in full, in the order the formula is written.
inline std::tuple<double, MatrixXd> inv_det_logdet_grad_naive(const inv_det_logdet_data& d) {
  const double f = std::log(std::abs(d.X.determinant())) + d.X.determinant() + (d.A * d.X.inverse()).trace();
  const MatrixXd g = d.X.inverse().transpose() + d.X.determinant() * d.X.inverse().transpose() -
                     d.X.inverse().transpose() * d.A.transpose() * d.X.inverse().transpose();
  return {f, g};
}

}  // namespace bench
