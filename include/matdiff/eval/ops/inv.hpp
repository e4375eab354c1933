/// @file
/// Evaluation of the inverse (ops/inv.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/lu.hpp>
#include <matdiff/eval/plan/factorization.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/inv.hpp>

namespace matdiff {

/// A partial-pivoting LU at every size, at fixed 2x2 and 3x3 with accurate cofactors first
/// (not Eigen's closed forms for fixed sizes up to 4x4, which are inaccurate for
/// ill-conditioned or badly scaled matrices: eval/plan/factorization.hpp).
/// A kernel plans inv(A) as lu_inverse(lu(A)), sharing the LU; `apply` is the unplanned rule.
template <>
struct evaluator<inv_op> {
  /// A⁻¹ from the factorization of A that det, logdet and the solves with A share.
  template <class A>
  static constexpr auto plan(const node<inv_op, A>& e) {
    return planned_from_factorization<lu_inverse_op>(e);
  }

  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A>) return S(1) / a;
    else return result_t<Ctx, E>(lu_t<matrix_t<S, E>>(a).inverse());
  }
};

}  // namespace matdiff
