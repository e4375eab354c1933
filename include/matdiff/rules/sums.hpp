/// @file
/// Rewrite rules for sums: terms are collected, factored and put in a canonical order.
///
///     A + 0 = A,  cA + dA = (c + d)A,  A - A = 0,
///     LR + MR = (L + M)R,  LR + LS = L(R + S)        (e.g. Bx + Bᵀx = (B + Bᵀ)x)
///
/// A sum is taken apart into signed terms c·T (c a number, T without a number or negation
/// on top). Terms with equal T merge when T's type determines its value (`value_free`).
/// Terms are ordered by size, then by their printed form, so equal sums have equal types;
/// a term with a negative rational coefficient is subtracted.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include <matdiff/core/dimension.hpp>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/pack.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/patterns.hpp>

namespace matdiff {

namespace sums {

/// c·T
template <class Coefficient, class Core>
struct term {
  Coefficient coefficient;
  Core core;
};
template <class C, class T>
term(C, T) -> term<C, T>;

template <bool Negative, class C>
constexpr auto signed_number(const C& c) {
  if constexpr (Negative) return fold_negation(c);
  else return c;
}

/// The signed terms of e, as a pack.
template <bool Negative, class E>
constexpr auto terms_of(const E& e) {
  if constexpr (is_zero<E>) {
    return pack<>{};
  } else if constexpr (is_node_of<E, add_op>) {
    return concat(terms_of<Negative>(e.template arg<0>()), terms_of<Negative>(e.template arg<1>()));
  } else if constexpr (is_node_of<E, subtract_op>) {
    return concat(terms_of<Negative>(e.template arg<0>()), terms_of<!Negative>(e.template arg<1>()));
  } else if constexpr (is_negation<E>) {
    return terms_of<!Negative>(e.template arg<0>());
  } else if constexpr (is_scaled<E>) {
    return make_pack(term{signed_number<Negative>(e.template arg<0>()), e.template arg<1>()});
  } else if constexpr (is_number<E>) {
    return make_pack(term{signed_number<Negative>(e), rational<1>{}});
  } else {
    return make_pack(term{signed_number<Negative>(rational<1>{}), e});
  }
}

template <class Coefficient, class Core>
constexpr auto scaled_core(const term<Coefficient, Core>& t) {
  return rewrite(product_op{}, t.coefficient, t.core);
}

/// The index of the first term of `Terms` whose key is K and may merge (K value-free);
/// the number of terms when there is none.
template <template <class> class Key, class K, class Terms>
constexpr std::size_t find_key() {
  constexpr std::size_t n = Terms::size;
  if constexpr (std::is_void_v<K> || !value_free<K>) {
    return n;
  } else {
    return []<std::size_t... I>(std::index_sequence<I...>) {
      std::size_t found = n;
      ((found = (found == n && std::is_same_v<K, typename Key<pack_element_t<I, Terms>>::type>) ? I : found), ...);
      return found;
    }(std::make_index_sequence<n>{});
  }
}

template <std::size_t I, std::size_t K, class Terms, class R>
constexpr const auto& term_or_replacement(const Terms& acc, const R& replacement) {
  if constexpr (I == K) return replacement;
  else return at<I>(acc);
}

/// `acc` with term K replaced by `replacement`.
template <std::size_t K, class Terms, class R>
constexpr auto replace_at(const Terms& acc, const R& replacement) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return make_pack(term_or_replacement<I, K>(acc, replacement)...);
  }(std::make_index_sequence<Terms::size>{});
}

template <class T>
struct core_key {
  using type = decltype(T::core);
};

/// Adds t to the terms: merged into the first term with an equal key (`merge(other, t)`
/// replaces it), or appended when there is none.
template <template <class> class Key, class Acc, class T, class Merge>
constexpr auto insert_or_merge(const Acc& acc, const T& t, Merge merge) {
  constexpr std::size_t k = find_key<Key, typename Key<T>::type, Acc>();
  if constexpr (k == Acc::size) return acc.apply([&](const auto&... x) { return make_pack(x..., t); });
  else return replace_at<k>(acc, merge(at<k>(acc), t));
}

/// Adds a term to collected terms: cA + dA = (c + d)A.
template <class Acc, class T>
constexpr auto collect(const Acc& acc, const T& t) {
  return insert_or_merge<core_key>(acc, t, [](const auto& other, const auto& added) {
    return term{fold_sum(other.coefficient, added.coefficient), added.core};
  });
}

/// A shape as a type, so that factoring keys can require equal shapes.
template <dimension Rows, dimension Cols>
struct shape_key {};
template <class E>
using shape_key_of = shape_key<E::shape_v.rows, E::shape_v.cols>;

