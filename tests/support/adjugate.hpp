// Test helpers for the adjugate: a long double reference by cofactors, and small-integer
// matrices of a chosen rank (exact in double, so singular in floating point too).
#pragma once

#include <Eigen/Core>
#include <Eigen/LU>

#include "eigen_check.hpp"

namespace matdiff_test {

using ld = long double;
using matrix_ld = Eigen::Matrix<ld, Eigen::Dynamic, Eigen::Dynamic>;

/// The adjugate by its definition, each cofactor a long double determinant.
template <class M>
Eigen::MatrixXd reference_adjugate(const M& m) {
  const Eigen::Index size = m.rows();
  const matrix_ld a = m.template cast<ld>();
  Eigen::MatrixXd r(size, size);
  if (size == 1) return Eigen::MatrixXd::Ones(1, 1);
  for (Eigen::Index i = 0; i < size; ++i)
    for (Eigen::Index j = 0; j < size; ++j) {
      matrix_ld minor(size - 1, size - 1);
      for (Eigen::Index r2 = 0, mr = 0; r2 < size; ++r2) {
        if (r2 == j) continue;
        for (Eigen::Index c2 = 0, mc = 0; c2 < size; ++c2)
          if (c2 != i) minor(mr, mc++) = a(r2, c2);
        ++mr;
      }
      const ld cofactor = ((i + j) % 2 ? -1 : 1) * minor.partialPivLu().determinant();
      r(i, j) = static_cast<double>(cofactor);
    }
  return r;
}

/// Small-integer matrices of rank `rank`: products of integer factors, exact in double.
template <class M>
M integer_matrix_of_rank(Eigen::Index size, Eigen::Index rank) {
  const Eigen::MatrixXd left = (3 * random_matrix<Eigen::MatrixXd>(size, rank)).array().round().matrix();
  const Eigen::MatrixXd right = (3 * random_matrix<Eigen::MatrixXd>(rank, size)).array().round().matrix();
  return M(left * right);
}

}  // namespace matdiff_test
