// Transpose (ops/transpose.hpp): shape rule, evaluation, printing.
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
constexpr md::dimension m = md::dim<"m">;

constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto N = md::matrix<"N", n, m>;
constexpr auto a = md::scalar<"a">;
constexpr auto s = md::matrix<"s", 1, 1>;

using Matrix34 = Eigen::Matrix<double, 3, 4>;
using Matrix43 = Eigen::Matrix<double, 4, 3>;

}  // namespace

TEST_CASE("a transpose swaps rows and columns", "[transpose][shape]") {
  STATIC_REQUIRE(shape_of(md::transpose(X)) == shape(4, 3));
  STATIC_REQUIRE(shape_of(md::transpose(md::transpose(X))) == shape(3, 4));
  STATIC_REQUIRE(shape_of(md::transpose(x)) == shape(1, 3));
  STATIC_REQUIRE(shape_of(md::transpose(Y)) == shape(3, n));
  STATIC_REQUIRE(shape_of(md::transpose(N)) == shape(m, n));
  STATIC_REQUIRE(shape_of(md::transpose(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::transpose(s)) == shape(1, 1));
  STATIC_REQUIRE(md::transpose_op::check(shape(3, 4)).ok());
}

TEST_CASE("a transpose evaluates to a scalar or a matrix of the swapped shape", "[transpose][eval]") {
  // Only the types of these values matter here.
  const Matrix34 Xv;
  const Eigen::Vector3d xv;
  const Eigen::MatrixXd Yv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::transpose(X), X = Xv)), Matrix43>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::transpose(x), x = xv)), Eigen::RowVector3d>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::transpose(Y), Y = Yv)), Eigen::Matrix<double, 3, Eigen::Dynamic>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::transpose(N), N = Yv)), Eigen::MatrixXd>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::transpose(a), a = 1.0)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::transpose(a), a = 1.0f)), float>);
}

TEST_CASE("the transpose of a fixed-size matrix matches Eigen", "[transpose][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>();
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(md::transpose(X), X = Xv), Matrix43(Xv.transpose()));
  require_close(md::eval(md::transpose(md::transpose(X)), X = Xv), Xv);
  require_close(md::eval(md::transpose(x), x = xv), Eigen::RowVector3d(xv.transpose()));
}

TEST_CASE("the transpose of a product is the product of the transposes, reversed", "[transpose][eval]") {
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix3d expected = Bv.transpose() * Av.transpose();
  require_close(md::eval(md::transpose(A * B), A = Av, B = Bv), expected);
  require_close(md::eval(md::transpose(B) * md::transpose(A), A = Av, B = Bv), expected);
  require_close(md::eval(md::transpose(A + B), A = Av, B = Bv), Eigen::Matrix3d((Av + Bv).transpose()));
  // An operand that is itself a transpose: no aliasing between A and A'.
  require_close(md::eval(A - md::transpose(A), A = Av), Eigen::Matrix3d(Av - Av.transpose()));
}

TEST_CASE("the transpose of a dynamic-size matrix matches Eigen", "[transpose][eval]") {
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(7, 3);
  const Eigen::MatrixXd Nv = random_matrix<Eigen::MatrixXd>(2, 5);
  const auto Yt = md::eval(md::transpose(Y), Y = Yv);
  REQUIRE(Yt.cols() == 7);
  require_close(Yt, Eigen::MatrixXd(Yv.transpose()));
  require_close(md::eval(md::transpose(N), N = Nv), Eigen::MatrixXd(Nv.transpose()));
  require_close(md::eval(md::transpose(Y) * Y, Y = Yv), Eigen::MatrixXd(Yv.transpose() * Yv));
}

TEST_CASE("the transpose of a 1x1 value is the value itself", "[transpose][eval]") {
  require_close(md::eval(md::transpose(a), a = -2.5), -2.5);
  require_close(md::eval(md::transpose(2 * a), a = -2.5), -5.0);
  Eigen::Matrix<double, 1, 1> sv;
  sv << 0.75;
  require_close(md::eval(md::transpose(s), s = sv), 0.75);
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(md::transpose(md::transpose(x) * x), x = xv), xv.squaredNorm());
}

TEST_CASE("a transpose prints as a postfix prime in text and a top superscript in LaTeX", "[transpose][print]") {
  STATIC_REQUIRE(md::to_string(md::transpose(X)) == "X'");
  STATIC_REQUIRE(md::to_string(md::transpose(md::transpose(X))) == "X''");
  STATIC_REQUIRE(md::to_string(md::transpose(A * B)) == "(A*B)'");
  STATIC_REQUIRE(md::to_string(md::transpose(A + B)) == "(A + B)'");
  STATIC_REQUIRE(md::to_string(md::transpose(-A)) == "(-A)'");
  STATIC_REQUIRE(md::to_string(-md::transpose(A)) == "-A'");
  STATIC_REQUIRE(md::to_string(md::transpose(2 * X)) == "(2*X)'");
  STATIC_REQUIRE(md::to_string(md::transpose(X / 2)) == "(X/2)'");
  STATIC_REQUIRE(md::to_string(md::transpose(md::inv(A))) == "inv(A)'");
  STATIC_REQUIRE(md::to_string(md::transpose(A) * B) == "A'*B");
  STATIC_REQUIRE(md::to_string(md::transpose(A * B) * A) == "(A*B)'*A");

  CHECK(md::to_latex(md::transpose(X)) == R"(X^{\top})");
  CHECK(md::to_latex(md::transpose(md::transpose(X))) == R"(\left(X^{\top}\right)^{\top})");
  CHECK(md::to_latex(md::transpose(A * B)) == R"(\left(A B\right)^{\top})");
  CHECK(md::to_latex(md::transpose(-A)) == R"(\left(-A\right)^{\top})");
  CHECK(md::to_latex(md::transpose(X / 2)) == R"(\left(\frac{X}{2}\right)^{\top})");
  CHECK(md::to_latex(md::transpose(md::inv(A))) == R"(A^{-\top})");
  CHECK(md::to_latex(md::transpose(A) * B) == R"(A^{\top} B)");
  CHECK(md::to_latex(md::transpose(md::matrix<"Sigma", 3, 3>)) == R"(\Sigma^{\top})");
  CHECK(md::to_latex(md::transpose(md::matrix<"W1", 3, 3>)) == R"(\mathit{W1}^{\top})");
}
