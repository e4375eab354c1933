/// @file
/// Evaluation of log|det A| (ops/logdet.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/lu.hpp>
#include <matdiff/eval/plan/factorization.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/logdet.hpp>

namespace matdiff {

/// log|det A| = Σᵢ log|Uᵢᵢ| from a partial-pivoting LU factorization PA = LU: no overflow or
/// underflow of the determinant itself, -inf for a singular matrix (at fixed 2x2 to 4x4
/// log|det A| of the accurate cofactors' determinant where that is safe, eval/lu.hpp). A
/// kernel plans it from the shared factorization; `apply` is the unplanned rule.
template <>
struct evaluator<logdet_op> {
  /// log|det A| from the factorization of A that inv, det and the solves with A share.
  template <class A>
  static constexpr auto plan(const node<logdet_op, A>& e) {
    return planned_from_factorization<lu_logdet_op>(e);
  }

  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    using std::abs, std::log;
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A>) {
      return log(abs(a));
    } else {
      using M = Eigen::Matrix<S, A::RowsAtCompileTime, A::ColsAtCompileTime>;
      return log_abs_determinant(lu_t<M>(a));
    }
  }
};

}  // namespace matdiff
