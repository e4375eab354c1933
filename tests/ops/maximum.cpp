// Element-wise maximum and minimum (ops/maximum.hpp): shape rule, values against Eigen,
// ties and NaN, printing, gradients against central differences (the derivative of a on
// ties), Jacobians.
#include <cmath>
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"
#include "../support/operands.hpp"

namespace md = matdiff;
using matdiff_test::expect_gradients;
using matdiff_test::expect_jacobian;
using matdiff_test::operands;
using matdiff_test::random_matrix;
using matdiff_test::require_close;
using matdiff_test::with_rectangular_sizes;

namespace {

constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto Y = md::matrix<"Y", 3, 4>;
constexpr auto W = md::matrix<"W", 3, 4>;
constexpr auto N = md::matrix<"N", md::dim<"n">, 2>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto y = md::vector<"y", 3>;
constexpr auto a = md::scalar<"a">;
constexpr auto b = md::scalar<"b">;

using Matrix34 = Eigen::Matrix<double, 3, 4>;

}  // namespace

TEST_CASE("maximum and minimum check shapes and match Eigen", "[maximum][eval]") {
  STATIC_REQUIRE(md::maximum_op::check(X.shape_v, Y.shape_v).ok());
  STATIC_REQUIRE(md::minimum_op::check(X.shape_v, x.shape_v).view() == "matdiff: minimum of 3x4 and 3x1: shapes differ");
  STATIC_REQUIRE(decltype(md::maximum(N, 0))::shape_v == N.shape_v);
  const Matrix34 Xv = random_matrix<Matrix34>(), Yv = random_matrix<Matrix34>();
  require_close(md::eval(md::maximum(X, Y), X = Xv, Y = Yv), Matrix34(Xv.cwiseMax(Yv)), 0);
  require_close(md::eval(md::minimum(X, Y), X = Xv, Y = Yv), Matrix34(Xv.cwiseMin(Yv)), 0);
  require_close(md::eval(md::maximum(X, 0.25), X = Xv), Matrix34(Xv.cwiseMax(0.25)), 0);
  require_close(md::eval(md::minimum(-1, X), X = Xv), Matrix34(Xv.cwiseMin(-1.0)), 0);
  const Eigen::MatrixXd Nv = random_matrix<Eigen::MatrixXd>(5, 2);
  require_close(md::eval(md::maximum(N, -N), N = Nv), Eigen::MatrixXd(Nv.cwiseAbs()), 0);
  CHECK(md::eval(md::maximum(a, b), a = 2.0, b = -3.0) == 2.0);
  CHECK(md::eval(md::minimum(a, b), a = 2.0f, b = -3.0f) == -3.0f);
  // NaN on either side gives NaN (not the other operand).
  CHECK(std::isnan(md::eval(md::maximum(a, b), a = std::nan(""), b = 1.0)));
  CHECK(std::isnan(md::eval(md::maximum(a, b), a = 1.0, b = std::nan(""))));
  CHECK(std::isnan(md::eval(md::minimum(a, b), a = 1.0, b = std::nan(""))));
}

TEST_CASE("maximum and minimum print as max and min", "[maximum][print]") {
  STATIC_REQUIRE(md::to_string(md::maximum(X, Y)) == "max(X, Y)");
  STATIC_REQUIRE(md::to_string(md::minimum(X + Y, W)) == "min(X + Y, W)");
  // The number is a user's: max(X, 0) as written (0·ones is zero by its value, see is_zero_value).
  STATIC_REQUIRE(md::to_string(md::maximum(X, 0)) == "max(X, 0)");
  STATIC_REQUIRE(md::to_string(md::maximum(X, 2)) == "max(X, 2*ones)");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::maximum(X, Y)), X)) == "W - step(Y - X).*W");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::maximum(X, Y)), Y)) == "step(Y - X).*W");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::minimum(X, Y)), Y)) == "step(X - Y).*W");
  CHECK(md::to_latex(md::maximum(X, Y)) == R"(\max\left(X, Y\right))");
  CHECK(md::to_latex(md::minimum(X, 2 * Y)) == R"(\min\left(X, 2 Y\right))");
}

TEST_CASE("on ties the derivative of maximum and minimum is that of a", "[maximum][derivative]") {
  const Matrix34 Xv = random_matrix<Matrix34>(), Wv = random_matrix<Matrix34>();
  const Matrix34 zero = Matrix34::Zero();
  // X = Y everywhere: d max(X, Y) = dX.
  require_close(md::eval(md::grad(md::dot(W, md::maximum(X, Y)), X), X = Xv, Y = Xv, W = Wv), Wv, 0);
  require_close(md::eval(md::grad(md::dot(W, md::maximum(X, Y)), Y), X = Xv, Y = Xv, W = Wv), zero, 0);
  require_close(md::eval(md::grad(md::dot(W, md::minimum(X, Y)), X), X = Xv, Y = Xv, W = Wv), Wv, 0);
  require_close(md::eval(md::grad(md::dot(W, md::minimum(X, Y)), Y), X = Xv, Y = Xv, W = Wv), zero, 0);
  // Two numbers that tie: the derivative in the first is 1, in the second 0.
  CHECK(md::eval(md::grad(md::maximum(a, b), a), a = 0.0, b = 0.0) == 1.0);
  CHECK(md::eval(md::grad(md::maximum(b, a), a), a = 0.0, b = 0.0) == 0.0);
}

TEST_CASE("gradients and Jacobians of maximum and minimum agree with differences", "[maximum][derivative]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::maximum(o.A, o.B)), o.A = o.Av, o.B = o.Bv, o.W = o.Wv);
    expect_gradients(md::dot(o.W, md::minimum(o.A, o.B)), o.A = o.Av, o.B = o.Bv, o.W = o.Wv);
  });
  const Eigen::Vector3d xv(0.5, -0.2, 0.9), yv(-0.3, 0.4, 1.2);
  expect_jacobian(md::maximum(x, y), x, x = xv, y = yv);
  expect_jacobian(md::minimum(x, y), y, x = xv, y = yv);
}
