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

/// The simplified form of e, bottom-up (the rules call it on the parts they build).
template <class E>
static constexpr auto simplified(const E& e) {
  if constexpr (is_sum<E>) {
    return simplified_sum_tree(e);
  } else if constexpr (is_matrix_chain<E> && is_plain_chain<E>) {
    return chain_links(e).apply([](const auto&... f) { return chain_product(simplified(f)...); });
  } else if constexpr (is_node<E>) {
    return e.args.apply([&](const auto&... a) { return rewrite(e.op, simplified(a)...); });
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
