// Matrix product, scaling and quotient (ops/product.hpp): shape rule, evaluation, printing.
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
constexpr auto B = md::matrix<"B", 4, 5>;
constexpr auto S = md::matrix<"S", 4, 4>;
constexpr auto P = md::matrix<"P", 3, 3>;
constexpr auto Q = md::matrix<"Q", 3, 3>;
constexpr auto R = md::matrix<"R", 3, 3>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto Z = md::matrix<"Z", 3, m>;
constexpr auto W = md::matrix<"W", 3, n>;
constexpr auto V = md::matrix<"V", n, 2>;
constexpr auto a = md::scalar<"a">;
constexpr auto b = md::scalar<"b">;
constexpr auto s = md::matrix<"s", 1, 1>;

using Matrix34 = Eigen::Matrix<double, 3, 4>;
using Matrix45 = Eigen::Matrix<double, 4, 5>;
using Matrix35 = Eigen::Matrix<double, 3, 5>;

}  // namespace

TEST_CASE("a matrix product is rows of the left by columns of the right", "[product][shape]") {
  STATIC_REQUIRE(shape_of(X * B) == shape(3, 5));
  STATIC_REQUIRE(shape_of(X * S * md::transpose(X)) == shape(3, 3));
  STATIC_REQUIRE(shape_of(Y * Z) == shape(n, m));
  STATIC_REQUIRE(shape_of(W * V) == shape(3, 2));  // the symbolic inner dimension disappears
  STATIC_REQUIRE(shape_of(md::transpose(x) * x) == shape(1, 1));
  STATIC_REQUIRE(shape_of(x * md::transpose(x)) == shape(3, 3));
  STATIC_REQUIRE(shape_of(md::transpose(Y) * Y) == shape(3, 3));
  STATIC_REQUIRE(shape_of(Y * md::transpose(Y)) == shape(n, n));
}

TEST_CASE("a 1x1 factor scales, whatever the other shape", "[product][shape]") {
  STATIC_REQUIRE(shape_of(a * X) == shape(3, 4));
  STATIC_REQUIRE(shape_of(X * a) == shape(3, 4));
  STATIC_REQUIRE(shape_of(s * Y) == shape(n, 3));
  STATIC_REQUIRE(shape_of(Y * s) == shape(n, 3));
  STATIC_REQUIRE(shape_of(2 * X) == shape(3, 4));
  STATIC_REQUIRE(shape_of(X * 0.5) == shape(3, 4));
  STATIC_REQUIRE(shape_of(a * b) == shape(1, 1));
  STATIC_REQUIRE(shape_of(a * x) == shape(3, 1));
  STATIC_REQUIRE(shape_of(md::transpose(x) * a) == shape(1, 3));
}

TEST_CASE("a quotient keeps the shape of the dividend", "[product][shape]") {
  STATIC_REQUIRE(shape_of(X / 2) == shape(3, 4));
  STATIC_REQUIRE(shape_of(X / a) == shape(3, 4));
  STATIC_REQUIRE(shape_of(Y / (a + b)) == shape(n, 3));
  STATIC_REQUIRE(shape_of(1 / a) == shape(1, 1));
}

TEST_CASE("products with different inner dimensions and non-scalar divisors are rejected", "[product][shape]") {
  STATIC_REQUIRE(md::product_op::check(shape(3, 4), shape(4, 5)).ok());
  STATIC_REQUIRE(md::product_op::check(shape(1, 1), shape(4, 5)).ok());
  STATIC_REQUIRE(md::product_op::check(shape(3, 4), shape(3, 4)).view() ==
                 "matdiff: product of 3x4 and 3x4: inner dimensions differ");
  STATIC_REQUIRE(md::product_op::check(shape(n, 3), shape(m, 3)).view() ==
                 "matdiff: product of nx3 and mx3: inner dimensions differ");
  // A symbolic n is never assumed to be 1 (that is, a scalar) nor to equal a number.
  STATIC_REQUIRE(!md::product_op::check(shape(3, n), shape(3, 3)).ok());
  STATIC_REQUIRE(!md::product_op::check(shape(n, n), shape(3, 4)).ok());
  STATIC_REQUIRE(md::quotient_op::check(shape(3, 4), shape(1, 1)).ok());
  STATIC_REQUIRE(md::quotient_op::check(shape(3, 4), shape(3, 1)).view() ==
                 "matdiff: quotient of 3x4 by 3x1: the divisor must be 1x1");
}

TEST_CASE("products and quotients evaluate to scalars or matrices of the result shape", "[product][eval]") {
  // Only the types of these values matter here.
  const Matrix34 Xv;
  const Matrix45 Bv;
  const Eigen::MatrixXd Yv, Zv, Wv, Vv;
  const Eigen::Vector3d xv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(X * B, X = Xv, B = Bv)), Matrix35>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(Y * Z, Y = Yv, Z = Zv)), Eigen::MatrixXd>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(W * V, W = Wv, V = Vv)), Eigen::Matrix<double, 3, 2>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::transpose(x) * x, x = xv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(x * md::transpose(x), x = xv)), Eigen::Matrix3d>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(a * X, a = 2.0, X = Xv)), Matrix34>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(Y / a, a = 2.0, Y = Yv)), Eigen::Matrix<double, Eigen::Dynamic, 3>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(a * b, a = 2.0, b = 3.0)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(a / 2, a = 2.0f)), float>);
}

