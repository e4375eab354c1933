/// @file
/// Evaluation of the adjugate (ops/adj.hpp).
///
///   1x1: adj(a) = 1.
///   Fixed 2x2 and 3x3: the cofactors, each a difference of two products to an ulp
///   (eval/cofactor_inverse.hpp).
///   Fixed 4x4 far from singular: det A · A⁻¹, both from the factorization's cofactors
///   (eval/cofactor_inverse.hpp: condition at most 256, both as accurate as the LU's).
///   Other sizes and matrices: from the partial-pivoting LU PA = LU, which a kernel shares
///   with inv, det and logdet of A (eval/plan/factorization.hpp):
///       adj(A) = adj(U) adj(L) adj(P⁻¹) = det(P) adj(U) L⁻¹ P.
///   With k the index of the smallest pivot |Uₖₖ|, t = Uₖₖ, p = Πᵢ≠ₖ Uᵢᵢ, and U₁ = U with
///   Uₖₖ replaced by 1, B = U₁⁻¹, b = B eₖ, cᵀ = eₖᵀ B (Sherman–Morrison on the one entry):
///       adj(U) = det(U) U⁻¹ = p (t (B - b cᵀ) + b cᵀ),
///   a polynomial in t with no division by it: right for t = 0 (rank n-1, where adj(U) is
///   the rank-one p b cᵀ) and for t tiny. p is kept as a mantissa and a power of two, so
///   that it over- or underflows only where adj(A) does. When a second pivot is negligible
///   (rank n-2 or an ill-determined rank n-1, where p is ~0 and B ~inf) the adjugate is
///   taken from the singular value decomposition A = W Σ Vᵀ instead:
///       adj(A) = det(W) det(V) V diag(Πⱼ≠ᵢ σⱼ) Wᵀ.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>
#include <Eigen/SVD>

#include <matdiff/eval/cofactor_inverse.hpp>
#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/lu.hpp>
#include <matdiff/eval/plan/factorization.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/adj.hpp>

namespace matdiff {

/// The adjugate from the singular value decomposition: for the rank-deficient cases the
/// LU form does not resolve.
template <class M>
M adjugate_by_svd(const M& a) {
  using S = typename M::Scalar;
  const Eigen::Index n = a.rows();
  const Eigen::JacobiSVD<M> svd(a, Eigen::ComputeFullU | Eigen::ComputeFullV);
  const auto& sigma = svd.singularValues();
  // Πⱼ≠ᵢ σⱼ by prefix and suffix products: no division by a zero σ.
  Eigen::Matrix<S, M::RowsAtCompileTime, 1> products(n);
  S prefix = 1;
  for (Eigen::Index i = 0; i < n; ++i) {
    products(i) = prefix;
    prefix *= sigma(i);
  }
  S suffix = 1;
  for (Eigen::Index i = n - 1; i >= 0; --i) {
    products(i) *= suffix;
    suffix *= sigma(i);
  }
  // det of an orthogonal matrix is ±1; its sign from an LU.
  const S sign = (svd.matrixU().partialPivLu().determinant() * svd.matrixV().partialPivLu().determinant()) < 0 ? -1 : 1;
  M r = svd.matrixV() * products.asDiagonal() * svd.matrixU().transpose();
  return sign * r;
}

/// The adjugate of A from its partial-pivoting LU (the formula above).
template <class M, class LU>
M adjugate_from_lu(const LU& lu) {
  using S = typename M::Scalar;
  using std::frexp, std::ldexp;
  const auto& factors = lu.matrixLU();
  const Eigen::Index n = factors.rows();
  if (n == 1) return M::Ones(1, 1);
  const auto pivots = factors.diagonal().cwiseAbs();
  Eigen::Index k = 0;
  pivots.minCoeff(&k);
  // A second pivot this small: the rank is not resolved by the LU.
  const S negligible = S(n) * std::numeric_limits<S>::epsilon() * pivots.maxCoeff();
  const Eigen::Index small = (pivots.array() <= negligible).count();
  if (!factors.allFinite()) return M::Constant(n, n, std::numeric_limits<S>::quiet_NaN());
  if (small >= 2) return adjugate_by_svd<M>(lu.reconstructedMatrix());
  M u1 = factors.template triangularView<Eigen::Upper>();
  const S t = u1(k, k);
  u1(k, k) = 1;
  M b = M::Identity(n, n);
  if constexpr (M::RowsAtCompileTime == Eigen::Dynamic) {
    u1.template triangularView<Eigen::Upper>().solveInPlace(b);
  } else {  // small fixed sizes: plain loops, which the compiler unrolls
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index i = j; i >= 0; --i) {
        S v = b(i, j);
        for (Eigen::Index l = i + 1; l <= j; ++l) v -= u1(i, l) * b(l, j);
        b(i, j) = v / u1(i, i);
      }
  }
  const auto column = b.col(k).eval();
  const auto row = b.row(k).eval();
  M adj_u = t * (b - column * row) + column * row;  // adj(U) / p
  // adj(U) L⁻¹: X L = adj(U)
  if constexpr (M::RowsAtCompileTime == Eigen::Dynamic) {
    factors.template triangularView<Eigen::UnitLower>().template solveInPlace<Eigen::OnTheRight>(adj_u);
  } else {
    for (Eigen::Index r = 0; r < n; ++r)
      for (Eigen::Index j = n - 1; j >= 0; --j)
        for (Eigen::Index l = j + 1; l < n; ++l) adj_u(r, j) -= adj_u(r, l) * factors(l, j);
  }
  M r = adj_u * lu.permutationP();
  if (lu.permutationP().determinant() < 0) r = -r;
  // Times p = Πᵢ≠ₖ Uᵢᵢ: directly when that product is a normal number; else p is kept as a
  // mantissa and a power of two, applied entry by entry, so that adj(A) over- or underflows
  // only where it is itself out of range.
  S p = 1;
  for (Eigen::Index i = 0; i < n; ++i)
    if (i != k) p *= factors(i, i);
  if (std::isnormal(p)) return M(p * r);
  S mantissa = 1;
  int exponent = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (i == k) continue;
    int e = 0;
    mantissa = frexp(mantissa * factors(i, i), &e);
    exponent += e;
  }
  return M(r.unaryExpr([mantissa, exponent](S v) { return ldexp(mantissa * v, exponent); }));
}

