/// @file
/// Evaluation of sums, differences and negations (ops/add.hpp), and their planning: the
/// left spine of + and − is one planned sum (eval/plan/special_forms.hpp), evaluated into
/// one result in the written order.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <matdiff/core/pack.hpp>
#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/plan/special_forms.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/add.hpp>

namespace matdiff {

namespace planning {

/// A node of + or −: the left spine of such nodes is one planned sum.
template <class E>
inline constexpr bool is_sum_node = is_node_of<E, add_op> || is_node_of<E, subtract_op>;

/// The number of terms on the left spine of + and − of E.
template <class E>
constexpr std::size_t spine_length() {
  if constexpr (is_sum_node<E>) return spine_length<std::remove_cvref_t<decltype(std::declval<E>().template arg<0>())>>() + 1;
  else return 1;
}

/// Which terms of E's spine are subtracted (term 0, the leftmost, never is).
template <class E, std::size_t N>
constexpr void mark_subtracted(std::array<bool, N>& subtracted) {
  if constexpr (is_sum_node<E>) {
    subtracted[spine_length<E>() - 1] = is_node_of<E, subtract_op>;
    mark_subtracted<std::remove_cvref_t<decltype(std::declval<E>().template arg<0>())>>(subtracted);
  }
}

/// The planned terms of E's spine, left to right; a sum on the right of a + or − is a term
/// of its own (a + (b + c) is not (a + b) + c in floating point).
template <class E>
constexpr auto planned_terms(const E& e) {
  if constexpr (is_sum_node<E>) return concat(planned_terms(e.template arg<0>()), make_pack(plan_evaluation(e.template arg<1>())));
  else return make_pack(plan_evaluation(e));
}

/// How term T enters a planned sum of shape Sum: a product is added into the running sum as
/// a product of its factors where that saves the product's temporary (a matrix of run-time
/// size: for a fixed size, Eigen's lazy sum of products is as fast); the first term is the
/// running sum's start.
template <class T, bool First, bool Subtracted, class Sum>
inline constexpr term_kind kind_of_term =
    (!First && product_term<T>::applies && !Sum::shape_v.is_fixed())
        ? (Subtracted ? term_kind::minus_product : term_kind::plus_product)
        : (Subtracted ? term_kind::minus : term_kind::plus);

/// The spine of + and − of E as one planned sum: one node, however many terms, instead of
/// one per prefix.
template <class E>
constexpr auto planned_sum(const E& e) {
  constexpr std::size_t n = spine_length<E>();
  constexpr auto subtracted = [] {
    std::array<bool, n> s{};
    mark_subtracted<E>(s);
    return s;
  }();
  return [&]<class... T, std::size_t... I>(const pack<T...>& terms, std::index_sequence<I...>) {
    using op = planned_sum_op<kind_of_term<T, I == 0, subtracted[I], E>...>;
    return node<op, T...>(op{}, at<I>(terms)...);
  }(planned_terms(e), std::make_index_sequence<n>{});
}

}  // namespace planning

template <>
struct evaluator<add_op> {
  /// The spine of + and − ending in this node, as one planned sum.
  template <class A, class B>
  static constexpr auto plan_whole(const node<add_op, A, B>& e) {
    return planning::planned_sum(e);
  }

  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    return finish<typename Ctx::scalar, E>(a + b);
  }
};

template <>
struct evaluator<subtract_op> {
  /// As for +.
  template <class A, class B>
  static constexpr auto plan_whole(const node<subtract_op, A, B>& e) {
    return planning::planned_sum(e);
  }

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

  /// r += c(-a) as r += (-c)a, where a adds itself.
  template <class Ctx, class A, class R>
    requires(adds_itself<Ctx, A>())
  static void add_to(const Ctx& ctx, const node<negate_op, A>& e, R& r, typename Ctx::scalar c) {
    add_scaled(ctx, r, e.template arg<0>(), -c);
  }
};

}  // namespace matdiff
