/// @file
/// Evaluation of the trace (ops/trace.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/plan/chain.hpp>
#include <matdiff/eval/plan/special_forms.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/trace.hpp>

namespace matdiff {

/// tr(op(A) op(B)) of a planned product: the special form that forms no product.
template <class P>
struct trace_of_product {
  static constexpr bool applies = false;
};
template <class A, class B>
struct trace_of_product<node<product_op, A, B>> {
  static constexpr bool applies =
      is_chain_product<node<product_op, A, B>> && structured_side<node<product_op, A, B>> == 0;
  using op = trace_product_op<false, false>;
};
template <bool TA, bool TB, class A, class B>
struct trace_of_product<node<transposed_product_op<TA, TB>, A, B>> {
  static constexpr bool applies = true;
  using op = trace_product_op<TA, TB>;
};

template <>
struct evaluator<trace_op> {
  /// tr(op(A) op(B)) = Σ op(A) ∘ op(B)ᵀ (eval/plan/special_forms.hpp).
  template <class P>
  static constexpr auto plan(const node<trace_op, P>& e) {
    if constexpr (trace_of_product<P>::applies) {
      const auto& p = arg<0>(e);
      return planned_node<typename trace_of_product<P>::op>(arg<0>(p), arg<1>(p));
    } else {
      return e;
    }
  }

  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a;
    else return a.trace();
  }
};

}  // namespace matdiff
