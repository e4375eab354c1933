// The accurate cofactors of eval/cofactor_inverse.hpp and their use by small_lu (eval/lu.hpp):
// the difference of products exact where plain arithmetic cancels to 0; the inverse and
// determinant of 2x2 and 3x3 matrices as accurate as the LU's at condition 1e12 against long
// double references, and of 4x4 ones wherever they are used; where the closed form is not
// safe (singular, tiny or huge entries, at 4x4 ill-conditioned) the LU's results; and
// kernels using them. test_eval_stress measures every inverse-type operation on top of these.
#include <cmath>
#include <limits>

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/stress.hpp"

namespace md = matdiff;
using matdiff_stress::conditioned;
using matdiff_stress::eps;
using matdiff_stress::error;
using matdiff_stress::ld;

namespace {

/// The largest errors over `trials` N x N matrices of condition `condition` of the cofactor
/// inverse and of Eigen's PartialPivLU, against long double.
template <int N>
std::pair<double, double> inverse_errors(double condition, int trials) {
  using M = Eigen::Matrix<double, N, N>;
  double cofactors = 0, lu = 0;
  for (int t = 0; t < trials; ++t) {
    const M a = conditioned(N, condition, 1);
    const matdiff_stress::matrix_ld reference = a.template cast<ld>().partialPivLu().inverse();
    const md::cofactor_inverse<double, N> closed(a);
    REQUIRE(closed.usable());
    cofactors = std::max(cofactors, error(closed.inverse(), reference));
    lu = std::max(lu, error(M(Eigen::PartialPivLU<M>(a).inverse()), reference));
  }
  return {cofactors, lu};
}

/// Equal entries, NaN where the other has NaN.
template <class X, class Y>
bool same(const X& x, const Y& y) {
  return (x.array() == y.array() || (x.array().isNaN() && y.array().isNaN())).all();
}

/// At 4x4 over `trials` matrices of condition `condition`: how many the cofactors take for
/// the inverse and for the determinant, and the largest errors of both, the cofactors'
/// where they take them and the LU's (Eigen's PartialPivLU) on all, against long double.
struct errors_4x4 {
  int usable = 0, determinant_usable = 0;
  double inverse = 0, inverse_lu = 0, determinant = 0, determinant_lu = 0;
};
errors_4x4 measure_4x4(double condition, int trials) {
  using M = Eigen::Matrix4d;
  errors_4x4 e;
  for (int t = 0; t < trials; ++t) {
    const M a = conditioned(4, condition, 1);
    const Eigen::PartialPivLU<matdiff_stress::matrix_ld> reference(a.cast<ld>());
    const Eigen::PartialPivLU<M> lu(a);
    const md::cofactor_inverse<double, 4> closed(a);
    e.inverse_lu = std::max(e.inverse_lu, error(M(lu.inverse()), reference.inverse()));
    e.determinant_lu = std::max(e.determinant_lu, error(lu.determinant(), reference.determinant()));
    if (M inverse; closed.inverse_into(a, inverse)) {
      ++e.usable;
      e.inverse = std::max(e.inverse, error(inverse, reference.inverse()));
    }
    if (closed.determinant_usable()) {
      ++e.determinant_usable;
      e.determinant = std::max(e.determinant, error(closed.determinant(), reference.determinant()));
    }
  }
  return e;
}

}  // namespace

TEST_CASE("a difference of products keeps the digits that plain arithmetic cancels", "[cofactors]") {
  // (1 + 2⁻²⁷)(1 − 2⁻²⁷) − 1·1 = −2⁻⁵⁴: the product rounds to 1, so a·d − b·c in double is 0.
  const double a = 1 + 0x1p-27, d = 1 - 0x1p-27;
  volatile double product = a * d;  // no fma contraction: the plain rounded product
  CHECK(product - 1.0 == 0.0);
  CHECK(md::difference_of_products(a, d, 1.0, 1.0) == -0x1p-54);
  CHECK(md::difference_of_products(3.0, 5.0, 2.0, 7.0) == 1.0);
  CHECK(md::difference_of_products(2.0f, 3.0f, 5.0f, 7.0f) == -29.0f);
}

