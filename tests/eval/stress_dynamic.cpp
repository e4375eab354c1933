// Stress test of the inverse-type operations at dynamic sizes (3 and 8): the same as
// stress.cpp (2x2 and 3x3), which has the details.
//
// `test_eval_stress_dynamic "[.table]"` prints the dynamic rows of the table in
// docs/numerics.md.
#include <cmath>
#include <cstdio>

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/stress.hpp"

using namespace matdiff_stress;

TEST_CASE("inverse-type operations are as accurate as an LU solve at dynamic sizes", "[stress]") {
  stress<Eigen::Dynamic>(3, 200);
  stress<Eigen::Dynamic>(8, 100);
}

TEST_CASE("det is exactly 0 exactly when logdet is -inf, at dynamic sizes", "[stress][singular]") {
  constexpr auto n = md::dim<"n">;
  CHECK(det_and_logdet_agree(md::matrix<"A", n, n>, 3, 5000) > 0);
  CHECK(det_and_logdet_agree(md::matrix<"A", n, n>, 6, 5000) > 0);
}

TEST_CASE("adj and grad det are right at matrices of rank n-1, dynamic sizes", "[stress][singular]") {
  require_accurate_adjugate(measure_singular<Eigen::Dynamic>(3, 200), 3);
  require_accurate_adjugate(measure_singular<Eigen::Dynamic>(8, 50), 8);
}

TEST_CASE("print the error table of docs/numerics.md: dynamic sizes", "[.table]") {
  print_rows<Eigen::Dynamic>("n = 3", 3, 1000);
  print_rows<Eigen::Dynamic>("n = 8", 8, 250);
  print_singular_row("n = 3", measure_singular<Eigen::Dynamic>(3, 1000));
  print_singular_row("n = 8", measure_singular<Eigen::Dynamic>(8, 250));
}
