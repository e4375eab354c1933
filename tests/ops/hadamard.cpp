// Element-wise product and quotient (ops/hadamard.hpp): shape rule, evaluation, printing.
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

TEST_CASE("element-wise products and quotients keep the common shape", "[hadamard][shape]") {
  STATIC_REQUIRE(shape_of(md::hadamard(X, Z)) == shape(3, 4));
  STATIC_REQUIRE(shape_of(md::hadamard_div(X, Z)) == shape(3, 4));
  STATIC_REQUIRE(shape_of(md::hadamard(Y, W)) == shape(n, 3));
  STATIC_REQUIRE(shape_of(md::hadamard_div(Y, W)) == shape(n, 3));
  STATIC_REQUIRE(shape_of(md::hadamard(a, b)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::hadamard_div(a, b)) == shape(1, 1));
}

TEST_CASE("element-wise products and quotients reject different shapes", "[hadamard][shape]") {
  STATIC_REQUIRE(md::hadamard_op::check(shape(3, 4), shape(3, 4)).ok());
  STATIC_REQUIRE(md::hadamard_op::check(shape(n, 3), shape(n, 3)).ok());
  STATIC_REQUIRE(md::hadamard_op::check(shape(3, 4), shape(4, 3)).view() ==
                 "matdiff: hadamard of 3x4 and 4x3: shapes differ");
  STATIC_REQUIRE(md::hadamard_div_op::check(shape(3, 4), shape(3, 1)).view() ==
                 "matdiff: hadamard_div of 3x4 and 3x1: shapes differ");
  // A 1x1 operand is not broadcast, and n is not assumed to be 3.
  STATIC_REQUIRE(!md::hadamard_op::check(shape(1, 1), shape(3, 4)).ok());
  STATIC_REQUIRE(!md::hadamard_op::check(shape(n, 3), shape(3, 3)).ok());
}

TEST_CASE("element-wise products and quotients evaluate to scalars or matrices of the shape", "[hadamard][eval]") {
  // Only the types of these values matter here.
  const Matrix34 Xv;
  const Eigen::MatrixXd Yv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::hadamard(X, Z), X = Xv, Z = Xv)), Matrix34>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::hadamard_div(X, Z), X = Xv, Z = Xv)), Matrix34>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::hadamard(Y, W), Y = Yv, W = Yv)),
                                Eigen::Matrix<double, Eigen::Dynamic, 3>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::hadamard(a, b), a = 1.0, b = 2.0)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::hadamard_div(a, b), a = 1.0f, b = 2.0f)), float>);
}

TEST_CASE("element-wise products of fixed-size matrices match Eigen", "[hadamard][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>(), Zv = random_matrix<Matrix34>();
  Matrix34 expected;
  for (int j = 0; j < 4; ++j)
    for (int i = 0; i < 3; ++i) expected(i, j) = Xv(i, j) * Zv(i, j);
  require_close(md::eval(md::hadamard(X, Z), X = Xv, Z = Zv), expected);
  require_close(md::eval(md::hadamard(X, X), X = Xv), Matrix34(Xv.array().square()));
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>(),
                        Cv = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(md::hadamard(A * B, C), A = Av, B = Bv, C = Cv), Eigen::Matrix3d((Av * Bv).cwiseProduct(Cv)));
  require_close(md::eval(md::hadamard(A, B) * C, A = Av, B = Bv, C = Cv), Eigen::Matrix3d(Av.cwiseProduct(Bv) * Cv));
}

TEST_CASE("element-wise quotients of fixed-size matrices match Eigen", "[hadamard][eval]") {
  const Matrix34 Xv = random_matrix<Matrix34>();
  const Matrix34 Zv = random_matrix<Matrix34>(0.5, 2.0);  // away from zero
  Matrix34 expected;
  for (int j = 0; j < 4; ++j)
    for (int i = 0; i < 3; ++i) expected(i, j) = Xv(i, j) / Zv(i, j);
  require_close(md::eval(md::hadamard_div(X, Z), X = Xv, Z = Zv), expected);
  require_close(md::eval(md::hadamard(md::hadamard_div(X, Z), Z), X = Xv, Z = Zv), Xv);
}

TEST_CASE("element-wise products and quotients of dynamic-size matrices match Eigen", "[hadamard][eval]") {
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(7, 3);
  const Eigen::MatrixXd Wv = random_matrix<Eigen::MatrixXd>(7, 3, 0.5, 2.0);
  require_close(md::eval(md::hadamard(Y, W), Y = Yv, W = Wv), Eigen::MatrixXd(Yv.cwiseProduct(Wv)));
  require_close(md::eval(md::hadamard_div(Y, W), Y = Yv, W = Wv), Eigen::MatrixXd(Yv.cwiseQuotient(Wv)));
  require_close(md::eval(md::hadamard_div(md::ones<n, 3>, W), W = Wv), Eigen::MatrixXd(Wv.cwiseInverse()));
}

