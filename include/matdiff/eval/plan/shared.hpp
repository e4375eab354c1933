/// @file
/// Common subexpressions: every node that one call of a kernel would evaluate more than once
/// is evaluated once and remembered for the rest of the call.
///
/// An expression is its type, so a node type stands for one value, except for the numbers a
/// user wrote (`literal`) and operations holding data (a power's exponent): two nodes of one
/// such type share a value only when that data is equal, which is compared at run time.
///
/// Which nodes: the distinct node types of all requested expressions, each visited once
/// (children before parents); a node type is used once per distinct parent that has it as an
/// operand, and once per requested expression it is. With the nodes used twice or more
/// remembered, no node is evaluated twice, so exactly those are remembered.
///
///     shared_nodes_t<E1, E2>               type_list of the node types to remember
///     shared_context<Ctx, type_list<T...>> Ctx plus one slot per T, filled on first use
#pragma once

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/core/pack.hpp>
#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>

namespace matdiff {

namespace detail {

// Type comparisons here use the compilers' __is_same: std::is_same_v would instantiate a
// variable, which the compiler names and keeps, for every pair of node types compared.

/// A walk over expressions: `listed` has each distinct node type met, operands first;
/// `repeated` the node types met again after they were listed (a node is met once per
/// root it is and once per operand slot of each distinct node that has it).
template <class Listed, class Repeated>
struct walk {
  using listed = Listed;
  using repeated = Repeated;
};

/// The walk after meeting E. Only a node not yet listed is taken apart, so each node type
/// is visited once.
template <class Walk, class E>
struct add_nodes {
  using type = Walk;  // a leaf
};

template <class Walk, class... E>
struct add_all;
template <class Walk>
struct add_all<Walk> {
  using type = Walk;
};
template <class Walk, class E, class... Rest>
struct add_all<Walk, E, Rest...> : add_all<typename add_nodes<Walk, E>::type, Rest...> {};

template <class Walk, class E>
struct append;
template <class... T, class Repeated, class E>
struct append<walk<type_list<T...>, Repeated>, E> {
  using type = walk<type_list<T..., E>, Repeated>;
};

template <bool Listed, class Walk, class E>
struct add_new_node;
template <class Listed, class... R, class E>
struct add_new_node<true, walk<Listed, type_list<R...>>, E> {
  // Each node once: a Hessian's nodes are met again many times each.
  using type = std::conditional_t<(__is_same(E, R) || ...), walk<Listed, type_list<R...>>,
                                  walk<Listed, type_list<R..., E>>>;
};
template <class Walk, class Op, class... Args>
struct add_new_node<false, Walk, node<Op, Args...>>
    : append<typename add_all<Walk, Args...>::type, node<Op, Args...>> {};

template <class... T, class Repeated, class Op, class... Args>
struct add_nodes<walk<type_list<T...>, Repeated>, node<Op, Args...>>
    : add_new_node<(__is_same(node<Op, Args...>, T) || ...), walk<type_list<T...>, Repeated>, node<Op, Args...>> {};

/// The walk over expressions E...
template <class... E>
using walk_t = typename add_all<walk<type_list<>, type_list<>>, E...>::type;

template <std::size_t I, class T>
struct indexed {};
template <class Indices, class... T>
struct indexer;
template <std::size_t... I, class... T>
struct indexer<std::index_sequence<I...>, T...> : indexed<I, T>... {};
template <std::size_t I, class T>
T type_at(const indexed<I, T>&);  // declared only: the type of the I-th element

/// T is one of the listed types.
template <class T, class... R>
consteval bool is_one_of(type_list<R...>) {
  return (__is_same(T, R) || ...);
}

/// The listed nodes that were met again, in the listed order. (Counted from the walk
/// itself: the uses counted from each node's operands' positions among all nodes took a
/// search of the list per operand, the square of the kernel's size.)
template <class Walk>
struct repeated_nodes;
template <class... Nodes, class... Repeated>
struct repeated_nodes<walk<type_list<Nodes...>, type_list<Repeated...>>> {
  using nodes_indexer = indexer<std::index_sequence_for<Nodes...>, Nodes...>;
  static constexpr std::size_t count = sizeof...(Nodes);

