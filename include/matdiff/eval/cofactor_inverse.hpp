/// @file
/// The inverse and determinant of a fixed 2x2 or 3x3 matrix by cofactors, with every minor
/// accurate to 1.5 units in the last place:
///
///     A⁻¹ = adj(A) / det A,   det A = Σⱼ A₀ⱼ adj(A)ⱼ₀,
///     each cofactor a·d − b·c computed as Kahan's difference of products: w = b·c, the
///     rounding error of w recovered exactly by an fma, (a·d − w) + (w − b·c).
///
/// Why this is as accurate as the LU: the adjugate is right to an ulp in every entry, and
/// the one rounding error that matters, that of det A = Σ A₀ⱼ Cⱼ, is relative
/// ε Σ|A₀ⱼ||Cⱼ| / |det A| ≤ n ε max|A| max|A⁻¹|, the condition number (docs/numerics.md
/// has the measurements). Eigen's closed forms compute the minors plainly, so a minor that
/// cancels loses its digits and the determinant all of them at condition 1e12.
///
/// Why it is worth it: no division on the critical path but one, and no pivot search; at
/// 2x2 the inverse takes about a sixth of the unrolled LU's time (eval/lu.hpp).
///
/// `usable()` is false where the closed form is not safe: |det A| below 2⁻⁹⁷⁰ (singular,
/// nearly so, or tiny entries, where the products underflow) or not finite, or an entry of
/// the inverse not finite (huge entries, where a product overflows). The LU takes over
/// there (small_lu), so 0, inf and NaN results are the LU's.
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

/// A⁻¹ and det A of a fixed N x N matrix, N = 2 or 3, by accurate cofactors.
template <class S, int N>
class cofactor_inverse {
  static_assert(N == 2 || N == 3, "matdiff: cofactor_inverse is for fixed 2x2 and 3x3 matrices");

 public:
  using matrix = Eigen::Matrix<S, N, N>;

  cofactor_inverse() = default;
  template <class A>
  EIGEN_ALWAYS_INLINE explicit cofactor_inverse(const A& a) {
    using std::abs;
    const matrix adjugate = accurate_adjugate<matrix>(a);
    if constexpr (N == 2) determinant_ = difference_of_products(a(0, 0), a(1, 1), a(0, 1), a(1, 0));
    else determinant_ = a(0, 0) * adjugate(0, 0) + a(0, 1) * adjugate(1, 0) + a(0, 2) * adjugate(2, 0);
    inverse_ = adjugate * (S(1) / determinant_);
    // 2⁻⁹⁷⁰ = the smallest normal number over ε: the products behind a larger determinant
    // are normal numbers, so their rounding errors are relative ones.
    constexpr S smallest = std::numeric_limits<S>::min() / std::numeric_limits<S>::epsilon();
    // Σ (x − x) over the entries is 0 when all are finite and NaN otherwise: one vectorised
    // test where allFinite() branches per entry.
    usable_ = abs(determinant_) >= smallest && abs(determinant_) <= std::numeric_limits<S>::max() &&
              (inverse_.array() - inverse_.array()).sum() == S(0);
  }

  /// False where the closed form may be inaccurate or overflow: take the LU.
  bool usable() const { return usable_; }
  S determinant() const { return determinant_; }
  const matrix& inverse() const { return inverse_; }

 private:
  matrix inverse_;
  S determinant_ = 0;
  bool usable_ = false;
};

}  // namespace matdiff
