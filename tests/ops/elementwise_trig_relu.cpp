// tan, asin, acos, atan, relu and step (ops/elementwise.hpp): values against the scalar
// functions, edges of their domains, printing, gradients against central differences and
// Jacobians.
#include <cmath>
#include <limits>
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"
#include "../support/operands.hpp"

namespace md = matdiff;
using matdiff_test::apply;
using matdiff_test::expect_gradients;
using matdiff_test::expect_jacobian;
using matdiff_test::operands;
using matdiff_test::random_matrix;
using matdiff_test::require_close;
using matdiff_test::with_rectangular_sizes;

namespace {

constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto W = md::matrix<"W", 3, 4>;
constexpr auto Y = md::matrix<"Y", md::dim<"n">, 3>;
constexpr auto x = md::vector<"x", 4>;
constexpr auto a = md::scalar<"a">;

using Matrix34 = Eigen::Matrix<double, 3, 4>;

}  // namespace

TEST_CASE("tan, asin, acos, atan, relu and step keep the shape and match the scalar functions", "[elementwise][eval]") {
  STATIC_REQUIRE(decltype(md::tan(Y))::shape_v == Y.shape_v);
  STATIC_REQUIRE(decltype(md::relu(a))::shape_v == md::scalar_shape);
  const Matrix34 Xv = random_matrix<Matrix34>(-0.99, 0.99);
  require_close(md::eval(md::tan(X), X = Xv), apply(Xv, [](double v) { return std::tan(v); }), 0);
  require_close(md::eval(md::asin(X), X = Xv), apply(Xv, [](double v) { return std::asin(v); }), 0);
  require_close(md::eval(md::acos(X), X = Xv), apply(Xv, [](double v) { return std::acos(v); }), 0);
  require_close(md::eval(md::atan(X), X = Xv), apply(Xv, [](double v) { return std::atan(v); }), 0);
  require_close(md::eval(md::relu(X), X = Xv), apply(Xv, [](double v) { return v > 0 ? v : 0.0; }), 0);
  require_close(md::eval(md::step(X), X = Xv), apply(Xv, [](double v) { return v > 0 ? 1.0 : 0.0; }), 0);
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(5, 3, -3.0, 3.0);
  require_close(md::eval(md::atan(Y), Y = Yv), apply(Yv, [](double v) { return std::atan(v); }), 0);
  require_close(md::eval(md::relu(-Y), Y = Yv), apply(Yv, [](double v) { return v < 0 ? -v : 0.0; }), 0);
  CHECK(md::eval(md::tan(a), a = 0.25f) == std::tan(0.25f));
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::asin(a), a = 0.5f)), float>);
}

TEST_CASE("edges: asin and acos at ±1 and outside, relu and step at 0 and NaN", "[elementwise][eval][edge]") {
  const double pi = std::acos(-1.0), nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(md::eval(md::asin(a), a = 1.0) == pi / 2);
  CHECK(md::eval(md::asin(a), a = -1.0) == -pi / 2);
  CHECK(md::eval(md::acos(a), a = 1.0) == 0.0);
  CHECK(md::eval(md::acos(a), a = -1.0) == pi);
  CHECK(std::isnan(md::eval(md::asin(a), a = 1.5)));
  CHECK(std::isnan(md::eval(md::acos(a), a = -1.5)));
  CHECK(md::eval(md::atan(a), a = std::numeric_limits<double>::infinity()) == pi / 2);
  // The derivative 1/sqrt(1 - x²) grows without bound toward ±1 and is infinite there;
  // 1 - x² is formed as (1 - x)(1 + x), exact where 1 - x∘x would lose the small difference.
  const double near_one = 1 - 0x1p-40;
  require_close(md::eval(md::grad(md::asin(a), a), a = near_one), 1 / std::sqrt(0x1p-40 * (2 - 0x1p-40)), 1e-15);
  require_close(md::eval(md::grad(md::acos(a), a), a = -near_one), -1 / std::sqrt(0x1p-40 * (2 - 0x1p-40)), 1e-15);
  CHECK(md::eval(md::grad(md::asin(a), a), a = 1.0) == std::numeric_limits<double>::infinity());
  // relu(0) = 0 with derivative 0; relu(-0) = +0; NaN propagates through both.
  CHECK(md::eval(md::relu(a), a = 0.0) == 0.0);
  CHECK(!std::signbit(md::eval(md::relu(a), a = -0.0)));
  CHECK(md::eval(md::grad(md::relu(a), a), a = 0.0) == 0.0);
  CHECK(md::eval(md::grad(md::relu(a), a), a = 1e-300) == 1.0);
  CHECK(std::isnan(md::eval(md::relu(a), a = nan)));
  CHECK(std::isnan(md::eval(md::step(a), a = nan)));
  const Eigen::Vector4d xv(-2.0, 0.0, -0.0, 3.0);
  CHECK(md::eval(md::relu(x), x = xv) == Eigen::Vector4d(0, 0, 0, 3));
  CHECK(md::eval(md::grad(md::sum(md::relu(x)), x), x = xv) == Eigen::Vector4d(0, 0, 0, 1));
}

