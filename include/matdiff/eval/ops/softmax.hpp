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
#include <matdiff/eval/plan/chain.hpp>
#include <matdiff/eval/plan/shared.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/diag.hpp>
#include <matdiff/ops/elementwise.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/softmax.hpp>
#include <matdiff/ops/sum.hpp>
#include <matdiff/ops/transpose.hpp>

namespace matdiff {

/// The written-out softmax in a kernel: products and quotients normalised by a sum of
/// exponentials are planned as softmax (evaluator<product_op> and evaluator<quotient_op>
/// ask `has_softmax_form` before any other form, eval/ops/product.hpp).
namespace planning {

template <class A>
using exp_t = node<elementwise_op<function::exp>, A>;

/// A normaliser: S = sum(exp(A)) divides, or Q = 1/sum(exp(A)) scales; A without stored
/// data, so that the types say which exp(A) it normalises.
template <class S>
struct exp_normaliser {
  static constexpr bool applies = false;
};
template <class A>
struct exp_normaliser<node<sum_op, exp_t<A>>> {
  static constexpr bool applies = !carries_data<A>;
  using argument = A;
};
template <class Q>
struct reciprocal_exp_normaliser {
  static constexpr bool applies = false;
};
template <class A>
struct reciprocal_exp_normaliser<node<quotient_op, rational<1>, node<sum_op, exp_t<A>>>>
    : exp_normaliser<node<sum_op, exp_t<A>>> {};

/// Factor F of a product is exp(A) (1) or diag(exp(A)) (2), which a normaliser of A turns
/// into softmax(A) or diag(softmax(A)).
template <class F, class A>
inline constexpr int exp_factor = 0;
template <class A>
inline constexpr int exp_factor<exp_t<A>, A> = 1;
template <class A>
inline constexpr int exp_factor<node<diag_op, exp_t<A>>, A> = 2;

/// The index of the first factor exp(A) or diag(exp(A)) of a chain (a pack type); its size
/// when there is none.
template <class A, class Factors>
inline constexpr std::size_t first_exp_factor = 0;
template <class A, class I, class... F>
inline constexpr std::size_t first_exp_factor<A, detail::indexed_pack<I, F...>> = [] {
  constexpr bool match[] = {(exp_factor<F, A> != 0)..., false};
  std::size_t k = 0;
  while (k < sizeof...(F) && !match[k]) ++k;
  return k;
}();

/// M/sum(exp(A)) or (1/sum(exp(A))) M, M a product with a factor exp(A) or diag(exp(A)):
/// the normaliser goes into that factor (the forms the written-out softmax and the
/// gradient of log(sum(exp(A))) take, e.g. exp(A x) x'/sum(exp(A x))).
template <class E>
struct normalised_exp {
  static constexpr bool applies = false;
};
/// Either form: the product M is operand `Operand` of the node, normalising exp(A).
template <class A, class M, std::size_t Operand>
struct normalised_exp_form {
  using argument = A;
  static constexpr std::size_t factor = first_exp_factor<A, chain_factors_t<M>>;
  static constexpr bool applies = factor < chain_factors_t<M>::size;
  template <class E>
  static constexpr const auto& product(const E& e) {
    return arg<Operand>(e);
  }
};
template <class M, class S>
  requires exp_normaliser<S>::applies
struct normalised_exp<node<quotient_op, M, S>> : normalised_exp_form<typename exp_normaliser<S>::argument, M, 0> {};
template <class Q, class M>
  requires reciprocal_exp_normaliser<Q>::applies
struct normalised_exp<node<product_op, Q, M>>
    : normalised_exp_form<typename reciprocal_exp_normaliser<Q>::argument, M, 1> {};

/// The factor with the normaliser taken in: softmax(A) for exp(A), diag(softmax(A)) for diag(exp(A)).
template <class A, class F>
constexpr auto normalised_factor(const F& f) {
  if constexpr (exp_factor<F, A> == 1) return planned_node<softmax_op>(arg<0>(f));
  else return planned_node<diag_op>(planned_node<softmax_op>(arg<0>(arg<0>(f))));
}

/// The product f₀ f₁ ... of a pack of factors, associated to the left (planning reorders it).
template <class F0>
constexpr auto product_of(const F0& f0) {
  return f0;
}
template <class F0, class F1, class... F>
constexpr auto product_of(const F0& f0, const F1& f1, const F&... f) {
  return product_of(planned_node<product_op>(f0, f1), f...);
}

/// E, a normalised_exp, as the product with its exp factor normalised (not yet planned).
template <class E>
constexpr auto absorb_normaliser(const E& e) {
  using form = normalised_exp<E>;
  const auto factors = chain_factors(form::product(e));
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto factor = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
      if constexpr (J == form::factor) return normalised_factor<typename form::argument>(at<J>(factors));
      else return at<J>(factors);
    };
    return product_of(factor(std::integral_constant<std::size_t, I>{})...);
  }(std::make_index_sequence<decltype(factors)::size>{});
}

/// exp(A) (exp(Aᵀ)/(sum(exp(A)) sum(exp(A)))) and exp(A) exp(Aᵀ)/(sum(exp(A)) sum(exp(A))), of
/// the Hessian of log(sum(exp(A))) and the Jacobian of exp(A)/sum(exp(A)), are
/// softmax(A) softmax(A)ᵀ.
template <class A>
using squared_sum_of_exp_t = node<product_op, node<sum_op, exp_t<A>>, node<sum_op, exp_t<A>>>;
template <class E>
inline constexpr bool is_softmax_outer = false;
template <class A>
inline constexpr bool is_softmax_outer<
    node<product_op, exp_t<A>, node<quotient_op, exp_t<node<transpose_op, A>>, squared_sum_of_exp_t<A>>>> =
    !carries_data<A>;
template <class A>
inline constexpr bool is_softmax_outer<
    node<quotient_op, node<product_op, exp_t<A>, exp_t<node<transpose_op, A>>>, squared_sum_of_exp_t<A>>> =
    !carries_data<A>;

/// E is planned as softmax(A) in place of its exp(A): a normalised exp factor, or the
/// outer product softmax(A) softmax(A)ᵀ.
template <class E>
inline constexpr bool has_softmax_form = normalised_exp<E>::applies || is_softmax_outer<E>;

/// E's softmax form, planned.
template <class E>
constexpr auto softmax_form(const E& e) {
  if constexpr (normalised_exp<E>::applies) {
    return plan_evaluation(absorb_normaliser(e));
  } else {
    const auto& exp_a = [&]() -> const auto& {  // exp(A), the left factor of either form
      if constexpr (is_node_of<E, quotient_op>) return arg<0>(arg<0>(e));
      else return arg<0>(e);
    }();
    const auto s = planned_node<softmax_op>(arg<0>(exp_a));
    return plan_evaluation(planned_node<product_op>(s, planned_node<transpose_op>(s)));
  }
}

}  // namespace planning

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
