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
///
/// A sum is simplified once with all its terms (`simplified_terms`), also when it is built
/// as a chain of binary nodes or distributed over by a linear operation: the steps work on
/// the pack of terms through plans computed over its types (`grouping`, the order), so that
/// one sum instantiates a few functions, not one per term named after all the terms.
#pragma once

#include <array>
#include <compare>
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
static constexpr auto signed_number(const C& c) {
  if constexpr (Negative) return fold_negation(c);
  else return c;
}

/// The signed terms of e, as a pack.
template <bool Negative, class E>
static constexpr auto terms_of(const E& e) {
  if constexpr (is_zero<E>) {
    return pack<>{};
  } else if constexpr (is_node_of<E, add_op>) {
    return concat(terms_of<Negative>(arg<0>(e)), terms_of<Negative>(arg<1>(e)));
  } else if constexpr (is_node_of<E, subtract_op>) {
    return concat(terms_of<Negative>(arg<0>(e)), terms_of<!Negative>(arg<1>(e)));
  } else if constexpr (is_negation<E>) {
    return terms_of<!Negative>(arg<0>(e));
  } else if constexpr (is_scaled<E>) {
    return make_pack(term{signed_number<Negative>(arg<0>(e)), arg<1>(e)});
  } else if constexpr (is_number<E>) {
    return make_pack(term{signed_number<Negative>(e), rational<1>{}});
  } else if constexpr (is_identity<E> && E::shape_v.is_scalar()) {
    // The 1x1 identity is the number 1, so that it merges with the sum's other numbers.
    return make_pack(term{signed_number<Negative>(rational<1>{}), rational<1>{}});
  } else {
    return make_pack(term{signed_number<Negative>(rational<1>{}), e});
  }
}

template <class Coefficient, class Core>
static constexpr auto scaled_core(const term<Coefficient, Core>& t) {
  return rewrite(product_op{}, t.coefficient, t.core);
}

template <class T>
struct core_key {
  using type = decltype(T::core);
};

/// A key by which terms merge: not void (the term has no such key) and free of user numbers.
template <class K>
static constexpr bool merges_by = !std::is_void_v<K> && value_free<K>;

/// The terms of the pack `Terms` in groups of equal keys (`Key<term>::type`): each term
/// whose key merges goes to the group of the first term with that key, in the order of
/// first appearance. The same as adding the terms one by one, each merged into the first
/// term with its key, but found in one pass over the types, and without a function per
/// step named after all the terms.
template <template <class> class Key, class Terms>
struct grouping;
template <template <class> class Key, std::size_t... I, class... T>
struct grouping<Key, detail::indexed_pack<std::index_sequence<I...>, T...>> {
  static constexpr std::size_t n = sizeof...(T);
  using keys = type_list<typename Key<T>::type...>;
  struct plan_t {
    std::size_t count = 0;            // groups
    std::size_t first[n + 1]{};       // each group's first term
    std::size_t size[n + 1]{};        // each group's number of terms
    std::size_t offset[n + 1]{};      // where each group's terms start in `members`
    std::size_t members[n + 1]{};     // the terms, group by group, each in order
    std::size_t merged = 0;           // groups of two or more terms
    std::size_t merged_group[n + 1]{};  // those groups, in order
    std::size_t merged_index[n + 1]{};  // a group's position among them
  };
  static constexpr plan_t plan = [] {
    constexpr std::size_t leader[] = {(merges_by<typename Key<T>::type> ? type_index<typename Key<T>::type, keys>::value : I)..., 0};
    plan_t p{};
    std::size_t group_of[n + 1]{};
    for (std::size_t i = 0; i < n; ++i) {
      if (leader[i] == i) {
        group_of[i] = p.count;
        p.first[p.count++] = i;
      } else {
        group_of[i] = group_of[leader[i]];
      }
      ++p.size[group_of[i]];
    }
    std::size_t filled[n + 1]{};
    for (std::size_t g = 1; g < p.count; ++g) p.offset[g] = p.offset[g - 1] + p.size[g - 1];
    for (std::size_t i = 0; i < n; ++i) p.members[p.offset[group_of[i]] + filled[group_of[i]]++] = i;
    for (std::size_t g = 0; g < p.count; ++g)
      if (p.size[g] > 1) {
        p.merged_index[g] = p.merged;
        p.merged_group[p.merged++] = g;
      }
    return p;
  }();
  /// The terms of group G, as an index sequence.
  template <std::size_t G, std::size_t... J>
  static auto members_of(std::index_sequence<J...>) -> std::index_sequence<plan.members[plan.offset[G] + J]...>;
  template <std::size_t G>
  using members = decltype(members_of<G>(std::make_index_sequence<plan.size[G]>{}));
  /// The groups of two or more terms, as an index sequence.
  template <std::size_t... J>
  static auto merged_groups_of(std::index_sequence<J...>) -> std::index_sequence<plan.merged_group[J]...>;
  using merged_groups = decltype(merged_groups_of(std::make_index_sequence<plan.merged>{}));
};