TEST_CASE("the cofactor inverse and determinant of small matrices are exact in simple cases", "[cofactors]") {
  Eigen::Matrix2d a;
  a << 4, 7,
      2, 6;
  const md::cofactor_inverse<double, 2> two(a);
  REQUIRE(two.usable());
  CHECK(two.determinant() == 10);
  CHECK(two.inverse().isApprox((Eigen::Matrix2d() << 0.6, -0.7, -0.2, 0.4).finished(), 1e-15));

  // det B = 1 and an integer adjugate: exact.
  Eigen::Matrix3d b;
  b << 1, 2, 3,
      0, 1, 4,
      5, 6, 0;
  const md::cofactor_inverse<double, 3> three(b);
  REQUIRE(three.usable());
  CHECK(three.determinant() == 1);
  Eigen::Matrix3d expected;
  expected << -24, 18, 5,
      20, -15, -4,
      -5, 4, 1;
  CHECK(three.inverse() == expected);
}

TEST_CASE("the cofactor inverse is as accurate as the LU at condition 1e12", "[cofactors][stress]") {
  // Singular values from 1 down to 1e-12: at 3x3 a plain minor of the two large ones
  // cancels, and Eigen's closed form loses all digits there (docs/numerics.md).
  for (double condition : {1e4, 1e8, 1e12}) {
    const auto [two, two_lu] = inverse_errors<2>(condition, 200);
    const auto [three, three_lu] = inverse_errors<3>(condition, 200);
    INFO("condition " << condition << ": 2x2 " << two << " (LU " << two_lu << "), 3x3 " << three << " (LU " << three_lu << ")");
    CHECK(two <= 4 * std::max(two_lu, 8 * eps));
    CHECK(three <= 4 * std::max(three_lu, 8 * eps));
  }
}

TEST_CASE("the 4x4 closed form is as accurate as the LU wherever it is used", "[cofactors][stress]") {
  // An integer matrix with det 1 and an integer inverse: exact.
  Eigen::Matrix4d upper, lower;
  upper << 1, 1, 0, 0,
      0, 1, -1, 0,
      0, 0, 1, 1,
      0, 0, 0, 1;
  lower = upper.transpose();
  const Eigen::Matrix4d a = lower * upper;
  const md::cofactor_inverse<double, 4> exact(a);
  CHECK(exact.determinant() == 1);  // integer arithmetic, exact (though its terms cancel)
  Eigen::Matrix4d inverse;
  REQUIRE(exact.inverse_into(a, inverse));
  CHECK(inverse == Eigen::Matrix4d(upper.inverse() * lower.inverse()));

  // The closed-form inverse (Eigen's plain cofactors, refined once) is taken up to
  // condition 256 in the ∞-norm, the determinant where its error bound is 12ε (most
  // matrices at condition 10); where they are taken, within 4x the LU's error.
  for (double condition : {1.0, 10.0, 30.0, 100.0}) {
    const errors_4x4 e = measure_4x4(condition, 200);
    INFO("condition " << condition << ": inverse " << e.inverse << " (LU " << e.inverse_lu << ") on " << e.usable
                      << ", determinant " << e.determinant << " (LU " << e.determinant_lu << ") on "
                      << e.determinant_usable);
    if (condition <= 10) CHECK(e.usable == 200);
    if (condition <= 10) CHECK(e.determinant_usable >= 180);
    CHECK(e.inverse <= 4 * std::max(e.inverse_lu, 8 * eps));
    CHECK(e.determinant <= 4 * std::max(e.determinant_lu, 8 * eps));
  }
  // Beyond, the LU.
  for (double condition : {1e4, 1e8, 1e12}) CHECK(measure_4x4(condition, 50).usable == 0);
}

