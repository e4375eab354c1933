// Powers: matrix_power<k>(A) = Aᵏ (ops/matrix_power.hpp) and the element-wise pow(A, B) with
// an expression exponent (ops/elementwise.hpp): shape rules, values against Eigen, k = 0
// and 1, printing, gradients against central differences, Jacobians.
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

constexpr auto n = md::dim<"n">;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto N = md::matrix<"N", n, n>;
constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto Y = md::matrix<"Y", 3, 4>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto t = md::scalar<"t">;

using Matrix34 = Eigen::Matrix<double, 3, 4>;

template <class E>
constexpr md::shape shape_of(const E&) {
  return E::shape_v;
}

}  // namespace

TEST_CASE("matrix_power<k>(A) is A multiplied k times; A^0 = I, A^1 = A", "[matrix_power][eval]") {
  STATIC_REQUIRE(shape_of(md::matrix_power<3>(N)) == N.shape_v);
  STATIC_REQUIRE(md::matrix_power_op<2>::check(X.shape_v).view() == "matdiff: matrix_power of 3x4: the matrix is not square");
  STATIC_REQUIRE(std::is_same_v<decltype(md::matrix_power<0>(A)), std::remove_const_t<decltype(md::identity<3>)>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::matrix_power<1>(A)), std::remove_const_t<decltype(A)>>);
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(md::matrix_power<0>(A) + A, A = Av), Eigen::Matrix3d(Eigen::Matrix3d::Identity() + Av), 0);
  require_close(md::eval(md::matrix_power<1>(A), A = Av), Av, 0);
  require_close(md::eval(md::matrix_power<2>(A), A = Av), Eigen::Matrix3d(Av * Av), 1e-15);
  Eigen::Matrix3d power = Eigen::Matrix3d::Identity();
  for (int k = 1; k <= 7; ++k) power = power * Av;
  require_close(md::eval(md::matrix_power<7>(A), A = Av), power, 1e-14);
  const Eigen::MatrixXd Nv = random_matrix<Eigen::MatrixXd>(5, 5);
  require_close(md::eval(md::matrix_power<3>(N), N = Nv), Eigen::MatrixXd(Nv * Nv * Nv), 1e-14);
  CHECK(md::eval(md::matrix_power<4>(t), t = 1.5) == 1.5 * 1.5 * 1.5 * 1.5);
  require_close(md::eval(md::matrix_power<0>(N) - N, N = Nv), Eigen::MatrixXd(Eigen::MatrixXd::Identity(5, 5) - Nv), 0);
  // A nilpotent matrix: A^3 = 0 exactly.
  Eigen::Matrix3d shift = Eigen::Matrix3d::Zero();
  shift.diagonal(1).setOnes();
  CHECK(md::eval(md::matrix_power<3>(A), A = shift) == Eigen::Matrix3d::Zero());
}

TEST_CASE("matrix_power prints as A^k and differentiates by the product rule", "[matrix_power][derivative]") {
  STATIC_REQUIRE(md::to_string(md::matrix_power<3>(A)) == "A^3");
  STATIC_REQUIRE(md::to_string(md::matrix_power<2>(A * A)) == "(A*A)^2");
  STATIC_REQUIRE(md::to_string(md::matrix_power<0>(A)) == "I");
  STATIC_REQUIRE(md::to_string(md::differential(md::matrix_power<3>(A), A)) == "A^2*dA + dA*A^2 + A*dA*A");
  STATIC_REQUIRE(md::to_string(md::grad(md::trace(md::matrix_power<2>(A)), A)) == "2*A'");
  CHECK(md::to_latex(md::matrix_power<3>(A)) == "A^{3}");
  CHECK(md::to_latex(md::matrix_power<2>(md::transpose(A))) == R"(\left(A^{\top}\right)^{2})");
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  constexpr auto B = md::matrix<"B", 3, 3>;
  expect_gradients(md::trace(B * md::matrix_power<4>(A)), A = Av, B = Bv);
  expect_jacobian(md::matrix_power<3>(N), N, N = Eigen::MatrixXd(random_matrix<Eigen::MatrixXd>(3, 3)));
  CHECK(md::eval(md::grad(md::trace(md::matrix_power<0>(A)), A), A = Av) == Eigen::Matrix3d::Zero());
}

TEST_CASE("pow(A, B) with an expression exponent: of A's shape or 1x1", "[pow][eval]") {
  STATIC_REQUIRE(shape_of(md::pow(X, Y)) == X.shape_v);
  STATIC_REQUIRE(shape_of(md::pow(X, t)) == X.shape_v);
  STATIC_REQUIRE(md::power_op::check(X.shape_v, x.shape_v).view() ==
                 "matdiff: pow of 3x4 and 3x1: the exponent is neither of the shape of the base nor 1x1");
  const Matrix34 Xv = random_matrix<Matrix34>(0.1, 3.0), Yv = random_matrix<Matrix34>(-2.0, 2.0);
  require_close(md::eval(md::pow(X, Y), X = Xv, Y = Yv), Matrix34(Xv.array().pow(Yv.array())), 1e-15);
  require_close(md::eval(md::pow(X, t), X = Xv, t = 2.5), Matrix34(Xv.array().pow(2.5)), 1e-15);
  CHECK(md::eval(md::pow(t, t), t = 2.0) == 4.0);
  // Integer exponents of negative bases, and 0^0 = 1.
  const Eigen::Vector3d bases(-2.0, 0.0, 3.0), exponents(3.0, 0.0, -1.0);
  constexpr auto e = md::vector<"e", 3>;
  require_close(md::eval(md::pow(x, e), x = bases, e = exponents), Eigen::Vector3d(-8.0, 1.0, 1.0 / 3), 1e-16);

  STATIC_REQUIRE(md::to_string(md::pow(X, Y)) == "X.^Y");
  STATIC_REQUIRE(md::to_string(md::pow(X + Y, t)) == "(X + Y).^t");
  STATIC_REQUIRE(md::to_string(md::grad(md::sum(md::pow(X, Y)), X)) == "Y.*X.^(Y - ones)");
  STATIC_REQUIRE(md::to_string(md::grad(md::sum(md::pow(X, Y)), Y)) == "X.^Y.*log(X)");
  STATIC_REQUIRE(md::to_string(md::grad(md::sum(md::pow(X, t)), X)) == "t*X.^(-1 + t)");
  CHECK(md::to_latex(md::pow(X, Y)) == R"(X^{\circ Y})");
  CHECK(md::to_latex(md::pow(X, t + 1)) == R"(X^{\circ t + 1})");
}

TEST_CASE("gradients and Jacobians of pow(A, B) agree with differences", "[pow][derivative]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::pow(o.P, o.A)), o.P = o.Pv, o.A = o.Av, o.W = o.Wv);
    expect_gradients(md::dot(o.W, md::pow(o.P, o.s)), o.P = o.Pv, o.s = o.sv, o.W = o.Wv);
  });
  const Eigen::Vector3d xv(0.5, 1.2, 2.0);
  expect_jacobian(md::pow(x, t), x, x = xv, t = 1.7);
  expect_jacobian(md::pow(x, t), t, x = xv, t = 1.7);
  expect_jacobian(md::pow(x, x), x, x = xv);
}
