// A kernel holds no mutable state: one md::kernel object (values and gradients) called from
// several threads at once, on different inputs, gives what single-threaded calls give.
// The `tsan` preset runs this test under ThreadSanitizer.
#include <cmath>
#include <cstddef>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::well_conditioned;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto m = md::dim<"m">;
constexpr auto X = md::matrix<"X", m, n>;
constexpr auto y = md::vector<"y", m>;
constexpr auto w = md::vector<"w", n>;
constexpr auto A = md::matrix<"A", n, n>;

// Logistic regression loss and gradient, and log|det A| + w'Aw with its gradients in A and w.
constexpr auto loss = md::sum(md::softplus(-md::hadamard(y, X * w)));
constexpr auto h = md::logdet(A) + md::dot(w, A * w);
constexpr auto k = md::kernel(loss, md::grad(loss, w), h, md::grad(h, A), md::grad(h, w));

struct inputs {
  Eigen::MatrixXd X, A;
  Eigen::VectorXd y, w;
};

using results = decltype(k(X = std::declval<Eigen::MatrixXd>(), y = std::declval<Eigen::VectorXd>(),
                           w = std::declval<Eigen::VectorXd>(), A = std::declval<Eigen::MatrixXd>()));

results evaluate(const inputs& in) {
  return k(X = in.X, y = in.y, w = in.w, A = in.A);
}

}  // namespace

TEST_CASE("one kernel evaluated from several threads at once agrees with sequential calls",
          "[kernel][threads]") {
  constexpr std::size_t threads = 4;
  constexpr std::size_t calls_per_thread = 20;

  // Different sizes per thread, so the threads also differ in the run-time dimensions.
  std::vector<inputs> per_thread;
  for (std::size_t t = 0; t < threads; ++t) {
    const Eigen::Index rows = 30 + 7 * Eigen::Index(t), cols = 12 + 3 * Eigen::Index(t);
    per_thread.push_back({random_matrix<Eigen::MatrixXd>(rows, cols),
                          well_conditioned<Eigen::MatrixXd>(cols),
                          random_matrix<Eigen::VectorXd>(rows, 1).cwiseSign(),
                          random_matrix<Eigen::VectorXd>(cols, 1)});
  }

  std::vector<results> sequential;
  for (const inputs& in : per_thread) sequential.push_back(evaluate(in));

  std::vector<std::vector<results>> concurrent(threads);
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (std::size_t call = 0; call < calls_per_thread; ++call)
        concurrent[t].push_back(evaluate(per_thread[t]));
    });
  }
  for (std::thread& thread : pool) thread.join();

  for (std::size_t t = 0; t < threads; ++t) {
    REQUIRE(concurrent[t].size() == calls_per_thread);
    for (const results& r : concurrent[t]) {
      // The same operations on the same data: equal to the last bit.
      REQUIRE(std::get<0>(r) == std::get<0>(sequential[t]));
      REQUIRE(std::get<1>(r) == std::get<1>(sequential[t]));
      REQUIRE(std::get<2>(r) == std::get<2>(sequential[t]));
      REQUIRE(std::get<3>(r) == std::get<3>(sequential[t]));
      REQUIRE(std::get<4>(r) == std::get<4>(sequential[t]));
    }
  }

  // And the sequential results are the right ones: hand-written Eigen for thread 0.
  const inputs& in = per_thread[0];
  const Eigen::ArrayXd margins = -(in.y.array() * (in.X * in.w).array());
  double expected_loss = 0;
  for (const double t : margins) expected_loss += t > 0 ? t + std::log1p(std::exp(-t)) : std::log1p(std::exp(t));
  matdiff_test::require_close(std::get<0>(sequential[0]), expected_loss, 1e-12);
  const Eigen::ArrayXd sigmoid = 1.0 / (1.0 + (-margins).exp());
  matdiff_test::require_close(std::get<1>(sequential[0]),
                              Eigen::VectorXd(-in.X.transpose() * (in.y.array() * sigmoid).matrix()), 1e-12);
  matdiff_test::require_close(std::get<3>(sequential[0]),
                              Eigen::MatrixXd(in.A.inverse().transpose() + in.w * in.w.transpose()), 1e-10);
}
