// md::check_gradient (testing/check_gradient.hpp): md::grad against central finite
// differences. Its result fields, the kinds of variables and bindings it takes, and that it
// reports a mismatch where the finite differences and the gradient disagree.
#include <cmath>
#include <limits>

#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::well_conditioned;

namespace {

constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto B = md::matrix<"B", 4, 4>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto t = md::scalar<"t">;
constexpr auto N = md::matrix<"N", md::dim<"n">, md::dim<"n">>;

}  // namespace

TEST_CASE("check_gradient accepts correct gradients and fills every field", "[check_gradient]") {
  const Eigen::Matrix<double, 3, 4> Xv = random_matrix<Eigen::Matrix<double, 3, 4>>();
  const Eigen::Matrix4d Bv = random_matrix<Eigen::Matrix4d>();
  const auto check = md::check_gradient(md::trace(X * B * md::transpose(X)), X, X = Xv, B = Bv);
  CHECK(check.ok);
  CHECK(check.tolerance == 1e-6);
  CHECK(check.max_abs_error >= 0);
  CHECK(check.max_rel_error >= 0);
  CHECK(check.max_rel_error <= check.max_abs_error);  // divided by max(1, |difference|)
  CHECK(check.ok == (check.max_rel_error <= check.tolerance));
  // A quadratic: central differences are exact but for rounding.
  CHECK(check.max_abs_error < 1e-8);
  // The differences themselves, shaped as X: the gradient X(B + B').
  REQUIRE(check.differences.rows() == 3);
  REQUIRE(check.differences.cols() == 4);
  CHECK((check.differences - Xv * (Bv + Bv.transpose())).cwiseAbs().maxCoeff() < 1e-8);
}

namespace {
constexpr auto quadratic = 0.5 * md::trace(X * B * md::transpose(X));
}  // namespace

TEST_CASE("check_gradient of a kernel made once, at compile time", "[check_gradient][kernel]") {
  const Eigen::Matrix<double, 3, 4> Xv = random_matrix<Eigen::Matrix<double, 3, 4>>();
  const Eigen::Matrix4d Bv = random_matrix<Eigen::Matrix4d>();
  static constexpr auto value_and_gradient = md::kernel(quadratic, md::grad(quadratic, X));
  const auto check = md::check_gradient(value_and_gradient, X, X = Xv, B = Bv);
  CHECK(check.ok);
  // The same differences as the check that derives the gradient itself.
  const auto derived = md::check_gradient(quadratic, X, X = Xv, B = Bv);
  CHECK(check.differences == derived.differences);
  CHECK(check.max_abs_error == derived.max_abs_error);
  CHECK((check.differences - Xv * (Bv + Bv.transpose()) / 2).cwiseAbs().maxCoeff() < 1e-8);

  // A kernel whose second result is not the gradient of its first fails, naming the entry.
  static constexpr auto twice = md::kernel(quadratic, 2 * md::grad(quadratic, X));
  const auto wrong = md::check_gradient(twice, X, X = Xv, B = Bv);
  CHECK_FALSE(wrong.ok);
  CHECK(wrong.max_rel_error > 0.1);
  CHECK(wrong.message.find("matdiff: check_gradient: gradient entry (") == 0);
}

TEST_CASE("check_gradient errors are of the order of the central-difference error", "[check_gradient]") {
  // f = sum(x.^3): the difference quotient is 3x² + h², h = ∛ε max(1, |x|); rounding adds
  // as much again. Both are about ε^(2/3) max(1, x²).
  Eigen::Vector3d xv(0.5, -2.0, 4.0);
  const auto check = md::check_gradient(md::sum(md::pow(x, 3)), x, x = xv);
  const double scale = std::pow(std::numeric_limits<double>::epsilon(), 2.0 / 3.0) * 16;
  INFO("max abs error " << check.max_abs_error << ", scale " << scale);
  CHECK(check.ok);
  CHECK(check.max_abs_error > 0);
  CHECK(check.max_abs_error < 10 * scale);
}

