/// @file
/// The rules shared by linear and multilinear operations: zeros vanish, numbers and
/// negations move outside.
///
///     L(0) = 0,  L(-A) = -L(A),  L(cA) = c L(A)                    (linear L)
///     B(0, Y) = B(X, 0) = 0,  B(-X, Y) = -B(X, Y),  B(cX, Y) = c B(X, Y), likewise in Y
///                                                                (bilinear B)
/// and the same for any 1x1 factor s in place of a number: L(sA) = s L(A).
///
/// The rules of each operation (sum, vec, diag, ∘, ⊗, ⟨,⟩, ...) live with the operation, in
/// ops/<op>.hpp, as `rewrite(op, operands...)` found by argument-dependent lookup; they call
/// these helpers for what is common to all linear operations, and so can a user's linear
/// operation (docs/user_operations.md): `return md::rewrite_linear(op, a);` where its own
/// rules do not apply.
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/patterns.hpp>

namespace matdiff {

/// L(0) = 0, L(-A) = -L(A), L(cA) = c L(A) for a linear unary operation.
template <class Op, class A>
static constexpr auto rewrite_linear(const Op& op, const A& a) {
  constexpr shape result = Op::result_shape(A::shape_v);
  if constexpr (is_zero<A>) return zero_of<result>();
  else if constexpr (is_negation<A>) return rewrite(a.op, rewrite(op, arg<0>(a)));
  else if constexpr (is_scalar_multiple<A>) return rewrite(a.op, arg<0>(a), rewrite(op, arg<1>(a)));
  else return make_node(op, a);
}

/// The same for an operation linear in each of two operands (∘, ⊗, ⟨,⟩).
template <class Op, class A, class B>
static constexpr auto rewrite_bilinear(const Op& op, const A& a, const B& b) {
  constexpr shape result = Op::result_shape(A::shape_v, B::shape_v);
  if constexpr (is_zero<A> || is_zero<B>) return zero_of<result>();
  else if constexpr (is_negation<A>) return rewrite(a.op, rewrite(op, arg<0>(a), b));
  else if constexpr (is_negation<B>) return rewrite(b.op, rewrite(op, a, arg<0>(b)));
  else if constexpr (is_scalar_multiple<A>) return rewrite(a.op, arg<0>(a), rewrite(op, arg<1>(a), b));
  else if constexpr (is_scalar_multiple<B>) return rewrite(b.op, arg<0>(b), rewrite(op, a, arg<1>(b)));
  else return make_node(op, a, b);
}

}  // namespace matdiff
