// Euclidean/Frobenius norm and squared norm (ops/norm.hpp): shape rule, evaluation, printing.
#include <cmath>
#include <limits>
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
constexpr auto u = md::vector<"u", n>;
constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto a = md::scalar<"a">;
constexpr auto s = md::matrix<"s", 1, 1>;

using Matrix34 = Eigen::Matrix<double, 3, 4>;

/// Σᵢⱼ mᵢⱼ², by a loop.
template <class M>
double sum_of_squares(const M& m) {
  double total = 0;
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i) total += m(i, j) * m(i, j);
  return total;
}

}  // namespace

TEST_CASE("norms and squared norms are 1x1 for any shape", "[norm][shape]") {
  STATIC_REQUIRE(shape_of(md::norm2(x)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::norm2(X)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::norm2(Y)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::norm2(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::sqnorm(u)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::sqnorm(X)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::sqnorm(a)) == shape(1, 1));
  STATIC_REQUIRE(md::norm2_op::check(shape(n, 3)).ok());
  STATIC_REQUIRE(md::sqnorm_op::check(shape(n, 3)).ok());
}

TEST_CASE("norms evaluate to scalars of the bound scalar type", "[norm][eval]") {
  // Only the types of these values matter here.
  const Eigen::Vector3d xv;
  const Eigen::Matrix3f Af;
  const Eigen::MatrixXd Yv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::norm2(x), x = xv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::sqnorm(Y), Y = Yv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::norm2(A), A = Af)), float>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::sqnorm(a), a = 1.0)), double>);
}

TEST_CASE("the norm of a vector is Euclidean and of a matrix Frobenius", "[norm][eval]") {
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(md::norm2(x), x = xv), std::sqrt(xv(0) * xv(0) + xv(1) * xv(1) + xv(2) * xv(2)));
  require_close(md::eval(md::sqnorm(x), x = xv), xv(0) * xv(0) + xv(1) * xv(1) + xv(2) * xv(2));
  const Matrix34 Xv = random_matrix<Matrix34>();
  require_close(md::eval(md::norm2(X), X = Xv), std::sqrt(sum_of_squares(Xv)));
  require_close(md::eval(md::sqnorm(X), X = Xv), sum_of_squares(Xv));
  // ||X||_F² = tr(X'X)
  require_close(md::eval(md::sqnorm(X), X = Xv), (Xv.transpose() * Xv).trace());
  const Eigen::Vector3d known(3.0, -4.0, 12.0);
  CHECK(md::eval(md::norm2(x), x = known) == 13.0);
}

TEST_CASE("norms of dynamic-size operands match a loop", "[norm][eval]") {
  const Eigen::VectorXd uv = random_matrix<Eigen::VectorXd>(11, 1);
  require_close(md::eval(md::norm2(u), u = uv), std::sqrt(sum_of_squares(uv)));
  require_close(md::eval(md::sqnorm(u), u = uv), sum_of_squares(uv));
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(6, 3);
  require_close(md::eval(md::norm2(Y), Y = Yv), std::sqrt(sum_of_squares(Yv)));
  require_close(md::eval(md::sqnorm(Y), Y = Yv), sum_of_squares(Yv));
}

TEST_CASE("norms inside expressions match Eigen", "[norm][eval]") {
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(md::norm2(A - B), A = Av, B = Bv), (Av - Bv).norm());
  require_close(md::eval(md::sqnorm(A * B), A = Av, B = Bv), (Av * Bv).squaredNorm());
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(x / md::norm2(x), x = xv), Eigen::Vector3d(xv.normalized()));
  require_close(md::eval(md::norm2(x) * md::norm2(x) - md::sqnorm(x), x = xv), 0.0);
}

TEST_CASE("the norm of a 1x1 value is its absolute value", "[norm][eval]") {
  require_close(md::eval(md::norm2(a), a = -2.5), 2.5);
  require_close(md::eval(md::sqnorm(a), a = -2.5), 6.25);
  Eigen::Matrix<double, 1, 1> sv;
  sv << -3.0;
  require_close(md::eval(md::norm2(s), s = sv), 3.0);
  require_close(md::eval(md::sqnorm(s), s = sv), 9.0);
}