TEST_CASE("the relative error divides by the size of the derivative", "[check_gradient]") {
  // A large gradient: the absolute error grows with it, the relative one does not.
  const Eigen::Vector3d xv(3.0, -2.0, 1.5);
  const auto check = md::check_gradient(1e8 * md::sum(md::exp(x)), x, x = xv);
  INFO("max abs error " << check.max_abs_error << ", max rel error " << check.max_rel_error);
  CHECK(check.ok);
  CHECK(check.max_rel_error < check.max_abs_error);
}

TEST_CASE("check_gradient reports a mismatch where the function jumps", "[check_gradient]") {
  // sign has the derivative 0 (md::grad), but at 0 the central difference of sign is 1/h.
  // (sqnorm(x) keeps x in the gradient, which check_gradient needs: see check_gradient's
  // TODO in tests/support/calculus.hpp.)
  const auto f = md::sum(md::sign(x)) + md::sqnorm(x);
  const Eigen::Vector3d xv(0.0, 0.5, -0.5);
  const auto check = md::check_gradient(f, x, x = xv);
  INFO("max abs error " << check.max_abs_error);
  CHECK_FALSE(check.ok);
  CHECK(check.max_abs_error > 1e3);
  CHECK(check.max_rel_error > 0.99);  // |g - d| / max(1, |d|) with |d| ≈ 1/h large
  // Away from the jump all agree.
  const Eigen::Vector3d away(0.25, 0.5, -0.5);
  CHECK(md::check_gradient(f, x, x = away).ok);
}

TEST_CASE("check_gradient with a scalar variable bound to a number", "[check_gradient][scalar]") {
  const auto check = md::check_gradient(md::exp(t) * md::sin(t), t, t = 0.7);
  CHECK(check.ok);
  CHECK(check.max_abs_error < 1e-8);
  // Among matrix variables, and bound to an integer.
  const Eigen::Vector3d xv(1.0, 2.0, -1.0);
  CHECK(md::check_gradient(md::sqnorm(t * x), t, t = 2.0, x = xv).ok);
  CHECK(md::check_gradient(md::sqnorm(t * x), x, t = 2.0, x = xv).ok);
  // A 1x1 matrix variable bound to a 1x1 Eigen matrix.
  constexpr auto s = md::matrix<"s", 1, 1>;
  const Eigen::Matrix<double, 1, 1> sv = Eigen::Matrix<double, 1, 1>::Constant(0.3);
  CHECK(md::check_gradient(md::exp(s * s), s, s = sv).ok);
}

TEST_CASE("check_gradient with fixed, dynamic, mapped and block bindings", "[check_gradient][eigen]") {
  const Eigen::Matrix4d Bv = random_matrix<Eigen::Matrix4d>();
  // Fixed size.
  const Eigen::Matrix<double, 3, 4> fixed = random_matrix<Eigen::Matrix<double, 3, 4>>();
  CHECK(md::check_gradient(md::sqnorm(X * B), X, X = fixed, B = Bv).ok);
  CHECK(md::check_gradient(md::sqnorm(X * B), B, X = fixed, B = Bv).ok);
  // Dynamic size for a fixed-size variable.
  const Eigen::MatrixXd dynamic = random_matrix<Eigen::MatrixXd>(3, 4);
  CHECK(md::check_gradient(md::sqnorm(X * B), X, X = dynamic, B = Bv).ok);
  // A map and a block of a larger matrix.
  double storage[12] = {0.1, -0.4, 0.3, 0.9, -0.2, 0.5, 0.7, -0.8, 0.6, 0.2, -0.1, 0.4};
  const Eigen::Map<const Eigen::Matrix<double, 3, 4>> mapped(storage);
  CHECK(md::check_gradient(md::sqnorm(X * B), X, X = mapped, B = Bv).ok);
  const Eigen::MatrixXd large = random_matrix<Eigen::MatrixXd>(5, 6);
  CHECK(md::check_gradient(md::sqnorm(X * B), X, X = large.block(1, 2, 3, 4), B = Bv).ok);
  // Symbolic sizes.
  const Eigen::MatrixXd Nv = well_conditioned<Eigen::MatrixXd>(6);
  CHECK(md::check_gradient(md::logdet(N), N, N = Nv).ok);
  CHECK(md::check_gradient(md::trace(N * N * md::transpose(N)), N, N = Nv).ok);
}

