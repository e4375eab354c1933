// Newton's method for logistic regression on a generated data set. One md::kernel gives
// the loss, its gradient and its Hessian H = X' diag(s) X, s = σ(t)(1 - σ(t)) (computed as
// one triangle of a rank update, sharing X*w and σ with the gradient); the program checks
// that the gradient norm falls below 1e-10 within 10 iterations and that it falls
// quadratically: |g_{k+1}| <= C |g_k|^2 with C < 1 in the last steps.
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <random>
#include <vector>

#include <Eigen/Dense>
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto m = md::dim<"m">;
  constexpr auto X = md::matrix<"X", m, 3>;
  constexpr auto y = md::vector<"y", m>;
  constexpr auto w = md::vector<"w", 3>;
  constexpr auto loss = md::sum(md::softplus(-md::hadamard(y, X * w)));
  constexpr auto gradient = md::grad(loss, w);
  constexpr auto hessian = md::hessian(loss, w);
  std::cout << "loss      " << loss << "\ngradient  " << gradient << "\nHessian   " << hessian << "\n\n";

  // 500 samples with labels drawn from the logistic model of w = (1, -2, 0.5): the classes
  // overlap, so the loss has a finite minimum.
  const Eigen::Index samples = 500;
  std::mt19937 engine(7);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  const Eigen::Vector3d w_true(1, -2, 0.5);
  Eigen::MatrixXd Xv(samples, 3);
  Eigen::VectorXd yv(samples);
  for (Eigen::Index i = 0; i < samples; ++i) {
    Xv.row(i) << 1, normal(engine), normal(engine);
    const double p = 1 / (1 + std::exp(-Xv.row(i).dot(w_true)));
    yv(i) = uniform(engine) < p ? 1 : -1;
  }

  const auto newton_step = md::kernel(loss, gradient, hessian);
  Eigen::Vector3d wv = Eigen::Vector3d::Zero();
  std::vector<double> norms;
  std::cout << "iteration  loss                   |gradient|\n" << std::setprecision(16);
  for (int iteration = 0; iteration <= 10; ++iteration) {
    const auto [value, g, H] = newton_step(X = Xv, y = yv, w = wv);
    norms.push_back(g.norm());
    std::cout << std::setw(9) << iteration << "  " << std::setw(21) << value << "  " << std::setprecision(3)
              << std::scientific << g.norm() << std::defaultfloat << std::setprecision(16) << "\n";
    if (g.norm() < 1e-10) break;
    wv -= H.ldlt().solve(g);
  }
  std::cout << "w = " << wv.transpose() << " (the model that generated the labels: " << w_true.transpose() << ")\n";

  // Quadratic convergence: |g_{k+1}| / |g_k|^2 stays bounded once |g_k| is small (and
  // before |g_{k+1}| reaches the rounding level, about 1e-13 for sums of 500 terms).
  int ratios = 0;
  bool quadratic = true;
  std::cout << std::setprecision(3) << "ratios |g_{k+1}| / |g_k|^2 for 1e-6 < |g_k| < 1e-1:";
  for (std::size_t k = 0; k + 1 < norms.size(); ++k) {
    if (norms[k] >= 1e-1 || norms[k] <= 1e-6) continue;
    const double ratio = norms[k + 1] / (norms[k] * norms[k]);
    std::cout << " " << ratio;
    quadratic = quadratic && ratio < 1.0;
    ++ratios;
  }
  quadratic = quadratic && ratios > 0;
  std::cout << "\n";
  const bool converged = norms.back() < 1e-10;
  std::cout << (converged && quadratic ? "converged quadratically\n" : "did NOT converge quadratically\n");
  return converged && quadratic ? EXIT_SUCCESS : EXIT_FAILURE;
}
