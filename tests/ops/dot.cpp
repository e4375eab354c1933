// Inner product (ops/dot.hpp): shape rule, evaluation, printing.
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

constexpr auto x = md::vector<"x", 3>;
constexpr auto y = md::vector<"y", 3>;
constexpr auto u = md::vector<"u", n>;
constexpr auto v = md::vector<"v", n>;
constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto Z = md::matrix<"Z", 3, 4>;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto C = md::matrix<"C", 3, 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto W = md::matrix<"W", n, 3>;
constexpr auto a = md::scalar<"a">;
constexpr auto b = md::scalar<"b">;

using Matrix34 = Eigen::Matrix<double, 3, 4>;

}  // namespace

TEST_CASE("the inner product of two operands of one shape is 1x1", "[dot][shape]") {
  STATIC_REQUIRE(shape_of(md::dot(x, y)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::dot(u, v)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::dot(X, Z)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::dot(Y, W)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::dot(a, b)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::dot(x, y) * x) == shape(3, 1));
}

TEST_CASE("the inner product of operands of different shapes is rejected", "[dot][shape]") {
  STATIC_REQUIRE(md::dot_op::check(shape(3, 1), shape(3, 1)).ok());
  STATIC_REQUIRE(md::dot_op::check(shape(n, 1), shape(n, 1)).ok());
  STATIC_REQUIRE(md::dot_op::check(shape(3, 1), shape(4, 1)).view() == "matdiff: dot of 3x1 and 4x1: shapes differ");
  // Not even a row and a column of the same length.
  STATIC_REQUIRE(md::dot_op::check(shape(1, 3), shape(3, 1)).view() == "matdiff: dot of 1x3 and 3x1: shapes differ");
  STATIC_REQUIRE(!md::dot_op::check(shape(n, 1), shape(3, 1)).ok());
}

TEST_CASE("the inner product evaluates to a scalar of the bound scalar type", "[dot][eval]") {
  // Only the types of these values matter here.
  const Eigen::Vector3d xv;
  const Eigen::Vector3f xf;
  const Eigen::VectorXd uv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::dot(x, y), x = xv, y = xv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::dot(x, y), x = xf, y = xf)), float>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::dot(u, v), u = uv, v = uv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::dot(a, b), a = 1.0, b = 2.0)), double>);
}

TEST_CASE("the inner product of fixed-size vectors is the sum of the products of entries", "[dot][eval]") {
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>(), yv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(md::dot(x, y), x = xv, y = yv), xv(0) * yv(0) + xv(1) * yv(1) + xv(2) * yv(2));
  require_close(md::eval(md::dot(x, x), x = xv), xv.squaredNorm());
  require_close(md::eval(md::dot(x, y) * x, x = xv, y = yv), Eigen::Vector3d(xv.dot(yv) * xv));
}

TEST_CASE("the inner product of matrices is tr(A'B)", "[dot][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>(), Zv = random_matrix<Matrix34>();
  require_close(md::eval(md::dot(X, Z), X = Xv, Z = Zv), (Xv.transpose() * Zv).trace());
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>(),
                        Cv = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(md::dot(A, B + C), A = Av, B = Bv, C = Cv), (Av.transpose() * (Bv + Cv)).trace());
  // Not tr(A B): the inner product does not depend on the layout of the entries.
  require_close(md::eval(md::dot(A, md::transpose(B)), A = Av, B = Bv), (Av * Bv).trace());
}

TEST_CASE("the inner product of dynamic-size operands matches Eigen", "[dot][eval]") {
  const Eigen::VectorXd uv = random_matrix<Eigen::VectorXd>(9, 1), vv = random_matrix<Eigen::VectorXd>(9, 1);
  require_close(md::eval(md::dot(u, v), u = uv, v = vv), uv.dot(vv));
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(6, 3), Wv = random_matrix<Eigen::MatrixXd>(6, 3);
  require_close(md::eval(md::dot(Y, W), Y = Yv, W = Wv), Yv.cwiseProduct(Wv).sum());
}

TEST_CASE("the inner product of 1x1 values is their product", "[dot][eval]") {
  require_close(md::eval(md::dot(a, b), a = 1.5, b = -4.0), -6.0);
  require_close(md::eval(md::dot(a, a), a = -3.0), 9.0);
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>(), yv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(md::dot(md::transpose(x) * y, a), x = xv, y = yv, a = 2.0), 2 * xv.dot(yv));
}

TEST_CASE("the inner product prints as dot(a, b) and angle brackets", "[dot][print]") {
  STATIC_REQUIRE(md::to_string(md::dot(x, y)) == "dot(x, y)");
  STATIC_REQUIRE(md::to_string(md::dot(A, B + C)) == "dot(A, B + C)");
  STATIC_REQUIRE(md::to_string(md::dot(A * B, C)) == "dot(A*B, C)");
  STATIC_REQUIRE(md::to_string(md::dot(x, y) * x) == "dot(x, y)*x");
  STATIC_REQUIRE(md::to_string(-md::dot(x, y)) == "-dot(x, y)");

  CHECK(md::to_latex(md::dot(x, y)) == R"(\left\langle x, y\right\rangle)");
  CHECK(md::to_latex(md::dot(A, B + C)) == R"(\left\langle A, B + C\right\rangle)");
  CHECK(md::to_latex(md::dot(x, y) * x) == R"(\left\langle x, y\right\rangle x)");
  CHECK(md::to_latex(md::dot(md::transpose(A), B)) == R"(\left\langle A^{\top}, B\right\rangle)");
}