/// A product whose operands chain as matrices (inner dimensions agree), so that it
/// re-associates: (A·B)·C = A·(B·C). A scaling s·M or M·s (s 1x1) is not one.
template <class E>
inline constexpr bool is_chain = false;
template <class L, class R>
inline constexpr bool is_chain<node<product_op, L, R>> = L::shape_v.cols == R::shape_v.rows;

/// A product chain without its first factor: (A·B)·C -> B·C.
template <class L, class R>
constexpr auto without_first_factor(const node<product_op, L, R>& p) {
  if constexpr (is_chain<node<product_op, L, R>> && is_chain<L>)
    return rewrite(product_op{}, without_first_factor(p.template arg<0>()), p.template arg<1>());
  else return p.template arg<1>();
}
template <class L, class R>
constexpr const auto& first_factor_value(const node<product_op, L, R>& p) {
  if constexpr (is_chain<node<product_op, L, R>> && is_chain<L>) return first_factor_value(p.template arg<0>());
  else return p.template arg<0>();
}

}  // namespace sums

template <class A, class B>
inline constexpr bool value_free<std::pair<A, B>> = value_free<A> && value_free<B>;
template <dimension R, dimension C>
inline constexpr bool value_free<sums::shape_key<R, C>> = true;

namespace sums {

/// The factoring key of LR on the right: R, and the shape of L (only equal shapes add).
template <class T>
struct last_factor {
  using type = void;
};
template <class C, class L, class R>
struct last_factor<term<C, node<product_op, L, R>>> {
  using type = std::conditional_t<is_number<L>, void, std::pair<R, shape_key_of<L>>>;
};

/// The factoring key of LR on the left: the first factor L of the chain, and the shape of
/// the rest.
template <class T>
struct first_factor {
  using type = void;
};
template <class C, class L, class R>
struct first_factor<term<C, node<product_op, L, R>>> {
  using chain = node<product_op, L, R>;
  using first = std::remove_cvref_t<decltype(first_factor_value(std::declval<chain>()))>;
  using rest = decltype(without_first_factor(std::declval<chain>()));
  using type = std::conditional_t<is_number<L>, void, std::pair<first, shape_key_of<rest>>>;
};

/// Adds a term to factored terms: LR + MR = (L + M)R.
template <class Acc, class T>
constexpr auto factor_right(const Acc& acc, const T& t) {
  return insert_or_merge<last_factor>(acc, t, [](const auto& other, const auto& added) {
    const auto left = rewrite(add_op{}, rewrite(product_op{}, other.coefficient, other.core.template arg<0>()),
                              rewrite(product_op{}, added.coefficient, added.core.template arg<0>()));
    return term{rational<1>{}, rewrite(product_op{}, left, added.core.template arg<1>())};
  });
}

/// Adds a term to factored terms: LR + LS = L(R + S).
template <class Acc, class T>
constexpr auto factor_left(const Acc& acc, const T& t) {
  return insert_or_merge<first_factor>(acc, t, [](const auto& other, const auto& added) {
    const auto right = rewrite(add_op{}, rewrite(product_op{}, other.coefficient, without_first_factor(other.core)),
                               rewrite(product_op{}, added.coefficient, without_first_factor(added.core)));
    return term{rational<1>{}, rewrite(product_op{}, first_factor_value(added.core), right)};
  });
}

template <class Step, class Acc>
constexpr auto fold_terms_from(Step, const Acc& acc) {
  return acc;
}
template <class Step, class Acc, class T, class... Rest>
constexpr auto fold_terms_from(Step step, const Acc& acc, const T& t, const Rest&... rest) {
  return fold_terms_from(step, step(acc, t), rest...);
}

/// Folds `step` over the terms: step(step(step((), t0), t1), t2)...
template <class Step, class Terms>
constexpr auto fold_terms(Step step, const Terms& terms) {
  return terms.apply([&](const auto&... t) { return fold_terms_from(step, pack<>{}, t...); });
}

template <class C, class T>
constexpr auto kept(const term<C, T>& t) {
  if constexpr (is_zero<C> || is_zero<T>) return pack<>{};
  else return make_pack(t);
}

/// The terms whose coefficient or core is not zero.
template <class Terms>
constexpr auto without_zeros(const Terms& terms) {
  return terms.apply([](const auto&... t) { return concat(pack<>{}, kept(t)...); });
}

/// The canonical order: added terms before subtracted ones, smaller terms first, then by
/// printed form (of the type alone, so the order never depends on a number's value).
constexpr bool comes_before(std::size_t size_a, std::string_view a, std::size_t size_b, std::string_view b) {
  return size_a != size_b ? size_a < size_b : a < b;
}

/// A value of type E with default numbers. Nodes are built by their constructor from
/// their operands: GCC 12 rejects reading some default-initialized nodes with an empty
/// operand before a non-empty one (x .* A.^2) in a constant expression.
template <class E>
constexpr E default_value() {
  return E{};
}
template <class E>
  requires is_node<E>
constexpr E default_value() {
  return [&]<class Op, class... Args>(std::type_identity<node<Op, Args...>>) {
    return E(Op{}, default_value<Args>()...);
  }(std::type_identity<E>{});
}

template <class E>
constexpr text printed_type() {
  printer p{notation::text};
  p.operand(default_value<E>(), 0);
  return static_cast<text&&>(p.out);
}

/// A term with a negative rational coefficient, which the sum subtracts.
template <class T>
inline constexpr bool subtracted = false;
template <std::int64_t P, std::int64_t Q, class Core>
inline constexpr bool subtracted<term<rational<P, Q>, Core>> = (P < 0);

template <class Terms>
constexpr auto sorted(const Terms& terms) {
  constexpr std::size_t n = Terms::size;
  constexpr auto order = []<std::size_t... I>(std::index_sequence<I...>) {
    std::array<std::size_t, n + 1> index{I...};
    // Subtracted terms after added ones ("x - a"), then by size and printed form.
    const std::size_t sizes[] = {(subtracted<pack_element_t<I, Terms>> ? 1000000 : 0) +
                                     node_count<decltype(pack_element_t<I, Terms>::core)>...,
                                 0};
    const text names[] = {printed_type<decltype(pack_element_t<I, Terms>::core)>()..., text()};
    for (std::size_t i = 1; i + 1 < n + 1; ++i)  // insertion sort, stable
      for (std::size_t j = i; j > 0; --j) {
        const std::size_t x = index[j], y = index[j - 1];
        if (!comes_before(sizes[x], names[x].view(), sizes[y], names[y].view())) break;
        index[j] = y;
        index[j - 1] = x;
      }
    return index;
  }(std::make_index_sequence<n>{});
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return make_pack(at<order[I]>(terms)...);
  }(std::make_index_sequence<n>{});
}

