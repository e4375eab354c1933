// md::check_jacobian and md::check_hessian (testing/check_jacobian.hpp): md::jacobian and
// md::hessian against central finite differences. They accept correct derivatives of every
// kind of variable and report a mismatch where the function jumps.
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::well_conditioned;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto A = md::matrix<"A", 2, 3>;
constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto B = md::matrix<"B", 4, 2>;
constexpr auto Y = md::matrix<"Y", n, n>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto t = md::scalar<"t">;

}  // namespace

TEST_CASE("check_jacobian accepts correct Jacobians", "[check_jacobian]") {
  const Eigen::Matrix<double, 2, 3> Av = random_matrix<Eigen::Matrix<double, 2, 3>>();
  const Eigen::Matrix<double, 3, 4> Xv = random_matrix<Eigen::Matrix<double, 3, 4>>();
  const Eigen::Matrix<double, 4, 2> Bv = random_matrix<Eigen::Matrix<double, 4, 2>>();
  // Linear in X: the differences are exact but for rounding.
  const auto linear = md::check_jacobian(A * X * B, X, A = Av, X = Xv, B = Bv);
  CHECK(linear.ok);
  CHECK(linear.max_abs_error < 1e-8);
  CHECK(linear.ok == (linear.max_rel_error <= linear.tolerance));
  // The differences are the Jacobian B' ⊗ A, 4 x 12: block (i, j) is B(j, i) A.
  REQUIRE(linear.differences.rows() == 4);
  REQUIRE(linear.differences.cols() == 12);
  for (Eigen::Index i = 0; i < 2; ++i)
    for (Eigen::Index j = 0; j < 4; ++j)
      CHECK((linear.differences.block(2 * i, 3 * j, 2, 3) - Bv(j, i) * Av).cwiseAbs().maxCoeff() < 1e-8);
  CHECK(md::check_jacobian(md::transpose(X), X, X = Xv).ok);
  CHECK(md::check_jacobian(md::exp(A * x), x, A = Av, x = Eigen::Vector3d(0.1, -0.4, 0.8)).ok);
  // Symbolic sizes, a matrix-valued nonlinear function.
  const Eigen::MatrixXd Yv = well_conditioned<Eigen::MatrixXd>(4);
  CHECK(md::check_jacobian(md::inv(Y), Y, Y = Yv).ok);
  // A 1x1 F: the Jacobian is the gradient as a row; a scalar variable: one column.
  CHECK(md::check_jacobian(md::sqnorm(X * B), X, X = Xv, B = Bv).ok);
  CHECK(md::check_jacobian(md::exp(t * x), t, t = 0.3, x = Eigen::Vector3d(1.0, -2.0, 0.5)).ok);
}

TEST_CASE("check_hessian accepts correct Hessians", "[check_hessian]") {
  const Eigen::Matrix<double, 3, 4> Xv = random_matrix<Eigen::Matrix<double, 3, 4>>();
  const Eigen::Matrix<double, 4, 2> Bv = random_matrix<Eigen::Matrix<double, 4, 2>>();
  const auto quadratic = md::check_hessian(md::sqnorm(X * B), X, X = Xv, B = Bv);
  CHECK(quadratic.ok);
  CHECK(quadratic.max_abs_error < 1e-8);  // the gradient is linear: exact differences
  const Eigen::Vector3d xv(0.2, -0.5, 0.9);
  const auto logsumexp = md::check_hessian(md::log(md::sum(md::exp(x))), x, x = xv);
  CHECK(logsumexp.ok);
  CHECK(logsumexp.max_abs_error > 0);
  const Eigen::MatrixXd Yv = well_conditioned<Eigen::MatrixXd>(3);
  CHECK(md::check_hessian(md::logdet(Y), Y, Y = Yv).ok);
  CHECK(md::check_hessian(md::exp(t) * md::sin(t), t, t = 0.7).ok);
}

TEST_CASE("check_hessian reports a mismatch where the gradient jumps", "[check_hessian]") {
  // grad(sum(abs(x))) = sign(x), whose derivative md::hessian gives as 0; at 0 the central
  // difference of sign is 1/h.
  const auto f = md::sum(md::abs(x)) + md::sqnorm(x);
  const Eigen::Vector3d at_jump(0.0, 0.5, -0.5);
  const auto check = md::check_hessian(f, x, x = at_jump);
  INFO("max abs error " << check.max_abs_error);
  CHECK_FALSE(check.ok);
  CHECK(check.max_abs_error > 1e3);
  const Eigen::Vector3d away(0.25, 0.5, -0.5);
  CHECK(md::check_hessian(f, x, x = away).ok);
}

TEST_CASE("check_jacobian and check_hessian fail on NaN and infinity", "[check_jacobian][check_hessian][nan]") {
  // log outside its domain: the Jacobian diag(1./x) is finite; log(x) has a NaN entry 1 at
  // every moved point, so row 1 of the differences is NaN, first in column 0.
  const Eigen::Vector3d negative(0.5, -1.0, 2.0);
  const auto jacobian = md::check_jacobian(md::log(x), x, x = negative);
  INFO(jacobian.message);
  CHECK_FALSE(jacobian.ok);
  CHECK_FALSE(jacobian.finite);
  CHECK(jacobian.bad_row == 1);
  CHECK(jacobian.bad_col == 0);
  CHECK(jacobian.message == "matdiff: check_jacobian: Jacobian entry (1, 0) has the finite difference nan");
  CHECK(md::check_jacobian(md::log(x), x, x = Eigen::Vector3d(0.5, 1.0, 2.0)).ok);

  // norm2 at 0: its Hessian (I - x x'/|x|²)/|x| is NaN.
  const auto hessian = md::check_hessian(md::norm2(x), x, x = Eigen::Vector3d::Zero().eval());
  INFO(hessian.message);
  CHECK_FALSE(hessian.ok);
  CHECK_FALSE(hessian.finite);
  CHECK(hessian.bad_row == 0);
  CHECK(hessian.bad_col == 0);
  CHECK(hessian.message.starts_with("matdiff: check_hessian: Hessian entry (0, 0) "));
  CHECK(md::check_hessian(md::norm2(x), x, x = Eigen::Vector3d(0.5, 1.0, 2.0)).ok);
}
