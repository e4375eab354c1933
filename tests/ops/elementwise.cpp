// Element-wise functions and powers (ops/elementwise.hpp): shape rule, evaluation, printing.
#include <cmath>
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::apply;
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

constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto a = md::scalar<"a">;

using Matrix34 = Eigen::Matrix<double, 3, 4>;

}  // namespace

TEST_CASE("element-wise functions and powers keep the shape", "[elementwise][shape]") {
  STATIC_REQUIRE(shape_of(md::exp(X)) == shape(3, 4));
  STATIC_REQUIRE(shape_of(md::log(Y)) == shape(n, 3));
  STATIC_REQUIRE(shape_of(md::sin(x)) == shape(3, 1));
  STATIC_REQUIRE(shape_of(md::cos(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::tanh(X)) == shape(3, 4));
  STATIC_REQUIRE(shape_of(md::sqrt(Y)) == shape(n, 3));
  STATIC_REQUIRE(shape_of(md::abs(X)) == shape(3, 4));
  STATIC_REQUIRE(shape_of(md::sigmoid(Y)) == shape(n, 3));
  STATIC_REQUIRE(shape_of(md::softplus(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::pow(X, 2)) == shape(3, 4));
  STATIC_REQUIRE(shape_of(md::pow(Y, -0.5)) == shape(n, 3));
  STATIC_REQUIRE(shape_of(md::pow(a, 3)) == shape(1, 1));
  STATIC_REQUIRE(md::pow_op::check(shape(n, 3)).ok());
}

TEST_CASE("element-wise functions evaluate to scalars or matrices of the operand shape", "[elementwise][eval]") {
  // Only the types of these values matter here.
  const Matrix34 Xv;
  const Eigen::MatrixXd Yv;
  const Eigen::Matrix3f Af;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::exp(X), X = Xv)), Matrix34>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::pow(X, 2), X = Xv)), Matrix34>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::softplus(Y), Y = Yv)), Eigen::Matrix<double, Eigen::Dynamic, 3>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::sigmoid(A), A = Af)), Eigen::Matrix3f>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::sin(a), a = 1.0)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::pow(a, 0.5), a = 1.0f)), float>);
}

TEST_CASE("exp, sin, cos, tanh and abs of fixed-size matrices match the scalar functions", "[elementwise][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>(-3.0, 3.0);
  require_close(md::eval(md::exp(X), X = Xv), apply(Xv, [](double v) { return std::exp(v); }));
  require_close(md::eval(md::sin(X), X = Xv), apply(Xv, [](double v) { return std::sin(v); }));
  require_close(md::eval(md::cos(X), X = Xv), apply(Xv, [](double v) { return std::cos(v); }));
  require_close(md::eval(md::tanh(X), X = Xv), apply(Xv, [](double v) { return std::tanh(v); }));
  require_close(md::eval(md::abs(X), X = Xv), apply(Xv, [](double v) { return std::abs(v); }));
}

TEST_CASE("log and sqrt of positive fixed-size matrices match the scalar functions", "[elementwise][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>(0.1, 5.0);
  require_close(md::eval(md::log(X), X = Xv), apply(Xv, [](double v) { return std::log(v); }));
  require_close(md::eval(md::sqrt(X), X = Xv), apply(Xv, [](double v) { return std::sqrt(v); }));
  require_close(md::eval(md::exp(md::log(X)), X = Xv), Xv);
}

TEST_CASE("sigmoid and softplus of moderate arguments match their definitions", "[elementwise][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>(-5.0, 5.0);
  require_close(md::eval(md::sigmoid(X), X = Xv), apply(Xv, [](double v) { return 1 / (1 + std::exp(-v)); }));
  require_close(md::eval(md::softplus(X), X = Xv), apply(Xv, [](double v) { return std::log(1 + std::exp(v)); }));
  require_close(md::eval(md::sigmoid(a), a = 0.0), 0.5);
  require_close(md::eval(md::softplus(a), a = 0.0), std::log(2.0));
}

