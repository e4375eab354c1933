/// @file
/// Evaluation of diag and diagonal (ops/diag.hpp), and the products of diag(v), planned as
/// scalings without the n x n matrix:
///
///     diag(v) M = scale_rows(v, M),   M diag(v) = scale_cols(M, v)   (eval/plan/special_forms.hpp)
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/plan/special_forms.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/diag.hpp>

namespace matdiff {

template <>
struct evaluator<diag_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& v) {
    if constexpr (std::is_arithmetic_v<A>) return v;
    else return result_t<Ctx, E>(v.asDiagonal().toDenseMatrix());
  }
};

/// diag(v)·M: M's rows scaled by v.
template <class V, class R>
  requires(!V::shape_v.is_scalar())
constexpr auto left_factor_form(const node<diag_op, V>& d, const R& m) {
  return saving<product_saving::scaling>(planned_node<scale_rows_op>(arg<0>(d), m));
}

/// M·diag(v): M's columns scaled by v.
template <class L, class V>
  requires(!V::shape_v.is_scalar())
constexpr auto right_factor_form(const L& m, const node<diag_op, V>& d) {
  return saving<product_saving::scaling>(planned_node<scale_cols_op>(m, arg<0>(d)));
}

/// A product with diag(v) costs the size of the other factor.
template <class V>
inline constexpr bool cheap_in_products<node<diag_op, V>> = !V::shape_v.is_scalar();

template <>
struct evaluator<diagonal_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a;
    else return finish<typename Ctx::scalar, E>(a.diagonal());
  }
};

}  // namespace matdiff
