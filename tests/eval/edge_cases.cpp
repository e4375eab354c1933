// Numerical edge cases (docs/numerics.md): singular matrices, overflow, values outside a
// function's domain, and NaN or Inf inputs. Where the mathematics is undefined the result is
// NaN or ±Inf, never a finite number.
#include <cmath>
#include <limits>

#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::require_close;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

constexpr auto n = md::dim<"n">;
constexpr auto A = md::matrix<"A", n, n>;
constexpr auto A3 = md::matrix<"A", 3, 3>;
constexpr auto x = md::vector<"x", n>;

double relative_error(double value, double expected) {
  return std::abs(value - expected) / std::abs(expected);
}

template <class M>
bool all_finite(const M& m) {
  return m.array().isFinite().all();
}

/// Rank 1 in exact arithmetic and in floating point: every row is a power-of-two multiple
/// of the first, so elimination leaves exact zeros.
template <class M>
M exactly_singular(Eigen::Index size) {
  M m(size, size);
  for (Eigen::Index i = 0; i < size; ++i)
    for (Eigen::Index j = 0; j < size; ++j) m(i, j) = std::ldexp(double(j + 1), int(i));
  return m;
}

}  // namespace

TEST_CASE("a singular matrix has det 0, logdet -inf and no finite inverse", "[edge][det][logdet][inv]") {
  // Every size, fixed 2..4 too, goes through one partial-pivoting LU factorization.
  const auto check = [](const auto& singular) {
    INFO("size " << singular.rows());
    REQUIRE(md::eval(md::det(A), A = singular) == 0.0);
    REQUIRE(md::eval(md::logdet(A), A = singular) == -inf);
    REQUIRE_FALSE(all_finite(md::eval(md::inv(A), A = singular)));
    // The gradient of logdet, inv(A)', is undefined there too.
    REQUIRE_FALSE(all_finite(md::eval(md::grad(md::logdet(A), A), A = singular)));
  };
  check(exactly_singular<Eigen::Matrix2d>(2));
  check(exactly_singular<Eigen::Matrix3d>(3));
  check(exactly_singular<Eigen::Matrix4d>(4));
  check(exactly_singular<Eigen::MatrixXd>(3));
  check(exactly_singular<Eigen::MatrixXd>(6));
  check(Eigen::MatrixXd::Zero(5, 5).eval());

  // A zero row in a fixed 3x3 matrix.
  Eigen::Matrix3d zero_row = Eigen::Matrix3d::Identity();
  zero_row.row(1).setZero();
  REQUIRE(md::eval(md::det(A3), A3 = zero_row) == 0.0);
  REQUIRE(md::eval(md::logdet(A3), A3 = zero_row) == -inf);
  REQUIRE_FALSE(all_finite(md::eval(md::inv(A3), A3 = zero_row)));

  // A 1x1 zero: det 0, logdet log|0| = -inf, inverse 1/0 = inf.
  constexpr auto s = md::scalar<"s">;
  REQUIRE(md::eval(md::det(s), s = 0.0) == 0.0);
  REQUIRE(md::eval(md::logdet(s), s = 0.0) == -inf);
  REQUIRE(md::eval(md::inv(s), s = 0.0) == inf);
}

TEST_CASE("a near-singular matrix gives large finite values, as Eigen does", "[edge][det][logdet][inv]") {
  // diag(1, 1e-300, 1): well defined, det 1e-300, logdet log(1e-300), inverse entry 1e300.
  Eigen::Matrix3d tiny = Eigen::Matrix3d::Identity();
  tiny(1, 1) = 1e-300;
  REQUIRE(relative_error(md::eval(md::det(A3), A3 = tiny), 1e-300) < 1e-15);
  REQUIRE(relative_error(md::eval(md::logdet(A3), A3 = tiny), std::log(1e-300)) < 1e-15);
  REQUIRE(relative_error(md::eval(md::inv(A3), A3 = tiny)(1, 1), 1e300) < 1e-15);

  // logdet does not form the determinant, so it stays finite where det underflows to 0:
  // det(1e-200 I) = 1e-1200 is below the smallest double.
  const Eigen::MatrixXd small = 1e-200 * Eigen::MatrixXd::Identity(6, 6);
  REQUIRE(md::eval(md::det(A), A = small) == 0.0);
  require_close(md::eval(md::logdet(A), A = small), 6 * std::log(1e-200), 1e-14);
  // ...and where det overflows to inf.
  const Eigen::MatrixXd large = 1e200 * Eigen::MatrixXd::Identity(6, 6);
  REQUIRE(md::eval(md::det(A), A = large) == inf);
  require_close(md::eval(md::logdet(A), A = large), 6 * std::log(1e200), 1e-14);
}

