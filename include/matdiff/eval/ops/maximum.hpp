/// @file
/// Evaluation of the element-wise maximum and minimum (ops/maximum.hpp).
#pragma once

#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/maximum.hpp>

namespace matdiff {

/// max(x, y) and min(x, y) of two numbers: NaN when either is NaN (std::max and Eigen's
/// cwiseMax return one operand or the other, depending on the order), x on ties.
struct scalar_extremum {
  template <class S>
  static S max(S x, S y) { return x != x ? x : y != y ? y : x >= y ? x : y; }
  template <class S>
  static S min(S x, S y) { return x != x ? x : y != y ? y : x <= y ? x : y; }
};

template <>
struct evaluator<maximum_op> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A>) return scalar_extremum::max<S>(a, b);
    else return finish<S, E>(a.binaryExpr(b, [](S x, S y) { return scalar_extremum::max(x, y); }));
  }
};

template <>
struct evaluator<minimum_op> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A>) return scalar_extremum::min<S>(a, b);
    else return finish<S, E>(a.binaryExpr(b, [](S x, S y) { return scalar_extremum::min(x, y); }));
  }
};

}  // namespace matdiff