TEST_CASE("sigmoid and softplus neither overflow nor lose small values at large arguments", "[elementwise][eval]") {
  CHECK(md::eval(md::softplus(a), a = 1000.0) == 1000.0);
  CHECK(md::eval(md::sigmoid(a), a = 1000.0) == 1.0);
  const double softplus_low = md::eval(md::softplus(a), a = -1000.0);
  const double sigmoid_low = md::eval(md::sigmoid(a), a = -1000.0);
  CHECK(softplus_low >= 0.0);
  CHECK(softplus_low < 1e-300);
  CHECK(sigmoid_low >= 0.0);
  CHECK(sigmoid_low < 1e-300);
  // e^-50 is far below the rounding unit of 1: it survives only if computed directly
  // (relative to e^-50, the exact values differ from it by about e^-50 only).
  CHECK(md::eval(md::softplus(a), a = -50.0) / std::exp(-50.0) == Approx(1.0).epsilon(1e-12));
  CHECK(md::eval(md::sigmoid(a), a = -50.0) / std::exp(-50.0) == Approx(1.0).epsilon(1e-12));
  CHECK(md::eval(md::softplus(a), a = 50.0) == Approx(50.0).epsilon(1e-15));

  Eigen::Vector3d xv(1000.0, -1000.0, 0.0);
  const Eigen::Vector3d sp = md::eval(md::softplus(x), x = xv);
  const Eigen::Vector3d sg = md::eval(md::sigmoid(x), x = xv);
  REQUIRE(sp.allFinite());
  REQUIRE(sg.allFinite());
  require_close(sp, Eigen::Vector3d(1000.0, 0.0, std::log(2.0)));
  require_close(sg, Eigen::Vector3d(1.0, 0.0, 0.5));
}

TEST_CASE("single-precision sigmoid and softplus stay finite where exp overflows float", "[elementwise][eval]") {
  Eigen::Matrix3f Af;
  Af << 100, -100, 0, 50, -50, 1, 2, -2, 0.5;  // exp(100) overflows float
  const auto sp = md::eval(md::softplus(A), A = Af);
  const auto sg = md::eval(md::sigmoid(A), A = Af);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(sp)>, Eigen::Matrix3f>);
  REQUIRE(sp.allFinite());
  REQUIRE(sg.allFinite());
  CHECK(sp(0, 0) == 100.0f);
  CHECK(sg(0, 0) == 1.0f);
  CHECK(sp(0, 1) >= 0.0f);
  CHECK(sp(0, 1) < 1e-30f);
  const Eigen::Matrix3d Ad = Af.cast<double>();
  require_close(sg.cast<double>(), apply(Ad, [](double v) { return v >= 0 ? 1 / (1 + std::exp(-v)) : std::exp(v) / (1 + std::exp(v)); }), 1e-6);
  require_close(sp.cast<double>(), apply(Ad, [](double v) { return std::max(v, 0.0) + std::log1p(std::exp(-std::abs(v))); }), 1e-6);
}

TEST_CASE("element-wise functions of dynamic-size matrices match the scalar functions", "[elementwise][eval]") {
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(6, 3, 0.2, 4.0);
  const auto exp_Y = md::eval(md::exp(Y), Y = Yv);
  REQUIRE(exp_Y.rows() == 6);
  require_close(exp_Y, apply(Yv, [](double v) { return std::exp(v); }));
  require_close(md::eval(md::log(Y), Y = Yv), apply(Yv, [](double v) { return std::log(v); }));
  require_close(md::eval(md::sqrt(Y), Y = Yv), apply(Yv, [](double v) { return std::sqrt(v); }));
  require_close(md::eval(md::tanh(-Y), Y = Yv), apply(Yv, [](double v) { return -std::tanh(v); }));
  require_close(md::eval(md::softplus(Y), Y = Yv), apply(Yv, [](double v) { return std::log1p(std::exp(v)); }));
}

