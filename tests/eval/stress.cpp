// Stress test of the inverse-type operations (inv, det, logdet, inv(A)*b, adj and the
// gradients of logdet, tr(B inv(A)) and det) at fixed 2x2 and 3x3 on ill-conditioned,
// singular and badly scaled matrices against long double references: matdiff must be within
// 10 times of the error of a partial-pivoting LU in double (Eigen::PartialPivLU), the
// accuracy of a backward-stable method. 4x4 and dynamic sizes: stress_4x4.cpp and
// stress_dynamic.cpp (one unit each keeps the compiler's memory under 1.5 GB).
//
// `test_eval_stress "[.table]"` prints the header and these sizes' rows of the table in
// docs/numerics.md (test_eval_stress_4x4 and test_eval_stress_dynamic the other rows).
#include <cmath>
#include <cstdio>

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/stress.hpp"

using namespace matdiff_stress;

TEST_CASE("inverse-type operations are as accurate as an LU solve at 2x2 and 3x3", "[stress]") {
  stress<2>(2, 200);
  stress<3>(3, 200);
}

TEST_CASE("at 1e200 and 1e-200 times I the inverse and grad logdet are 1e-200 and 1e200 times I", "[stress]") {
  // Eigen's closed forms divide by the determinant, which over- or underflows: 0 and inf.
  constexpr auto A = md::matrix<"A", 2, 2>;
  for (double scale : {1e200, 1e-200}) {
    const Eigen::Matrix2d a = scale * Eigen::Matrix2d::Identity();
    const Eigen::Matrix2d expected = (1 / scale) * Eigen::Matrix2d::Identity();
    CHECK(md::eval(md::inv(A), A = a) == expected);
    CHECK(md::eval(md::grad(md::logdet(A), A), A = a) == expected);
    CHECK(md::eval(md::logdet(A), A = a) == 2 * std::log(scale));
  }
}

TEST_CASE("det is exactly 0 exactly when logdet is -inf, at 2x2 and 3x3", "[stress][singular]") {
  // Rank-deficient integer matrices: singular in floating point. Rounding in the
  // elimination may leave a tiny pivot instead of 0; either way det and logdet, from one
  // LU, say the same. Most of them reach an exact zero pivot.
  CHECK(det_and_logdet_agree(md::matrix<"A", 2, 2>, 2, 20000) > 0);
  CHECK(det_and_logdet_agree(md::matrix<"A", 3, 3>, 3, 20000) > 0);
}

TEST_CASE("adj and grad det are right at matrices of rank n-1, 2x2 and 3x3", "[stress][singular]") {
  // The singular values 1 .. 1e-2 and 0, rounded: the smallest is of the order of ε, and
  // adj(A) is the rank-one term of the others, well determined. det(A) inv(A) is off there.
  require_accurate_adjugate(measure_singular<2>(2, 200), 2);
  require_accurate_adjugate(measure_singular<3>(3, 200), 3);
}

TEST_CASE("print the error table of docs/numerics.md: 2x2 and 3x3", "[.table]") {
  print_table_header();
  print_rows<2>("2x2", 2, 1000);
  print_rows<3>("3x3", 3, 1000);
  std::printf("\n| size | adj(A), grad det(A) at rank n-1: matdiff | det(A) inv(A) by LU |\n| --- | ---: | ---: |\n");
  print_singular_row("2x2", measure_singular<2>(2, 1000));
  print_singular_row("3x3", measure_singular<3>(3, 1000));
}