TEST_CASE("products of fixed-size matrices match Eigen", "[product][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>();
  const Matrix45 Bv = random_matrix<Matrix45>();
  const Eigen::Matrix4d Sv = random_matrix<Eigen::Matrix4d>();
  const Eigen::Matrix3d Pv = random_matrix<Eigen::Matrix3d>(), Qv = random_matrix<Eigen::Matrix3d>(),
                        Rv = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(X * B, X = Xv, B = Bv), Matrix35(Xv * Bv));
  require_close(md::eval(X * S * md::transpose(X), X = Xv, S = Sv), Eigen::Matrix3d(Xv * Sv * Xv.transpose()));
  require_close(md::eval(P * Q * R, P = Pv, Q = Qv, R = Rv), Eigen::Matrix3d(Pv * Qv * Rv));
  require_close(md::eval(P * (Q * R), P = Pv, Q = Qv, R = Rv), Eigen::Matrix3d(Pv * Qv * Rv));
  require_close(md::eval((P + Q) * R, P = Pv, Q = Qv, R = Rv), Eigen::Matrix3d((Pv + Qv) * Rv));
  // The result does not alias an operand: P*P reads P while the product is written.
  require_close(md::eval(P * P * P, P = Pv), Eigen::Matrix3d(Pv * Pv * Pv));
}

TEST_CASE("products of dynamic-size matrices match Eigen", "[product][eval]") {
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(6, 3), Zv = random_matrix<Eigen::MatrixXd>(3, 7);
  const Eigen::MatrixXd Wv = random_matrix<Eigen::MatrixXd>(3, 8), Vv = random_matrix<Eigen::MatrixXd>(8, 2);
  require_close(md::eval(Y * Z, Y = Yv, Z = Zv), Eigen::MatrixXd(Yv * Zv));
  require_close(md::eval(Y * md::transpose(Y), Y = Yv), Eigen::MatrixXd(Yv * Yv.transpose()));
  require_close(md::eval(md::transpose(Y) * Y, Y = Yv), Eigen::MatrixXd(Yv.transpose() * Yv));
  require_close(md::eval(W * V, W = Wv, V = Vv), Eigen::Matrix<double, 3, 2>(Wv * Vv));
}

TEST_CASE("a 1x1 product of a row and a column is their inner product", "[product][eval]") {
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  const Eigen::Matrix3d Pv = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(md::transpose(x) * x, x = xv), xv.dot(xv));
  require_close(md::eval(md::transpose(x) * P * x, x = xv, P = Pv), double(xv.transpose() * Pv * xv));
  require_close(md::eval(x * md::transpose(x), x = xv), Eigen::Matrix3d(xv * xv.transpose()));
}

TEST_CASE("a 1x1 factor or a number scales the other factor", "[product][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>();
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(5, 3);
  require_close(md::eval(2 * X, X = Xv), Matrix34(2 * Xv));
  require_close(md::eval(X * 2, X = Xv), Matrix34(2 * Xv));
  require_close(md::eval(0.5 * X, X = Xv), Matrix34(0.5 * Xv));
  require_close(md::eval(X * (-2), X = Xv), Matrix34(-2 * Xv));
  require_close(md::eval(a * X, a = -1.5, X = Xv), Matrix34(-1.5 * Xv));
  require_close(md::eval(X * a, a = -1.5, X = Xv), Matrix34(-1.5 * Xv));
  require_close(md::eval(a * Y, a = 3.0, Y = Yv), Eigen::MatrixXd(3 * Yv));
  Eigen::Matrix<double, 1, 1> sv;
  sv << 0.25;
  require_close(md::eval(s * Y, s = sv, Y = Yv), Eigen::MatrixXd(0.25 * Yv));
  require_close(md::eval(Y * s, s = sv, Y = Yv), Eigen::MatrixXd(0.25 * Yv));
  require_close(md::eval(a * b, a = 1.5, b = -4.0), -6.0);
  require_close(md::eval(2 * a * b, a = 1.5, b = -4.0), -12.0);
  require_close(md::eval(s * s, s = sv), 0.0625);
}

TEST_CASE("a quotient divides by a 1x1 value or a number", "[product][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>();
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(5, 3);
  require_close(md::eval(X / 2, X = Xv), Matrix34(Xv / 2));
  require_close(md::eval(X / a, a = -0.5, X = Xv), Matrix34(Xv / -0.5));
  require_close(md::eval(Y / (a + b), a = 1.0, b = 3.0, Y = Yv), Eigen::MatrixXd(Yv / 4.0));
  require_close(md::eval(X / 2 / 4, X = Xv), Matrix34(Xv / 8));
  require_close(md::eval(a / b, a = 1.0, b = 8.0), 0.125);
  require_close(md::eval(1 / a, a = 4.0), 0.25);
  // An integer binding is a double value, so 1/a is not an integer division.
  require_close(md::eval(1 / a, a = 4.0), 0.25);
}

