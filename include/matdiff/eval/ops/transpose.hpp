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

}  // namespace matdiff
