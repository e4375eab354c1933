/// @file
/// The partial-pivoting LU factorization PA = LU that inv, det, logdet, adj and the solves
/// are evaluated with (eval/plan/factorization.hpp): `lu_t<M>` for a square matrix type M.
///
/// Fixed sizes up to 4x4 use `unrolled_lu`, the same algorithm as Eigen's
/// `PartialPivLU` (the largest entry of the column as pivot, the first of equal ones; unit
/// lower L) written for a size known at compile time, so that the compiler unrolls it:
/// Eigen's general code, made for large blocked matrices, costs more than the arithmetic at
/// these sizes (a 2x2 inverse took 110 ns through `PartialPivLU`, against a few ns). Other
/// sizes use `PartialPivLU`. Both offer what the evaluators use: `matrixLU()`,
/// `permutationP()`, `determinant()`, `log_abs_determinant()`, `inverse()`, `solve(b)`,
/// `transpose().solve(b)` and `reconstructedMatrix()`.
///
/// At 2x2 to 4x4 (floating point) `small_lu` wraps it and computes the inverse and the
/// determinant by the accurate cofactors of eval/cofactor_inverse.hpp wherever they are
/// safe: as accurate as the LU's, without its chain of divisions (at 2x2 and 3x3 2-3x
/// faster, docs/numerics.md). The LU is computed only where the cofactors are not safe
/// (singular, nearly singular or extreme entries, at 4x4 also ill-conditioned) or a solve
/// asks for it: solves stay backward stable. `log_abs_determinant()` follows
/// `determinant()`, so that det is 0 exactly when logdet is -inf.
#pragma once

#include <cmath>
#include <type_traits>
#include <utility>

#include <Eigen/Core>
#include <Eigen/LU>

#include <matdiff/eval/cofactor_inverse.hpp>

namespace matdiff {

/// PA = LU of a fixed N x N matrix, N small, unrolled.
template <class S, int N>
class unrolled_lu {
 public:
  using matrix = Eigen::Matrix<S, N, N>;

