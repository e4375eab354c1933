/// @file
/// Evaluation of sums, differences and negations (ops/add.hpp), and their planning: the
/// left spine of + and − is one planned sum (eval/plan/special_forms.hpp), evaluated into
/// one result in the written order; a term that is an earlier term's transpose,
///
///     P ± ... ± Pᵀ,   P = f₁⋯fₖ, Pᵀ written fₖᵀ⋯f₁ᵀ (a symmetric fᵢ standing for fᵢᵀ),
///
/// is planned as that term's transpose, so P is formed once and read transposed in place.
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
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/patterns.hpp>
#include <matdiff/rules/transpose.hpp>

namespace matdiff {

namespace planning {

/// A node of + or −: the left spine of such nodes is one planned sum.
template <class E>
concept is_sum_node = is_node_of<E, add_op> || is_node_of<E, subtract_op>;

/// Which terms of E's left spine of + and − are subtracted, left to right, as the type
/// `std::integer_sequence<bool, false, ...>` (the leftmost term never is; its length is the
/// spine's). A class, not a function: a function is named after E, each prefix of the spine
/// one more name that grows with the sum (docs/compile_time.md), where a class's member type
/// is named by no one.
template <class E, bool... Subtracted>
struct spine_signs {
  using type = std::integer_sequence<bool, false, Subtracted...>;
};
template <class E, bool... Subtracted>
  requires is_sum_node<E>
struct spine_signs<E, Subtracted...>
    : spine_signs<std::remove_cvref_t<decltype(arg<0>(std::declval<E>()))>, is_node_of<E, subtract_op>,
                  Subtracted...> {};

/// The pack type of the terms of E's spine followed by `Later...`, by classes.
template <class E, class... Later>
struct spine_pack {
  using type = pack<E, Later...>;
};
template <class Op, class L, class R, class... Later>
  requires is_sum_node<node<Op, L, R>>
struct spine_pack<node<Op, L, R>, Later...> : spine_pack<L, R, Later...> {};

/// The terms of E's spine, left to right; a sum on the right of a + or − is a term of its
/// own (a + (b + c) is not (a + b) + c in floating point). A spine whose terms hold no data
/// is its pack type's value: the recursion was a function, and a `concat`, per level of the
/// spine, each named after that level, and the levels of a sum written t₁ + t₂ + … + tₖ hold
/// each other, so their names grew with the square of k.
template <class E>
constexpr auto spine_terms(const E& e) {
  if constexpr (holds_no_data<E>) return typename spine_pack<E>::type{};
  else if constexpr (is_sum_node<E>) return concat(spine_terms(arg<0>(e)), make_pack(arg<1>(e)));
  else return make_pack(e);
}

/// A term without its negation, if it has one: what a mirrored term is matched on.
template <class T>
constexpr const auto& unsigned_term(const T& t) {
  if constexpr (is_negation<T>) return arg<0>(t);
  else return t;
}

/// The key by which a term of a sum is found as another's transpose: a matrix chain's
/// factors (not 1x1), as a type list, else `not_a_chain`.
struct not_a_chain {};
/// The key of the transpose of a term: a matrix chain f₁⋯fₖ's factors transposed in reverse
/// order, fₖᵀ⋯f₁ᵀ, each by its type (`transposed_factor`, rules/transpose.hpp); else
/// `not_mirrored` (also where a factor holds data, whose type does not say its value).
struct not_mirrored {};

template <class A, class B>
struct joined_lists;
template <class... A, class... B>
struct joined_lists<type_list<A...>, type_list<B...>> {
  using type = type_list<A..., B...>;
};

/// A matrix chain's factors left to right (`key`), their transposes right to left
/// (`transposed_key`), and whether none holds data: by the chain's tree, one class per
/// product. (Through `chain_links` and an alias of `decltype` per term, 24 of the 1,280 MB
/// g++ allocates for the 64-term sum's value and gradient, more per term as the sum grows.)
template <class T, bool = is_matrix_chain<T>>
struct chain_keys {
  using key = type_list<T>;
  using transposed_key = type_list<transposed_factor_t<T>>;
  static constexpr bool without_data = holds_no_data<T>;
};
template <class L, class R>
struct chain_keys<node<product_op, L, R>, true> {
  using key = typename joined_lists<typename chain_keys<L>::key, typename chain_keys<R>::key>::type;
  using transposed_key =
      typename joined_lists<typename chain_keys<R>::transposed_key, typename chain_keys<L>::transposed_key>::type;
  static constexpr bool without_data = chain_keys<L>::without_data && chain_keys<R>::without_data;
};

/// A term's keys; a negated term's are those of the term without its negation.
template <class T, bool = is_matrix_chain<T> && !T::shape_v.is_scalar()>
struct term_keys {
  using key = not_a_chain;
  using transposed_key = not_mirrored;
};
template <class T>
struct term_keys<T, true> {
  using key = typename chain_keys<T>::key;
  using transposed_key =
      std::conditional_t<chain_keys<T>::without_data, typename chain_keys<T>::transposed_key, not_mirrored>;
};
template <class T>
struct term_keys<node<negate_op, T>, false> : term_keys<T> {};

/// For each term of a spine (a pack type), the first earlier term whose transpose it is,
/// both without their negations (−WV − VᵀWᵀ, in the Hessian-vector products of quadratic
/// forms in an inverse), or its own index if there is none. One key per term and one lookup
/// of each term's transposed key among the keys, not a comparison per pair of terms.
template <class Terms>
constexpr auto mirrored_terms() {
  return []<std::size_t... I, class... T>(detail::indexed_pack<std::index_sequence<I...>, T...>*) {
    using keys = type_list<typename term_keys<T>::key...>;
    std::array<std::size_t, sizeof...(T)> first{type_index<typename term_keys<T>::transposed_key, keys>::value...};
    for (std::size_t i = 0; i < first.size(); ++i)
      if (first[i] >= i) first[i] = i;
    return first;
  }(static_cast<Terms*>(nullptr));
}

/// A term t of a spine, planned; a term that is an earlier term m's transpose
/// (`mirrored_terms`) as the transpose of m's product, with its own sign. (Given the two
/// terms, not the spine: a function per term named after the whole spine would put the
/// square of the number of terms in its names.)
template <bool Mirrored, class T, class M>
constexpr auto planned_term(const T& t, const M& m) {
  if constexpr (!Mirrored) {
    return plan_evaluation(t);
  } else {
    const auto transposed = make_node(transpose_op{}, unsigned_term(m));
    if constexpr (is_negation<std::remove_cvref_t<decltype(t)>>)
      return plan_evaluation(make_node(negate_op{}, transposed));
    else
      return plan_evaluation(transposed);
  }
}

/// The planned terms of E's spine, left to right.
template <class E>
constexpr auto planned_terms(const E& e) {
  const auto terms = spine_terms(e);
  using terms_t = std::remove_const_t<decltype(terms)>;
  constexpr auto mirrored = mirrored_terms<terms_t>();
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return make_pack(planned_term<mirrored[I] != I>(at<I>(terms), at<mirrored[I]>(terms))...);
  }(std::make_index_sequence<terms_t::size>{});
}

/// How term T enters a planned sum (of a fixed shape or not): a product is added into the
/// running sum as a product of its factors where that saves the product's temporary (a
/// matrix of run-time size: for a fixed size, Eigen's lazy sum of products is as fast); the
/// first term is the running sum's start.
template <class T, bool First, bool Subtracted, bool FixedSum>
inline constexpr term_kind kind_of_term =
    (!First && product_term<T>::applies && !FixedSum)
        ? (Subtracted ? term_kind::minus_product : term_kind::plus_product)
        : (Subtracted ? term_kind::minus : term_kind::plus);

/// The spine of + and − of E as one planned sum: one node, however many terms, instead of
/// one per prefix.
template <class E>
constexpr auto planned_sum(const E& e) {
  using signs = typename spine_signs<E>::type;
  return [&]<class... T, bool... Subtracted, std::size_t... I>(
             const pack<T...>& terms, std::integer_sequence<bool, Subtracted...>, std::index_sequence<I...>) {
    using op = planned_sum_op<kind_of_term<T, I == 0, Subtracted, E::shape_v.is_fixed()>...>;
    return planned_node<op>(at<I>(terms)...);
  }(planned_terms(e), signs{}, std::make_index_sequence<signs::size()>{});
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
    add_scaled(ctx, r, arg<0>(e), -c);
  }
  /// The entries of c(-a) as those of (-c)a.
  template <class Ctx, class A, class K>
    requires(adds_itself<Ctx, A>() && has_entries<Ctx, A>())
  static void with_entries(const Ctx& ctx, const node<negate_op, A>& e, typename Ctx::scalar c, K&& k) {
    with_scaled_entries(ctx, arg<0>(e), -c, k);
  }
};

}  // namespace matdiff
