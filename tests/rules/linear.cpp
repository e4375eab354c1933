// Simplification rules of the other linear and bilinear operations (each in its ops/<op>.hpp).
#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/expect.hpp"

namespace md = matdiff;
using matdiff_test::expect_simplify_law;
using matdiff_test::random_matrix;

namespace {
constexpr auto A = md::matrix<"A", 2, 3>;
constexpr auto B = md::matrix<"B", 2, 3>;
constexpr auto u = md::vector<"u", 3>;
constexpr auto v = md::vector<"v", 3>;
constexpr auto s = md::scalar<"s">;
}  // namespace

TEST_CASE("numbers, 1x1 factors and negations leave linear operations") {
  static_assert(md::to_string(md::simplify(md::sum(-2 * A))) == "-2*sum(A)");
  static_assert(md::to_string(md::simplify(md::vec(s * A))) == "s*vec(A)");
  static_assert(md::to_string(md::simplify(md::hadamard(3 * A, -B))) == "-3*A.*B");
  static_assert(md::to_string(md::simplify(md::hadamard(md::ones<2, 3>, B))) == "B");
  static_assert(md::to_string(md::simplify(md::dot(u, v))) == "u'*v");
  static_assert(md::to_string(md::simplify(md::vec(u))) == "u");
  static_assert(md::to_string(md::simplify(md::unvec<md::to_dimension(2), md::to_dimension(3)>(md::vec(A)))) == "A");
  static_assert(md::to_string(md::simplify(md::diagonal(u * md::transpose(v)))) == "u.*v");
  STATIC_REQUIRE(md::to_string(md::simplify(md::kron(s, A))) == "s*A");
}

TEST_CASE("linear rules keep the value") {
  const Eigen::Matrix<double, 2, 3> Av = random_matrix<Eigen::Matrix<double, 2, 3>>(), Bv = random_matrix<Eigen::Matrix<double, 2, 3>>();
  const Eigen::Vector3d uv = random_matrix<Eigen::Vector3d>(), vv = random_matrix<Eigen::Vector3d>();
  expect_simplify_law(md::sum(-2 * A) + md::dot(u, v), A = Av, u = uv, v = vv);
  expect_simplify_law(md::hadamard(3 * A, -B) + md::hadamard_div(s * A, B), A = Av, B = Bv, s = 0.5);
  expect_simplify_law(md::diag(-u) + md::diag(md::diagonal(md::kron(u, md::transpose(v)))), u = uv, v = vv);
  expect_simplify_law(md::unvec<md::to_dimension(2), md::to_dimension(3)>(md::vec(A) * s), A = Av, s = 2.0);
}
