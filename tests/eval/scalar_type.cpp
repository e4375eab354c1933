// The scalar type of a result: that of the bound Eigen objects (float or double); numbers
// bound or written in the expression convert to it; without Eigen objects, the common type
// of the bound numbers (double for integers and when nothing is bound).
#include <cmath>
#include <tuple>
#include <type_traits>

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto X = md::matrix<"X", 3, 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto x = md::vector<"x", n>;
constexpr auto a = md::scalar<"a">;
constexpr auto b = md::scalar<"b">;

constexpr auto f = md::trace(X * md::transpose(X)) + md::logdet(X + 4 * md::identity<3>);
constexpr auto F = md::exp(X / 4) * X;
constexpr auto G = Y * X;

/// Tolerance for results computed in float and compared with the same computed in double.
constexpr double float_tol = 1e-5;

}  // namespace

TEST_CASE("double bindings give double results") {
  const Eigen::Matrix3d Xd = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd Yd = random_matrix<Eigen::MatrixXd>(4, 3);
  static_assert(std::is_same_v<decltype(md::eval(f, X = Xd)), double>);
  static_assert(std::is_same_v<decltype(md::eval(F, X = Xd)), Eigen::Matrix3d>);
  static_assert(std::is_same_v<decltype(md::eval(G, Y = Yd, X = Xd)),
                               Eigen::Matrix<double, Eigen::Dynamic, 3>>);
  static_assert(std::is_same_v<decltype(f(X = Eigen::MatrixXd(Xd))), double>);
  require_close(md::eval(G, Y = Yd, X = Xd), Eigen::MatrixXd(Yd * Xd));
}

TEST_CASE("float bindings give float results") {
  const Eigen::Matrix3d Xd = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix3f Xf = Xd.cast<float>();
  const Eigen::MatrixXf Xfd = Xf;
  const Eigen::MatrixXf Yf = random_matrix<Eigen::MatrixXf>(5, 3);

  const auto value = md::eval(f, X = Xf);
  static_assert(std::is_same_v<decltype(value), const float>);
  require_close(value, md::eval(f, X = Xf.cast<double>()), float_tol);

  const auto matrix = md::eval(F, X = Xfd);  // a dynamic float object: still a fixed shape
  static_assert(std::is_same_v<decltype(matrix), const Eigen::Matrix3f>);
  require_close(matrix.cast<double>(), md::eval(F, X = Xf.cast<double>()), float_tol);

  const auto product = G(X = Xf, Y = Yf);
  static_assert(std::is_same_v<decltype(product), const Eigen::Matrix<float, Eigen::Dynamic, 3>>);
  require_close(product, Eigen::MatrixXf(Yf * Xf), float_tol);

  // Element-wise functions, inverses and factorizations stay in float.
  static_assert(std::is_same_v<decltype(md::eval(md::inv(X), X = Xf)), Eigen::Matrix3f>);
  static_assert(std::is_same_v<decltype(md::eval(md::det(X), X = Xf)), float>);
  static_assert(std::is_same_v<decltype(md::eval(md::sigmoid(Y), Y = Yf)),
                               Eigen::Matrix<float, Eigen::Dynamic, 3>>);
  static_assert(std::is_same_v<decltype(md::eval(md::norm2(x), x = Yf.col(0))), float>);
}

TEST_CASE("float kernels return float results") {
  const Eigen::Matrix3f Xf = random_matrix<Eigen::Matrix3f>();
  const auto results = md::kernel(f, F)(X = Xf);
  static_assert(std::is_same_v<decltype(results), const std::tuple<float, Eigen::Matrix3f>>);
  REQUIRE(std::get<0>(results) == md::eval(f, X = Xf));
  REQUIRE(std::get<1>(results) == md::eval(F, X = Xf));
}

TEST_CASE("numbers convert to the scalar type of the Eigen objects") {
  const Eigen::Matrix3f Xf = random_matrix<Eigen::Matrix3f>();
  const Eigen::Matrix3d Xd = Xf.cast<double>();

  // A double bound to a scalar variable next to float matrices: the result is float.
  const auto scaled = md::eval(a * X, X = Xf, a = 0.1);
  static_assert(std::is_same_v<decltype(scaled), const Eigen::Matrix3f>);
  require_close(scaled, Eigen::Matrix3f(0.1f * Xf), 1e-7);
  static_assert(std::is_same_v<decltype(md::eval(a * md::trace(X), X = Xf, a = 2.0)), float>);
  // And a float next to double matrices: double.
  const auto scaled_double = md::eval(a * X, X = Xd, a = 0.5f);
  static_assert(std::is_same_v<decltype(scaled_double), const Eigen::Matrix3d>);
  require_close(scaled_double, Eigen::Matrix3d(0.5 * Xd));
  // A 1x1 Eigen matrix bound to a scalar variable sets the type like any Eigen object.
  static_assert(
      std::is_same_v<
          decltype(md::eval(a * b, a = Eigen::Matrix<float, 1, 1>::Constant(2), b = 3.0)), float>);

  // Numbers written in the expression: 0.1 becomes the float 0.1f.
  const auto literal = md::eval(0.1 * X + X / 3, X = Xf);
  static_assert(std::is_same_v<decltype(literal), const Eigen::Matrix3f>);
  require_close(literal, Eigen::Matrix3f(0.1f * Xf + Xf / 3.0f), 1e-6);
}

TEST_CASE("only numbers bound: their common type") {
  static_assert(std::is_same_v<decltype(md::eval(a * b, a = 2.0f, b = 0.5f)), float>);
  static_assert(std::is_same_v<decltype(md::eval(a * b, a = 2.0, b = 0.5)), double>);
  static_assert(std::is_same_v<decltype(md::eval(a * b, a = 2.0f, b = 0.5)), double>);
  static_assert(std::is_same_v<decltype(md::eval(a * b, a = 2.0f, b = 3.0L)), long double>);
  static_assert(std::is_same_v<decltype(md::eval(a * md::identity<2>, a = 2.0f)), Eigen::Matrix2f>);

  REQUIRE(md::eval(a * b, a = 2.0f, b = 0.5f) == 1.0f);
  REQUIRE(md::eval(a * md::identity<2>, a = 2.5f) == Eigen::Matrix2f::Identity() * 2.5f);
  require_close(md::eval(md::sqrt(a), a = 2.0), std::sqrt(2.0));
}

TEST_CASE("nothing bound: double") {
  static_assert(std::is_same_v<decltype(md::eval(md::trace(md::identity<3>))), double>);
  static_assert(
      std::is_same_v<decltype(md::eval(md::ones<2, 3> * 0.5)), Eigen::Matrix<double, 2, 3>>);
  REQUIRE(md::eval(md::trace(md::identity<3>) / 4) == 0.75);
}
