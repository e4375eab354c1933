/// @file
/// `plan_evaluation(e)`: the expression a kernel evaluates in place of `e`, same value, less
/// work. A compile-time rewrite of the expression type, top-down, each node once. Each node
/// whose operands are planned takes the form its operation's evaluator plans for it
/// (`evaluator<Op>::plan`, in eval/ops/<op>.hpp next to the evaluation; `rewrite` below names
/// no operation):
///
///   - inv, det, logdet of a matrix, adj beyond 3x3 and solve(S, B) for an `md::spd` S go
///     through lu(A), or llt(S) for an `md::spd` variable S (eval/plan/factorization.hpp);
///   - tr(AB) and sum(a∘b) take their special forms (eval/plan/special_forms.hpp);
///   - log(sum(exp(A))) becomes logsumexp(A), and s(A ⊗ B) becomes (sA) ⊗ B.
///
/// Forms that span several nodes are planned before their operands, by the evaluator's
/// `plan_whole(e)`, which plans the operands itself:
///
///   - a product of matrices is flattened into its chain and re-associated by cost
///     (eval/ops/product.hpp, the order by eval/plan/chain.hpp); each product of two factors
///     takes the form a factor's operation gives it (`left_factor_form`,
///     `right_factor_form`, eval/evaluate.hpp): a product with inv(A) on either side becomes a
///     solve with A's factorization; diag(v) M, M diag(v), Aᵀ diag(d) A, AᵀA and products
///     with a transposed factor take their special forms; a product with a structured factor
///     (`structured_factor`, eval/evaluate.hpp: a commutation matrix, A ⊗ I, ...) stays a
///     product, which that factor applies; in a chain it counts as cheap
///     (`cheap_in_products`), as a diagonal factor does; (A ± B)x becomes Ax ± Bx; two factors
///     that an operation plans as one form (`planned_product`, e.g. (A ⊗ B)(C ⊗ D) = AC ⊗ BD)
///     take it, also term by term when one of them is a sum of such terms;
///   - a chain of + and − becomes one planned sum, evaluated into one result in the
///     written order, a product term C ± AB added into it, a term that is an earlier term's
///     transpose (AB ± BᵀAᵀ) read from that term's value (eval/ops/add.hpp, the node in
///     eval/plan/special_forms.hpp);
///   - a product with a factor exp(A) divided or scaled by sum(exp(A)) takes softmax(A) for
///     that factor (exp(A)/sum(exp(A)), the gradient (1/sum(exp(A))) exp(A) of
///     log(sum(exp(A))), exp(A x) x'/sum(exp(A x)), and diag(exp(A)) likewise), and
///     exp(A) exp(Aᵀ)/sum(exp(A))² is softmax(A) softmax(A)ᵀ (eval/ops/softmax.hpp): the
///     written-out forms overflow at entries near 710.
///
/// It is not simplification: the printed and simplified forms are untouched; only the
/// evaluation sees the planned expression. Common subexpressions of the planned expressions
/// are shared afterwards (eval/plan/shared.hpp), so one lu(A) serves every user of A.
#pragma once

#include <type_traits>

#include <matdiff/core/expression.hpp>
#include <matdiff/eval/evaluate.hpp>

namespace matdiff {

namespace planning {

/// A node whose operands are planned, in the form its evaluator plans (`evaluator<Op>::plan`),
/// or as it is.
template <class Op, class... Args>
constexpr auto rewrite(const node<Op, Args...>& e) {
  if constexpr (requires { evaluator<Op>::plan(e); }) return evaluator<Op>::plan(e);
  else return e;
}

}  // namespace planning

template <class E>
constexpr auto plan_evaluation(const E& e) {
  if constexpr (!is_node<E>) {
    return e;
  } else if constexpr (requires { evaluator<std::remove_const_t<decltype(e.op)>>::plan_whole(e); }) {
    return evaluator<std::remove_const_t<decltype(e.op)>>::plan_whole(e);
  } else {
    return e.args.apply([&](const auto&... a) {
      return planning::rewrite(make_node(e.op, plan_evaluation(a)...));
    });
  }
}

/// The type a kernel evaluates for expression type E.
template <class E>
using planned_t = decltype(plan_evaluation(std::declval<const E&>()));

}  // namespace matdiff