/// The terms grouped by `Key`, each group of two or more terms replaced by
/// `merge(term, term, ...)` (its terms in order), in the order of the groups.
template <template <class> class Key, class Terms, class Merge>
static constexpr auto merged(const Terms& terms, Merge merge) {
  using g = grouping<Key, Terms>;
  if constexpr (g::plan.merged == 0) {
    return terms;
  } else {
    // The merged groups first, each from its terms; then every group picked from the terms
    // (one term) or from the merged ones.
    const auto merged_terms = [&]<std::size_t... G>(std::index_sequence<G...>) {
      return make_pack([&]<std::size_t... M>(std::index_sequence<M...>) {
        return merge(detail::get_slot<M>(terms)...);
      }(typename g::template members<G>{})...);
    }(typename g::merged_groups{});
    using all_t = std::remove_cvref_t<decltype(concat(terms, merged_terms))>;
    const all_t all = concat(terms, merged_terms);
    return [&]<std::size_t... G>(std::index_sequence<G...>) {
      constexpr std::size_t source[] = {(g::plan.size[G] > 1 ? g::n + g::plan.merged_index[G] : g::plan.first[G])..., 0};
      return make_pack(detail::get_slot<source[G]>(all)...);
    }(std::make_index_sequence<g::plan.count>{});
  }
}

/// The sum of the coefficients of terms with one core: cA + dA + ... = (c + d + ...)A.
template <class T0>
static constexpr const T0& collected_term(const T0& t) {
  return t;
}
template <class T0, class T1, class... T>
static constexpr auto collected_term(const T0& a, const T1& b, const T&... rest) {
  return collected_term(term{fold_sum(a.coefficient, b.coefficient), b.core}, rest...);
}

/// A shape as a type, so that factoring keys can require equal shapes.
template <dimension Rows, dimension Cols>
struct shape_key {};
template <class E>
using shape_key_of = shape_key<E::shape_v.rows, E::shape_v.cols>;

/// A product whose operands chain as matrices (inner dimensions agree), so that it
/// re-associates: (A·B)·C = A·(B·C). A scaling s·M or M·s (s 1x1) is not one.
template <class E>
static constexpr bool is_chain = false;
template <class L, class R>
inline constexpr bool is_chain<node<product_op, L, R>> = L::shape_v.cols == R::shape_v.rows;