  unrolled_lu() = default;
  template <class A>
  explicit unrolled_lu(const A& a) {
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
  /// log|det A| = Σᵢ log|Uᵢᵢ|: no over- or underflow of the determinant itself.
  S log_abs_determinant() const { return lu_.diagonal().cwiseAbs().array().log().sum(); }

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
    const unrolled_lu& lu;
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

/// Whether fixed N x N matrices of S have the accurate cofactors of
/// eval/cofactor_inverse.hpp: 2x2 to 4x4, floating point.
template <class S, int N>
inline constexpr bool has_cofactor_inverse = (N >= 2 && N <= 4) && std::is_floating_point_v<S>;

/// The factorization of a fixed 2x2, 3x3 or 4x4 matrix: the accurate cofactors for the
/// inverse and the determinant where they are safe; the unrolled LU, computed when asked
/// for, where they are not and for the solves.
template <class S, int N>
class small_lu {
  static_assert(has_cofactor_inverse<S, N>,
                "matdiff: small_lu is the 2x2 to 4x4 floating-point factorization; lu_t picks unrolled_lu elsewhere");

 public:
  using matrix = Eigen::Matrix<S, N, N>;

  small_lu() = default;
  /// Always inlined, as the cofactors are (eval/cofactor_inverse.hpp): g++ 12 at -O3 kept it
  /// a call from the kernels, which doubled the time of a 3x3 value and gradient.
  template <class A>
  EIGEN_ALWAYS_INLINE explicit small_lu(const A& a) : a_(a), cofactors_(a_) {}

  S determinant() const { return cofactors_.determinant_usable() ? cofactors_.determinant() : determinant_by_lu(a_); }
  /// log|det A|: from the same determinant as determinant() where that is the cofactors'
  /// (a normal number then), else Σᵢ log|Uᵢᵢ|.
  S log_abs_determinant() const {
    using std::abs, std::log;
    return cofactors_.determinant_usable() ? log(abs(cofactors_.determinant())) : log_abs_determinant_by_lu(a_);
  }
  EIGEN_ALWAYS_INLINE matrix inverse() const {
    matrix x;
    if (!cofactors_.inverse_into(a_, x)) x = inverse_by_lu(a_);
    return x;
  }
  /// out = adj(A) = det A · A⁻¹ where the cofactors give both (A far from singular).
  bool adjugate_by_cofactors(matrix& out) const {
    if (!cofactors_.determinant_usable() || !cofactors_.inverse_into(a_, out)) return false;
    out *= cofactors_.determinant();
    return true;
  }

  matrix matrixLU() const { return pivoted_lu().matrixLU(); }
  Eigen::PermutationMatrix<N, N> permutationP() const { return pivoted_lu().permutationP(); }
  Eigen::Index rows() const { return N; }
  Eigen::Index cols() const { return N; }
  /// A solve factorizes A, once per solve: a kernel with several solves by one small A and
  /// no A⁻¹ pays an LU for each (so does each of det, logdet and inv where the cofactors do
  /// not give it: singular and extreme matrices).
  template <class B>
  auto solve(const B& b) const { return pivoted_lu().solve(b); }
  template <class B>
  auto solve_transposed(const B& b) const { return pivoted_lu().solve_transposed(b); }
  /// The factorization of Aᵀ, for Eigen's spelling lu.transpose().solve(b).
  struct transposed {
    const small_lu& lu;
    template <class B>
    auto solve(const B& b) const { return lu.solve_transposed(b); }
  };
  transposed transpose() const { return {*this}; }
  matrix reconstructedMatrix() const { return pivoted_lu().reconstructedMatrix(); }
  /// The LU, computed now (a user of several of its parts takes it once: adj,
  /// eval/ops/adj.hpp).
  unrolled_lu<S, N> pivoted_lu() const { return unrolled_lu<S, N>(a_); }

 private:
  // The rare cases kept out of line, so that the common one is small enough to inline. They
  // take A by value, not the object: a call given the object's address keeps all of it in
  // memory, and g++ 12 then computed the 4x4 determinant's minors in kernels that ask only for
  // the inverse (42 against 34 ns per 4x4 inverse).
  EIGEN_DONT_INLINE static matrix inverse_by_lu(matrix a) { return unrolled_lu<S, N>(a).inverse(); }
  EIGEN_DONT_INLINE static S determinant_by_lu(matrix a) { return unrolled_lu<S, N>(a).determinant(); }
  EIGEN_DONT_INLINE static S log_abs_determinant_by_lu(matrix a) { return unrolled_lu<S, N>(a).log_abs_determinant(); }

  matrix a_;
  cofactor_inverse<S, N> cofactors_;
};

/// The partial-pivoting LU of square matrix type M: `unrolled_lu` for fixed sizes up to 4,
/// Eigen's for other sizes.
template <class M, int N = (M::RowsAtCompileTime == Eigen::Dynamic ? 5 : M::RowsAtCompileTime)>
using pivoted_lu_t =
    std::conditional_t<(N > 4), Eigen::PartialPivLU<M>, unrolled_lu<typename M::Scalar, (N > 4 ? 1 : N)>>;

/// The factorization of square matrix type M: `small_lu` where it has the cofactors (fixed
/// 2x2 to 4x4, floating point), else the partial-pivoting LU.
template <class M, int N = (M::RowsAtCompileTime == Eigen::Dynamic ? 5 : M::RowsAtCompileTime)>
using lu_t = std::conditional_t<has_cofactor_inverse<typename M::Scalar, N>,
                                small_lu<typename M::Scalar, (has_cofactor_inverse<typename M::Scalar, N> ? N : 2)>,
                                pivoted_lu_t<M>>;

/// log|det A| from a factorization: its own where it has one (small_lu, cholesky), else
/// Σᵢ log|Uᵢᵢ| (PartialPivLU).
template <class F>
auto log_abs_determinant(const F& f) {
  if constexpr (requires { f.log_abs_determinant(); }) return f.log_abs_determinant();
  else return f.matrixLU().diagonal().cwiseAbs().array().log().sum();
}

}  // namespace matdiff
