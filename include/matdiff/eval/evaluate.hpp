/// @file
/// `evaluate(ctx, e)`: the recursive evaluation of an expression in a context, and
/// `evaluator<Op>`, the rule for one operation (one specialisation per eval/ops/<op>.hpp).
///
/// Operands are evaluated first; `evaluator<Op>::apply(ctx, node, values...)` combines them.
/// Leaves: a variable is its bound value (viewed, not copied), a literal its number, a
/// constant matrix is built with the run-time sizes of its dimensions.
///
/// A context may remember the values of some nodes (`Ctx::template is_shared<E>`, see
/// eval/plan/shared.hpp): such a node is evaluated once and its value handed out again.
/// `evaluate_node` is the evaluation proper of one node from its operands.
#pragma once

#include <cstdint>
#include <utility>

#include <Eigen/Core>

#include <matdiff/calculus/d.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/pack.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/product.hpp>

namespace matdiff {

/// The evaluation rule of operation `Op` (eval/ops/<op>.hpp); this primary template is the
/// missing rule. Its members:
///   - `apply(ctx, e, operand values...)`: the value of node e;
///   - optional `plan(e)`: the form a kernel evaluates in place of node e, whose operands are
///     already planned (eval/plan/plan.hpp), e.g. inv(A) as lu_inverse(lu(A)); without it
///     the node is evaluated as it is;
///   - optional `plan_whole(e)`, for forms that span several nodes: the planned form of node
///     e, whose operands are not yet planned (it plans them with `plan_evaluation`), e.g. a
///     chain of products re-associated by cost; constrained to the nodes it plans, the
///     others take `plan`;
///   - optional `evaluates_operands` and `evaluate_operands(ctx, e)` (below);
///   - optional `add_to(ctx, e, r, c)`: r += c·e into the running result of a sum without
///     forming e's value (eval/plan/special_forms.hpp), e.g. a Kronecker product block by
///     block (a constant matrix, a leaf, has `add_constant_to` below).
template <class Op>
struct evaluator {
  static_assert(sizeof(Op) == 0,
                "matdiff: no evaluation rule for this operation: include its "
                "<matdiff/eval/ops/...> header, or <matdiff/matdiff.hpp>");
};

/// The expression a kernel evaluates in place of e (eval/plan/plan.hpp).
template <class E>
constexpr auto plan_evaluation(const E& e);

/// node<Op, Args...> from its operands: how the planning hooks write the forms they plan.
/// The operation of a planned form declares `static constexpr std::string_view planned_name`
/// and prints as that name applied to its operands (core/expression.hpp), so that
/// `to_string(plan_evaluation(e))` shows what a kernel evaluates: "lu_solve(lu(A), B)".
template <class Op, class... Args>
constexpr auto planned_node(const Args&... args) {
  return make_node(Op{}, args...);
}

template <class Ctx, name_string Name, class Shape, structure St>
decltype(auto) evaluate(const Ctx& ctx, const variable<Name, Shape, St>&) {
  using S = typename Ctx::scalar;
  if constexpr (Shape::value.is_scalar()) {
    const auto& v = ctx.template leaf<Name>();
    if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(v)>>) return static_cast<S>(v);
    else return static_cast<S>(v(0, 0));
  } else {
    return ctx.template leaf<Name>();
  }
}

template <class Ctx>
typename Ctx::scalar evaluate(const Ctx&, const literal& e) {
  return static_cast<typename Ctx::scalar>(e.value.value());
}

template <class Ctx, std::int64_t P, std::int64_t Q>
typename Ctx::scalar evaluate(const Ctx&, const rational<P, Q>&) {
  using S = typename Ctx::scalar;
  return static_cast<S>(P) / static_cast<S>(Q);
}

/// dX has no value: a differential is evaluated through md::directional.
template <class Ctx, class V>
typename Ctx::scalar evaluate(const Ctx&, const differential_symbol<V>&) {
  static_assert(sizeof(V) == 0,
                "matdiff: eval: the expression contains a differential dX; replace it by a "
                "direction with md::directional(f, X, V)");
  return 0;
}