/// A product chain without its first factor: (A·B)·C -> B·C.
template <class L, class R>
static constexpr auto without_first_factor(const node<product_op, L, R>& p) {
  if constexpr (is_chain<node<product_op, L, R>> && is_chain<L>)
    return rewrite(product_op{}, without_first_factor(arg<0>(p)), arg<1>(p));
  else return arg<1>(p);
}
template <class L, class R>
static constexpr const auto& first_factor_value(const node<product_op, L, R>& p) {
  if constexpr (is_chain<node<product_op, L, R>> && is_chain<L>) return first_factor_value(arg<0>(p));
  else return arg<0>(p);
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

template <shape S, class Terms>
static constexpr auto simplified_terms(const Terms& terms);

template <class T>
static constexpr const T& last_of(const T& t) {
  return t;
}
template <class T, class... Rest>
static constexpr const auto& last_of(const T&, const Rest&... rest) {
  return last_of(rest...);
}

/// Terms LR + MR + ... with one last factor R: (L + M + ...)R, the sum simplified once.
template <class... T>
static constexpr auto factored_right(const T&... t) {
  using first = pack_element_t<0, pack<T...>>;
  using left_type = std::remove_cvref_t<decltype(arg<0>(std::declval<const first&>().core))>;
  const auto left = simplified_terms<left_type::shape_v>(
      concat(terms_of<false>(rewrite(product_op{}, t.coefficient, arg<0>(t.core)))...));
  return term{rational<1>{}, rewrite(product_op{}, left, arg<1>(last_of(t...).core))};
}

/// Terms LR + LS + ... with one first factor L: L(R + S + ...), the sum simplified once.
template <class... T>
static constexpr auto factored_left(const T&... t) {
  using first = pack_element_t<0, pack<T...>>;
  using rest_type = std::remove_cvref_t<decltype(without_first_factor(std::declval<const first&>().core))>;
  const auto right = simplified_terms<rest_type::shape_v>(
      concat(terms_of<false>(rewrite(product_op{}, t.coefficient, without_first_factor(t.core)))...));
  return term{rational<1>{}, rewrite(product_op{}, first_factor_value(last_of(t...).core), right)};
}

/// The terms whose coefficient or core is not zero.
template <class T>
static constexpr bool is_zero_term = false;
template <class C, class T>
inline constexpr bool is_zero_term<term<C, T>> = is_zero<C> || is_zero<T>;

template <class Terms>
struct nonzero_terms;
template <class I, class... T>
struct nonzero_terms<detail::indexed_pack<I, T...>> {
  static constexpr bool none_zero = !(is_zero_term<T> || ...);
  struct positions_t {
    std::size_t count = 0;
    std::size_t at[sizeof...(T) + 1]{};
  };
  static constexpr positions_t positions = [] {
    constexpr bool zero[] = {is_zero_term<T>..., false};
    positions_t p{};
    for (std::size_t i = 0; i < sizeof...(T); ++i)
      if (!zero[i]) p.at[p.count++] = i;
    return p;
  }();
};

template <class Terms>
static constexpr auto without_zeros(const Terms& terms) {
  using z = nonzero_terms<Terms>;
  if constexpr (z::none_zero) {
    return terms;
  } else {
    return [&]<std::size_t... J>(std::index_sequence<J...>) {
      return make_pack(detail::get_slot<z::positions.at[J]>(terms)...);
    }(std::make_index_sequence<z::positions.count>{});
  }
}

/// The canonical order: added terms before subtracted ones, smaller terms first, then by
/// printed form (of the type alone, so the order never depends on a number's value).
struct term_order_key {
  bool is_subtracted;
  std::size_t size;  // nodes in the term's core
  friend constexpr auto operator<=>(const term_order_key&, const term_order_key&) = default;
};
constexpr bool comes_before(term_order_key key_a, std::string_view a, term_order_key key_b, std::string_view b) {
  return key_a != key_b ? key_a < key_b : a < b;
}

/// A value of type E with default numbers. Nodes are built by their constructor from
/// their operands: GCC 12 rejects reading some default-initialized nodes with an empty
/// operand before a non-empty one (x .* A.^2) in a constant expression.
template <class E>
static constexpr E default_value() {
  return E{};
}
template <class E>
  requires is_node<E>
static constexpr E default_value() {
  return [&]<class Op, class... Args>(std::type_identity<node<Op, Args...>>) {
    return make_node(Op{}, default_value<Args>()...);
  }(std::type_identity<E>{});
}

template <class E>
static constexpr text printed_type() {
  printer p{notation::text};
  p.operand(default_value<E>(), 0);
  return static_cast<text&&>(p.out);
}

/// E's printed type, computed once per type and kept as characters: sums order their
/// terms by it, and one term type is ordered in many sums.
template <class E>
struct printed_form {
  static constexpr std::size_t size = printed_type<E>().size();
  static constexpr std::array<char, size + 1> chars = [] {
    std::array<char, size + 1> out{};
    const text t = printed_type<E>();
    const std::string_view v = t.view();
    for (std::size_t i = 0; i < size; ++i) out[i] = v[i];
    return out;
  }();
  static constexpr std::string_view view() { return {chars.data(), size}; }
};

/// A term with a negative rational coefficient, which the sum subtracts.
template <class T>
static constexpr bool subtracted = false;
template <std::int64_t P, std::int64_t Q, class Core>
inline constexpr bool subtracted<term<rational<P, Q>, Core>> = (P < 0);

/// A term's place in the canonical order before its printed form decides.
template <class T>
static constexpr term_order_key order_key{subtracted<T>, node_count<decltype(T::core)>};

/// The printed form of term T's core where the order needs it (another term has the same
/// key), or nothing: printing a large core costs more than all else its sum does.
template <bool Needed, class T>
static constexpr std::string_view order_name() {
  if constexpr (Needed) return printed_form<decltype(T::core)>::view();
  else return {};
}

/// Another of the n keys equals `key`.
constexpr bool shares_key(const term_order_key* keys, std::size_t n, term_order_key key) {
  std::size_t same = 0;
  for (std::size_t i = 0; i < n; ++i) same += keys[i] == key;
  return same > 1;
}

template <class Terms>
static constexpr auto sorted(const Terms& terms) {
  constexpr std::size_t n = Terms::size;
  constexpr auto order = []<std::size_t... I>(std::index_sequence<I...>) {
    std::array<std::size_t, n + 1> index{I...};
    // Subtracted terms after added ones ("x - a"), then by size, then by printed form
    // (printed only for terms whose size another term shares).
    constexpr term_order_key keys[] = {order_key<pack_element_t<I, Terms>>..., {}};
    const std::string_view names[] = {order_name<shares_key(keys, n, keys[I]), pack_element_t<I, Terms>>()..., {}};
    for (std::size_t i = 1; i + 1 < n + 1; ++i)  // insertion sort, stable
      for (std::size_t j = i; j > 0; --j) {
        const std::size_t x = index[j], y = index[j - 1];
        if (!comes_before(keys[x], names[x], keys[y], names[y])) break;
        index[j] = y;
        index[j - 1] = x;
      }
    return index;
  }(std::make_index_sequence<n>{});
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return make_pack(detail::get_slot<order[I]>(terms)...);
  }(std::make_index_sequence<n>{});
}

