// md::hessian of a two-layer network loss in each of its arguments, against central
// differences of the gradient; third derivatives by composition,
// jacobian(vec(hessian(f, x)), x), against a closed form and differences of the Hessian.
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
using matdiff_test::jacobian_by_differences_with;
using matdiff_test::jacobian_value;
using matdiff_test::random;
using matdiff_test::require_close;
using matdiff_test::with_rectangular_sizes;
using matdiff_test::with_square_sizes;


TEST_CASE("Hessians of a two-layer network loss", "[hessian]") {
  constexpr auto h = md::dim<"h">;
  constexpr auto W1 = md::matrix<"W1", h, 3>;
  constexpr auto w2 = md::vector<"w2", h>;
  constexpr auto x = md::vector<"x", 3>;
  constexpr auto t = md::scalar<"t">;
  const Eigen::MatrixXd W1v = random<h, 3>(4, 3);
  const Eigen::VectorXd w2v = random<h, 1>(4, 1);
  const Eigen::Vector3d xv = random<3, 1>(3, 1);
  constexpr auto loss = md::sqnorm(md::transpose(w2) * md::tanh(W1 * x) - t);
  expect_hessian(loss, W1, W1 = W1v, t = 0.3, w2 = w2v, x = xv);
  expect_hessian(loss, w2, W1 = W1v, t = 0.3, w2 = w2v, x = xv);
  expect_hessian(loss, x, W1 = W1v, t = 0.3, w2 = w2v, x = xv);
}

TEST_CASE("Third derivatives by composition: jacobian(vec(hessian(f, x)), x)", "[hessian]") {
  constexpr auto n = md::dim<"n">;
  constexpr auto x = md::vector<"x", n>;
  constexpr auto A = md::matrix<"A", 4, n>;
  const auto xv = random<n, 1>(3, 1);
  const auto Av = random<4, n>(4, 3);
  constexpr auto f = md::sum(md::exp(A * x));
  constexpr auto third = md::jacobian(md::vec(md::hessian(f, x)), x);
  static_assert(third.shape_v == md::shape{n * n, n});
  // T(i + jn, k) = Σᵣ Aᵣᵢ Aᵣⱼ Aᵣₖ exp(aᵣ'x)
  const Eigen::VectorXd e = (Av * xv).array().exp();
  Eigen::MatrixXd expected = Eigen::MatrixXd::Zero(9, 3);
  for (Eigen::Index r = 0; r < 4; ++r)
    for (Eigen::Index i = 0; i < 3; ++i)
      for (Eigen::Index j = 0; j < 3; ++j)
        for (Eigen::Index k = 0; k < 3; ++k) expected(i + j * 3, k) += Av(r, i) * Av(r, j) * Av(r, k) * e(r);
  require_close(jacobian_value(md::vec(md::hessian(f, x)), x, A = Av, x = xv), expected, 1e-13);
  require_close(jacobian_value(md::vec(md::hessian(f, x)), x, A = Av, x = xv),
                jacobian_by_differences_with(md::vec(md::hessian(f, x)), f, x, A = Av, x = xv), 1e-6);
  // A matrix variable: the third derivative of log|det X| against differences of its Hessian.
  constexpr auto X = md::matrix<"X", 2, 2>;
  const auto Xv = invertible<2>(2);
  require_close(jacobian_value(md::vec(md::hessian(md::logdet(X), X)), X, X = Xv),
                jacobian_by_differences_with(md::vec(md::hessian(md::logdet(X), X)), md::logdet(X), X, X = Xv), 1e-6);
}