template <class Ctx, constant_kind Kind, dimension R, dimension C>
auto evaluate(const Ctx& ctx, const constant_matrix<Kind, R, C>&) {
  using S = typename Ctx::scalar;
  using E = constant_matrix<Kind, R, C>;
  if constexpr (E::shape_v.is_scalar()) {
    return Kind == constant_kind::zeros ? S(0) : S(1);
  } else {
    using M = matrix_t<S, E>;
    const auto rows = ctx.size(R), cols = ctx.size(C);
    if constexpr (Kind == constant_kind::identity) {
      return M(M::Identity(rows, cols));
    } else if constexpr (Kind == constant_kind::zeros) {
      M r;
      set_zero(r, rows, cols);  // one memset whatever g++ inlines (eval/value.hpp)
      return r;
    } else {
      return M(M::Ones(rows, cols));
    }
  }
}

/// r += c·K for a constant matrix K without forming K, the `add_to` of a leaf: the identity
/// (2I in a Hessian, n²×n²) adds c to the diagonal only, zeros add nothing.
template <class Ctx, constant_kind Kind, dimension R, dimension C, class Result>
  requires(!constant_matrix<Kind, R, C>::shape_v.is_scalar())
void add_constant_to(const Ctx&, const constant_matrix<Kind, R, C>&, Result& r, typename Ctx::scalar c) {
  if constexpr (Kind == constant_kind::identity) r.diagonal().array() += c;
  else if constexpr (Kind == constant_kind::ones) r.array() += c;
}

/// A factor F of a product that is applied without being formed (a commutation matrix, a
/// Kronecker product with an identity factor, ...). eval/ops/<op>.hpp specialise it with
///   `static constexpr bool applies = true;`
///   `static constexpr bool is_permutation;`            pure data movement: applied first
///   `template <class E> static auto times(ctx, f, v)`  F·v, the value of product node E
///   `template <class E> static auto times_right(ctx, v, f)`  v·F
template <class F>
struct structured_factor {
  static constexpr bool applies = false;
  static constexpr bool is_permutation = false;
};

/// How the product node E = L·R uses its structured factors: 1 = apply R to L's value
/// from the right, -1 = apply L to R's value, 0 = evaluate both and multiply.
template <class E>
inline constexpr int structured_side = 0;
template <class L, class R>
inline constexpr int structured_side<node<product_op, L, R>> =
    L::shape_v.is_scalar() || R::shape_v.is_scalar() || node<product_op, L, R>::shape_v.is_scalar() ? 0
    : structured_factor<R>::is_permutation                                                         ? 1
    : structured_factor<L>::applies                                                                ? -1
    : structured_factor<R>::applies                                                                ? 1
                                                                                                   : 0;

/// A factor whose product costs about the size of the other operand, so that the order of a
/// chain (eval/plan/chain.hpp) counts no multiplications for it: a structured factor, or one
/// whose operation specialises this (diag(v), a scaling: eval/ops/diag.hpp).
template <class F>
inline constexpr bool cheap_in_products = structured_factor<F>::applies;

/// What a form of a product of two planned factors saves, from least to most; the product's
/// planner prefers the larger saving.
enum class product_saving : unsigned char {
  none,
  operand_in_place,  ///< an operand read in place: Aᵀ B without a copy of Aᵀ
  scaling,           ///< a scaling instead of a product: diag(v) M scales M's rows
  symmetric,         ///< one triangle of a symmetric product: AᵀA, Aᵀ diag(d) A
  solve,             ///< a solve with a shared factorization instead of an inverse: A⁻¹B
};

/// A form of the product l·r that one factor's operation plans, and what it saves. The
/// product's planner (eval/ops/product.hpp) asks both factors, by overloads next to their
/// operations (eval/ops/<op>.hpp, found by argument-dependent lookup), each constrained to
/// the pairs it plans:
///   `left_factor_form(l, r)`   l·r as l's operation plans it
///   `right_factor_form(l, r)`  l·r as r's operation plans it
/// and takes the larger saving, l's on a tie: A⁻¹ diag(v) is a solve with diag(v) (no
/// inverse), not the inverse's columns scaled. A third overload plans x·zᵀ, the last product
/// of a chain symmetric by its type (ZZᵀ with x = z, or (ZM)Zᵀ with M symmetric):
///   `symmetric_product_with_transpose(x, z)`  x·zᵀ as z's operation plans it (z = Aᵀ: x·A, a
///                                             gram for AᵀA; z = S⁻¹ of a symmetric S: a solve
///                                             with S from the right)
/// without which the planner computes one triangle of x·zᵀ, reading z transposed.
template <product_saving Saving, class Form>
struct factor_form {
  static constexpr product_saving saving = Saving;
  Form form;
};
/// `form` as a factor form that saves `Saving`.
template <product_saving Saving, class Form>
constexpr factor_form<Saving, Form> saving(const Form& form) {
  return {form};
}