TEST_CASE("logdet is log|det| also for a negative determinant, and its gradient is inv(A)'",
          "[edge][logdet]") {
  Eigen::Matrix3d negative;
  negative << 0, 2, 1,
              3, 0, 1,
              1, 1, 4;
  const double determinant = negative.determinant();
  REQUIRE(determinant < 0);
  require_close(md::eval(md::logdet(A3), A3 = negative), std::log(-determinant));
  require_close(md::eval(md::grad(md::logdet(A3), A3), A3 = negative),
                Eigen::Matrix3d(negative.inverse().transpose()));
  REQUIRE(md::check_gradient(md::logdet(A3), A3, A3 = negative).ok);

  constexpr auto s = md::scalar<"s">;
  require_close(md::eval(md::logdet(s), s = -2.0), std::log(2.0));
  require_close(md::eval(md::grad(md::logdet(s), s), s = -2.0), -0.5);
}

TEST_CASE("exp overflows to inf; softplus and sigmoid do not overflow", "[edge][elementwise]") {
  Eigen::VectorXd big(4);
  big << 1000, -1000, 710, -800;
  const Eigen::VectorXd e = md::eval(md::exp(x), x = big);
  REQUIRE(e(0) == inf);
  REQUIRE(e(1) == 0.0);
  REQUIRE(e(2) == inf);
  REQUIRE(e(3) == 0.0);

  const Eigen::VectorXd softplus = md::eval(md::softplus(x), x = big);
  REQUIRE(softplus(0) == 1000.0);
  REQUIRE(softplus(1) == 0.0);
  REQUIRE(softplus(2) == 710.0);
  REQUIRE(softplus(3) == 0.0);

  const Eigen::VectorXd sigmoid = md::eval(md::sigmoid(x), x = big);
  REQUIRE(sigmoid(0) == 1.0);
  REQUIRE(sigmoid(1) == 0.0);
  REQUIRE(sigmoid(2) == 1.0);
  REQUIRE(sigmoid(3) == 0.0);

  // The gradient of sum(softplus(x)) is sigmoid(x): finite at any finite x.
  const Eigen::VectorXd g = md::eval(md::grad(md::sum(md::softplus(x)), x), x = big);
  REQUIRE(g == sigmoid);
  // The gradient of sum(exp(x)) is exp(x), inf where exp overflows.
  REQUIRE(md::eval(md::grad(md::sum(md::exp(x)), x), x = big) == e);
  // tanh saturates.
  const Eigen::VectorXd t = md::eval(md::tanh(x), x = big);
  REQUIRE(t(0) == 1.0);
  REQUIRE(t(1) == -1.0);
}

TEST_CASE("log and sqrt outside their domain give NaN or -inf", "[edge][elementwise]") {
  Eigen::VectorXd v(4);
  v << 0, -1, -0.0, 4;
  const Eigen::VectorXd l = md::eval(md::log(x), x = v);
  REQUIRE(l(0) == -inf);
  REQUIRE(std::isnan(l(1)));
  REQUIRE(l(2) == -inf);
  require_close(l(3), std::log(4.0));

  const Eigen::VectorXd r = md::eval(md::sqrt(x), x = v);
  REQUIRE(r(0) == 0.0);
  REQUIRE(std::isnan(r(1)));
  REQUIRE(r(3) == 2.0);

  // log(x) summed: one NaN entry makes the sum NaN, -inf makes it -inf.
  REQUIRE(std::isnan(md::eval(md::sum(md::log(x)), x = v)));
  REQUIRE(md::eval(md::sum(md::log(x)), x = Eigen::Vector2d(0.0, 1.0).eval()) == -inf);

  // pow with a fractional exponent of a negative entry, and a negative exponent of 0.
  REQUIRE(std::isnan(md::eval(md::sum(md::pow(x, 0.5)), x = Eigen::Vector2d(-1.0, 1.0).eval())));
  REQUIRE(md::eval(md::sum(md::pow(x, -1)), x = Eigen::Vector2d(0.0, 1.0).eval()) == inf);
}

