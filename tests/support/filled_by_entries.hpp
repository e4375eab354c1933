// What the tests of sums filled entry by entry share (tests/eval/sums_by_entries*.cpp).
//
// The checking builds define MATDIFF_INLINE_KERNEL_ENTRIES as 16, and a sum is filled entry
// by entry from 17 entries: each unit sets the default, 144, for itself with
//     #undef MATDIFF_INLINE_KERNEL_ENTRIES
//     #define MATDIFF_INLINE_KERNEL_ENTRIES 144
// before its first include, and so is compiled without the build's precompiled headers
// (cmake/matdiff_testing.cmake), which would come before its first line.
#pragma once

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include "eigen_check.hpp"

namespace matdiff_test {

/// value + tol·random: an invertible point near a well-conditioned matrix.
template <class M>
M near(const M& value, double tol = 0.2) {
  return value + tol * random_matrix<M>();
}

/// A Hessian at fixed sizes (filled entry by entry) against the same Hessian at run-time sizes
/// (summed term by term, 1e-14) and central differences of the gradient (1e-6).
template <class H, class D>
void check_filled(const H& by_entries, const Eigen::MatrixXd& by_terms, const D& differences) {
  STATIC_REQUIRE(H::SizeAtCompileTime != Eigen::Dynamic);
  require_close(Eigen::MatrixXd(by_entries), by_terms, 1e-14);
  require_close(Eigen::MatrixXd(by_entries), differences, 1e-6);
}

}  // namespace matdiff_test
