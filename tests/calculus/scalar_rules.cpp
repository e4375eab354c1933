// The scalar derivative rules of the seed notes, with a 1x1 variable: constant, multiple,
// power, sum, product, quotient and chain rules, in value and against finite differences.
#include <matdiff/matdiff.hpp>

#include <cmath>

#include <catch2/catch.hpp>

#include "../support/expect.hpp"

namespace md = matdiff;
using matdiff_test::expect_gradient;
using matdiff_test::require_close;

namespace {
constexpr auto x = md::scalar<"x">;
constexpr auto c = md::scalar<"c">;
}  // namespace

TEST_CASE("constant rule: d/dx 99 = 0") {
  constexpr auto g = md::grad(99 + c, x);  // f does not depend on x
  STATIC_REQUIRE(md::to_string(g) == "0");
}

TEST_CASE("multiplication by a constant: d/dx 9x = 9") {
  static_assert(md::to_string(md::grad(9 * x, x)) == "9");
  REQUIRE(md::eval(md::grad(c * x, x), c = 2.5) == 2.5);
}

TEST_CASE("power rule: d/dx x^3 = 3x^2") {
  static_assert(md::to_string(md::grad(md::pow(x, 3), x)) == "3*x.^2");
  for (double v : {-1.5, 0.5, 2.0}) require_close(md::eval(md::grad(md::pow(x, 3), x), x = v), 3 * v * v);
  expect_gradient(md::pow(x, 3), x, x = 1.7);
}

TEST_CASE("sum rule: (x^2 + 3x)' = 2x + 3") {
  constexpr auto g = md::grad(md::pow(x, 2) + 3 * x, x);
  static_assert(md::to_string(g) == "3 + 2*x");
  require_close(md::eval(g, x = 1.25), 2 * 1.25 + 3);
}

TEST_CASE("product rule: (x sin x)' = sin x + x cos x") {
  constexpr auto g = md::grad(x * md::sin(x), x);
  static_assert(md::to_string(g) == "sin(x) + cos(x)*x");
  for (double v : {-2.0, 0.3, 4.0}) require_close(md::eval(g, x = v), std::sin(v) + v * std::cos(v));
}

TEST_CASE("quotient rule: (e^x / x)' = e^x / x - e^x / x^2") {
  constexpr auto g = md::grad(md::exp(x) / x, x);
  for (double v : {-2.0, 0.7, 3.0}) require_close(md::eval(g, x = v), std::exp(v) / v - std::exp(v) / (v * v));
  expect_gradient(md::exp(x) / x, x, x = 0.7);
}

TEST_CASE("chain rule: (ln x^2)' = 2/x") {
  constexpr auto g = md::grad(md::log(md::pow(x, 2)), x);
  for (double v : {-2.0, 0.7, 3.0}) require_close(md::eval(g, x = v), 2 / v);
  expect_gradient(md::log(md::pow(x, 2)), x, x = -1.3);
}
