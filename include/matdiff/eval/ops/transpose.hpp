/// @file
/// Evaluation of the transpose (ops/transpose.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/transpose.hpp>

namespace matdiff {

template <>
struct evaluator<transpose_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a;
    else return finish<typename Ctx::scalar, E>(a.transpose());
  }
};

/// Aᵀ as a factor of a product is Eigen's transposed view of A's value, never a copy:
/// Xᵀv reads X in place.
template <class A>
struct structured_factor<node<transpose_op, A>> {
  static constexpr bool applies = true;
  static constexpr bool is_permutation = false;

  template <class E, class Ctx, class V>
  static auto times(const Ctx& ctx, const node<transpose_op, A>& t, const V& v) {
    result_t<Ctx, E> result;
    result.noalias() = operand_value(evaluate(ctx, t.template arg<0>())).transpose() * v;
    return result;
  }

  template <class E, class Ctx, class V>
  static auto times_right(const Ctx& ctx, const V& v, const node<transpose_op, A>& t) {
    result_t<Ctx, E> result;
    result.noalias() = v * operand_value(evaluate(ctx, t.template arg<0>())).transpose();
    return result;
  }
};

}  // namespace matdiff
