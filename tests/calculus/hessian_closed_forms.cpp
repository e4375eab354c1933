// md::hessian: closed forms of log-sum-exp (diag(p) - pp'), least squares (2A'A),
// tr(XBX') (kron(B + B', I)) and log|det X|; each also symmetric and equal to central
// differences of the gradient, fixed and symbolic sizes.
#include <cmath>

#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::expect_hessian;
using matdiff_test::expect_jacobian;
using matdiff_test::hessian_value;
using matdiff_test::invertible;
using matdiff_test::kronecker;
using matdiff_test::jacobian_by_differences_with;
using matdiff_test::jacobian_value;
using matdiff_test::random;
using matdiff_test::require_close;
using matdiff_test::with_rectangular_sizes;
using matdiff_test::with_square_sizes;

TEST_CASE("Hessians of log-sum-exp, least squares, log|det X| and tr(XBX')", "[hessian]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto A = md::matrix<"A", S::m, S::n>;
    constexpr auto b = md::vector<"b", S::m>;
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto B = md::matrix<"B", S::n, S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1);
    const auto Av = random<S::m, S::n>(s.rows, s.cols);
    const auto bv = random<S::m, 1>(s.rows, 1);
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Bv = random<S::n, S::n>(s.cols, s.cols);

    constexpr auto log_sum_exp = md::log(md::sum(md::exp(x)));
    const Eigen::VectorXd e = xv.array().exp();
    const Eigen::VectorXd p = e / e.sum();
    require_close(hessian_value(log_sum_exp, x, x = xv), Eigen::MatrixXd(p.asDiagonal()) - p * p.transpose(), 1e-14);
    expect_hessian(log_sum_exp, x, x = xv);

    constexpr auto least_squares = md::sqnorm(A * x - b);
    static_assert(md::to_string(md::hessian(least_squares, x)) == "2*A'*A");
    require_close(hessian_value(least_squares, x, A = Av, b = bv, x = xv), 2 * Av.transpose() * Av, 1e-14);
    expect_hessian(least_squares, x, A = Av, b = bv, x = xv);

    constexpr auto quadratic_trace = md::trace(X * B * md::transpose(X));
    static_assert(md::to_string(md::hessian(quadratic_trace, X)) == "kron(B + B', I)");
    require_close(hessian_value(quadratic_trace, X, B = Bv, X = Xv),
                  kronecker(Bv + Bv.transpose(), Eigen::MatrixXd::Identity(s.rows, s.rows)), 1e-14);
    expect_hessian(quadratic_trace, X, B = Bv, X = Xv);
  });
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    auto Xv = invertible<S::n>(s.cols);
    for (int sign : {1, -1}) {  // log|det X| for positive and negative determinants
      Xv.row(0) *= sign;
      const Eigen::MatrixXd inverse = Xv.inverse();
      // ∂²/∂Xᵢⱼ∂Xₖₗ log|det X| = -(X⁻¹)ₗᵢ (X⁻¹)ⱼₖ, vec index i + jn.
      const Eigen::Index n = s.cols;
      Eigen::MatrixXd expected(n * n, n * n);
      for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < n; ++j)
          for (Eigen::Index k = 0; k < n; ++k)
            for (Eigen::Index l = 0; l < n; ++l) expected(i + j * n, k + l * n) = -inverse(l, i) * inverse(j, k);
      require_close(hessian_value(md::logdet(X), X, X = Xv), expected, 1e-12);
      expect_hessian(md::logdet(X), X, X = Xv);
    }
  });
}