TEST_CASE("where the cofactors are not safe, small_lu gives the LU's results", "[cofactors][lu]") {
  using M = Eigen::Matrix3d;
  // Singular: det 0 is below the safe range.
  M singular;
  singular << 1, 2, 3,
      4, 5, 6,
      7, 8, 9;
  CHECK_FALSE(md::cofactor_inverse<double, 3>(singular).usable());
  CHECK(md::small_lu<double, 3>(singular).determinant() == md::unrolled_lu<double, 3>(singular).determinant());

  // Tiny and huge entries: the products under- or overflow, the inverse does not.
  for (double scale : {1e-120, 1e120}) {
    const M a = scale * M(conditioned(3, 10, 1));
    INFO("scale " << scale);
    CHECK_FALSE(md::cofactor_inverse<double, 3>(a).usable());
    const md::small_lu<double, 3> lu(a);
    CHECK(same(lu.inverse(), md::unrolled_lu<double, 3>(a).inverse()));
    CHECK(lu.inverse().allFinite());
    CHECK(lu.log_abs_determinant() == md::unrolled_lu<double, 3>(a).log_abs_determinant());
  }

  // Rows of very different scales: det A is a normal number, but the cofactors of the
  // small row are products of the two huge rows and overflow. (The LU is no better here:
  // its result has inf where the inverse is finite; it is at least the same as before.)
  M rows = conditioned(3, 10, 1);
  rows.row(0) *= 1e200;
  rows.row(1) *= 1e200;
  rows.row(2) *= 1e-300;
  CHECK_FALSE(md::cofactor_inverse<double, 3>(rows).usable());
  CHECK(same(md::small_lu<double, 3>(rows).inverse(), md::unrolled_lu<double, 3>(rows).inverse()));

  // 4x4: singular, tiny and huge entries, ill-conditioned.
  using M4 = Eigen::Matrix4d;
  M4 singular4 = conditioned(4, 10, 1);
  singular4.col(3) = singular4.col(0) + singular4.col(1);
  CHECK(md::small_lu<double, 4>(singular4).determinant() == md::unrolled_lu<double, 4>(singular4).determinant());
  CHECK(same(md::small_lu<double, 4>(singular4).inverse(), md::unrolled_lu<double, 4>(singular4).inverse()));
  for (double scale : {1e-120, 1e120}) {
    const M4 a = scale * M4(conditioned(4, 10, 1));
    INFO("scale " << scale);
    Eigen::Matrix4d unused;
    CHECK_FALSE(md::cofactor_inverse<double, 4>(a).inverse_into(a, unused));
    const md::small_lu<double, 4> lu(a);
    CHECK(same(lu.inverse(), md::unrolled_lu<double, 4>(a).inverse()));
    CHECK(lu.inverse().allFinite());
    CHECK(lu.log_abs_determinant() == md::unrolled_lu<double, 4>(a).log_abs_determinant());
  }
  const M4 ill = conditioned(4, 1e12, 1);
  Eigen::Matrix4d unused;
  CHECK_FALSE(md::cofactor_inverse<double, 4>(ill).inverse_into(ill, unused));
  CHECK(same(md::small_lu<double, 4>(ill).inverse(), md::unrolled_lu<double, 4>(ill).inverse()));

  // One NaN or infinite entry, in every position: the refined closed form is not taken (a NaN
  // or infinite residual or inverse fails its tests), and the result is the LU's.
  for (double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()})
    for (int entry = 0; entry < 16; ++entry) {
      M4 a = conditioned(4, 10, 1);
      a(entry) = bad;
      INFO("entry " << entry << " = " << bad);
      CHECK_FALSE(md::cofactor_inverse<double, 4>(a).inverse_into(a, unused));
      CHECK(same(md::small_lu<double, 4>(a).inverse(), md::unrolled_lu<double, 4>(a).inverse()));
    }
}