TEST_CASE("tan, asin, acos, atan, relu and step print as text and LaTeX", "[elementwise][print]") {
  STATIC_REQUIRE(md::to_string(md::tan(X)) == "tan(X)");
  STATIC_REQUIRE(md::to_string(md::asin(X)) == "asin(X)");
  STATIC_REQUIRE(md::to_string(md::acos(X)) == "acos(X)");
  STATIC_REQUIRE(md::to_string(md::atan(X)) == "atan(X)");
  STATIC_REQUIRE(md::to_string(md::relu(X)) == "relu(X)");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::tan(X)), X)) == "(ones + tan(X).*tan(X)).*W");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::asin(X)), X)) == "W./sqrt((ones - X).*(X + ones))");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::acos(X)), X)) == "-W./sqrt((ones - X).*(X + ones))");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::atan(X)), X)) == "W./(ones + X.*X)");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::relu(X)), X)) == "step(X).*W");
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::step(X)), X)) == "0");
  CHECK(md::to_latex(md::tan(X)) == R"(\tan\left(X\right))");
  CHECK(md::to_latex(md::asin(X)) == R"(\arcsin\left(X\right))");
  CHECK(md::to_latex(md::acos(X)) == R"(\arccos\left(X\right))");
  CHECK(md::to_latex(md::atan(X)) == R"(\arctan\left(X\right))");
  CHECK(md::to_latex(md::relu(X)) == R"(\operatorname{relu}\left(X\right))");
  CHECK(md::to_latex(md::grad(md::dot(W, md::relu(X)), X)) == R"(\operatorname{step}\left(X\right) \circ W)");
}

TEST_CASE("gradients of tan, asin, acos, atan and relu agree with central differences", "[elementwise][derivative]") {
  with_rectangular_sizes([](auto size) {
    operands o(size);
    expect_gradients(md::dot(o.W, md::tan(o.A)), o.A = o.Av, o.W = o.Wv);
    expect_gradients(md::dot(o.W, md::atan(3 * o.A)), o.A = o.Av, o.W = o.Wv);
    const auto inside = (0.9 * o.Av).eval();  // in (-1, 1)
    expect_gradients(md::dot(o.W, md::asin(o.A)), o.A = inside, o.W = o.Wv);
    expect_gradients(md::dot(o.W, md::acos(o.A)), o.A = inside, o.W = o.Wv);
    // Away from the kink at 0, on both sides of it.
    o.Av = o.Av.unaryExpr([](double v) { return v < 0 ? v - 0.2 : v + 0.2; });
    expect_gradients(md::dot(o.W, md::relu(o.A)), o.A = o.Av, o.W = o.Wv);
  });
}

TEST_CASE("Jacobians of tan, asin, acos, atan and relu agree with differences", "[elementwise][jacobian]") {
  const Eigen::Vector4d xv(-0.7, -0.3, 0.2, 0.6);
  expect_jacobian(md::tan(x), x, x = xv);
  expect_jacobian(md::asin(x), x, x = xv);
  expect_jacobian(md::acos(x), x, x = xv);
  expect_jacobian(md::atan(x), x, x = xv);
  expect_jacobian(md::relu(x), x, x = xv);
  STATIC_REQUIRE(md::to_string(md::jacobian(md::relu(x), x)) == "diag(step(x))");
}
