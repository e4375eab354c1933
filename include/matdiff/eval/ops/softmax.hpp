/// @file
/// Evaluation of softmax and log-sum-exp (ops/softmax.hpp), with the largest entry m
/// shifted out:
///   logsumexp(a) = m + log1p(Σ_{i ≠ argmax} exp(aᵢ - m))
///   softmax(a)   = exp(a - m) / Σᵢ exp(aᵢ - m)
/// Every exp is of a number ≤ 0, so nothing overflows, and the sum is at least 1, so nothing
/// divides by an underflowed 0: both are accurate at entries of ±1000 and beyond. log1p keeps
/// the small terms that log(1 + ...) would round away (logsumexp(0, -40) = 4.2e-18, not 0).
/// Where an entry is NaN both are NaN; where the largest entry is +inf, logsumexp is +inf
/// and softmax NaN; where every entry is -inf, logsumexp is -inf and softmax NaN.
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/softmax.hpp>

namespace matdiff {

template <>
struct evaluator<logsumexp_op> {
  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    using std::exp, std::isfinite, std::log1p;
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A>) {
      return static_cast<S>(a);
    } else {
      Eigen::Index row = 0, col = 0;
      const S m = a.template maxCoeff<Eigen::PropagateNaN>(&row, &col);
      if (!isfinite(m)) return m;  // NaN, +inf, or -inf when every entry is -inf
      S rest = 0;
      for (Eigen::Index j = 0; j < a.cols(); ++j)
        for (Eigen::Index i = 0; i < a.rows(); ++i)
          if (i != row || j != col) rest += exp(static_cast<S>(a(i, j)) - m);
      return m + log1p(rest);
    }
  }
};

template <>
struct evaluator<softmax_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A>) {
      const S s = static_cast<S>(a);
      return s - s + S(1);  // 1, or NaN for a NaN or infinite entry
    } else {
      using std::exp;
      const S m = a.template maxCoeff<Eigen::PropagateNaN>();
      // std::exp, not Eigen's vectorised exp, which gives 5.6e-309 for exp(-inf) and for
      // arguments below about -709 instead of 0 or the subnormal result.
      result_t<Ctx, E> s = a.unaryExpr([m](S v) { return static_cast<S>(exp(v - m)); });
      s /= s.sum();
      return s;
    }
  }
};

}  // namespace matdiff
