// Trace (ops/trace.hpp): shape rule, evaluation, printing.
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

constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto X = md::matrix<"X", 4, 3>;
constexpr auto N = md::matrix<"N", n, n>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto a = md::scalar<"a">;
constexpr auto s = md::matrix<"s", 1, 1>;

}  // namespace

TEST_CASE("the trace of a square matrix is 1x1", "[trace][shape]") {
  STATIC_REQUIRE(shape_of(md::trace(A)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::trace(N)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::trace(X * B * md::transpose(X))) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::trace(Y * md::transpose(Y))) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::trace(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::trace(A) * A) == shape(3, 3));
}

TEST_CASE("the trace of a non-square matrix is rejected", "[trace][shape]") {
  STATIC_REQUIRE(md::trace_op::check(shape(3, 3)).ok());
  STATIC_REQUIRE(md::trace_op::check(shape(n, n)).ok());
  STATIC_REQUIRE(md::trace_op::check(shape(1, 1)).ok());
  STATIC_REQUIRE(md::trace_op::check(shape(4, 3)).view() == "matdiff: trace of 4x3: the matrix is not square");
  STATIC_REQUIRE(md::trace_op::check(shape(n, 3)).view() == "matdiff: trace of nx3: the matrix is not square");
  STATIC_REQUIRE(!md::trace_op::check(shape(n, md::dim<"m">)).ok());
}

TEST_CASE("a trace evaluates to a scalar of the bound scalar type", "[trace][eval]") {
  // Only the types of these values matter here.
  const Eigen::Matrix3d Av;
  const Eigen::Matrix3f Af;
  const Eigen::MatrixXd Nv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::trace(A), A = Av)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::trace(A), A = Af)), float>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::trace(N), N = Nv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::trace(a), a = 1.0)), double>);
}

TEST_CASE("the trace of a fixed-size matrix is the sum of its diagonal", "[trace][eval]") {
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix<double, 4, 3> Xv = random_matrix<Eigen::Matrix<double, 4, 3>>();
  require_close(md::eval(md::trace(A), A = Av), Av(0, 0) + Av(1, 1) + Av(2, 2));
  require_close(md::eval(md::trace(A * B), A = Av, B = Bv), (Av * Bv).trace());
  require_close(md::eval(md::trace(X * B * md::transpose(X)), X = Xv, B = Bv),
                (Xv * Bv * Xv.transpose()).trace());
  require_close(md::trace(A + 2 * B)(A = Av, B = Bv), Av.trace() + 2 * Bv.trace());
}

TEST_CASE("the trace of a dynamic-size matrix is the sum of its diagonal", "[trace][eval]") {
  const Eigen::MatrixXd Nv = random_matrix<Eigen::MatrixXd>(9, 9);
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(6, 3);
  double diagonal_sum = 0;
  for (Eigen::Index i = 0; i < 9; ++i) diagonal_sum += Nv(i, i);
  require_close(md::eval(md::trace(N), N = Nv), diagonal_sum);
  // tr(Y Y') = ||Y||_F^2.
  require_close(md::eval(md::trace(Y * md::transpose(Y)), Y = Yv), Yv.squaredNorm());
  require_close(md::eval(md::trace(md::identity<n> + N), N = Nv), 9 + diagonal_sum);
}

TEST_CASE("the trace of a 1x1 value is the value itself", "[trace][eval]") {
  require_close(md::eval(md::trace(a), a = -3.25), -3.25);
  Eigen::Matrix<double, 1, 1> sv;
  sv << 1.5;
  require_close(md::eval(md::trace(s), s = sv), 1.5);
  require_close(md::eval(md::trace(s * s), s = sv), 2.25);
}

TEST_CASE("the trace of a single-precision matrix is a float", "[trace][eval]") {
  const Eigen::Matrix3f Af = random_matrix<Eigen::Matrix3f>(), Bf = random_matrix<Eigen::Matrix3f>();
  const auto t = md::eval(md::trace(A * B), A = Af, B = Bf);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(t)>, float>);
  require_close(t, (Af * Bf).trace(), 1e-6);
}

TEST_CASE("a trace prints as tr(...) in text and as an operator name in LaTeX", "[trace][print]") {
  STATIC_REQUIRE(md::to_string(md::trace(A)) == "tr(A)");
  STATIC_REQUIRE(md::to_string(md::trace(A * B)) == "tr(A*B)");
  STATIC_REQUIRE(md::to_string(md::trace(X * B * md::transpose(X))) == "tr(X*B*X')");
  STATIC_REQUIRE(md::to_string(md::trace(A) * md::trace(B)) == "tr(A)*tr(B)");
  STATIC_REQUIRE(md::to_string(2 * md::trace(A)) == "2*tr(A)");
  STATIC_REQUIRE(md::to_string(md::trace(A) * B) == "tr(A)*B");
  STATIC_REQUIRE(md::to_string(-md::trace(A)) == "-tr(A)");
  STATIC_REQUIRE(md::to_string(md::trace(md::inv(A) * B)) == "tr(inv(A)*B)");

  CHECK(md::to_latex(md::trace(A)) == R"(\operatorname{tr}\left(A\right))");
  CHECK(md::to_latex(md::trace(X * B * md::transpose(X))) == R"(\operatorname{tr}\left(X B X^{\top}\right))");
  CHECK(md::to_latex(md::trace(A) * md::trace(B)) == R"(\operatorname{tr}\left(A\right)\operatorname{tr}\left(B\right))");
  CHECK(md::to_latex(2 * md::trace(A)) == R"(2\operatorname{tr}\left(A\right))");
  CHECK(md::to_latex(md::trace(A) * 2) == R"(\operatorname{tr}\left(A\right) \cdot 2)");
  CHECK(md::to_latex(md::trace(md::inv(A) * B)) == R"(\operatorname{tr}\left(A^{-1} B\right))");
}
