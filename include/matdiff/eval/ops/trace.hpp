/// @file
/// Evaluation of the trace (ops/trace.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/trace.hpp>

namespace matdiff {

template <>
struct evaluator<trace_op> {
  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a;
    else return a.trace();
  }
};

}  // namespace matdiff
