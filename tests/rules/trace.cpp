// Simplification rules of the trace (ops/trace.hpp, found by md::simplify through lookup).
#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/expect.hpp"

namespace md = matdiff;
using matdiff_test::expect_simplify_law;
using matdiff_test::random_matrix;

namespace {
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto s = md::scalar<"s">;
}  // namespace

TEST_CASE("traces of 1x1, constants, transposes, sums and multiples") {
  static_assert(md::to_string(md::simplify(md::trace(md::transpose(x) * A * x))) == "x'*A*x");
  static_assert(md::to_string(md::simplify(md::trace(md::identity<3>))) == "3");
  static_assert(md::to_string(md::simplify(md::trace(md::zeros<3, 3>) + md::trace(A))) == "tr(A)");
  static_assert(md::to_string(md::simplify(md::trace(md::transpose(A)))) == "tr(A)");
  static_assert(md::to_string(md::simplify(md::trace(A - 2 * B))) == "tr(A) - 2*tr(B)");
  STATIC_REQUIRE(md::to_string(md::simplify(md::trace(s * A))) == "s*tr(A)");
}

TEST_CASE("trace rules keep the value") {
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  expect_simplify_law(md::trace(md::transpose(A) + 3 * B - md::identity<3>), A = Av, B = Bv);
  expect_simplify_law(md::trace(s * (A * B)), A = Av, B = Bv, s = -0.25);
}
