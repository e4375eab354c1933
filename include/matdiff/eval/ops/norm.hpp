/// @file
/// Evaluation of norms (ops/norm.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/norm.hpp>

namespace matdiff {

template <>
struct evaluator<norm2_op> {
  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    using std::abs;
    if constexpr (std::is_arithmetic_v<A>) return abs(a);
    else return a.norm();
  }
};

template <>
struct evaluator<sqnorm_op> {
  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a * a;
    else return a.squaredNorm();
  }
};

}  // namespace matdiff
