/// @file
/// Evaluation of element-wise functions and powers (ops/elementwise.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/ops/softmax.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/elementwise.hpp>
#include <matdiff/ops/softmax.hpp>
#include <matdiff/ops/sum.hpp>

namespace matdiff {

/// The scalar function behind each element-wise operation.
template <class Function>
struct scalar_function {
  static_assert(sizeof(Function) == 0, "matdiff: no scalar implementation for this element-wise function");
};

template <> struct scalar_function<function::exp> { template <class S> static S apply(S x) { using std::exp; return exp(x); } };
template <> struct scalar_function<function::log> { template <class S> static S apply(S x) { using std::log; return log(x); } };
template <> struct scalar_function<function::sin> { template <class S> static S apply(S x) { using std::sin; return sin(x); } };
template <> struct scalar_function<function::cos> { template <class S> static S apply(S x) { using std::cos; return cos(x); } };
template <> struct scalar_function<function::tan> { template <class S> static S apply(S x) { using std::tan; return tan(x); } };
template <> struct scalar_function<function::asin> { template <class S> static S apply(S x) { using std::asin; return asin(x); } };
template <> struct scalar_function<function::acos> { template <class S> static S apply(S x) { using std::acos; return acos(x); } };
template <> struct scalar_function<function::atan> { template <class S> static S apply(S x) { using std::atan; return atan(x); } };
template <> struct scalar_function<function::tanh> { template <class S> static S apply(S x) { using std::tanh; return tanh(x); } };
/// sqrt(-0) is -0 in IEEE arithmetic; + 0 makes it +0, so that the derivative 1/(2 sqrt(x))
/// at a zero of either sign is +inf (the one-sided derivative), not -inf.
template <> struct scalar_function<function::sqrt> { template <class S> static S apply(S x) { using std::sqrt; return sqrt(x) + S(0); } };
/// sign(NaN) is NaN (not 0), so NaN propagates through the gradient of abs.
template <> struct scalar_function<function::sign> { template <class S> static S apply(S x) { return x != x ? x : static_cast<S>((S(0) < x) - (x < S(0))); } };
/// step(x) = 1 for x > 0, 0 for x ≤ 0 (also -0); step(NaN) is NaN, as sign's.
template <> struct scalar_function<function::step> { template <class S> static S apply(S x) { return x != x ? x : x > S(0) ? S(1) : S(0); } };
/// relu(x) = max(x, 0): +0 for x ≤ 0 (also -0), NaN for NaN.
template <> struct scalar_function<function::relu> { template <class S> static S apply(S x) { return x != x ? x : x > S(0) ? x : S(0); } };
template <> struct scalar_function<function::abs> { template <class S> static S apply(S x) { using std::abs; return abs(x); } };

/// 1 / (1 + e^-x), computed without overflow on either side of 0.
template <>
struct scalar_function<function::sigmoid> {
  template <class S>
  static S apply(S x) {
    using std::exp;
    if (x >= S(0)) return S(1) / (S(1) + exp(-x));
    const S e = exp(x);
    return e / (S(1) + e);
  }
};

/// log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow for large x, no loss for small.
template <>
struct scalar_function<function::softplus> {
  template <class S>
  static S apply(S x) {
    using std::abs, std::exp, std::log1p;
    return (x > S(0) ? x : S(0)) + log1p(exp(-abs(x)));
  }
};

/// A = sum(exp(B)).
template <class A>
inline constexpr bool is_sum_of_exp = false;
template <class B>
inline constexpr bool is_sum_of_exp<node<sum_op, node<elementwise_op<function::exp>, B>>> = true;

template <class Function>
struct evaluator<elementwise_op<Function>> {
  /// log(sum(exp(B))) = logsumexp(B), shifted by B's largest entry (eval/ops/softmax.hpp): the
  /// written-out form overflows at entries near 710.
  template <class A>
  static constexpr auto plan(const node<elementwise_op<Function>, A>& e) {
    if constexpr (__is_same(Function, function::log) && is_sum_of_exp<A>)
      return planned_node<logsumexp_op>(arg<0>(arg<0>(arg<0>(e))));
    else return e;
  }

  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A>) return scalar_function<Function>::apply(static_cast<S>(a));
    else return finish<S, E>(a.unaryExpr([](S x) { return scalar_function<Function>::apply(x); }));
  }
};

template <>
struct evaluator<pow_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E& e, const A& a) {
    using S = typename Ctx::scalar;
    using std::pow;
    const S k = static_cast<S>(e.op.exponent.value());
    if constexpr (std::is_arithmetic_v<A>) return static_cast<S>(pow(static_cast<S>(a), k));
    else return finish<S, E>(a.unaryExpr([k](S x) { return static_cast<S>(pow(x, k)); }));
  }
};

/// A^B entry by entry, or every entry of A to the power B for a 1x1 B.
template <>
struct evaluator<power_op> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    using S = typename Ctx::scalar;
    using std::pow;
    if constexpr (std::is_arithmetic_v<A>) {
      return static_cast<S>(pow(static_cast<S>(a), static_cast<S>(b)));
    } else if constexpr (std::is_arithmetic_v<B>) {
      const S k = static_cast<S>(b);
      return finish<S, E>(a.unaryExpr([k](S x) { return static_cast<S>(pow(x, k)); }));
    } else {
      return finish<S, E>(a.binaryExpr(b, [](S x, S y) { return static_cast<S>(pow(x, y)); }));
    }
  }
};

}  // namespace matdiff