/// The term as the sum writes it: c·T, or for a subtracted term the positive c·T that
/// follows the minus sign.
template <class T>
static constexpr auto written_term(const T& t) {
  if constexpr (subtracted<T>) return scaled_core(term{fold_negation(t.coefficient), t.core});
  else return scaled_core(t);
}

template <class Acc>
static constexpr auto append_terms(const Acc& acc) {
  return acc;
}
template <class Acc, class T, class... Rest>
static constexpr auto append_terms(const Acc& acc, const T& t, const Rest&... rest) {
  if constexpr (subtracted<T>) return append_terms(make_node(subtract_op{}, acc, written_term(t)), rest...);
  else return append_terms(make_node(add_op{}, acc, written_term(t)), rest...);
}

/// The type of t0 ± t1 ± ..., associated to the left.
template <class Acc, class... T>
struct sum_type {
  using type = Acc;
};
template <class Acc, class T, class... Rest>
struct sum_type<Acc, T, Rest...>
    : sum_type<node<std::conditional_t<subtracted<T>, subtract_op, add_op>, Acc,
                    decltype(written_term(std::declval<const T&>()))>,
               Rest...> {};

/// t0 ± t1 ± t2 ..., or the zero of shape S for no terms. A sum that holds no data is its
/// type's value: only sums with user numbers are built node by node (a function per node,
/// each named after all the terms before it).
template <shape S, class Terms>
static constexpr auto rebuilt(const Terms& terms) {
  if constexpr (Terms::size == 0) {
    return zero_of<S>();
  } else {
    return terms.apply([](const auto& first, const auto&... rest) {
      using type = typename sum_type<decltype(scaled_core(first)), std::remove_cvref_t<decltype(rest)>...>::type;
      if constexpr (holds_no_data<type>) return type{};
      else return append_terms(scaled_core(first), rest...);
    });
  }
}

}  // namespace sums

