/// @file
/// The inverse and determinant of a fixed 2x2, 3x3 or 4x4 matrix by cofactors, with every
/// 2x2 minor accurate to 1.5 units in the last place:
///
///     A⁻¹ = adj(A) / det A,   det A = Σⱼ A₀ⱼ adj(A)ⱼ₀,
///     each 2x2 minor a·d − b·c computed as Kahan's difference of products: w = b·c, the
///     rounding error of w recovered exactly by an fma, (a·d − w) + (w − b·c).
///
/// Why this is as accurate as the LU at 2x2 and 3x3: the adjugate is right to an ulp in
/// every entry, and the one rounding error that matters, that of det A = Σ A₀ⱼ Cⱼ, is
/// relative ε Σ|A₀ⱼ||Cⱼ| / |det A| ≤ n ε max|A| max|A⁻¹|, the condition number
/// (docs/numerics.md has the measurements). Eigen's closed forms compute the minors plainly,
/// so a minor that cancels loses its digits and the determinant all of them at condition
/// 1e12.
///
/// At 4x4 the 3x3 cofactors are sums of three products of an entry and a minor, which can
/// cancel. So the inverse starts from Eigen's closed form X₀ (plain cofactors, vectorised),
/// is checked by its residual R = I − A X₀ and refined once, X₁ = X₀ + X₀R. Since
/// A⁻¹ = X₀(I − R)⁻¹, X₁'s error is about ‖X₀‖(‖R‖² + nε‖A‖‖X₀‖), the second term the
/// rounding of R: the LU's class where ‖R‖∞ ≤ √ε. Its entries are then as accurate as the
/// LU's up to condition 1e6, but a product X₁b is not a backward-stable solve: at condition
/// 1e4 its error was 30 times that of the LU's solve (and of the LU's inverse times b), at
/// condition 100 4 times. So X₁ is used only where ‖A‖∞‖X₁‖∞ ≤ 256, the condition of
/// the elements of a mesh or a model, not of a least-squares system. det A is the Laplace
/// expansion by the complementary 2x2 minors of rows 0, 1 and rows 2, 3, Σ ±sⱼₖcₗₘ; its
/// relative error is at most ~3ε Σ|sⱼₖ||cₗₘ| / |det A|, and it is used where that bound is at
/// most 12ε, independently of the inverse (the LU's bound is nρεκ, ρ its growth factor).
///
/// Why it is worth it: no division on the critical path but one, and no pivot search; at
/// 2x2 the inverse takes about a sixth of the unrolled LU's time, at 4x4 two thirds
/// (eval/lu.hpp; docs/numerics.md has the times in kernels).
///
/// `usable()` (`inverse_into` at 4x4) is false where the closed form is not safe: |det A|
/// below 2⁻⁹⁷⁰ (singular, nearly so, or tiny entries, where the products underflow) or not
/// finite, or an entry of the inverse not finite (huge entries, where a product overflows);
/// at 4x4 where the residual is above √ε or the condition above 256, and
/// `determinant_usable()` where the determinant's bound above is too large. The LU takes
/// over there (small_lu), so 0, inf and NaN results are the LU's.
#pragma once

#include <cmath>
#include <limits>

#include <Eigen/Core>

namespace matdiff {

/// a·d − b·c to within 1.5 units in the last place (W. Kahan): the fma recovers the rounding
/// error of b·c exactly, so cancellation between the two products costs no digits.
template <class S>
EIGEN_ALWAYS_INLINE S difference_of_products(S a, S d, S b, S c) {
  using std::fma;
  const S bc = b * c;
  const S error = fma(-b, c, bc);
  return fma(a, d, -bc) + error;
}

/// The adjugate of a fixed 2x2 or 3x3 matrix, each entry to an ulp. Always inlined: g++ 12
/// at -O3 left it a call, which took three quarters of a 3x3 inverse's 20 ns.
template <class M, class A>
EIGEN_ALWAYS_INLINE M accurate_adjugate(const A& a) {
  M r;
  if constexpr (M::RowsAtCompileTime == 2) {
    r << a(1, 1), -a(0, 1),
        -a(1, 0), a(0, 0);
  } else {
    // adj(A)ᵢⱼ is the cofactor of Aⱼᵢ: rows j+1, j+2 and columns i+1, i+2, cyclically.
    const auto cofactor = [&a](int r1, int r2, int c1, int c2) {
      return difference_of_products(a(r1, c1), a(r2, c2), a(r1, c2), a(r2, c1));
    };
    r << cofactor(1, 2, 1, 2), cofactor(2, 0, 1, 2), cofactor(0, 1, 1, 2),
        cofactor(1, 2, 2, 0), cofactor(2, 0, 2, 0), cofactor(0, 1, 2, 0),
        cofactor(1, 2, 0, 1), cofactor(2, 0, 0, 1), cofactor(0, 1, 0, 1);
  }
  return r;
}

/// Whether |det A| is in the range where the closed form's products are normal numbers:
/// at least 2⁻⁹⁷⁰ = the smallest normal number over ε, so their rounding errors are
/// relative ones, and finite.
template <class S>
EIGEN_ALWAYS_INLINE bool determinant_in_range(S determinant) {
  using std::abs;
  constexpr S smallest = std::numeric_limits<S>::min() / std::numeric_limits<S>::epsilon();
  return abs(determinant) >= smallest && abs(determinant) <= std::numeric_limits<S>::max();
}

/// Whether every entry of m is finite: Σ (x − x) over the entries is 0 when all are finite
/// and NaN otherwise, one vectorised test where allFinite() branches per entry.
template <class M>
EIGEN_ALWAYS_INLINE bool all_finite(const M& m) {
  return (m.array() - m.array()).sum() == typename M::Scalar(0);
}

/// A⁻¹ and det A of a fixed N x N matrix, N = 2 or 3, by accurate cofactors; 4x4 below.
template <class S, int N>
class cofactor_inverse {
  static_assert(N == 2 || N == 3, "matdiff: cofactor_inverse is for fixed 2x2, 3x3 and 4x4 matrices");