TEST_CASE("norms of a single-precision matrix are floats", "[norm][eval]") {
  const Eigen::Matrix3f Af = random_matrix<Eigen::Matrix3f>();
  const auto norm = md::eval(md::norm2(A), A = Af);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(norm)>, float>);
  require_close(norm, std::sqrt(sum_of_squares(Af.cast<double>())), 1e-6);
}

TEST_CASE("norms print as norm2 and sqnorm, with subscript 2 or F in LaTeX", "[norm][print]") {
  STATIC_REQUIRE(md::to_string(md::norm2(x)) == "norm2(x)");
  STATIC_REQUIRE(md::to_string(md::sqnorm(x)) == "sqnorm(x)");
  STATIC_REQUIRE(md::to_string(md::norm2(A - B)) == "norm2(A - B)");
  STATIC_REQUIRE(md::to_string(md::sqnorm(x) / 2) == "sqnorm(x)/2");
  STATIC_REQUIRE(md::to_string(md::norm2(x) * A) == "norm2(x)*A");

  // Column vectors (also of symbolic length) take the Euclidean subscript, others F.
  CHECK(md::to_latex(md::norm2(x)) == R"(\left\lVert x\right\rVert_{2})");
  CHECK(md::to_latex(md::norm2(u)) == R"(\left\lVert u\right\rVert_{2})");
  CHECK(md::to_latex(md::norm2(X)) == R"(\left\lVert X\right\rVert_{F})");
  CHECK(md::to_latex(md::norm2(Y)) == R"(\left\lVert Y\right\rVert_{F})");
  CHECK(md::to_latex(md::sqnorm(x)) == R"(\left\lVert x\right\rVert_{2}^{2})");
  CHECK(md::to_latex(md::sqnorm(A - B)) == R"(\left\lVert A - B\right\rVert_{F}^{2})");
  CHECK(md::to_latex(md::sqnorm(x) / 2) == R"(\frac{\left\lVert x\right\rVert_{2}^{2}}{2})");
  CHECK(md::to_latex(md::norm2(x) * A) == R"(\left\lVert x\right\rVert_{2} A)");
  // A further superscript needs parentheses around the subscripted norm.
  CHECK(md::to_latex(md::pow(md::norm2(x), 2)) == R"(\left(\left\lVert x\right\rVert_{2}\right)^{\circ 2})");
}

TEST_CASE("norm2 and its gradient are right across the range of double", "[norm][eval][scale]") {
  // Σ x² overflows at entries near 1e154 and underflows near 1e-162; the norm itself does not.
  constexpr double inf = std::numeric_limits<double>::infinity();
  // References in long double, whose range holds the squares of any double.
  const auto reference_norm = [](const auto& m) {
    long double total = 0;
    for (Eigen::Index i = 0; i < m.size(); ++i) total += static_cast<long double>(m.data()[i]) * m.data()[i];
    return std::sqrt(total);
  };
  const auto check = [&](double scale) {
    INFO("scale " << scale);
    const Eigen::Vector3d xv = scale * Eigen::Vector3d(3.0 / 13, -4.0 / 13, 12.0 / 13);
    const long double norm = reference_norm(xv);
    CHECK(std::abs(md::eval(md::norm2(x), x = xv) / norm - 1) < 4e-16);
    // The gradient x/‖x‖, a unit vector at every scale.
    const Eigen::Vector3d unit = (xv.cast<long double>() / norm).cast<double>();
    require_close(md::eval(md::grad(md::norm2(x), x), x = xv), unit, 4e-16);
    // A matrix and a symbolic size take the same path.
    const Eigen::MatrixXd Yv = scale * random_matrix<Eigen::MatrixXd>(4, 3);
    CHECK(std::abs(md::eval(md::norm2(Y), Y = Yv) / reference_norm(Yv) - 1) < 4e-16);
  };
  for (double scale : {1.0, 1e200, 1e-200, 1e300, 1e-300, 1e154, 1e-162}) check(scale);
  // Entries of very different sizes: the large one decides, the small ones do not underflow
  // into a wrong answer.
  CHECK(md::eval(md::norm2(x), x = Eigen::Vector3d(1e200, 1.0, 1e-200)) == 1e200);
  // Against finite differences where the steps are representable.
  CHECK(md::check_gradient(md::norm2(x), x, x = Eigen::Vector3d(1e200, -2e200, 3e199)).ok);
  // Zero, infinity and NaN are kept: ‖0‖ = 0 (and the gradient 0/0 is NaN), ‖(inf, 1)‖ = inf.
  CHECK(md::eval(md::norm2(x), x = Eigen::Vector3d::Zero().eval()) == 0.0);
  CHECK(md::eval(md::grad(md::norm2(x), x), x = Eigen::Vector3d::Zero().eval()).array().isNaN().all());
  CHECK(md::eval(md::norm2(x), x = Eigen::Vector3d(inf, 1, 0)) == inf);
  CHECK(md::eval(md::norm2(x), x = Eigen::Vector3d(-inf, 1, 0)) == inf);
  CHECK(std::isnan(md::eval(md::norm2(x), x = Eigen::Vector3d(1e200, std::nan(""), 0))));
  CHECK(std::isnan(md::eval(md::norm2(x), x = Eigen::Vector3d(inf, std::nan(""), 0))));
  // The norm itself overflows only where it is above the largest double.
  CHECK(md::eval(md::norm2(x), x = Eigen::Vector3d(1.5e308, 1.5e308, 0)) == inf);
  // Single precision: squares overflow a float near 1.8e19.
  const Eigen::Vector3f xf(3e30f, -4e30f, 0.0f);
  CHECK(std::abs(md::eval(md::norm2(x), x = xf) / 5e30f - 1) < 1e-6f);
  const Eigen::Vector3f tiny(3e-30f, -4e-30f, 0.0f);
  CHECK(std::abs(md::eval(md::norm2(x), x = tiny) / 5e-30f - 1) < 1e-6f);
}

