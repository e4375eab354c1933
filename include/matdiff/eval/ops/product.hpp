/// @file
/// Evaluation of products and quotients (ops/product.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/product.hpp>

namespace matdiff {

template <>
struct evaluator<product_op> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A> || std::is_arithmetic_v<B>) {
      return finish<S, E>(a * b);  // scaling
    } else if constexpr (E::shape_v.is_scalar()) {
      return static_cast<S>((a * b).value());  // inner product
    } else {
      result_t<Ctx, E> r;
      r.noalias() = a * b;
      return r;
    }
  }
};

template <>
struct evaluator<quotient_op> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& s) {
    return finish<typename Ctx::scalar, E>(a / s);
  }
};

}  // namespace matdiff
