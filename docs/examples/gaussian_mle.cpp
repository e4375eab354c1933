// Maximum-likelihood estimation of a Gaussian's mean and covariance by gradient ascent on
// the log-likelihood, written with logdet and inv over the data's sufficient statistics,
// compared with the closed form (sample mean, biased sample covariance).
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <random>

#include <Eigen/Dense>
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  // l(mu, Sigma) = -N/2 ln|Sigma| - 1/2 sum_i (x_i - mu)' inv(Sigma) (x_i - mu)
  //              = -N/2 ln|Sigma| - 1/2 tr(inv(Sigma) sum_i (x_i - mu)(x_i - mu)'),
  // with the scatter written through s = sum_i x_i and C = sum_i x_i x_i':
  // sum_i (x_i - mu)(x_i - mu)' = C - s mu' - mu s' + N mu mu'. Sigma is symmetric positive
  // definite and C symmetric: the gradient in Sigma is the symmetric one of the textbooks,
  // and inv and logdet of Sigma share one Cholesky factorization per call.
  constexpr auto mu = md::vector<"mu", 3>;
  constexpr auto Sigma = md::spd<"Sigma", 3>;
  constexpr auto s = md::vector<"s", 3>;
  constexpr auto C = md::symmetric<"C", 3>;
  constexpr auto N = md::scalar<"N">;
  constexpr auto scatter = C - s * md::transpose(mu) - mu * md::transpose(s) + N * mu * md::transpose(mu);
  constexpr auto log_likelihood = -N / 2 * md::logdet(Sigma) - md::trace(md::inv(Sigma) * scatter) / 2;
  constexpr auto grad_mu = md::grad(log_likelihood, mu);
  constexpr auto grad_S = md::grad(log_likelihood, Sigma);
  std::cout << "l             = " << log_likelihood << "\ngrad in mu    = " << grad_mu << "\ngrad in Sigma = " << grad_S << "\n";

  // 1000 samples of N(mean, covariance).
  const int samples = 1000;
  const Eigen::Vector3d mean(1, -1, 2);
  Eigen::Matrix3d covariance;
  covariance << 2.0, 0.5, 0.0,
                0.5, 1.0, 0.3,
                0.0, 0.3, 1.5;
  const Eigen::Matrix3d L = covariance.llt().matrixL();
  std::mt19937 engine(11);
  std::normal_distribution<double> normal;
  Eigen::Vector3d sum = Eigen::Vector3d::Zero();
  Eigen::Matrix3d second_moment = Eigen::Matrix3d::Zero();
  for (int i = 0; i < samples; ++i) {
    const Eigen::Vector3d x = mean + L * Eigen::Vector3d(normal(engine), normal(engine), normal(engine));
    sum += x;
    second_moment += x * x.transpose();
  }
  const double count = samples;

  // Gradient ascent on l / N from mu = 0, Sigma = I, with a backtracking step that keeps Sigma
  // positive definite and increases l (up to rounding).
  const auto objective = md::kernel(log_likelihood, grad_mu, grad_S);
  Eigen::Vector3d mu_v = Eigen::Vector3d::Zero();
  Eigen::Matrix3d S_v = Eigen::Matrix3d::Identity();
  double gradient_norm = 1;
  int iteration = 0;
  for (; iteration < 5000 && gradient_norm > 1e-10; ++iteration) {
    const auto [l, g_mu, g_S] = objective(mu = mu_v, Sigma = S_v, s = sum, C = second_moment, N = count);
    const Eigen::Vector3d step_mu = g_mu / count;
    const Eigen::Matrix3d step_S = g_S / count;  // symmetric: Sigma is an md::spd variable
    gradient_norm = std::sqrt(step_mu.squaredNorm() + step_S.squaredNorm());
    double t = 1;
    for (; t > 1e-12; t /= 2) {
      const Eigen::Matrix3d S_next = S_v + t * step_S;
      if (S_next.llt().info() != Eigen::Success) continue;
      const double l_next = md::eval(log_likelihood, mu = Eigen::Vector3d(mu_v + t * step_mu), Sigma = S_next, s = sum,
                                     C = second_moment, N = count);
      // Sufficient increase (Armijo), allowing for the rounding of l itself near the top,
      // where the predicted increase falls below it.
      const double rounding = 1e-12 * std::abs(l);
      if (l_next >= l + 0.25 * t * gradient_norm * gradient_norm * count - rounding) break;
    }
    mu_v += t * step_mu;
    S_v += t * step_S;
    if (iteration % 50 == 0)
      std::cout << "iteration " << iteration << ": l = " << l << ", |grad l| / N = " << gradient_norm << "\n";
  }
  std::cout << "stopped after " << iteration << " iterations, |grad l| / N = " << gradient_norm << "\n";

  const Eigen::Vector3d sample_mean = sum / count;
  const Eigen::Matrix3d sample_covariance = second_moment / count - sample_mean * sample_mean.transpose();
  const double mean_error = (mu_v - sample_mean).norm();
  const double covariance_error = (S_v - sample_covariance).norm();
  std::cout << "mu         = " << mu_v.transpose() << "\nsample mean = " << sample_mean.transpose()
            << "\n|mu - sample mean| = " << mean_error << "\nSigma =\n" << S_v << "\nsample covariance =\n"
            << sample_covariance << "\n|Sigma - sample covariance| = " << covariance_error << "\n";
  // At a point where |grad l| / N <= 1e-10 the distance to the maximiser is at most
  // |H^-1| * 1e-10, and the curvature of l / N is of the order of the smallest eigenvalue
  // of Sigma^-1 squared (about 0.1 here): 1e-8 leaves a factor of ten.
  const bool agrees = gradient_norm <= 1e-10 && mean_error < 1e-8 && covariance_error < 1e-8;
  std::cout << (agrees ? "agrees with the closed form\n" : "does NOT agree with the closed form\n");
  return agrees ? EXIT_SUCCESS : EXIT_FAILURE;
}