 public:
  using matrix = Eigen::Matrix<S, N, N>;

  cofactor_inverse() = default;
  template <class A>
  EIGEN_ALWAYS_INLINE explicit cofactor_inverse(const A& a) {
    const matrix adjugate = accurate_adjugate<matrix>(a);
    if constexpr (N == 2) determinant_ = difference_of_products(a(0, 0), a(1, 1), a(0, 1), a(1, 0));
    else determinant_ = a(0, 0) * adjugate(0, 0) + a(0, 1) * adjugate(1, 0) + a(0, 2) * adjugate(2, 0);
    inverse_ = adjugate * (S(1) / determinant_);
    usable_ = determinant_in_range(determinant_) && all_finite(inverse_);
  }

  /// False where the closed form may be inaccurate or overflow: take the LU.
  bool usable() const { return usable_; }
  const matrix& inverse() const { return inverse_; }
  /// out = A⁻¹ where the closed form is usable (the 4x4 form computes it here, from A).
  template <class A>
  bool inverse_into(const A&, matrix& out) const {
    out = inverse_;
    return usable_;
  }
  /// The determinant is as accurate as the inverse (the file's comment).
  bool determinant_usable() const { return usable_; }
  S determinant() const { return determinant_; }

 private:
  matrix inverse_;
  S determinant_ = 0;
  bool usable_ = false;
};

/// det A of a fixed 4x4 matrix from accurate 2x2 minors, computed at construction, and A⁻¹
/// by the closed form checked by its residual and refined once, computed when asked for, so
/// that a kernel that needs only one of them computes only that one (the file's comment has
/// the error analysis).
template <class S>
class cofactor_inverse<S, 4> {
 public:
  using matrix = Eigen::Matrix<S, 4, 4>;

  cofactor_inverse() = default;
  template <class A>
  EIGEN_ALWAYS_INLINE explicit cofactor_inverse(const A& a) {
    using std::abs;
    // The 2x2 minors of rows 0, 1 (top) and of rows 2, 3 (bottom), columns x < y.
    S top[4][4], bottom[4][4];
    for (int x = 0; x < 4; ++x)
      for (int y = x + 1; y < 4; ++y) {
        top[x][y] = difference_of_products(a(0, x), a(1, y), a(0, y), a(1, x));
        bottom[x][y] = difference_of_products(a(2, x), a(3, y), a(2, y), a(3, x));
      }
    // Laplace's expansion by the complementary minors of rows 0, 1 and rows 2, 3.
    const S terms[6] = {top[0][1] * bottom[2][3], -top[0][2] * bottom[1][3], top[0][3] * bottom[1][2],
                        top[1][2] * bottom[0][3], -top[1][3] * bottom[0][2], top[2][3] * bottom[0][1]};
    determinant_ = ((terms[0] + terms[1]) + (terms[2] + terms[3])) + (terms[4] + terms[5]);
    const S expansion = ((abs(terms[0]) + abs(terms[1])) + (abs(terms[2]) + abs(terms[3]))) +
                        (abs(terms[4]) + abs(terms[5]));
    // Its error bound 3ε·expansion/|det A| at most 12ε.
    determinant_usable_ = determinant_in_range(determinant_) && expansion <= 4 * abs(determinant_);
  }

  /// out = A⁻¹ (A the matrix given at construction) where the refined closed form is
  /// usable: residual at most √ε, condition ‖A‖∞‖A⁻¹‖∞ at most 256, every entry finite.
  template <class A>
  EIGEN_ALWAYS_INLINE bool inverse_into(const A& a, matrix& out) const {
    using std::sqrt;
    // The first guess is Eigen's closed form (plain cofactors, vectorised): the residual
    // check and the refinement make up for its lost digits where it is usable.
    const matrix guess = matrix(a).inverse();
    // noalias: Eigen's default evaluation of a small product into a temporary took 3x as long.
    matrix residual = matrix::Identity();
    residual.noalias() -= a * guess;
    out = guess;
    out.noalias() += guess * residual;
    const auto norm = [](const matrix& m) { return m.cwiseAbs().rowwise().sum().maxCoeff(); };
    return norm(residual) <= sqrt(std::numeric_limits<S>::epsilon()) && norm(a) * norm(out) <= S(256) &&
           all_finite(out);
  }
  /// False where the determinant may be less accurate than 12ε: take the LU's.
  bool determinant_usable() const { return determinant_usable_; }
  S determinant() const { return determinant_; }

 private:
  S determinant_ = 0;
  bool determinant_usable_ = false;
};

}  // namespace matdiff
