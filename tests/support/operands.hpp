// Variables and random values for the per-operation derivative tests, for sizes S
// (matdiff_test::sizes: M x N, integers or md::dim, and their run-time values):
//   A, B, W   m x n, entries in [-1, 1]        P   m x n, entries in [0.5, 2] (positive)
//   C         n x m                           Q, R n x n, well-conditioned
//   u, v      n x 1                           s   1x1 (1.3)
// Bind as `o.A = o.Av`; the values live as long as the operands object.
#pragma once

#include <Eigen/Core>

#include <matdiff/matdiff.hpp>

#include "calculus.hpp"
#include "eigen_check.hpp"

namespace matdiff_test {

template <class S>
struct operands {
  static constexpr auto A = matdiff::matrix<"A", S::m, S::n>;
  static constexpr auto B = matdiff::matrix<"B", S::m, S::n>;
  static constexpr auto W = matdiff::matrix<"W", S::m, S::n>;
  static constexpr auto P = matdiff::matrix<"P", S::m, S::n>;
  static constexpr auto C = matdiff::matrix<"C", S::n, S::m>;
  static constexpr auto Q = matdiff::matrix<"Q", S::n, S::n>;
  static constexpr auto R = matdiff::matrix<"R", S::n, S::n>;
  static constexpr auto u = matdiff::vector<"u", S::n>;
  static constexpr auto v = matdiff::vector<"v", S::n>;
  static constexpr auto s = matdiff::scalar<"s">;

  explicit operands(const S& size)
      : Av(random<S::m, S::n>(size.rows, size.cols)),
        Bv(random<S::m, S::n>(size.rows, size.cols)),
        Wv(random<S::m, S::n>(size.rows, size.cols)),
        Pv(random<S::m, S::n>(size.rows, size.cols, 0.5, 2.0)),
        Cv(random<S::n, S::m>(size.cols, size.rows)),
        Qv(invertible<S::n>(size.cols)),
        Rv(invertible<S::n>(size.cols)),
        uv(random<S::n, 1>(size.cols, 1)),
        vv(random<S::n, 1>(size.cols, 1)) {}

  matrix_t<S::m, S::n> Av, Bv, Wv, Pv;
  matrix_t<S::n, S::m> Cv;
  matrix_t<S::n, S::n> Qv, Rv;
  matrix_t<S::n, 1> uv, vv;
  double sv = 1.3;
};

}  // namespace matdiff_test
