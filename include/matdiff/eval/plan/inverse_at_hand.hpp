/// @file
/// Solves with an inverse a kernel forms anyway: when one call evaluates A⁻¹ (lu_inverse of
/// A's factorization, for inv(A) itself or A⁻ᵀ in a gradient), a solve with the same
/// factorization becomes a product with that A⁻¹:
///
///     lu_solve(F, B)        A⁻¹B  ->  lu_inverse(F) · B
///     lu_solve_right(B, F)  BA⁻¹  ->  B · lu_inverse(F)
///     lu_solve_right_symmetric(B, F)  ->  one triangle of B · lu_inverse(F), the result being
///                           symmetric ((S⁻¹M)S⁻¹, eval/ops/product.hpp)
///
/// and a node above such a product takes the form its operation plans for it (`plan`): the
/// trace tr(B·A⁻¹) = Σ B ∘ A⁻ᵀ forms no product (log|det X| + det X + tr(AX⁻¹) with its
/// gradient at n = 100 formed the n x n product AX⁻¹ for its trace).
///
/// A product costs the flops of the two triangular solves it replaces (n²k for n x k B) but
/// runs at the speed of a matrix product, which Eigen's triangular solves with many
/// right-hand sides do not reach (e.g. S⁻¹VS⁻¹ next to S⁻¹: the two solves took 1.4x the
/// time of the hand-written code that multiplies by S⁻¹; docs/benchmarks.md). The forward
/// error stays within the solve's bound, n·κ(A)·u relative: the computed inverse is the
/// solve with I, accurate to κ(A)·u column by column (Higham, Accuracy and Stability of
/// Numerical Algorithms, §14.3), and it is already part of the results (on the Hilbert
/// matrix of size 8, κ = 3.4e10, 2.7e-6 against the solve's 4.2e-7, for a bound of 3.0e-5;
/// tests/eval/inverse_at_hand.cpp). What is given up is
/// the solve's backward stability (a residual of the order of u·‖A‖‖x‖), so a solve the
/// expression asks for, solve(S, B), stays one (lu_written_solve, eval/ops/solve.hpp); the
/// products inv(A) B planned as solves (eval/ops/product.hpp) are what change. Kernels
/// without the inverse keep their solves, which never form it.
///
/// The pass runs once per kernel over the planned expressions of all its results, after
/// planning and before the common subexpressions are found (eval/kernel.hpp), and only when
/// some solve has its inverse at hand; otherwise the planned types are left untouched.
#pragma once

#include <type_traits>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/pack.hpp>
#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/plan/factorization.hpp>
#include <matdiff/eval/plan/shared.hpp>
#include <matdiff/eval/plan/special_forms.hpp>
#include <matdiff/ops/product.hpp>

namespace matdiff {

namespace planning {

/// The distinct node types of the planned expressions P..., operands first.
template <class... P>
using nodes_of_t = typename detail::walk_t<P...>::listed;

// Class templates, not variable templates: asked of every node with the list of all nodes,
// a variable per node would be named after the whole list, the square of the kernel's size
// in names (core/pack.hpp, holds_no_data).

/// The factorization F a solve node solves with (`void` for other nodes).
template <class E>
struct solved_factorization {
  using type = void;
};
template <class F, class B>
struct solved_factorization<node<lu_solve_op, F, B>> {
  using type = F;
};
template <class B, class F>
struct solved_factorization<node<lu_solve_right_op, B, F>> {
  using type = F;
};
template <class B, class F>
struct solved_factorization<node<lu_solve_right_symmetric_op, B, F>> {
  using type = F;
};

/// lu_inverse(F) is one of the nodes.
template <class Nodes, class F>
struct inverse_listed : std::false_type {};
template <class... T, class F>
struct inverse_listed<type_list<T...>, F> : std::bool_constant<(__is_same(T, node<lu_inverse_op, F>) || ...)> {};
template <class... T>
struct inverse_listed<type_list<T...>, void> : std::false_type {};

/// E is a solve whose factorization's inverse is one of the nodes.
template <class E, class Nodes>
concept solve_with_inverse_at_hand = inverse_listed<Nodes, typename solved_factorization<E>::type>::value;

template <class Nodes>
struct any_solve_with_inverse_at_hand : std::false_type {};
template <class... T>
struct any_solve_with_inverse_at_hand<type_list<T...>>
    : std::bool_constant<(inverse_listed<type_list<T...>, typename solved_factorization<T>::type>::value || ...)> {};

/// e with its solves that have their inverse among Nodes written as products with it.
template <class Nodes, class E>
constexpr auto with_inverse_at_hand(const E& e) {
  if constexpr (!is_node<E>) {
    return e;
  } else {
    const auto rebuilt = e.args.apply([&](const auto&... a) {
      return make_node(e.op, with_inverse_at_hand<Nodes>(a)...);
    });
    using R = std::remove_const_t<decltype(rebuilt)>;
    if constexpr (is_node_of<R, lu_solve_op> && solve_with_inverse_at_hand<E, Nodes>)
      return planned_node<product_op>(planned_node<lu_inverse_op>(arg<0>(rebuilt)), arg<1>(rebuilt));
    else if constexpr (is_node_of<R, lu_solve_right_op> && solve_with_inverse_at_hand<E, Nodes>)
      return planned_node<product_op>(arg<0>(rebuilt), planned_node<lu_inverse_op>(arg<1>(rebuilt)));
    else if constexpr (is_node_of<R, lu_solve_right_symmetric_op> && solve_with_inverse_at_hand<E, Nodes>)
      return planned_node<symmetric_product_op<false, false>>(arg<0>(rebuilt),
                                                              planned_node<lu_inverse_op>(arg<1>(rebuilt)));
    else if constexpr (!__is_same(R, E) && requires { evaluator<std::remove_const_t<decltype(e.op)>>::plan(rebuilt); })
      // An operand became a product with the inverse: the form the node's operation plans
      // for it, e.g. tr(B·A⁻¹) as Σ B ∘ (A⁻¹)ᵀ rather than the product formed for its trace.
      return evaluator<std::remove_const_t<decltype(e.op)>>::plan(rebuilt);
    else
      return rebuilt;
  }
}

/// The planned expression e of a kernel whose planned expressions have the nodes `Nodes`,
/// its solves using the inverses at hand; e itself (same type) when there are none.
template <class Nodes, class E>
constexpr auto using_inverses_at_hand(const E& e) {
  if constexpr (any_solve_with_inverse_at_hand<Nodes>::value) return with_inverse_at_hand<Nodes>(e);
  else return e;
}

}  // namespace planning

}  // namespace matdiff
