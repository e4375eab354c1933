/// @file
/// Evaluation of the determinant (ops/det.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/lu.hpp>
#include <matdiff/eval/plan/factorization.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/det.hpp>

namespace matdiff {

/// det P · Πᵢ Uᵢᵢ from a partial-pivoting LU at every size, as logdet: both are exact zero
/// / -inf for the same matrices. A kernel plans det(A) as lu_determinant(lu(A)), sharing the
/// LU; `apply` is the unplanned rule.
template <>
struct evaluator<det_op> {
  /// det A from the factorization of A that inv, logdet and the solves with A share.
  template <class A>
  static constexpr auto plan(const node<det_op, A>& e) {
    return planned_from_factorization<lu_determinant_op>(e);
  }

  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A>) return a;
    else return lu_t<Eigen::Matrix<S, A::RowsAtCompileTime, A::ColsAtCompileTime>>(a).determinant();
  }
};

}  // namespace matdiff
