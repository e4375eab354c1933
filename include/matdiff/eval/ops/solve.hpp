/// @file
/// Evaluation of solve(A, B) = A⁻¹B (ops/solve.hpp): the partial-pivoting LU PA = LU of A
/// (eval/lu.hpp, the factorization inv, det and logdet use), then the two triangular
/// solves L Y = P B, U X = Y; A⁻¹ is never formed. A 1x1 A divides. A singular A (a zero
/// pivot) gives entries that are not finite, as inv(A) does.
#pragma once

#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/lu.hpp>
#include <matdiff/eval/plan/factorization.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/solve.hpp>

namespace matdiff {

template <>
struct evaluator<solve_op> {
  /// solve(S, B) with an `md::spd` S: by the Cholesky that inv, det and logdet of S share.
  template <class A, class B>
  static constexpr auto plan(const node<solve_op, A, B>& e) {
    if constexpr (is_spd_variable<A> && inverse_by_lu<A>)
      return planned_node<lu_written_solve_op>(factorization_of(arg<0>(e)), arg<1>(e));
    else return e;
  }

  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E& e, const A& a, const B& b) {
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A>) {
      if constexpr (std::is_arithmetic_v<B>) return static_cast<S>(b / a);
      else return finish<S, E>(b / a);
    } else {
      using matrix = matrix_t<S, std::remove_cvref_t<decltype(arg<0>(e))>>;
      result_t<Ctx, E> x = pivoted_lu_t<matrix>(a).solve(b);
      return x;
    }
  }
};

}  // namespace matdiff