namespace planning {
/// The planned product of two planned matrix operands (eval/ops/product.hpp), for the
/// factor forms that plan a product of their own.
template <class L, class R>
constexpr auto product(const L& l, const R& r);
}  // namespace planning

/// The value inside what `evaluate` returned: a remembered value may come wrapped
/// (`Held::held_value`, eval/plan/shared.hpp).
template <class T>
decltype(auto) operand_value(const T& v) {
  if constexpr (requires { typename T::held_value; }) return v.get();
  else return (v);
}

template <class Ctx, class Op, class... Args>
decltype(auto) evaluate(const Ctx& ctx, const node<Op, Args...>& e);

/// Whether node E is formed by its evaluator's `add_to` into a zero result rather than from
/// its operands' values: a scaling s·M of a sum of Kronecker terms M is then one pass that
/// adds s·(each term), not the sum formed and scaled afterwards (eval/ops/product.hpp).
template <class Ctx, class E>
inline constexpr bool formed_by_add_to = false;

/// One node from the values of its operands (the temporaries live until apply returns), or
/// a product with a structured factor, which that factor applies; an evaluator that declares
/// `static constexpr bool evaluates_operands = true` evaluates them itself, in
/// `evaluate_operands(ctx, e)` (a planned sum: a product term contributes its factors).
/// Called as `evaluate_node(ctx, e, e.args)`: the operands' pack gives their indices, so the
/// operands are evaluated here rather than in a lambda and the pack's `apply`, two more
/// functions per node, each named after the context and the node.
template <class Ctx, class Op, class... Args, std::size_t... I>
auto evaluate_node(const Ctx& ctx, const node<Op, Args...>& e,
                   const detail::indexed_pack<std::index_sequence<I...>, Args...>& args) {
  using E = node<Op, Args...>;
  if constexpr (structured_side<E> < 0) {
    using L = pack_element_t<0, pack<Args...>>;
    return structured_factor<L>::template times<E>(ctx, arg<0>(e),
                                                   operand_value(evaluate(ctx, arg<1>(e))));
  } else if constexpr (structured_side<E> > 0) {
    using R = pack_element_t<1, pack<Args...>>;
    return structured_factor<R>::template times_right<E>(ctx, operand_value(evaluate(ctx, arg<0>(e))),
                                                         arg<1>(e));
  } else if constexpr (formed_by_add_to<Ctx, E>) {
    value_t<typename Ctx::scalar, E> r;
    if constexpr (written_entry_by_entry(E::shape_v) && requires { evaluator<Op>::evaluate_into(ctx, e, r); }) {
      evaluator<Op>::evaluate_into(ctx, e, r);  // entry by entry
    } else {
      set_zero(r, ctx.size(E::shape_v.rows), ctx.size(E::shape_v.cols));
      evaluator<Op>::add_to(ctx, e, r, typename Ctx::scalar(1));
    }
    return r;
  } else if constexpr (requires { requires evaluator<Op>::evaluates_operands; }) {
    return evaluator<Op>::evaluate_operands(ctx, e);
  } else {
    return evaluator<Op>::apply(ctx, e, operand_value(evaluate(ctx, detail::get_slot<I>(args)))...);
  }
}

/// Whether context Ctx remembers the value of node T (`Ctx::template is_shared<T>`).
template <class Ctx, class T>
inline constexpr bool is_remembered = false;
template <class Ctx, class T>
  requires requires { Ctx::template is_shared<T>; }
inline constexpr bool is_remembered<Ctx, T> = Ctx::template is_shared<T>;

template <class Ctx, class Op, class... Args>
decltype(auto) evaluate(const Ctx& ctx, const node<Op, Args...>& e) {
  if constexpr (is_remembered<Ctx, node<Op, Args...>>) return ctx.shared_value(e);
  else return evaluate_node(ctx, e, e.args);
}

/// The scalar type and result type of node `E` in context `Ctx`.
template <class Ctx, class E>
using result_t = value_t<typename Ctx::scalar, E>;

}  // namespace matdiff
