/// @file
/// Evaluation of vec, column-major stacking (ops/vec.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/vec.hpp>

namespace matdiff {

template <>
struct evaluator<vec_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a;
    else return finish<typename Ctx::scalar, E>(a.reshaped());
  }
};

template <dimension Rows, dimension Cols>
struct evaluator<unvec_op<Rows, Cols>> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx& ctx, const E&, const A& v) {
    if constexpr (std::is_arithmetic_v<A>) return v;
    else return finish<typename Ctx::scalar, E>(v.reshaped(ctx.size(Rows), ctx.size(Cols)));
  }
};

}  // namespace matdiff