namespace sums {

/// The simplified sum of signed terms (a pack of `term`s), of shape S: like terms
/// collected, common factors taken out, zeros dropped, in canonical order. Every sum is
/// simplified here, once with all its terms: simplifying it prefix by prefix would cost
/// the square of its length in steps and types.
template <shape S, class Terms>
static constexpr auto simplified_terms(const Terms& terms) {
  const auto collected = without_zeros(merged<core_key>(terms, [](const auto&... t) { return collected_term(t...); }));
  const auto right = without_zeros(merged<last_factor>(collected, [](const auto&... t) { return factored_right(t...); }));
  const auto left = without_zeros(merged<first_factor>(right, [](const auto&... t) { return factored_left(t...); }));
  return rebuilt<S>(sorted(left));
}

/// The signed terms of e, a sum not yet simplified: its operands that are not sums are
/// simplified, and the sums among them taken apart, so that a nested sum is simplified
/// once as a whole.
template <bool Negative, class E>
static constexpr auto simplified_terms_of(const E& e) {
  if constexpr (is_node_of<E, add_op>) {
    return concat(simplified_terms_of<Negative>(arg<0>(e)), simplified_terms_of<Negative>(arg<1>(e)));
  } else if constexpr (is_node_of<E, subtract_op>) {
    return concat(simplified_terms_of<Negative>(arg<0>(e)), simplified_terms_of<!Negative>(arg<1>(e)));
  } else {
    return terms_of<Negative>(simplified(e));
  }
}

template <class Terms>
static constexpr bool has_invalid_term = false;
template <class I, class... T>
inline constexpr bool has_invalid_term<detail::indexed_pack<I, T...>> =
    (__is_same(decltype(T::core), invalid_expression) || ...);

/// op(t₁ ± t₂ ± ...) = op(t₁) ± op(t₂) ± ... for a linear operation and a simplified sum,
/// summed once.
template <class Op, class Sum>
static constexpr auto distributed(const Op& op, const Sum& s) {
  constexpr shape result = Op::result_shape(Sum::shape_v);
  return terms_of<false>(s).apply([&](const auto&... t) {
    return simplified_terms<result>(concat(pack<>{}, terms_of<false>(rewrite(op, scaled_core(t)))...));
  });
}

}  // namespace sums

/// The simplified sum of a and ±b.
template <bool Subtract, class A, class B>
static constexpr auto simplified_sum(const A& a, const B& b) {
  return sums::simplified_terms<A::shape_v>(concat(sums::terms_of<false>(a), sums::terms_of<Subtract>(b)));
}

/// The simplified form of a sum not yet simplified, all its terms at once.
template <class E>
static constexpr auto simplified_sum_tree(const E& e) {
  const auto terms = sums::simplified_terms_of<false>(e);
  if constexpr (sums::has_invalid_term<std::remove_cvref_t<decltype(terms)>>) return invalid_expression{};
  else return sums::simplified_terms<E::shape_v>(terms);
}

template <class A, class B>
static constexpr auto rewrite(const add_op&, const A& a, const B& b) {
  if constexpr (any_invalid<A, B>) return invalid_expression{};
  else return simplified_sum<false>(a, b);
}

template <class A, class B>
static constexpr auto rewrite(const subtract_op&, const A& a, const B& b) {
  if constexpr (any_invalid<A, B>) return invalid_expression{};
  else return simplified_sum<true>(a, b);
}

}  // namespace matdiff
