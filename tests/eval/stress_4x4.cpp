// Stress test of the inverse-type operations at fixed 4x4: the same as stress.cpp (2x2 and
// 3x3), which has the details; dynamic sizes in stress_dynamic.cpp (one unit each keeps the
// compiler's memory under 1.5 GB).
//
// `test_eval_stress_4x4 "[.table]"` prints the 4x4 rows of the table in docs/numerics.md.
#include <cmath>
#include <cstdio>

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/stress.hpp"

using namespace matdiff_stress;

TEST_CASE("inverse-type operations are as accurate as an LU solve at 4x4", "[stress]") {
  stress<4>(4, 200);
}

TEST_CASE("det is exactly 0 exactly when logdet is -inf, at 4x4", "[stress][singular]") {
  CHECK(det_and_logdet_agree(md::matrix<"A", 4, 4>, 4, 20000) > 0);
}

TEST_CASE("adj and grad det are right at matrices of rank n-1, 4x4", "[stress][singular]") {
  require_accurate_adjugate(measure_singular<4>(4, 200), 4);
}

TEST_CASE("print the error table of docs/numerics.md: 4x4", "[.table]") {
  print_rows<4>("4x4", 4, 1000);
  print_singular_row("4x4", measure_singular<4>(4, 1000));
}
