// solve(A, B) = A⁻¹B (ops/solve.hpp): shape rule, values against Eigen's LU and accuracy
// where forming A⁻¹ loses digits, singular A, printing, gradients against central
// differences, Jacobians and a Hessian.
#include <cmath>
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::expect_gradients;
using matdiff_test::expect_hessian;
using matdiff_test::expect_jacobian;
using matdiff_test::hilbert;
using matdiff_test::random_matrix;
using matdiff_test::require_close;
using matdiff_test::well_conditioned;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 2>;
constexpr auto W = md::matrix<"W", 3, 2>;
constexpr auto b = md::vector<"b", 3>;
constexpr auto N = md::matrix<"N", n, n>;
constexpr auto M = md::matrix<"M", n, 2>;
constexpr auto y = md::vector<"y", n>;
constexpr auto a = md::scalar<"a">;
constexpr auto r = md::matrix<"r", 1, 3>;

using Matrix32 = Eigen::Matrix<double, 3, 2>;

}  // namespace

TEST_CASE("solve needs a square matrix with the rows of the right-hand side", "[solve][shape]") {
  STATIC_REQUIRE(decltype(md::solve(A, B))::shape_v == B.shape_v);
  STATIC_REQUIRE(decltype(md::solve(N, y))::shape_v == y.shape_v);
  STATIC_REQUIRE(md::solve_op::check(md::shape{md::to_dimension(3), md::to_dimension(2)}, md::shape{md::to_dimension(3), md::to_dimension(2)}).view() == "matdiff: solve of 3x2 and 3x2: the matrix is not square");
  STATIC_REQUIRE(md::solve_op::check(A.shape_v, md::shape{md::to_dimension(4), md::to_dimension(1)}).view() == "matdiff: solve of 3x3 and 4x1: the rows differ");
  STATIC_REQUIRE(!md::solve_op::check(N.shape_v, B.shape_v).ok());
}

TEST_CASE("solve matches Eigen's LU solve, fixed, dynamic, 1x1 and single precision", "[solve][eval]") {
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>();
  const Matrix32 Bv = random_matrix<Matrix32>();
  require_close(md::eval(md::solve(A, B), A = Av, B = Bv), Matrix32(Av.partialPivLu().solve(Bv)), 1e-14);
  const Eigen::MatrixXd Nv = well_conditioned<Eigen::MatrixXd>(7), Mv = random_matrix<Eigen::MatrixXd>(7, 2);
  require_close(md::eval(md::solve(N, M), N = Nv, M = Mv), Eigen::MatrixXd(Nv.partialPivLu().solve(Mv)), 1e-14);
  CHECK(md::eval(md::solve(a, a), a = 3.0) == 1.0);
  const Eigen::RowVector3d rv(1, 2, 3);
  require_close(md::eval(md::solve(a, r), a = 2.0, r = rv), Eigen::RowVector3d(0.5, 1, 1.5), 0);
  const Eigen::Matrix3f Af = random_matrix<Eigen::Matrix3f>();
  const Eigen::Vector3f bf(1, 2, 3);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::solve(A, b), A = Af, b = bf)), Eigen::Vector3f>);
  CHECK((Af * md::eval(md::solve(A, b), A = Af, b = bf) - bf).norm() < 1e-5f * bf.norm() * Af.norm() * Af.inverse().norm());
}

TEST_CASE("solve is backward stable where inv(A)*b is not", "[solve][eval][accuracy]") {
  // The Hilbert matrix of size 10 (condition 1.6e13): a backward-stable solve leaves a
  // residual of the order of the rounding of A x; multiplying by the computed inverse
  // leaves residuals thousands of times larger.
  const Eigen::MatrixXd H = hilbert(10);
  const Eigen::VectorXd yv = H * Eigen::VectorXd::Ones(10);
  const Eigen::VectorXd x = md::eval(md::solve(N, y), N = H, y = yv);
  const double residual = (H * x - yv).norm() / (H.norm() * x.norm());
  CHECK(residual < 1e-15);
  const Eigen::VectorXd by_inverse = H.inverse() * yv;
  CHECK((H * by_inverse - yv).norm() / (H.norm() * by_inverse.norm()) > 100 * residual);
}

TEST_CASE("solve with a singular matrix gives entries that are not finite, as inv does", "[solve][eval][edge]") {
  Eigen::Matrix3d singular;
  singular << 1, 2, 3,
              2, 4, 6,
              1, 0, 1;
  CHECK_FALSE(md::eval(md::solve(A, b), A = singular, b = Eigen::Vector3d(1, 2, 3)).allFinite());
  CHECK_FALSE(md::eval(md::solve(N, y), N = Eigen::MatrixXd(singular), y = Eigen::VectorXd::Ones(3).eval()).allFinite());
  CHECK_FALSE(std::isfinite(md::eval(md::solve(a, a), a = 0.0)));
}

TEST_CASE("solve prints as solve(A, B), and as A^{-1} B in LaTeX", "[solve][print]") {
  STATIC_REQUIRE(md::to_string(md::solve(A, B)) == "solve(A, B)");
  STATIC_REQUIRE(md::to_string(md::solve(A * A, -B)) == "solve(A*A, -B)");
  STATIC_REQUIRE(md::to_string(md::differential(md::solve(A, B), A)) == "solve(A, -dA*solve(A, B))");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::solve(A, B)), A)) == "-solve(A', W)*solve(A, B)'");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::solve(A, B)), B)) == "solve(A', W)");
  STATIC_REQUIRE(md::to_string(md::jacobian(md::solve(A, b), b)) == "inv(A)");
  CHECK(md::to_latex(md::solve(A, B)) == "A^{-1} B");
  CHECK(md::to_latex(md::solve(A * A, -B)) == R"(\left(A A\right)^{-1}\left(-B\right))");
  CHECK(md::to_latex(md::solve(A, B) + W) == "A^{-1} B + W");
  CHECK(md::to_latex(md::solve(A, B + W)) == R"(A^{-1}\left(B + W\right))");
}

TEST_CASE("derivatives of solve agree with differences", "[solve][derivative]") {
  const Eigen::Matrix3d Av = well_conditioned<Eigen::Matrix3d>(3);
  const Matrix32 Bv = random_matrix<Matrix32>(), Wv = random_matrix<Matrix32>();
  expect_gradients(md::dot(W, md::solve(A, B)), A = Av, B = Bv, W = Wv);
  const Eigen::MatrixXd Nv = well_conditioned<Eigen::MatrixXd>(4);
  const Eigen::VectorXd yv = random_matrix<Eigen::VectorXd>(4, 1);
  expect_gradients(md::sqnorm(md::solve(N, y)), N = Nv, y = yv);
  expect_jacobian(md::solve(A, b), A, A = Av, b = Eigen::Vector3d(1, -2, 0.5));
  expect_jacobian(md::solve(N, y), y, N = Nv, y = yv);
  expect_hessian(md::sqnorm(md::solve(N, y)), y, N = Nv, y = yv);
}
