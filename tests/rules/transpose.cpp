// Rewrite rules for transposes: pushed to the leaves.
#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/expect.hpp"

namespace md = matdiff;
using matdiff_test::expect_simplify_law;
using matdiff_test::random_matrix;

namespace {
constexpr auto n = md::dim<"n">;
constexpr auto A = md::matrix<"A", n, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto x = md::vector<"x", 3>;
}  // namespace

TEST_CASE("transposes move to the leaves") {
  static_assert(md::to_string(md::simplify(md::transpose(md::transpose(A)))) == "A");
  static_assert(md::to_string(md::simplify(md::transpose(A * B))) == "B'*A'");
  static_assert(md::to_string(md::simplify(md::transpose(B + 2 * md::transpose(B)))) == "2*B + B'");
  static_assert(md::to_string(md::simplify(md::transpose(md::transpose(x) * B * x))) == "x'*B*x");
  static_assert(md::to_string(md::simplify(md::transpose(md::hadamard(A, md::exp(A))))) == "A'.*exp(A')");
  static_assert(md::to_string(md::simplify(md::transpose(md::identity<3>))) == "I");
  static_assert(md::to_string(md::simplify(md::transpose(md::diag(x)))) == "diag(x)");
  STATIC_REQUIRE(md::to_string(md::simplify(md::transpose(-md::inv(B)))) == "-inv(B)'");
}

TEST_CASE("transpose rules keep the value") {
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(4, 3);
  const Eigen::Matrix3d Bv = matdiff_test::well_conditioned<Eigen::Matrix3d>(3);
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  expect_simplify_law(md::transpose(A * B), A = Av, B = Bv);
  expect_simplify_law(md::transpose(B - 2 * md::transpose(B) * md::inv(B)), B = Bv);
  expect_simplify_law(md::transpose(md::hadamard(A, md::exp(A)) + A * B), A = Av, B = Bv);
  expect_simplify_law(md::transpose(md::diag(x) * B), x = xv, B = Bv);
}