template <class Acc>
constexpr auto append_terms(const Acc& acc) {
  return acc;
}
template <class Acc, class T, class... Rest>
constexpr auto append_terms(const Acc& acc, const T& t, const Rest&... rest) {
  if constexpr (subtracted<T>) {
    const auto positive = scaled_core(term{fold_negation(t.coefficient), t.core});
    return append_terms(make_expression(subtract_op{}, acc, positive), rest...);
  } else {
    return append_terms(make_expression(add_op{}, acc, scaled_core(t)), rest...);
  }
}

/// t0 ± t1 ± t2 ..., or the zero of shape S for no terms.
template <shape S, class Terms>
constexpr auto rebuilt(const Terms& terms) {
  if constexpr (Terms::size == 0) {
    return zero_of<S>();
  } else {
    return terms.apply([](const auto& first, const auto&... rest) {
      return append_terms(scaled_core(first), rest...);
    });
  }
}

}  // namespace sums

/// The simplified sum of a and ±b.
template <bool Subtract, class A, class B>
constexpr auto simplified_sum(const A& a, const B& b) {
  constexpr shape s = A::shape_v;
  const auto terms = concat(sums::terms_of<false>(a), sums::terms_of<Subtract>(b));
  const auto collected = sums::without_zeros(sums::fold_terms([](const auto& acc, const auto& t) { return sums::collect(acc, t); }, terms));
  const auto right = sums::without_zeros(sums::fold_terms([](const auto& acc, const auto& t) { return sums::factor_right(acc, t); }, collected));
  const auto left = sums::without_zeros(sums::fold_terms([](const auto& acc, const auto& t) { return sums::factor_left(acc, t); }, right));
  return sums::rebuilt<s>(sums::sorted(left));
}

template <class A, class B>
constexpr auto rewrite(const add_op&, const A& a, const B& b) {
  if constexpr (any_invalid<A, B>) return invalid_expression{};
  else return simplified_sum<false>(a, b);
}

template <class A, class B>
constexpr auto rewrite(const subtract_op&, const A& a, const B& b) {
  if constexpr (any_invalid<A, B>) return invalid_expression{};
  else return simplified_sum<true>(a, b);
}

}  // namespace matdiff
