/// @file
/// Evaluation of the sum of entries (ops/sum.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/plan/special_forms.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/hadamard.hpp>
#include <matdiff/ops/sum.hpp>

namespace matdiff {

template <>
struct evaluator<sum_op> {
  /// sum(a ∘ b) as one reduction, without the product's temporary (eval/plan/special_forms.hpp).
  template <class A>
  static constexpr auto plan(const node<sum_op, A>& e) {
    if constexpr (is_node_of<A, hadamard_op>) {
      const auto& h = arg<0>(e);
      return planned_node<sum_product_op>(arg<0>(h), arg<1>(h));
    } else {
      return e;
    }
  }

  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a;
    else return a.sum();
  }
};

}  // namespace matdiff