TEST_CASE("check_gradient in single precision", "[check_gradient][float]") {
  // With floats the central differences (h = ∛ε ≈ 5e-3) are accurate to about ε^(2/3), so
  // `ok` compares with 100 ε^(2/3) ≈ 2.4e-3 instead of 1e-6.
  const Eigen::Matrix<float, 3, 4> Xf = random_matrix<Eigen::Matrix<float, 3, 4>>();
  const Eigen::Matrix4f Bf = random_matrix<Eigen::Matrix4f>();
  const auto check = md::check_gradient(md::trace(X * B * md::transpose(X)), X, X = Xf, B = Bf);
  INFO("max abs error " << check.max_abs_error << ", max rel error " << check.max_rel_error);
  CHECK(check.max_rel_error < 1e-3);
  CHECK(check.tolerance > 2e-3);
  CHECK(check.tolerance < 3e-3);
  CHECK(check.ok);
  CHECK(md::check_gradient(md::exp(t) * t, t, t = 0.7f).max_rel_error < 1e-3);
}

TEST_CASE("check_gradient fails on a NaN gradient and names the entry", "[check_gradient][nan]") {
  // norm2 at 0: the gradient x/norm2(x) is 0/0 = NaN in every entry, while the differences
  // (|h| - |-h|)/2h are 0. NaN compares false with everything, so an error maximum ignores it.
  const auto check = md::check_gradient(md::norm2(x), x, x = Eigen::Vector3d::Zero().eval());
  INFO(check.message);
  CHECK_FALSE(check.ok);
  CHECK_FALSE(check.finite);
  CHECK(check.bad_row == 0);
  CHECK(check.bad_col == 0);
  CHECK(check.max_rel_error == std::numeric_limits<double>::infinity());
  CHECK(check.ok == (check.max_rel_error <= check.tolerance));
  CHECK(check.message == "matdiff: check_gradient: gradient entry (0, 0) is nan");
  // Away from 0 the same gradient passes, with nothing to report.
  const auto away = md::check_gradient(md::norm2(x), x, x = Eigen::Vector3d(1.0, -2.0, 0.5));
  CHECK(away.ok);
  CHECK(away.finite);
  CHECK(away.bad_row == -1);
  CHECK(away.message.empty());
}

TEST_CASE("check_gradient fails on NaN differences outside the domain", "[check_gradient][nan]") {
  // sum(log(y)) at y with a negative entry: the gradient 1./y is finite, f is NaN, and so are
  // the differences of every entry; the first is reported.
  const Eigen::Vector3d yv(1.0, -2.0, 3.0);
  const auto check = md::check_gradient(md::sum(md::log(x)), x, x = yv);
  INFO(check.message);
  CHECK_FALSE(check.ok);
  CHECK_FALSE(check.finite);
  CHECK(check.bad_row == 0);
  CHECK(check.bad_col == 0);
  CHECK(check.message == "matdiff: check_gradient: gradient entry (0, 0) has the finite difference nan");
  // A matrix variable: the entry is located in X's shape, (row, column).
  Eigen::Matrix<double, 3, 4> Xv = Eigen::Matrix<double, 3, 4>::Constant(2.0);
  Xv(1, 2) = 0.0;  // sqrt' = 1/(2 sqrt) is inf there; the difference takes sqrt(-h) = NaN
  const auto matrix = md::check_gradient(md::sum(md::sqrt(X)), X, X = Xv);
  INFO(matrix.message);
  CHECK_FALSE(matrix.ok);
  CHECK(matrix.bad_row == 1);
  CHECK(matrix.bad_col == 2);
  CHECK(matrix.message == "matdiff: check_gradient: gradient entry (1, 2) is inf");
}

TEST_CASE("check_gradient names the entry of the largest error when it fails its tolerance", "[check_gradient]") {
  const auto f = md::sum(md::sign(x)) + md::sqnorm(x);
  const auto check = md::check_gradient(f, x, x = Eigen::Vector3d(0.5, 0.0, -0.5));
  INFO(check.message);
  CHECK_FALSE(check.ok);
  CHECK(check.finite);
  CHECK(check.bad_row == 1);
  CHECK(check.bad_col == 0);
  CHECK(check.message.starts_with("matdiff: check_gradient: gradient entry (1, 0) differs from its finite "
                                  "difference by the relative error"));
}