TEST_CASE("norm1 is the sum of the absolute values of the entries", "[norm][norm1]") {
  STATIC_REQUIRE(shape_of(md::norm1(X)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::norm1(Y)) == shape(1, 1));
  STATIC_REQUIRE(md::norm1_op::check(shape(n, 3)).ok());
  const Matrix34 Xv = random_matrix<Matrix34>(-2.0, 2.0);
  double total = 0;
  for (Eigen::Index j = 0; j < 4; ++j)
    for (Eigen::Index i = 0; i < 3; ++i) total += std::abs(Xv(i, j));
  require_close(md::eval(md::norm1(X), X = Xv), total, 1e-15);
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(5, 3);
  require_close(md::eval(md::norm1(Y), Y = Yv), Yv.cwiseAbs().sum(), 1e-15);
  CHECK(md::eval(md::norm1(a), a = -2.5) == 2.5);
  CHECK(md::eval(md::norm1(x), x = Eigen::Vector3d(0.0, -0.0, 0.0)) == 0.0);
  CHECK(std::isnan(md::eval(md::norm1(x), x = Eigen::Vector3d(1.0, std::nan(""), 0.0))));
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::norm1(A), A = Eigen::Matrix3f())), float>);

  STATIC_REQUIRE(md::to_string(md::norm1(X)) == "norm1(X)");
  STATIC_REQUIRE(md::to_string(md::grad(md::norm1(X), X)) == "sign(X)");
  STATIC_REQUIRE(md::to_string(md::grad(md::norm1(A * x), x)) == "A'*sign(A*x)");
  CHECK(md::to_latex(md::norm1(x)) == R"(\left\lVert x\right\rVert_{1})");
  CHECK(md::to_latex(md::norm1(A - B)) == R"(\left\lVert A - B\right\rVert_{1})");

  // Away from the kinks at 0; the subgradient at 0 is 0.
  const Eigen::Vector3d xv(0.7, -0.4, 1.1);
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>();
  const auto g = md::check_gradient(md::norm1(X), X, X = Xv);
  INFO(g.message);
  CHECK(g.ok);
  CHECK(md::check_gradient(md::norm1(A * x), A, A = Av, x = xv).ok);
  CHECK(md::check_jacobian(md::norm1(x), x, x = xv).ok);
  CHECK(md::eval(md::grad(md::norm1(x), x), x = Eigen::Vector3d(0.0, -2.0, 3.0)) == Eigen::Vector3d(0, -1, 1));
}
