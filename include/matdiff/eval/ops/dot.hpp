/// @file
/// Evaluation of the inner product ⟨a, b⟩ (ops/dot.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/dot.hpp>

namespace matdiff {

template <>
struct evaluator<dot_op> {
  template <class Ctx, class E, class A, class B>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a, const B& b) {
    if constexpr (std::is_arithmetic_v<A>) return a * b;
    else return a.cwiseProduct(b).sum();
  }
};

}  // namespace matdiff
