// Planned kernels against hand-written Eigen, and the ways to form Xᵀ diag(d) X.
//
//   gram_*      H = Xᵀ diag(d) X for X of 1000 x 250, d of both signs: the full product, one
//               triangle by the triangular product assignment (what gram_op does), and the
//               sign split into two symmetric rank-k updates.
//   logistic_*  value, gradient and Hessian of sum(softplus(Xw)) - yᵀXw: one md::kernel
//               against the same formulas written by hand.
//   solve_*     logdet(A) and inv(A) B for A of 200 x 200: kernel against hand-written LU.
#include <benchmark/benchmark.h>

#include <cmath>

#include <Eigen/Core>
#include <Eigen/LU>

#include <matdiff/matdiff.hpp>

namespace md = matdiff;

namespace {

Eigen::MatrixXd random_matrix(Eigen::Index rows, Eigen::Index cols) { return Eigen::MatrixXd::Random(rows, cols); }

void gram_full(benchmark::State& state) {
  const Eigen::MatrixXd X = random_matrix(1000, 250);
  const Eigen::VectorXd d = Eigen::VectorXd::Random(1000);
  Eigen::MatrixXd H(250, 250);
  for (auto _ : state) {
    H.noalias() = X.transpose() * (d.asDiagonal() * X);
    benchmark::DoNotOptimize(H.data());
  }
}
BENCHMARK(gram_full)->Unit(benchmark::kMicrosecond);

void gram_triangle(benchmark::State& state) {
  const Eigen::MatrixXd X = random_matrix(1000, 250);
  const Eigen::VectorXd d = Eigen::VectorXd::Random(1000);
  Eigen::MatrixXd H(250, 250);
  for (auto _ : state) {
    const Eigen::MatrixXd dX = d.asDiagonal() * X;
    H.triangularView<Eigen::Lower>() = X.transpose() * dX;
    H.triangularView<Eigen::StrictlyUpper>() = H.transpose();
    benchmark::DoNotOptimize(H.data());
  }
}
BENCHMARK(gram_triangle)->Unit(benchmark::kMicrosecond);

void gram_sign_split(benchmark::State& state) {
  const Eigen::MatrixXd X = random_matrix(1000, 250);
  const Eigen::VectorXd d = Eigen::VectorXd::Random(1000);
  Eigen::MatrixXd H(250, 250);
  for (auto _ : state) {
    const Eigen::Index positive = (d.array() >= 0).count();
    Eigen::MatrixXd P(positive, 250), N(1000 - positive, 250);
    for (Eigen::Index i = 0, p = 0, n = 0; i < 1000; ++i) {
      if (d(i) >= 0) P.row(p++) = std::sqrt(d(i)) * X.row(i);
      else N.row(n++) = std::sqrt(-d(i)) * X.row(i);
    }
    H.setZero();
    H.selfadjointView<Eigen::Lower>().rankUpdate(P.transpose(), 1.0);
    H.selfadjointView<Eigen::Lower>().rankUpdate(N.transpose(), -1.0);
    H.triangularView<Eigen::StrictlyUpper>() = H.transpose();
    benchmark::DoNotOptimize(H.data());
  }
}
BENCHMARK(gram_sign_split)->Unit(benchmark::kMicrosecond);

constexpr auto m = md::dim<"m">;
constexpr auto n = md::dim<"n">;
constexpr auto X = md::matrix<"X", m, n>;
constexpr auto w = md::vector<"w", n>;
constexpr auto y = md::vector<"y", m>;
constexpr auto logistic = md::sum(md::softplus(X * w)) - md::dot(y, X * w);
constexpr auto weights = md::hadamard(md::sigmoid(X * w), md::ones<m, 1> - md::sigmoid(X * w));
constexpr auto logistic_kernel =
    md::kernel(logistic, md::grad(logistic, w), md::transpose(X) * md::diag(weights) * X);

void logistic_matdiff(benchmark::State& state) {
  const Eigen::MatrixXd Xv = random_matrix(1000, 250);
  const Eigen::VectorXd wv = Eigen::VectorXd::Random(250) / 10;
  const Eigen::VectorXd yv = (Eigen::VectorXd::Random(1000).array() > 0).cast<double>();
  for (auto _ : state) benchmark::DoNotOptimize(logistic_kernel(X = Xv, w = wv, y = yv));
}
BENCHMARK(logistic_matdiff)->Unit(benchmark::kMicrosecond);

void logistic_eigen(benchmark::State& state) {
  const Eigen::MatrixXd Xv = random_matrix(1000, 250);
  const Eigen::VectorXd wv = Eigen::VectorXd::Random(250) / 10;
  const Eigen::VectorXd yv = (Eigen::VectorXd::Random(1000).array() > 0).cast<double>();
  for (auto _ : state) {
    const Eigen::VectorXd z = Xv * wv;
    const Eigen::VectorXd s = z.unaryExpr([](double t) { return t >= 0 ? 1 / (1 + std::exp(-t)) : std::exp(t) / (1 + std::exp(t)); });
    const double value = z.unaryExpr([](double t) { return (t > 0 ? t : 0) + std::log1p(std::exp(-std::abs(t))); }).sum() - yv.dot(z);
    Eigen::VectorXd gradient(250);
    gradient.noalias() = Xv.transpose() * (s - yv);
    const Eigen::VectorXd d = s.cwiseProduct((1 - s.array()).matrix());
    const Eigen::MatrixXd dX = d.asDiagonal() * Xv;
    Eigen::MatrixXd hessian(250, 250);
    hessian.triangularView<Eigen::Lower>() = Xv.transpose() * dX;
    hessian.triangularView<Eigen::StrictlyUpper>() = hessian.transpose();
    benchmark::DoNotOptimize(value);
    benchmark::DoNotOptimize(gradient.data());
    benchmark::DoNotOptimize(hessian.data());
  }
}
BENCHMARK(logistic_eigen)->Unit(benchmark::kMicrosecond);

constexpr auto A = md::matrix<"A", n, n>;
constexpr auto B = md::matrix<"B", n, n>;
constexpr auto solve_kernel = md::kernel(md::logdet(A), md::inv(A) * B, md::det(A));

void solve_matdiff(benchmark::State& state) {
  const Eigen::MatrixXd Av = random_matrix(200, 200) + 200 * Eigen::MatrixXd::Identity(200, 200);
  const Eigen::MatrixXd Bv = random_matrix(200, 200);
  for (auto _ : state) benchmark::DoNotOptimize(solve_kernel(A = Av, B = Bv));
}
BENCHMARK(solve_matdiff)->Unit(benchmark::kMicrosecond);

void solve_eigen(benchmark::State& state) {
  const Eigen::MatrixXd Av = random_matrix(200, 200) + 200 * Eigen::MatrixXd::Identity(200, 200);
  const Eigen::MatrixXd Bv = random_matrix(200, 200);
  for (auto _ : state) {
    const Eigen::PartialPivLU<Eigen::MatrixXd> lu(Av);
    const double logdet = lu.matrixLU().diagonal().cwiseAbs().array().log().sum();
    const Eigen::MatrixXd solution = lu.solve(Bv);
    const double det = lu.determinant();
    benchmark::DoNotOptimize(logdet);
    benchmark::DoNotOptimize(solution.data());
    benchmark::DoNotOptimize(det);
  }
}
BENCHMARK(solve_eigen)->Unit(benchmark::kMicrosecond);

void solve_eigen_unplanned(benchmark::State& state) {  // what the kernel did before planning
  const Eigen::MatrixXd Av = random_matrix(200, 200) + 200 * Eigen::MatrixXd::Identity(200, 200);
  const Eigen::MatrixXd Bv = random_matrix(200, 200);
  for (auto _ : state) {
    const double logdet = Eigen::PartialPivLU<Eigen::MatrixXd>(Av).matrixLU().diagonal().cwiseAbs().array().log().sum();
    const Eigen::MatrixXd inverse = Av.inverse();
    Eigen::MatrixXd solution(200, 200);
    solution.noalias() = inverse * Bv;
    const double det = Av.determinant();
    benchmark::DoNotOptimize(logdet);
    benchmark::DoNotOptimize(solution.data());
    benchmark::DoNotOptimize(det);
  }
}
BENCHMARK(solve_eigen_unplanned)->Unit(benchmark::kMicrosecond);

}  // namespace