  struct kept_positions {
    std::size_t positions[count + 1]{};
    std::size_t size = 0;
  };
  static constexpr kept_positions kept = [] {
    constexpr bool met_again[] = {is_one_of<Nodes>(type_list<Repeated...>{})..., false};
    kept_positions k{};
    for (std::size_t i = 0; i < count; ++i)
      if (met_again[i]) k.positions[k.size++] = i;
    return k;
  }();

  template <std::size_t... J>
  static auto picked(std::index_sequence<J...>)
      -> type_list<decltype(type_at<kept.positions[J]>(std::declval<const nodes_indexer&>()))...>;
  using type = decltype(picked(std::make_index_sequence<kept.size>{}));
};

}  // namespace detail

/// The node types evaluated more than once across expressions `E...`, operands first.
template <class... E>
using shared_nodes_t = typename detail::repeated_nodes<detail::walk_t<E...>>::type;

/// True when a node's value depends on data stored in it (numbers the user wrote, an
/// exponent), not on its type alone: the complement of `holds_no_data`.
template <class E>
inline constexpr bool carries_data = !holds_no_data<E>;

/// Two expressions of one type have one value: their stored data are equal. An operation
/// whose data cannot be compared is never shared.
template <class E>
constexpr bool same_value(const E& a, const E& b) {
  if constexpr (!carries_data<E>) {
    return true;
  } else if constexpr (__is_same(E, literal)) {
    return a.value == b.value;
  } else if constexpr (is_node<E>) {
    bool same_op = true;
    if constexpr (!std::is_empty_v<decltype(a.op)>) {
      if constexpr (requires { { a.op == b.op } -> std::convertible_to<bool>; }) same_op = a.op == b.op;
      else same_op = false;
    }
    return same_op && a.args.apply([&](const auto&... x) {
             return b.args.apply([&](const auto&... y) { return (same_value(x, y) && ...); });
           });
  } else {
    return false;
  }
}

/// What a remembered node holds: its value, or (eval/plan/factorization.hpp) a factorization.
template <class S, class E>
struct evaluated_value {
  using type = value_t<S, E>;
};

/// A value that is either remembered (pointed to) or, for a node whose stored data differ
/// from the remembered one, computed here.
template <class V>
class held {
 public:
  using held_value = V;
  explicit held(const V* remembered) : remembered_(remembered) {}
  template <class F>
  explicit held(std::in_place_t, F&& compute) : own_(std::in_place, std::forward<F>(compute)()) {}
  const V& get() const { return own_ ? *own_ : *remembered_; }

 private:
  const V* remembered_ = nullptr;
  std::optional<V> own_;
};

template <class Ctx, class Shared>
class shared_context;

/// Context `Ctx` with one slot per node type in `T...`, filled when the node is first
/// evaluated. Lives for one call; forwards sizes and bindings to `Ctx`.
template <class Ctx, class... T>
class shared_context<Ctx, type_list<T...>> {
 public:
  using scalar = typename Ctx::scalar;
  static constexpr bool fixed_size_values = binds_fixed_sizes<Ctx>;

  template <class E>
  static constexpr bool is_shared = (__is_same(E, T) || ...);

  explicit shared_context(const Ctx& ctx) : ctx_(ctx) {}

  template <name_string Name>
  decltype(auto) leaf() const { return ctx_.template leaf<Name>(); }
  Eigen::Index size(const dimension& d) const { return ctx_.size(d); }

  /// The value of node `e`: computed on first use, then handed out again.
  template <class E>
  decltype(auto) shared_value(const E& e) const {
    auto& s = at<index_of<E>()>(slots_);
    using V = typename evaluated_value<scalar, E>::type;
    if (!s.source) {
      s.value = evaluate_node(*this, e, e.args);
      s.source = &e;
    }
    if constexpr (!carries_data<E>) {
      return std::as_const(s.value);
    } else {
      if (s.source == &e || same_value(*s.source, e)) return held<V>(&s.value);
      return held<V>(std::in_place, [&] { return V(evaluate_node(*this, e, e.args)); });
    }
  }

 private:
  template <class E>
  struct slot {
    typename evaluated_value<scalar, E>::type value{};
    const E* source = nullptr;  // the node that filled it; null while empty
  };

  template <class E>
  static constexpr std::size_t index_of() {
    constexpr bool match[] = {__is_same(E, T)...};
    std::size_t i = 0;
    while (!match[i]) ++i;
    return i;
  }

  const Ctx& ctx_;
  mutable pack<slot<T>...> slots_{};
};

}  // namespace matdiff