TEST_CASE("element-wise functions of a 1x1 value are the scalar functions", "[elementwise][eval]") {
  require_close(md::eval(md::exp(a), a = 0.5), std::exp(0.5));
  require_close(md::eval(md::log(a), a = 0.5), std::log(0.5));
  require_close(md::eval(md::sin(a), a = 0.5), std::sin(0.5));
  require_close(md::eval(md::cos(a), a = 0.5), std::cos(0.5));
  require_close(md::eval(md::tanh(a), a = 0.5), std::tanh(0.5));
  require_close(md::eval(md::sqrt(a), a = 0.5), std::sqrt(0.5));
  require_close(md::eval(md::abs(a), a = -0.5), 0.5);
}

TEST_CASE("integer powers match repeated multiplication, also for negative bases", "[elementwise][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>(-2.0, 2.0);
  require_close(md::eval(md::pow(X, 2), X = Xv), Matrix34(Xv.cwiseProduct(Xv)));
  require_close(md::eval(md::pow(X, 3), X = Xv), Matrix34(Xv.cwiseProduct(Xv).cwiseProduct(Xv)));
  require_close(md::eval(md::pow(X, 1), X = Xv), Xv);
  require_close(md::eval(md::pow(X, 0), X = Xv), Matrix34(Matrix34::Ones()));
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(5, 3, -2.0, 2.0);
  require_close(md::eval(md::pow(Y, 3), Y = Yv), Eigen::MatrixXd(Yv.cwiseProduct(Yv).cwiseProduct(Yv)));
  require_close(md::eval(md::pow(a, 3), a = -1.5), -3.375);
}

TEST_CASE("negative and fractional powers of positive matrices match the scalar forms", "[elementwise][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>(0.25, 4.0);
  require_close(md::eval(md::pow(X, -1), X = Xv), Matrix34(Xv.cwiseInverse()));
  require_close(md::eval(md::pow(X, -2), X = Xv), Matrix34(Xv.cwiseProduct(Xv).cwiseInverse()));
  require_close(md::eval(md::pow(X, 0.5), X = Xv), Matrix34(Xv.cwiseSqrt()));
  require_close(md::eval(md::pow(X, -0.5), X = Xv), Matrix34(Xv.cwiseSqrt().cwiseInverse()));
  require_close(md::eval(md::pow(X, 1.5), X = Xv), Matrix34(Xv.cwiseProduct(Xv.cwiseSqrt())));
  require_close(md::eval(md::pow(X, 1.0 / 3), X = Xv), apply(Xv, [](double v) { return std::cbrt(v); }));
  require_close(md::eval(md::pow(a, -0.5), a = 4.0), 0.5);
  require_close(md::eval(md::pow(a, 0.5f), a = 2.25f), 1.5f, 1e-6);
}

TEST_CASE("element-wise functions print as function calls", "[elementwise][print]") {
  STATIC_REQUIRE(md::to_string(md::exp(A)) == "exp(A)");
  STATIC_REQUIRE(md::to_string(md::log(A)) == "log(A)");
  STATIC_REQUIRE(md::to_string(md::sin(A)) == "sin(A)");
  STATIC_REQUIRE(md::to_string(md::cos(A)) == "cos(A)");
  STATIC_REQUIRE(md::to_string(md::tanh(A)) == "tanh(A)");
  STATIC_REQUIRE(md::to_string(md::sqrt(A)) == "sqrt(A)");
  STATIC_REQUIRE(md::to_string(md::abs(A)) == "abs(A)");
  STATIC_REQUIRE(md::to_string(md::sigmoid(A)) == "sigmoid(A)");
  STATIC_REQUIRE(md::to_string(md::softplus(A)) == "softplus(A)");
  STATIC_REQUIRE(md::to_string(md::exp(A + B)) == "exp(A + B)");
  STATIC_REQUIRE(md::to_string(md::sigmoid(A * x)) == "sigmoid(A*x)");
  STATIC_REQUIRE(md::to_string(A * md::exp(B)) == "A*exp(B)");

  CHECK(md::to_latex(md::exp(A)) == R"(\exp\left(A\right))");
  CHECK(md::to_latex(md::log(A)) == R"(\log\left(A\right))");
  CHECK(md::to_latex(md::sin(A)) == R"(\sin\left(A\right))");
  CHECK(md::to_latex(md::cos(A)) == R"(\cos\left(A\right))");
  CHECK(md::to_latex(md::tanh(A)) == R"(\tanh\left(A\right))");
  CHECK(md::to_latex(md::sqrt(A)) == R"(\sqrt{A})");
  CHECK(md::to_latex(md::sqrt(A + B)) == R"(\sqrt{A + B})");
  CHECK(md::to_latex(md::sigmoid(A * x)) == R"(\sigma\left(A x\right))");
  CHECK(md::to_latex(md::softplus(A)) == R"(\operatorname{softplus}\left(A\right))");
  CHECK(md::to_latex(A * md::exp(B)) == R"(A\exp\left(B\right))");
}

