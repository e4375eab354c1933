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

template <class... T>
struct type_list {};

namespace detail {

template <class T, class... List>
inline constexpr bool contains = (std::is_same_v<T, List>|| ...);

/// Appends the node types of E not yet in the list, operands first.
template <class List, class E>
struct add_nodes {
  using type = List;  // a leaf
};
template <class List, class E>
using add_nodes_t = typename add_nodes<List, E>::type;

template <class List, class... E>
struct add_all;
template <class List>
struct add_all<List> {
  using type = List;
};
template <class List, class E, class... Rest>
struct add_all<List, E, Rest...> : add_all<add_nodes_t<List, E>, Rest...> {};

template <class List, class E>
struct append;
template <class... T, class E>
struct append<type_list<T...>, E> {
  using type = type_list<T..., E>;
};

template <class... T, class Op, class... Args>
struct add_nodes<type_list<T...>, node<Op, Args...>> {
  using E = node<Op, Args...>;
  using type = std::conditional_t<
      contains<E, T...>, type_list<T...>,
      typename append<typename add_all<type_list<T...>, Args...>::type, E>::type>;
};

/// How many times T is asked for: once per operand slot of a distinct node, once per root.
template <class T, class Node>
inline constexpr int uses_in = 0;
template <class T, class Op, class... Args>
inline constexpr int uses_in<T, node<Op, Args...>> = (int(std::is_same_v<T, Args>) + ... + 0);

template <class Nodes, class Roots>
struct repeated_nodes;
template <class... Nodes, class... Roots>
struct repeated_nodes<type_list<Nodes...>, type_list<Roots...>> {
  template <class T>
  static constexpr int uses = (uses_in<T, Nodes> + ... + 0) + (int(std::is_same_v<T, Roots>) + ... + 0);

  template <class List, class T>
  using keep = std::conditional_t<(uses<T> > 1), typename append<List, T>::type, List>;

  template <class List, class... T>
  struct filter {
    using type = List;
  };
  template <class List, class T, class... Rest>
  struct filter<List, T, Rest...> : filter<keep<List, T>, Rest...> {};

  using type = typename filter<type_list<>, Nodes...>::type;
};

}  // namespace detail

/// The node types evaluated more than once across expressions `E...`, operands first.
template <class... E>
using shared_nodes_t =
    typename detail::repeated_nodes<typename detail::add_all<type_list<>, E...>::type,
                                    type_list<E...>>::type;

/// True when a node's value depends on data stored in it (numbers the user wrote, an
/// exponent), not on its type alone.
template <class E>
inline constexpr bool carries_data = !std::is_empty_v<E>;
template <class Op, class... Args>
inline constexpr bool carries_data<node<Op, Args...>> = !std::is_empty_v<Op> || (carries_data<Args> || ...);

/// Two expressions of one type have one value: their stored data are equal. An operation
/// whose data cannot be compared is never shared.
template <class E>
constexpr bool same_value(const E& a, const E& b) {
  if constexpr (!carries_data<E>) {
    return true;
  } else if constexpr (std::is_same_v<E, literal>) {
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

  template <class E>
  static constexpr bool is_shared = detail::contains<E, T...>;

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
      s.value = evaluate_node(*this, e);
      s.source = &e;
    }
    if constexpr (!carries_data<E>) {
      return std::as_const(s.value);
    } else {
      if (s.source == &e || same_value(*s.source, e)) return held<V>(&s.value);
      return held<V>(std::in_place, [&] { return V(evaluate_node(*this, e)); });
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
    constexpr bool match[] = {std::is_same_v<E, T>...};
    std::size_t i = 0;
    while (!match[i]) ++i;
    return i;
  }

  const Ctx& ctx_;
  mutable pack<slot<T>...> slots_{};
};

}  // namespace matdiff