TEST_CASE("at 4x4 far from singular the adjugate is det(A) inv(A) from the cofactors, as accurate as the LU's", "[cofactors][adj]") {
  using M4 = Eigen::Matrix4d;
  constexpr auto A = md::matrix<"A", 4, 4>;
  static constexpr auto k = md::kernel(md::adj(A));
  double mine = 0, lu = 0;
  int by_cofactors = 0;
  for (int t = 0; t < 200; ++t) {
    const M4 a = conditioned(4, 10, 1);
    const matdiff_stress::matrix_ld reference = matdiff_stress::cofactor_adjugate(a);
    M4 unused;
    by_cofactors += md::small_lu<double, 4>(a).adjugate_by_cofactors(unused);
    const auto [adjugate] = k(A = a);
    mine = std::max(mine, error(adjugate, reference));
    lu = std::max(lu, error(md::adjugate_from_lu<M4>(md::unrolled_lu<double, 4>(a)), reference));
  }
  INFO("adj: " << mine << " (LU " << lu << "), by cofactors " << by_cofactors << " of 200");
  CHECK(by_cofactors >= 180);
  CHECK(mine <= 4 * std::max(lu, 8 * eps));
}

TEST_CASE("at 4x4 small_lu takes the LU's determinant where the closed form's is not accurate", "[cofactors][lu]") {
  using M4 = Eigen::Matrix4d;
  for (int t = 0; t < 100; ++t) {
    const M4 a = conditioned(4, 30, 1);
    const md::cofactor_inverse<double, 4> closed(a);
    M4 inverse;
    if (!closed.inverse_into(a, inverse) || closed.determinant_usable()) continue;
    const md::small_lu<double, 4> lu(a);
    CHECK(lu.inverse() == inverse);
    CHECK(lu.determinant() == md::unrolled_lu<double, 4>(a).determinant());
    CHECK(lu.log_abs_determinant() == md::unrolled_lu<double, 4>(a).log_abs_determinant());
    return;
  }
  FAIL("no 4x4 matrix of condition 30 whose inverse the closed form gives, but not its determinant");
}

TEST_CASE("small_lu takes the cofactors for the inverse and determinant, the LU for solves", "[cofactors][lu]") {
  const Eigen::Matrix3d a = conditioned(3, 1e6, 1);
  const md::small_lu<double, 3> lu(a);
  const md::cofactor_inverse<double, 3> closed(a);
  REQUIRE(closed.usable());
  CHECK(lu.inverse() == closed.inverse());
  CHECK(lu.determinant() == closed.determinant());
  CHECK(lu.log_abs_determinant() == std::log(std::abs(closed.determinant())));
  // A solve is the LU's (backward stable), computed when asked for.
  const Eigen::Vector3d b(1, -2, 3);
  CHECK(lu.solve(b) == md::unrolled_lu<double, 3>(a).solve(b));
  CHECK(lu.matrixLU() == md::unrolled_lu<double, 3>(a).matrixLU());

  // A kernel evaluates inv, det and logdet with them; det and logdet agree.
  constexpr auto A = md::matrix<"A", 3, 3>;
  const auto [inverse, det, logdet] = md::kernel(md::inv(A), md::det(A), md::logdet(A))(A = a);
  CHECK(inverse == closed.inverse());
  CHECK(det == closed.determinant());
  CHECK(logdet == std::log(std::abs(det)));
  // Single precision has them too, long double as well.
  STATIC_REQUIRE(md::has_cofactor_inverse<float, 2>);
  STATIC_REQUIRE(md::has_cofactor_inverse<long double, 3>);
  STATIC_REQUIRE(md::has_cofactor_inverse<double, 4>);
  STATIC_REQUIRE_FALSE(md::has_cofactor_inverse<double, 5>);
  STATIC_REQUIRE_FALSE(md::has_cofactor_inverse<int, 2>);
}
