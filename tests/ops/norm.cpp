// Euclidean/Frobenius norm and squared norm (ops/norm.hpp): shape rule, evaluation, printing.
#include <cmath>
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

/// rows x cols, each an integer or a symbolic md::dim.
consteval md::shape shape(auto rows, auto cols) {
  return {md::to_dimension(rows), md::to_dimension(cols)};
}
template <class E>
constexpr md::shape shape_of(const E&) {
  return E::shape_v;
}

constexpr md::dimension n = md::dim<"n">;

constexpr auto x = md::vector<"x", 3>;
constexpr auto u = md::vector<"u", n>;
constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto a = md::scalar<"a">;
constexpr auto s = md::matrix<"s", 1, 1>;

using Matrix34 = Eigen::Matrix<double, 3, 4>;

/// Σᵢⱼ mᵢⱼ², by a loop.
template <class M>
double sum_of_squares(const M& m) {
  double total = 0;
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i) total += m(i, j) * m(i, j);
  return total;
}

}  // namespace

TEST_CASE("norms and squared norms are 1x1 for any shape", "[norm][shape]") {
  STATIC_REQUIRE(shape_of(md::norm2(x)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::norm2(X)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::norm2(Y)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::norm2(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::sqnorm(u)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::sqnorm(X)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::sqnorm(a)) == shape(1, 1));
  STATIC_REQUIRE(md::norm2_op::check(shape(n, 3)).ok());
  STATIC_REQUIRE(md::sqnorm_op::check(shape(n, 3)).ok());
}

TEST_CASE("norms evaluate to scalars of the bound scalar type", "[norm][eval]") {
  // Only the types of these values matter here.
  const Eigen::Vector3d xv;
  const Eigen::Matrix3f Af;
  const Eigen::MatrixXd Yv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::norm2(x), x = xv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::sqnorm(Y), Y = Yv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::norm2(A), A = Af)), float>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::sqnorm(a), a = 1.0)), double>);
}

TEST_CASE("the norm of a vector is Euclidean and of a matrix Frobenius", "[norm][eval]") {
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(md::norm2(x), x = xv), std::sqrt(xv(0) * xv(0) + xv(1) * xv(1) + xv(2) * xv(2)));
  require_close(md::eval(md::sqnorm(x), x = xv), xv(0) * xv(0) + xv(1) * xv(1) + xv(2) * xv(2));
  const Matrix34 Xv = random_matrix<Matrix34>();
  require_close(md::eval(md::norm2(X), X = Xv), std::sqrt(sum_of_squares(Xv)));
  require_close(md::eval(md::sqnorm(X), X = Xv), sum_of_squares(Xv));
  // ||X||_F² = tr(X'X)
  require_close(md::eval(md::sqnorm(X), X = Xv), (Xv.transpose() * Xv).trace());
  const Eigen::Vector3d known(3.0, -4.0, 12.0);
  CHECK(md::eval(md::norm2(x), x = known) == 13.0);
}

TEST_CASE("norms of dynamic-size operands match a loop", "[norm][eval]") {
  const Eigen::VectorXd uv = random_matrix<Eigen::VectorXd>(11, 1);
  require_close(md::eval(md::norm2(u), u = uv), std::sqrt(sum_of_squares(uv)));
  require_close(md::eval(md::sqnorm(u), u = uv), sum_of_squares(uv));
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(6, 3);
  require_close(md::eval(md::norm2(Y), Y = Yv), std::sqrt(sum_of_squares(Yv)));
  require_close(md::eval(md::sqnorm(Y), Y = Yv), sum_of_squares(Yv));
}

TEST_CASE("norms inside expressions match Eigen", "[norm][eval]") {
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(md::norm2(A - B), A = Av, B = Bv), (Av - Bv).norm());
  require_close(md::eval(md::sqnorm(A * B), A = Av, B = Bv), (Av * Bv).squaredNorm());
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(x / md::norm2(x), x = xv), Eigen::Vector3d(xv.normalized()));
  require_close(md::eval(md::norm2(x) * md::norm2(x) - md::sqnorm(x), x = xv), 0.0);
}

TEST_CASE("the norm of a 1x1 value is its absolute value", "[norm][eval]") {
  require_close(md::eval(md::norm2(a), a = -2.5), 2.5);
  require_close(md::eval(md::sqnorm(a), a = -2.5), 6.25);
  Eigen::Matrix<double, 1, 1> sv;
  sv << -3.0;
  require_close(md::eval(md::norm2(s), s = sv), 3.0);
  require_close(md::eval(md::sqnorm(s), s = sv), 9.0);
}

TEST_CASE("norms of a single-precision matrix are floats", "[norm][eval]") {
  const Eigen::Matrix3f Af = random_matrix<Eigen::Matrix3f>();
  const auto norm = md::eval(md::norm2(A), A = Af);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(norm)>, float>);
  require_close(norm, std::sqrt(sum_of_squares(Af.cast<double>())), 1e-6);
}

TEST_CASE("norms print as norm2 and sqnorm, with subscript 2 or F in LaTeX", "[norm][print]") {
  STATIC_REQUIRE(md::to_string(md::norm2(x)) == "norm2(x)");
  STATIC_REQUIRE(md::to_string(md::sqnorm(x)) == "sqnorm(x)");
  STATIC_REQUIRE(md::to_string(md::norm2(A - B)) == "norm2(A - B)");
  STATIC_REQUIRE(md::to_string(md::sqnorm(x) / 2) == "sqnorm(x)/2");
  STATIC_REQUIRE(md::to_string(md::norm2(x) * A) == "norm2(x)*A");

  // Column vectors (also of symbolic length) take the Euclidean subscript, others F.
  CHECK(md::to_latex(md::norm2(x)) == R"(\left\lVert x\right\rVert_{2})");
  CHECK(md::to_latex(md::norm2(u)) == R"(\left\lVert u\right\rVert_{2})");
  CHECK(md::to_latex(md::norm2(X)) == R"(\left\lVert X\right\rVert_{F})");
  CHECK(md::to_latex(md::norm2(Y)) == R"(\left\lVert Y\right\rVert_{F})");
  CHECK(md::to_latex(md::sqnorm(x)) == R"(\left\lVert x\right\rVert_{2}^{2})");
  CHECK(md::to_latex(md::sqnorm(A - B)) == R"(\left\lVert A - B\right\rVert_{F}^{2})");
  CHECK(md::to_latex(md::sqnorm(x) / 2) == R"(\frac{\left\lVert x\right\rVert_{2}^{2}}{2})");
  CHECK(md::to_latex(md::norm2(x) * A) == R"(\left\lVert x\right\rVert_{2} A)");
  // A further superscript needs parentheses around the subscripted norm.
  CHECK(md::to_latex(md::pow(md::norm2(x), 2)) == R"(\left(\left\lVert x\right\rVert_{2}\right)^{\circ 2})");
}
