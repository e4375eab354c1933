/// @file
/// Evaluation of the transpose (ops/transpose.hpp), and the products with a transpose, which
/// read its operand in place (eval/plan/special_forms.hpp):
///
///     Aᵀ B = transposed_product<true, false>(A, B),  A Bᵀ, Aᵀ Bᵀ alike
///     Aᵀ A = gram(A),  Aᵀ diag(d) A = gram(A, d)       one triangle, where that pays
///     x (Aᵀ)ᵀ = x A                                      the last product of Aᵀ M A
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/plan/special_forms.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/transpose.hpp>

namespace matdiff {

template <>
struct evaluator<transpose_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a;
    else return finish<typename Ctx::scalar, E>(a.transpose());
  }
};

/// op(A) with A the operand of a transpose Aᵀ (not 1x1), else the factor itself.
template <class F>
constexpr const auto& operand_read_in_place(const F& f) {
  if constexpr (is_matrix_transpose<F>) return arg<0>(f);
  else return f;
}

/// l·r with l or r a transpose: each such factor's operand read transposed in place.
template <class L, class R>
constexpr auto product_read_in_place(const L& l, const R& r) {
  return saving<product_saving::operand_in_place>(
      planned_node<transposed_product_op<is_matrix_transpose<L>, is_matrix_transpose<R>>>(operand_read_in_place(l),
                                                                                           operand_read_in_place(r)));
}

/// R is diag(d)·A planned as a scaling.
template <class A, class R>
inline constexpr bool scales_rows_of = false;
template <class A, class D>
inline constexpr bool scales_rows_of<A, node<scale_rows_op, D, A>> = true;

/// Aᵀ·A = gram(A) and Aᵀ·(diag(d)A) = gram(A, d), one triangle where that pays; otherwise Aᵀ·r
/// with A read in place.
template <class A, class R>
  requires(!A::shape_v.is_scalar())
constexpr auto left_factor_form(const node<transpose_op, A>& l, const R& r) {
  constexpr bool pays = symmetric_form_pays(node<product_op, node<transpose_op, A>, R>::shape_v);
  if constexpr (pays && is_transpose_of<node<transpose_op, A>, R>)
    return saving<product_saving::symmetric>(planned_node<gram_op>(r));
  else if constexpr (pays && holds_no_data<A> && scales_rows_of<A, R>)
    return saving<product_saving::symmetric>(planned_node<gram_op>(arg<1>(r), arg<0>(r)));
  else
    return product_read_in_place(l, r);
}

/// (Aᵀdiag(d))·A = gram(A, d), one triangle where that pays.
template <class A, class D>
  requires(holds_no_data<A> && symmetric_form_pays(node<product_op, node<scale_cols_op, node<transpose_op, A>, D>, A>::shape_v))
constexpr auto left_factor_form(const node<scale_cols_op, node<transpose_op, A>, D>& l, const A& r) {
  return saving<product_saving::symmetric>(planned_node<gram_op>(r, arg<1>(l)));
}

/// l·Aᵀ with A read in place.
template <class L, class A>
  requires(!A::shape_v.is_scalar())
constexpr auto right_factor_form(const L& l, const node<transpose_op, A>& r) {
  return product_read_in_place(l, r);
}

/// x·(Aᵀ)ᵀ = x·A, the last product of Aᵀ A or Aᵀ M A: gram(A) when x = Aᵀ, gram(A, d) when
/// x = Aᵀ diag(d), otherwise one triangle of x·A.
template <class X, class A>
  requires(!A::shape_v.is_scalar())
constexpr auto symmetric_product_with_transpose(const X& x, const node<transpose_op, A>& z) {
  if constexpr (__is_same(X, node<transpose_op, A>)) {
    return planned_node<gram_op>(arg<0>(z));
  } else {
    const auto p = planning::product(x, arg<0>(z));
    if constexpr (is_node_of<std::remove_const_t<decltype(p)>, gram_op>)
      return p;
    else
      return planned_node<symmetric_product_op<false, false>>(x, arg<0>(z));
  }
}

}  // namespace matdiff
