/// @file
/// Evaluation of sums, differences and negations (ops/add.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/add.hpp>

namespace matdiff {

template <>
struct evaluator<add_op> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    return finish<typename Ctx::scalar, E>(a + b);
  }
};

template <>
struct evaluator<subtract_op> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    return finish<typename Ctx::scalar, E>(a - b);
  }
};

template <>
struct evaluator<negate_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    return finish<typename Ctx::scalar, E>(-a);
  }
};

}  // namespace matdiff