TEST_CASE("element-wise products and quotients of 1x1 values are scalar products and quotients", "[hadamard][eval]") {
  require_close(md::eval(md::hadamard(a, b), a = 1.5, b = -4.0), -6.0);
  require_close(md::eval(md::hadamard_div(a, b), a = 1.5, b = -4.0), -0.375);
  Eigen::Matrix<double, 1, 1> sv;
  sv << 3.0;
  constexpr auto s = md::matrix<"s", 1, 1>;
  require_close(md::eval(md::hadamard(s, s), s = sv), 9.0);
  require_close(md::eval(md::hadamard_div(a, s), a = 1.5, s = sv), 0.5);
}

TEST_CASE("element-wise products and quotients print in text as .* and ./", "[hadamard][print]") {
  STATIC_REQUIRE(md::to_string(md::hadamard(A, B)) == "A.*B");
  STATIC_REQUIRE(md::to_string(md::hadamard_div(A, B)) == "A./B");
  STATIC_REQUIRE(md::to_string(md::hadamard(A + B, C)) == "(A + B).*C");
  STATIC_REQUIRE(md::to_string(md::hadamard(A, B + C)) == "A.*(B + C)");
  STATIC_REQUIRE(md::to_string(md::hadamard(A, -B)) == "A.*(-B)");
  STATIC_REQUIRE(md::to_string(md::hadamard(md::transpose(A), B)) == "A'.*B");
  // .* * ./ and / share one precedence and group from the left, as in MATLAB.
  STATIC_REQUIRE(md::to_string(md::hadamard(md::hadamard(A, B), C)) == "A.*B.*C");
  STATIC_REQUIRE(md::to_string(md::hadamard(A, md::hadamard(B, C))) == "A.*(B.*C)");
  STATIC_REQUIRE(md::to_string(md::hadamard_div(md::hadamard_div(A, B), C)) == "A./B./C");
  STATIC_REQUIRE(md::to_string(md::hadamard_div(A, md::hadamard_div(B, C))) == "A./(B./C)");
  STATIC_REQUIRE(md::to_string(md::hadamard(A * B, C)) == "A*B.*C");
  STATIC_REQUIRE(md::to_string(md::hadamard(A, B * C)) == "A.*(B*C)");
  STATIC_REQUIRE(md::to_string(md::hadamard(A, B) * C) == "A.*B*C");
  STATIC_REQUIRE(md::to_string(A * md::hadamard(B, C)) == "A*(B.*C)");
  STATIC_REQUIRE(md::to_string(md::hadamard(A, B) / 2) == "A.*B/2");
}

TEST_CASE("element-wise products and quotients print in LaTeX as circled operators", "[hadamard][print]") {
  CHECK(md::to_latex(md::hadamard(A, B)) == R"(A \circ B)");
  CHECK(md::to_latex(md::hadamard_div(A, B)) == R"(A \oslash B)");
  CHECK(md::to_latex(md::hadamard(A + B, C)) == R"(\left(A + B\right) \circ C)");
  CHECK(md::to_latex(md::hadamard(A, -B)) == R"(A \circ \left(-B\right))");
  CHECK(md::to_latex(md::hadamard(md::transpose(A), md::inv(B))) == R"(A^{\top} \circ B^{-1})");
  CHECK(md::to_latex(md::hadamard(A, B / 2)) == R"(A \circ \frac{B}{2})");
  CHECK(md::to_latex(md::hadamard(A, B) / 2) == R"(\frac{A \circ B}{2})");
  CHECK(md::to_latex(A + md::hadamard(B, C)) == R"(A + B \circ C)");
  // Juxtaposed products and nested circled operators are parenthesised, whichever side.
  CHECK(md::to_latex(md::hadamard(A * B, C)) == R"(\left(A B\right) \circ C)");
  CHECK(md::to_latex(md::hadamard(A, B * C)) == R"(A \circ \left(B C\right))");
  CHECK(md::to_latex(md::hadamard(A, B) * C) == R"(\left(A \circ B\right) C)");
  CHECK(md::to_latex(A * md::hadamard(B, C)) == R"(A\left(B \circ C\right))");
  CHECK(md::to_latex(md::hadamard(md::hadamard(A, B), C)) == R"(\left(A \circ B\right) \circ C)");
  CHECK(md::to_latex(md::hadamard_div(md::hadamard_div(A, B), C)) == R"(\left(A \oslash B\right) \oslash C)");
  CHECK(md::to_latex(md::hadamard(A, md::hadamard_div(B, C))) == R"(A \circ \left(B \oslash C\right))");
  CHECK(md::to_latex(md::hadamard(2 * A, B)) == R"(\left(2 A\right) \circ B)");
}
