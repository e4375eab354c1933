// Sum of all entries (ops/sum.hpp): shape rule, evaluation, printing.
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
constexpr auto N = md::matrix<"N", n, m>;
constexpr auto a = md::scalar<"a">;
constexpr auto s = md::matrix<"s", 1, 1>;

using Matrix34 = Eigen::Matrix<double, 3, 4>;

}  // namespace

TEST_CASE("the sum of all entries is 1x1 for any shape", "[sum][shape]") {
  STATIC_REQUIRE(shape_of(md::sum(X)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::sum(x)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::sum(N)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::sum(a)) == shape(1, 1));
  STATIC_REQUIRE(md::sum_op::check(shape(n, m)).ok());
}

TEST_CASE("the sum of all entries evaluates to a scalar of the bound scalar type", "[sum][eval]") {
  // Only the types of these values matter here.
  const Matrix34 Xv;
  const Eigen::MatrixXd Nv;
  const Eigen::Matrix3f Af;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::sum(X), X = Xv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::sum(N), N = Nv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::sum(A), A = Af)), float>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::sum(a), a = 1.0)), double>);
}

TEST_CASE("the sum of all entries of fixed-size matrices and vectors matches a loop", "[sum][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>();
  double total = 0;
  for (int j = 0; j < 4; ++j)
    for (int i = 0; i < 3; ++i) total += Xv(i, j);
  require_close(md::eval(md::sum(X), X = Xv), total);
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(md::sum(x), x = xv), xv(0) + xv(1) + xv(2));
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(md::sum(A * B), A = Av, B = Bv), (Av * Bv).sum());
  // sum(A .* B) is the inner product of A and B.
  require_close(md::eval(md::sum(md::hadamard(A, B)), A = Av, B = Bv), (Av.transpose() * Bv).trace());
  require_close(md::eval(md::sum(md::ones<3, 4>)), 12.0);
}

TEST_CASE("the sum of all entries of a dynamic-size matrix matches a loop", "[sum][eval]") {
  const Eigen::MatrixXd Nv = random_matrix<Eigen::MatrixXd>(7, 5);
  double total = 0;
  for (Eigen::Index j = 0; j < 5; ++j)
    for (Eigen::Index i = 0; i < 7; ++i) total += Nv(i, j);
  require_close(md::eval(md::sum(N), N = Nv), total);
  require_close(md::eval(md::sum(N + md::ones<n, m>), N = Nv), total + 35);
}

TEST_CASE("the sum of the entries of a 1x1 value is the value itself", "[sum][eval]") {
  require_close(md::eval(md::sum(a), a = -2.5), -2.5);
  Eigen::Matrix<double, 1, 1> sv;
  sv << 4.0;
  require_close(md::eval(md::sum(s), s = sv), 4.0);
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(md::sum(md::transpose(x) * x), x = xv), xv.squaredNorm());
}

TEST_CASE("the sum of all entries of a single-precision matrix is a float", "[sum][eval]") {
  const Eigen::Matrix3f Af = random_matrix<Eigen::Matrix3f>();
  const auto total = md::eval(md::sum(A), A = Af);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(total)>, float>);
  require_close(total, Af.cast<double>().sum(), 1e-6);
}

TEST_CASE("the sum of all entries prints as sum(...)", "[sum][print]") {
  STATIC_REQUIRE(md::to_string(md::sum(A)) == "sum(A)");
  STATIC_REQUIRE(md::to_string(md::sum(A + B)) == "sum(A + B)");
  STATIC_REQUIRE(md::to_string(md::sum(md::hadamard(A, B))) == "sum(A.*B)");
  STATIC_REQUIRE(md::to_string(md::sum(A) / md::sum(B)) == "sum(A)/sum(B)");
  STATIC_REQUIRE(md::to_string(md::sum(A) * B) == "sum(A)*B");

  CHECK(md::to_latex(md::sum(A)) == R"(\operatorname{sum}\left(A\right))");
  CHECK(md::to_latex(md::sum(A * B)) == R"(\operatorname{sum}\left(A B\right))");
  CHECK(md::to_latex(md::sum(A) / md::sum(B)) == R"(\frac{\operatorname{sum}\left(A\right)}{\operatorname{sum}\left(B\right)})");
}
