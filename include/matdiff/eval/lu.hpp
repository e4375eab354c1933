/// @file
/// The partial-pivoting LU factorization PA = LU that inv, det, logdet, adj and the solves
/// are evaluated with (eval/plan/factorization.hpp): `lu_t<M>` for a square matrix type M.
///
/// Fixed sizes up to 4x4 use `small_lu`, the same algorithm as Eigen's `PartialPivLU` (the
/// largest entry of the column as pivot, the first of equal ones; unit lower L) written for
/// a size known at compile time, so that the compiler unrolls it: Eigen's general code, made
/// for large blocked matrices, costs more than the arithmetic at these sizes (a 2x2 inverse
/// took 110 ns through `PartialPivLU`, against a few ns). Other sizes use `PartialPivLU`.
/// Both offer what the evaluators use: `matrixLU()`, `permutationP()`, `determinant()`,
/// `inverse()`, `solve(b)`, `transpose().solve(b)` and `reconstructedMatrix()`.
#pragma once

#include <cmath>
#include <type_traits>
#include <utility>

#include <Eigen/Core>
#include <Eigen/LU>

namespace matdiff {

/// PA = LU of a fixed N x N matrix, N small.
template <class S, int N>
class small_lu {
 public:
  using matrix = Eigen::Matrix<S, N, N>;