TEST_CASE("abs prints with bars only where they cannot read as a determinant", "[elementwise][print]") {
  CHECK(md::to_latex(md::abs(a)) == R"(\left|a\right|)");
  CHECK(md::to_latex(md::abs(md::transpose(x) * x)) == R"(\left|x^{\top} x\right|)");
  CHECK(md::to_latex(md::abs(A)) == R"(\operatorname{abs}\left(A\right))");
  CHECK(md::to_latex(md::abs(x)) == R"(\operatorname{abs}\left(x\right))");
  CHECK(md::to_latex(md::log(md::abs(A))) == R"(\log\left(\operatorname{abs}\left(A\right)\right))");
}

TEST_CASE("powers print as .^ in text and as a Hadamard power in LaTeX", "[elementwise][print]") {
  STATIC_REQUIRE(md::to_string(md::pow(A, 2)) == "A.^2");
  STATIC_REQUIRE(md::to_string(md::pow(A, -1)) == "A.^(-1)");
  STATIC_REQUIRE(md::to_string(md::pow(A, 0.5)) == "A.^0.5");
  STATIC_REQUIRE(md::to_string(md::pow(A, -0.5)) == "A.^(-0.5)");
  STATIC_REQUIRE(md::to_string(md::pow(A + B, 2)) == "(A + B).^2");
  STATIC_REQUIRE(md::to_string(md::pow(A * B, 2)) == "(A*B).^2");
  STATIC_REQUIRE(md::to_string(md::pow(-A, 2)) == "(-A).^2");
  STATIC_REQUIRE(md::to_string(-md::pow(A, 2)) == "-A.^2");
  STATIC_REQUIRE(md::to_string(md::pow(md::transpose(A), 2)) == "(A').^2");
  STATIC_REQUIRE(md::to_string(md::pow(md::pow(A, 2), 3)) == "(A.^2).^3");
  STATIC_REQUIRE(md::to_string(md::pow(md::exp(A), 2)) == "exp(A).^2");
  STATIC_REQUIRE(md::to_string(md::pow(A, 2) * B) == "A.^2*B");

  CHECK(md::to_latex(md::pow(A, 2)) == R"(A^{\circ 2})");
  CHECK(md::to_latex(md::pow(A, -1)) == R"(A^{\circ -1})");
  CHECK(md::to_latex(md::pow(A, 0.5)) == R"(A^{\circ 0.5})");
  CHECK(md::to_latex(md::pow(A + B, 2)) == R"(\left(A + B\right)^{\circ 2})");
  CHECK(md::to_latex(md::pow(md::transpose(A), 2)) == R"(\left(A^{\top}\right)^{\circ 2})");
  CHECK(md::to_latex(md::pow(A / 2, 2)) == R"(\left(\frac{A}{2}\right)^{\circ 2})");
  CHECK(md::to_latex(md::pow(md::pow(A, 2), 3)) == R"(\left(A^{\circ 2}\right)^{\circ 3})");
  CHECK(md::to_latex(-md::pow(A, 2)) == R"(-A^{\circ 2})");
}
