// Sum, difference and negation (ops/add.hpp): shape rule, evaluation, printing.
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

constexpr auto A = md::matrix<"A", 3, 4>;
constexpr auto B = md::matrix<"B", 3, 4>;
constexpr auto C = md::matrix<"C", 3, 4>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto Z = md::matrix<"Z", n, 3>;
constexpr auto a = md::scalar<"a">;
constexpr auto b = md::scalar<"b">;
constexpr auto s = md::matrix<"s", 1, 1>;

using Matrix34 = Eigen::Matrix<double, 3, 4>;

}  // namespace

TEST_CASE("sum, difference and negation keep the shape of their operands", "[add][shape]") {
  STATIC_REQUIRE(shape_of(A + B) == shape(3, 4));
  STATIC_REQUIRE(shape_of(A - B) == shape(3, 4));
  STATIC_REQUIRE(shape_of(-A) == shape(3, 4));
  STATIC_REQUIRE(shape_of(Y + Z) == shape(n, 3));
  STATIC_REQUIRE(shape_of(Y - Z) == shape(n, 3));
  STATIC_REQUIRE(shape_of(-Y) == shape(n, 3));
  STATIC_REQUIRE(shape_of(a + b) == shape(1, 1));
  STATIC_REQUIRE(shape_of(a - 1) == shape(1, 1));
  STATIC_REQUIRE(shape_of(1 + a) == shape(1, 1));
  STATIC_REQUIRE(shape_of(A + md::ones<3, 4>) == shape(3, 4));
  STATIC_REQUIRE(shape_of(Y + md::zeros<n, 3>) == shape(n, 3));
}

TEST_CASE("sum and difference reject operands of different shapes", "[add][shape]") {
  STATIC_REQUIRE(md::add_op::check(shape(3, 4), shape(3, 4)).ok());
  STATIC_REQUIRE(md::add_op::check(shape(n, 3), shape(n, 3)).ok());
  STATIC_REQUIRE(md::add_op::check(shape(3, 4), shape(4, 3)).view() ==
                 "matdiff: sum of 3x4 and 4x3: shapes differ");
  STATIC_REQUIRE(md::subtract_op::check(shape(3, 4), shape(3, 5)).view() ==
                 "matdiff: difference of 3x4 and 3x5: shapes differ");
  // A symbolic dimension is never assumed equal to a number or to another symbol.
  STATIC_REQUIRE(!md::add_op::check(shape(n, 3), shape(3, 3)).ok());
  STATIC_REQUIRE(!md::add_op::check(shape(n, 3), shape(md::dim<"m">, 3)).ok());
  // No broadcasting of a 1x1 operand.
  STATIC_REQUIRE(!md::add_op::check(shape(1, 1), shape(3, 4)).ok());
}

TEST_CASE("sum, difference and negation evaluate to matrices of the operand shape", "[add][eval]") {
  const Matrix34 Av = random_matrix<Matrix34>(), Bv = random_matrix<Matrix34>();
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(5, 3), Zv = random_matrix<Eigen::MatrixXd>(5, 3);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(A + B, A = Av, B = Bv)), Matrix34>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(-A, A = Av)), Matrix34>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(Y - Z, Y = Yv, Z = Zv)), Eigen::Matrix<double, Eigen::Dynamic, 3>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(a + b, a = 1.0, b = 2.0)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(-s, s = Eigen::Matrix<double, 1, 1>())), double>);
}

TEST_CASE("sum, difference and negation of fixed-size matrices match Eigen", "[add][eval]") {
  const Matrix34 Av = random_matrix<Matrix34>(), Bv = random_matrix<Matrix34>(), Cv = random_matrix<Matrix34>();
  require_close(md::eval(A + B, A = Av, B = Bv), Matrix34(Av + Bv));
  require_close(md::eval(A - B, A = Av, B = Bv), Matrix34(Av - Bv));
  require_close(md::eval(-A, A = Av), Matrix34(-Av));
  require_close(md::eval(A - (B - C), A = Av, B = Bv, C = Cv), Matrix34(Av - Bv + Cv));
  require_close(md::eval(A - B - C, A = Av, B = Bv, C = Cv), Matrix34(Av - Bv - Cv));
  require_close(md::eval(-(A + B), A = Av, B = Bv), Matrix34(-Av - Bv));
  require_close((A + 2 * B)(A = Av, B = Bv), Matrix34(Av + 2 * Bv));
}

TEST_CASE("sum, difference and negation of dynamic-size matrices match Eigen", "[add][eval]") {
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(6, 3), Zv = random_matrix<Eigen::MatrixXd>(6, 3);
  require_close(md::eval(Y + Z, Y = Yv, Z = Zv), Eigen::MatrixXd(Yv + Zv));
  require_close(md::eval(Y - Z, Y = Yv, Z = Zv), Eigen::MatrixXd(Yv - Zv));
  require_close(md::eval(-Y, Y = Yv), Eigen::MatrixXd(-Yv));
  require_close(md::eval(Z - Y - Z, Y = Yv, Z = Zv), Eigen::MatrixXd(-Yv));
}

TEST_CASE("constant matrices in a sum take the size of the symbolic dimension", "[add][eval]") {
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(4, 3);
  require_close(md::eval(Y + md::ones<n, 3>, Y = Yv), Eigen::MatrixXd(Yv.array() + 1.0));
  require_close(md::eval(Y - md::zeros<n, 3>, Y = Yv), Yv);
  const Matrix34 Av = random_matrix<Matrix34>();
  require_close(md::eval(md::ones<3, 4> - A, A = Av), Matrix34(1.0 - Av.array()));
}

