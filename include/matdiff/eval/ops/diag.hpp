/// @file
/// Evaluation of diag and diagonal (ops/diag.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/diag.hpp>

namespace matdiff {

template <>
struct evaluator<diag_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& v) {
    if constexpr (std::is_arithmetic_v<A>) return v;
    else return result_t<Ctx, E>(v.asDiagonal().toDenseMatrix());
  }
};

template <>
struct evaluator<diagonal_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a;
    else return finish<typename Ctx::scalar, E>(a.diagonal());
  }
};

}  // namespace matdiff
