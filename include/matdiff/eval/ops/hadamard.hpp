/// @file
/// Evaluation of element-wise products and quotients (ops/hadamard.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/hadamard.hpp>

namespace matdiff {

template <>
struct evaluator<hadamard_op> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    if constexpr (std::is_arithmetic_v<A>) return a * b;
    else return finish<typename Ctx::scalar, E>(a.cwiseProduct(b));
  }
};

template <>
struct evaluator<hadamard_div_op> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    if constexpr (std::is_arithmetic_v<A>) return a / b;
    else return finish<typename Ctx::scalar, E>(a.cwiseQuotient(b));
  }
};

}  // namespace matdiff
