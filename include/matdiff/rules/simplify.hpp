/// @file
/// `md::simplify(e)`: the canonical, simplified form of an expression.
///
/// Bottom-up: the operands are simplified first, then the rules of the node's operation
/// (`rewrite(op, operands...)`, found by argument-dependent lookup: the core algebra's in
/// rules/, every other operation's in its ops/<op>.hpp) rebuild it. Every rule
/// returns a simplified expression built from simplified parts and only ever moves toward
/// the canonical form (numbers in front, negations and transposes outwards or to the
/// leaves, chains to the left, sums collected and ordered), so one pass reaches the fixed
/// point and the rewriting terminates. A sum is simplified as a whole (rules/sums.hpp):
/// simplifying each of its binary nodes in turn would simplify every prefix of it again.
/// Likewise a chain of plain matrix factors is built once from the left (rules/products.hpp).
#pragma once

#include <cstddef>
#include <utility>

#include <matdiff/core/expression.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/linear.hpp>
#include <matdiff/rules/patterns.hpp>
#include <matdiff/rules/products.hpp>
#include <matdiff/rules/sums.hpp>
#include <matdiff/rules/transpose.hpp>

namespace matdiff {

/// No rule applies: the node is rebuilt from its simplified operands.
template <class Op, class... A>
static constexpr auto rewrite(const Op& op, const A&... a) {
  return make_node(op, a...);
}

template <class E>
static constexpr auto simplified(const E& e);

namespace detail {
// Operands taken by index, not by a lambda over the pack: a lambda is a class and a function
// more per node, and its `apply` one more, each named after the node.

/// The product of the simplified factors of a chain.
template <class Links, std::size_t... I>
static constexpr auto simplified_chain(const Links& links, std::index_sequence<I...>) {
  return chain_product(simplified(get_slot<I>(links))...);
}

/// The node's rules applied to its simplified operands.
template <class E, std::size_t... I>
static constexpr auto simplified_node(const E& e, std::index_sequence<I...>) {
  return rewrite(e.op, simplified(arg<I>(e))...);
}
}  // namespace detail

/// The simplified form of e, bottom-up (the rules call it on the parts they build).
template <class E>
static constexpr auto simplified(const E& e) {
  if constexpr (is_sum<E>) {
    return simplified_sum_tree(e);
  } else if constexpr (is_matrix_chain<E> && is_plain_chain<E>) {
    const auto links = chain_links(e);
    return detail::simplified_chain(links, std::make_index_sequence<decltype(links)::size>{});
  } else if constexpr (is_node<E>) {
    return detail::simplified_node(e, std::make_index_sequence<decltype(E::args)::size>{});
  } else {
    return e;
  }
}

/// The simplified form of e; its value is e's value. It keeps e's variables: bindings for
/// a variable that simplification removed (`X*I + A - A` is `X`) are still accepted.
template <class E>
static constexpr auto simplify(const E& e) {
  static_assert(expression<E>, "matdiff: simplify: the argument is not a matdiff expression");
  if constexpr (expression<E>)
    return derived_value<E>([&] { return keep_signature<signature_of<E>>(simplified(without_signature(e))); });
  else return e;
}

}  // namespace matdiff