TEST_CASE("the derivatives of sqrt, log and abs at +0 and -0", "[edge][elementwise][zero]") {
  // -0.0 == 0.0, so a zero of either sign is the same point and gets the same answer where
  // the answer has a sign: sqrt(-0) is +0 and sqrt' = 1/(2 sqrt) is +inf at both (the
  // derivative from the right, the only side where sqrt is defined). IEEE sqrt(-0) is -0,
  // which would make the derivative -inf.
  const Eigen::Vector2d zeros(0.0, -0.0);
  const Eigen::VectorXd root = md::eval(md::sqrt(x), x = zeros);
  REQUIRE(root(0) == 0.0);
  REQUIRE_FALSE(std::signbit(root(0)));
  REQUIRE_FALSE(std::signbit(root(1)));
  REQUIRE(md::eval(md::grad(md::sum(md::sqrt(x)), x), x = zeros) == Eigen::Vector2d(inf, inf));
  // log' = 1/x follows IEEE division: +inf at +0, -inf at -0. log is not differentiable at 0
  // from either side, and both are infinite, so md::check_gradient reports them.
  REQUIRE(md::eval(md::log(x), x = zeros) == Eigen::Vector2d(-inf, -inf));
  REQUIRE(md::eval(md::grad(md::sum(md::log(x)), x), x = zeros) == Eigen::Vector2d(inf, -inf));
  REQUIRE_FALSE(md::check_gradient(md::sum(md::log(x)), x, x = zeros).ok);
  // abs' = sign is 0 at both zeros: the subgradient 0, the midpoint of [-1, 1].
  const Eigen::VectorXd g = md::eval(md::grad(md::sum(md::abs(x)), x), x = zeros);
  REQUIRE(g == Eigen::Vector2d(0.0, 0.0));
  REQUIRE(md::eval(md::abs(x), x = zeros) == Eigen::Vector2d(0.0, 0.0));
  REQUIRE_FALSE(std::signbit(md::eval(md::abs(x), x = zeros)(1)));
}

TEST_CASE("NaN and Inf inputs propagate to values and gradients", "[edge][nan]") {
  constexpr auto X = md::matrix<"X", n, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  constexpr auto f = md::trace(X * B * md::transpose(X));
  const Eigen::Matrix3d Bv = Eigen::Matrix3d::Identity();

  Eigen::MatrixXd with_nan = Eigen::MatrixXd::Ones(4, 3);
  with_nan(2, 1) = not_a_number;
  REQUIRE(std::isnan(md::eval(f, X = with_nan, B = Bv)));
  REQUIRE(md::eval(md::grad(f, X), X = with_nan, B = Bv).array().isNaN().any());

  Eigen::MatrixXd with_inf = Eigen::MatrixXd::Ones(4, 3);
  with_inf(0, 0) = inf;
  // X*B has inf*0 = NaN entries: tr(X B X') is NaN, as IEEE arithmetic says.
  REQUIRE(std::isnan(md::eval(f, X = with_inf, B = Bv)));
  REQUIRE_FALSE(all_finite(md::eval(md::grad(f, X), X = with_inf, B = Bv)));
  // Without a product by 0: ||X||² = inf, gradient 2X with an inf entry.
  REQUIRE(md::eval(md::sqnorm(X), X = with_inf) == inf);
  REQUIRE(md::eval(md::grad(md::sqnorm(X), X), X = with_inf)(0, 0) == inf);

  // Every element-wise function keeps NaN.
  Eigen::Vector2d v(not_a_number, 1.0);
  REQUIRE(std::isnan(md::eval(md::exp(x), x = v)(0)));
  REQUIRE(std::isnan(md::eval(md::log(x), x = v)(0)));
  REQUIRE(std::isnan(md::eval(md::sqrt(x), x = v)(0)));
  REQUIRE(std::isnan(md::eval(md::tanh(x), x = v)(0)));
  REQUIRE(std::isnan(md::eval(md::abs(x), x = v)(0)));
  REQUIRE(std::isnan(md::eval(md::sign(x), x = v)(0)));
  REQUIRE(std::isnan(md::eval(md::sigmoid(x), x = v)(0)));
  REQUIRE(std::isnan(md::eval(md::softplus(x), x = v)(0)));
  REQUIRE(std::isnan(md::eval(md::pow(x, 2), x = v)(0)));
  // ...and so does the gradient of sum(abs(x)), sign(x).
  REQUIRE(std::isnan(md::eval(md::grad(md::sum(md::abs(x)), x), x = v)(0)));

  // Inf: the functions' limits.
  Eigen::Vector2d w(inf, -inf);
  REQUIRE(md::eval(md::softplus(x), x = w) == Eigen::Vector2d(inf, 0.0));
  REQUIRE(md::eval(md::sigmoid(x), x = w) == Eigen::Vector2d(1.0, 0.0));
  REQUIRE(md::eval(md::exp(x), x = w) == Eigen::Vector2d(inf, 0.0));
  REQUIRE(md::eval(md::tanh(x), x = w) == Eigen::Vector2d(1.0, -1.0));

  // A NaN in a matrix to invert, or to take the determinant of.
  Eigen::MatrixXd An = Eigen::MatrixXd::Identity(5, 5);
  An(3, 2) = not_a_number;
  REQUIRE(std::isnan(md::eval(md::det(A), A = An)));
  REQUIRE(std::isnan(md::eval(md::logdet(A), A = An)));
  REQUIRE(md::eval(md::inv(A), A = An).array().isNaN().any());
}