  small_lu() = default;
  template <class A>
  explicit small_lu(const A& a) {
    using std::abs;
    // On a plain array, which the compiler keeps in registers and unrolls over.
    S m[N][N];
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < N; ++j) m[i][j] = a(i, j);
    for (int i = 0; i < N; ++i) row_of_[i] = i;
    for (int k = 0; k < N; ++k) {
      int p = k;
      for (int i = k + 1; i < N; ++i) p = abs(m[i][k]) > abs(m[p][k]) ? i : p;
      // Rows k and p exchanged by selects at fixed positions: an exchange through the index
      // p would keep m in memory instead of registers.
      for (int i = k + 1; i < N; ++i) {
        const bool exchange = p == i;
        for (int j = 0; j < N; ++j) {
          const S top = m[k][j], other = m[i][j];
          m[k][j] = exchange ? other : top;
          m[i][j] = exchange ? top : other;
        }
        const int top = row_of_[k], other = row_of_[i];
        row_of_[k] = exchange ? other : top;
        row_of_[i] = exchange ? top : other;
      }
      sign_ = p != k ? -sign_ : sign_;
      const S pivot = m[k][k];
      if (pivot != S(0))  // a zero column stays: its pivot is 0 (as in PartialPivLU)
        for (int i = k + 1; i < N; ++i) m[i][k] /= pivot;
      for (int i = k + 1; i < N; ++i)
        for (int j = k + 1; j < N; ++j) m[i][j] -= m[i][k] * m[k][j];
    }
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < N; ++j) lu_(i, j) = m[i][j];
  }

  /// L below the diagonal (unit diagonal implied), U on and above it.
  const matrix& matrixLU() const { return lu_; }
  Eigen::Index rows() const { return N; }
  Eigen::Index cols() const { return N; }

  /// P with PA = LU: row i of PA is row row_of_[i] of A.
  Eigen::PermutationMatrix<N, N> permutationP() const {
    Eigen::PermutationMatrix<N, N> p;
    for (int i = 0; i < N; ++i) p.indices()(row_of_[i]) = i;
    return p;
  }

  S determinant() const {
    S d = S(sign_);
    for (int i = 0; i < N; ++i) d *= lu_(i, i);
    return d;
  }

  /// A⁻¹B: L y = P b, U x = y, column by column.
  template <class B>
  Eigen::Matrix<S, N, B::ColsAtCompileTime> solve(const B& b) const {
    Eigen::Matrix<S, N, B::ColsAtCompileTime> x(N, b.cols());
    for (Eigen::Index c = 0; c < b.cols(); ++c) {
      S v[N];
      for (int i = 0; i < N; ++i) v[i] = b(row_of_[i], c);
      substitute(v);
      for (int i = 0; i < N; ++i) x(i, c) = v[i];
    }
    return x;
  }

  /// A⁻¹ = U⁻¹ L⁻¹ P: the columns of P built by comparisons, not by indexed loads, and the
  /// N² divisions by the pivots as products with their N reciprocals (one more rounding,
  /// the time of a 4x4 inverse halved).
  matrix inverse() const {
    S reciprocal[N];
    for (int i = 0; i < N; ++i) reciprocal[i] = S(1) / lu_(i, i);
    matrix x;
    for (int c = 0; c < N; ++c) {
      S v[N];
      for (int i = 0; i < N; ++i) v[i] = row_of_[i] == c ? S(1) : S(0);
      for (int i = 1; i < N; ++i)
        for (int j = 0; j < i; ++j) v[i] -= lu_(i, j) * v[j];
      for (int i = N - 1; i >= 0; --i) {
        for (int j = i + 1; j < N; ++j) v[i] -= lu_(i, j) * v[j];
        v[i] *= reciprocal[i];
      }
      for (int i = 0; i < N; ++i) x(i, c) = v[i];
    }
    return x;
  }

  /// A⁻ᵀB: Aᵀ = Uᵀ Lᵀ P, so Uᵀ y = b, Lᵀ z = y, x = Pᵀ z.
  template <class B>
  Eigen::Matrix<S, N, B::ColsAtCompileTime> solve_transposed(const B& b) const {
    Eigen::Matrix<S, N, B::ColsAtCompileTime> z(N, b.cols()), x(N, b.cols());
    for (Eigen::Index c = 0; c < b.cols(); ++c) {
      for (int i = 0; i < N; ++i) {
        S v = b(i, c);
        for (int j = 0; j < i; ++j) v -= lu_(j, i) * z(j, c);
        z(i, c) = v / lu_(i, i);
      }
      for (int i = N - 1; i >= 0; --i) {
        S v = z(i, c);
        for (int j = i + 1; j < N; ++j) v -= lu_(j, i) * z(j, c);
        z(i, c) = v;
      }
      for (int i = 0; i < N; ++i) x(row_of_[i], c) = z(i, c);
    }
    return x;
  }

  /// The factorization of Aᵀ, for Eigen's spelling lu.transpose().solve(b).
  struct transposed {
    const small_lu& lu;
    template <class B>
    auto solve(const B& b) const { return lu.solve_transposed(b); }
  };
  transposed transpose() const { return {*this}; }

  /// v := U⁻¹ L⁻¹ v. Division by the pivots, as Eigen's triangular solves do.
  void substitute(S (&v)[N]) const {
    for (int i = 1; i < N; ++i)
      for (int j = 0; j < i; ++j) v[i] -= lu_(i, j) * v[j];
    for (int i = N - 1; i >= 0; --i) {
      for (int j = i + 1; j < N; ++j) v[i] -= lu_(i, j) * v[j];
      v[i] /= lu_(i, i);
    }
  }

  /// Pᵀ L U, A up to rounding.
  matrix reconstructedMatrix() const {
    const matrix l = lu_.template triangularView<Eigen::UnitLower>();
    const matrix u = lu_.template triangularView<Eigen::Upper>();
    const matrix product = l * u;
    matrix a;
    for (int i = 0; i < N; ++i) a.row(row_of_[i]) = product.row(i);
    return a;
  }

 private:
  matrix lu_;
  int row_of_[N] = {};
  int sign_ = 1;
};

/// The LU of square matrix type M: `small_lu` for fixed sizes up to 4, else Eigen's.
template <class M>
using lu_t = std::conditional_t<(M::RowsAtCompileTime != Eigen::Dynamic && M::RowsAtCompileTime <= 4),
                                small_lu<typename M::Scalar, (M::RowsAtCompileTime == Eigen::Dynamic ? 1 : M::RowsAtCompileTime)>,
                                Eigen::PartialPivLU<M>>;

}  // namespace matdiff