TEST_CASE("products of single-precision matrices stay single precision", "[product][eval]") {
  const Eigen::Matrix3f Pv = random_matrix<Eigen::Matrix3f>(), Qv = random_matrix<Eigen::Matrix3f>();
  const auto PQ = md::eval(P * Q / 2, P = Pv, Q = Qv);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(PQ)>, Eigen::Matrix3f>);
  require_close(PQ, Eigen::Matrix3f(Pv * Qv / 2), 1e-6);
}

TEST_CASE("products and quotients print in text with the parentheses they need", "[product][print]") {
  STATIC_REQUIRE(md::to_string(X * B) == "X*B");
  STATIC_REQUIRE(md::to_string(X * S * md::transpose(X)) == "X*S*X'");
  STATIC_REQUIRE(md::to_string(P * Q * R) == "P*Q*R");
  STATIC_REQUIRE(md::to_string(P * (Q * R)) == "P*(Q*R)");
  STATIC_REQUIRE(md::to_string((P + Q) * R) == "(P + Q)*R");
  STATIC_REQUIRE(md::to_string(P * (Q - R)) == "P*(Q - R)");
  STATIC_REQUIRE(md::to_string(P * (-Q)) == "P*(-Q)");
  STATIC_REQUIRE(md::to_string(-P * Q) == "-P*Q");
  STATIC_REQUIRE(md::to_string(2 * X) == "2*X");
  STATIC_REQUIRE(md::to_string(-2 * X) == "-2*X");
  STATIC_REQUIRE(md::to_string(X * (-2)) == "X*(-2)");
  STATIC_REQUIRE(md::to_string(0.5 * X) == "0.5*X");
  STATIC_REQUIRE(md::to_string(X * 0.5) == "X*0.5");
  STATIC_REQUIRE(md::to_string(a * X) == "a*X");
  STATIC_REQUIRE(md::to_string(2 * (-X)) == "2*(-X)");
  STATIC_REQUIRE(md::to_string(X / 2) == "X/2");
  STATIC_REQUIRE(md::to_string(X / (-2)) == "X/(-2)");
  STATIC_REQUIRE(md::to_string(X / a) == "X/a");
  STATIC_REQUIRE(md::to_string(X / (a + b)) == "X/(a + b)");
  STATIC_REQUIRE(md::to_string(X / (a * b)) == "X/(a*b)");
  STATIC_REQUIRE(md::to_string(X / (a / b)) == "X/(a/b)");
  STATIC_REQUIRE(md::to_string(X / 2 / a) == "X/2/a");
  STATIC_REQUIRE(md::to_string((P + Q) / 2) == "(P + Q)/2");
  STATIC_REQUIRE(md::to_string(P * Q / 2) == "P*Q/2");
  STATIC_REQUIRE(md::to_string(P / 2 * Q) == "P/2*Q");
  STATIC_REQUIRE(md::to_string(md::transpose(X) / 2) == "X'/2");
}

TEST_CASE("products and quotients print in LaTeX with the parentheses they need", "[product][print]") {
  STATIC_REQUIRE(md::to_latex(X * B) == "X B");
  STATIC_REQUIRE(md::to_latex(X * S * md::transpose(X)) == R"(X S X^{\top})");
  CHECK(md::to_latex(P * (Q * R)) == R"(P\left(Q R\right))");
  CHECK(md::to_latex((P + Q) * R) == R"(\left(P + Q\right) R)");
  CHECK(md::to_latex(-P * Q) == "-P Q");
  CHECK(md::to_latex(2 * X) == "2 X");
  CHECK(md::to_latex(a * X) == "a X");
  // A number on the right is set off by \cdot; a factor starting with a minus sign is
  // parenthesised, so that it does not read as a difference.
  CHECK(md::to_latex(X * 0.5) == R"(X \cdot 0.5)");
  CHECK(md::to_latex(X * (-2)) == R"(X\left(-2\right))");
  CHECK(md::to_latex(P * (-Q)) == R"(P\left(-Q\right))");
  CHECK(md::to_latex(2 * (-X)) == R"(2\left(-X\right))");
  CHECK(md::to_latex(P * md::inv(Q)) == "P Q^{-1}");
  CHECK(md::to_latex(P * md::trace(Q)) == R"(P\operatorname{tr}\left(Q\right))");
  CHECK(md::to_latex(X / 2) == R"(\frac{X}{2})");
  CHECK(md::to_latex(X / (-2)) == R"(\frac{X}{-2})");
  CHECK(md::to_latex(X / (a + b)) == R"(\frac{X}{a + b})");
  CHECK(md::to_latex(P * Q / 2) == R"(\frac{P Q}{2})");
  CHECK(md::to_latex(P / 2 * Q) == R"(\frac{P}{2} Q)");
  CHECK(md::to_latex(X / 2 / a) == R"(\frac{\frac{X}{2}}{a})");
  // A superscript on a fraction applies to the parenthesised fraction.
  CHECK(md::to_latex(md::transpose(X / 2)) == R"(\left(\frac{X}{2}\right)^{\top})");
}
