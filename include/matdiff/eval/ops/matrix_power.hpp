/// @file
/// Evaluation of Aᵏ (ops/matrix_power.hpp) by repeated squaring: ⌊log₂ k⌋ squarings and one
/// product per further 1 bit of k, instead of k - 1 products.
#pragma once

#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/matrix_power.hpp>

namespace matdiff {

template <int K>
struct evaluator<matrix_power_op<K>> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A>) {
      S power = static_cast<S>(a);
      for (int i = 1; i < K; ++i) power *= static_cast<S>(a);
      return power;
    } else {
      using M = result_t<Ctx, E>;
      M square = a;  // A^(2^j)
      M power;
      bool started = false;
      for (int k = K;;) {
        if (k & 1) {
          if (started) power = (power * square).eval();
          else power = square;
          started = true;
        }
        k >>= 1;
        if (k == 0) break;
        square = (square * square).eval();
      }
      return power;
    }
  }
};

}  // namespace matdiff
