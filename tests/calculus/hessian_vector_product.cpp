// Hessian-vector products directional(grad(f, X), X, V) = H[V], against closed-form
// Hessians and against central differences of the gradient, fixed and symbolic sizes.
#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::directional_value;
using matdiff_test::expect_directional;
using matdiff_test::invertible;
using matdiff_test::random;
using matdiff_test::require_close;
using matdiff_test::with_rectangular_sizes;
using matdiff_test::with_square_sizes;

TEST_CASE("Hessian-vector products: directional(grad(f, x), x, v) = Hv", "[directional][hessian]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto v = md::vector<"v", S::n>;
    constexpr auto Q = md::matrix<"Q", S::n, S::n>;
    constexpr auto A = md::matrix<"A", S::m, S::n>;
    constexpr auto b = md::vector<"b", S::m>;
    const auto xv = random<S::n, 1>(s.cols, 1), vv = random<S::n, 1>(s.cols, 1);
    const auto Qv = random<S::n, S::n>(s.cols, s.cols);
    const auto Av = random<S::m, S::n>(s.rows, s.cols);
    const auto bv = random<S::m, 1>(s.rows, 1);
    // x'Qx: H = Q + Q'.
    const auto quadratic = md::grad(md::transpose(x) * Q * x, x);
    require_close(directional_value(quadratic, x, v, Q = Qv, x = xv, v = vv), (Qv + Qv.transpose()) * vv, 1e-10);
    expect_directional(quadratic, x, v, vv, Q = Qv, x = xv);
    // Least squares ‖Ax - b‖²: H = 2A'A.
    const auto least_squares = md::grad(md::sqnorm(A * x - b), x);
    require_close(directional_value(least_squares, x, v, A = Av, b = bv, x = xv, v = vv),
                  2 * Av.transpose() * Av * vv, 1e-10);
    expect_directional(least_squares, x, v, vv, A = Av, b = bv, x = xv);
    // Log-sum-exp: H = diag(p) - pp' with p = softmax(x).
    const auto log_sum_exp = md::grad(md::log(md::sum(md::exp(x))), x);
    const Eigen::VectorXd e = xv.array().exp();
    const Eigen::VectorXd p = e / e.sum();
    const Eigen::MatrixXd H = Eigen::MatrixXd(p.asDiagonal()) - p * p.transpose();
    require_close(directional_value(log_sum_exp, x, v, x = xv, v = vv), H * vv, 1e-10);
    expect_directional(log_sum_exp, x, v, vv, x = xv);
  });
}

TEST_CASE("the Hessian of logdet applied to V is -inv(X)' V' inv(X)'", "[directional][hessian]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    constexpr auto V = md::matrix<"V", S::n, S::n>;
    auto Xv = invertible<S::n>(s.cols);
    const auto Vv = random<S::n, S::n>(s.cols, s.cols);
    const auto gradient = md::grad(md::logdet(X), X);
    for (int sign : {1, -1}) {  // positive and negative determinant
      Xv.row(0) *= sign;
      const Eigen::MatrixXd Xit = Xv.inverse().transpose();
      require_close(directional_value(gradient, X, V, X = Xv, V = Vv), -Xit * Vv.transpose() * Xit, 1e-10);
      expect_directional(gradient, X, V, Vv, X = Xv);
    }
  });
}