TEST_CASE("sum, difference and negation of 1x1 operands are scalars", "[add][eval]") {
  require_close(md::eval(a + b, a = 1.25, b = -3.5), 1.25 - 3.5);
  require_close(md::eval(a - b, a = 1.25, b = -3.5), 1.25 + 3.5);
  require_close(md::eval(-a, a = 1.25), -1.25);
  require_close(md::eval(a + 1, a = 0.5), 1.5);
  require_close(md::eval(1 - a, a = 0.5), 0.5);
  require_close(md::eval(a - (-1), a = 0.5), 1.5);
  // A 1x1 variable bound to a 1x1 Eigen matrix.
  Eigen::Matrix<double, 1, 1> sv;
  sv << 2.5;
  require_close(md::eval(s + s, s = sv), 5.0);
  require_close(md::eval(-s - 1, s = sv), -3.5);
}

TEST_CASE("sums, differences and negations print with the parentheses they need", "[add][print]") {
  STATIC_REQUIRE(md::to_string(A + B) == "A + B");
  STATIC_REQUIRE(md::to_string(A - B) == "A - B");
  STATIC_REQUIRE(md::to_string(-A) == "-A");
  STATIC_REQUIRE(md::to_string(A + B - C) == "A + B - C");
  STATIC_REQUIRE(md::to_string(A - B - C) == "A - B - C");
  STATIC_REQUIRE(md::to_string(A - (B - C)) == "A - (B - C)");
  STATIC_REQUIRE(md::to_string(A - (B + C)) == "A - (B + C)");
  STATIC_REQUIRE(md::to_string(-(A + B)) == "-(A + B)");
  STATIC_REQUIRE(md::to_string(-(A - B)) == "-(A - B)");
  STATIC_REQUIRE(md::to_string(-(-A)) == "-(-A)");
  STATIC_REQUIRE(md::to_string(A + (-B)) == "A - B");  // A + (-B) reads as A - B
  STATIC_REQUIRE(md::to_string(A - (-B)) == "A - (-B)");
  STATIC_REQUIRE(md::to_string(-A + B) == "-A + B");
  STATIC_REQUIRE(md::to_string(A + 2 * B) == "A + 2*B");
  STATIC_REQUIRE(md::to_string(A - (-2) * B) == "A - (-2*B)");
  STATIC_REQUIRE(md::to_string(a + 1) == "a + 1");
  STATIC_REQUIRE(md::to_string(1 - a) == "1 - a");
  STATIC_REQUIRE(md::to_string(a + (-1)) == "a - 1");
  STATIC_REQUIRE(md::to_string(A + md::ones<3, 4>) == "A + ones");

  CHECK(md::to_latex(A + B) == "A + B");
  CHECK(md::to_latex(A - (B - C)) == R"(A - \left(B - C\right))");
  CHECK(md::to_latex(-(A + B)) == R"(-\left(A + B\right))");
  CHECK(md::to_latex(A + (-B)) == R"(A - B)");
  CHECK(md::to_latex(A - 2 * B) == "A - 2 B");
  CHECK(md::to_latex(A + B / 2) == R"(A + \frac{B}{2})");
  CHECK(md::to_latex(A - md::ones<3, 4>) == R"(A - \mathbf{1})");
}

TEST_CASE("a number added to or subtracted from a matrix applies to every entry", "[add][number]") {
  STATIC_REQUIRE(shape_of(A + 1) == shape(3, 4));
  STATIC_REQUIRE(shape_of(2.5 - Y) == shape(n, 3));
  const Matrix34 Av = random_matrix<Matrix34>();
  require_close(md::eval(A + 1, A = Av), Matrix34(Av.array() + 1.0), 0);
  require_close(md::eval(1 + A, A = Av), Matrix34(1.0 + Av.array()), 0);
  require_close(md::eval(A - 0.5, A = Av), Matrix34(Av.array() - 0.5), 0);
  require_close(md::eval(0.5 - A, A = Av), Matrix34(0.5 - Av.array()), 0);
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(5, 3);
  require_close(md::eval(Y - 2, Y = Yv), Eigen::MatrixXd(Yv.array() - 2.0), 0);
  require_close(md::eval(-3 + Y, Y = Yv), Eigen::MatrixXd(Yv.array() - 3.0), 0);
  // c stands for c·ones: printed so, and its derivative is that of the matrix.
  STATIC_REQUIRE(md::to_string(A + 1) == "A + ones");
  STATIC_REQUIRE(md::to_string(1 + A) == "ones + A");
  STATIC_REQUIRE(md::to_string(A - 2.5) == "A - 2.5*ones");
  STATIC_REQUIRE(md::to_string(3 - A) == "3*ones - A");
  CHECK(md::to_latex(A - 1) == R"(A - \mathbf{1})");
  STATIC_REQUIRE(md::to_string(md::differential(3 - A, A)) == "-dA");
  STATIC_REQUIRE(md::to_string(md::grad(md::sqnorm(A - 1), A)) == "2*(A - ones)");
  const auto g = md::check_gradient(md::sqnorm(2 - A), A, A = Av);
  INFO(g.message);
  CHECK(g.ok);
}