/// True when adj(A) is computed from an LU: fixed 2x2 and 3x3 take their cofactors.
template <class A>
inline constexpr bool adjugate_by_lu =
    inverse_by_lu<A> && !(A::shape_v.rows.is_fixed() && A::shape_v.rows.factor <= 3);

/// lu_adjugate(lu(A)) = adj(A) = det(P) adj(U) L⁻¹ P, from the LU a kernel shares.
struct lu_adjugate_op {
  static constexpr std::string_view planned_name = "lu_adjugate";
  static constexpr shape result_shape(const shape& a) { return a; }
};

template <>
struct evaluator<lu_adjugate_op> {
  template <class Ctx, class E, class LU>
  static auto apply(const Ctx&, const E&, const LU& lu) {
    using R = result_t<Ctx, E>;
    if constexpr (requires { lu.pivoted_lu(); }) {
      // small_lu (fixed 4x4): det A · A⁻¹ where its cofactors give both, which they do only
      // far from singular (eval/cofactor_inverse.hpp), else from its LU, computed once here.
      if (R r; lu.adjugate_by_cofactors(r)) return r;
      return adjugate_from_lu<R>(lu.pivoted_lu());
    } else {
      return adjugate_from_lu<R>(lu);
    }
  }
};

template <>
struct evaluator<adj_op> {
  /// adj(S) = det(S) S⁻¹ for an `md::spd` S (invertible), from the shared Cholesky; beyond
  /// 3x3, adj(A) from the shared LU.
  template <class A>
  static constexpr auto plan(const node<adj_op, A>& e) {
    if constexpr (is_spd_variable<A> && inverse_by_lu<A>) {
      const auto f = factorization_of(arg<0>(e));
      return planned_node<product_op>(planned_node<lu_determinant_op>(f), planned_node<lu_inverse_op>(f));
    } else if constexpr (adjugate_by_lu<A>) {
      return planned_node<lu_adjugate_op>(planned_node<lu_op>(arg<0>(e)));
    } else {
      return e;
    }
  }

  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    using S = typename Ctx::scalar;
    using M = matrix_t<S, E>;
    if constexpr (std::is_arithmetic_v<A>) {
      return S(1);
    } else if constexpr (M::RowsAtCompileTime == 2 || M::RowsAtCompileTime == 3) {
      return accurate_adjugate<M>(a);
    } else {
      return adjugate_from_lu<M>(pivoted_lu_t<M>(a));
    }
  }
};

}  // namespace matdiff
