/// @file
/// The Cholesky factorization S = LLᵀ that inv, det, logdet and the solves with an `md::spd`
/// variable are evaluated with (eval/plan/factorization.hpp): `cholesky<M>` for a square
/// matrix type M, with what the evaluators of the LU use too: `inverse()`, `determinant()`,
/// `log_abs_determinant()`, `solve(b)` and `transpose().solve(b)` (Sᵀ = S).
///
/// Half the work of an LU (n³/3 flops against 2n³/3) and no pivoting; Eigen's LLT reads the
/// lower triangle only. A value that is not positive definite, where the factorization meets
/// a pivot that is not positive, is `md::structure_error` naming the variable: the inverse
/// and log-determinant of such a matrix are not what an spd variable promises.
///
/// `factorization_count` counts, per thread, the factorizations the kernels compute (LU and
/// Cholesky), so that tests can see that one is shared by all its users.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <matdiff/eval/dimension_error.hpp>

namespace matdiff {

/// How many factorizations kernels of this thread have computed: `lu` (PA = LU) and
/// `cholesky` (S = LLᵀ, `md::spd`). For tests and profiling; reset it by assignment.
struct factorization_counts {
  std::size_t lu = 0;
  std::size_t cholesky = 0;
};
inline thread_local factorization_counts factorization_count{};

/// S = LLᵀ of an N x N symmetric positive definite matrix type M.
template <class M>
class cholesky {
 public:
  using Scalar = typename M::Scalar;
  using matrix = Eigen::Matrix<Scalar, M::RowsAtCompileTime, M::ColsAtCompileTime>;

  cholesky() = default;
  /// Factorizes a, the value of variable `variable`; throws `md::structure_error` when a is
  /// not positive definite.
  template <class A>
  cholesky(const A& a, std::string_view variable) : llt_(a) {
    ++factorization_count.cholesky;
    if (llt_.info() != Eigen::Success)
      throw structure_error("matdiff: variable " + std::string(variable) +
                            ": the bound value is not positive definite (its Cholesky factorization fails), but the "
                            "variable is declared md::spd");
  }

  Eigen::Index rows() const { return llt_.rows(); }
  Eigen::Index cols() const { return llt_.cols(); }
  const Eigen::LLT<matrix>& llt() const { return llt_; }

  /// S⁻¹ = L⁻ᵀL⁻¹, by the solve with I; its lower triangle is mirrored, so that S⁻¹, and a
  /// gradient or step built from it, is exactly symmetric (the solves leave the two
  /// triangles different in the last bits).
  matrix inverse() const {
    matrix r = llt_.solve(matrix::Identity(rows(), cols()));
    r.template triangularView<Eigen::StrictlyUpper>() = r.transpose();
    return r;
  }
  /// det S = (Πᵢ Lᵢᵢ)².
  Scalar determinant() const {
    const Scalar p = llt_.matrixLLT().diagonal().prod();
    return p * p;
  }
  /// log det S = 2 Σᵢ log Lᵢᵢ (S is positive definite: |det S| = det S).
  Scalar log_abs_determinant() const {
    return Scalar(2) * llt_.matrixLLT().diagonal().array().log().sum();
  }
  /// S⁻¹B by two triangular solves.
  template <class B>
  auto solve(const B& b) const {
    return llt_.solve(b);
  }
  /// The factorization of Sᵀ = S, for Eigen's spelling f.transpose().solve(b).
  const cholesky& transpose() const { return *this; }

 private:
  Eigen::LLT<matrix> llt_;
};

}  // namespace matdiff
