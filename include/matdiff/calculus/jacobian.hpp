/// @file
/// `md::jacobian(F, X)`: J = ∂vec(F)/∂vec(X)ᵀ, the (rows(F)·cols(F)) x (rows(X)·cols(X))
/// matrix with vec(dF) = J vec(dX) (column-major vec). For vectors F (m x 1) and x (n x 1)
/// it is the usual m x n Jacobian; for a 1x1 F it is the gradient as a row, vec(∇F)ᵀ.
///
/// Vec identification: dF, linear in dX, is walked from the leaves up; each node maps the
/// Jacobian of its operand holding dX, J, to its own by the vec rule of its operation
/// (Magnus and Neudecker), `push_through<V>(op, e)`, which lives with the operation
/// (ops/<op>.hpp; calculus/walks.hpp), e.g.
///
///     dX                     I
///     A dM        (A p x q)  (I ⊗ A) J            vec(A dM B) = (Bᵀ ⊗ A) vec(dM)
///     dMᵀ         (M p x q)  K(p,q) J             K the commutation matrix
///     tr(dM)                 vec(I)ᵀ J
///
/// and the result is simplified ((A ⊗ B)(C ⊗ D) = AC ⊗ BD, K(n,m)K(m,n) = I, ...). This walk
/// names no operation.
#pragma once

#include <type_traits>

#include <matdiff/calculus/d.hpp>
#include <matdiff/calculus/differential.hpp>
#include <matdiff/calculus/grad.hpp>
#include <matdiff/calculus/identify.hpp>
#include <matdiff/calculus/symmetric.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/ops/vec.hpp>
#include <matdiff/rules/simplify.hpp>

namespace matdiff {

namespace vec_identification {

template <class E>
concept has_d = contains_differential<E>;

/// An operation whose operand holding dX is not reached linearly (it has no vec rule).
template <class V, class Op, class E>
static constexpr auto push_through(const Op&, const E&) {
  constexpr diagnostic message = text("matdiff: jacobian: dX appears inside a non-linear operation (") +
                                 sums::printed_type<E>() + "): the differential is not linear in dX";
  static_assert(error<message>, "matdiff: jacobian needs a differential linear in dX");
  return no_term{};
}

/// J_e, with vec(e) = J_e vec(dX); no_term when e does not hold dX.
template <class V, class E>
static constexpr auto push(const E& e) {
  if constexpr (!has_d<E>) return no_term{};
  else if constexpr (is_differential_symbol<E>) return identity_v<size_of(V::shape_v)>;
  else return push_through<V>(e.op, e);
}

}  // namespace vec_identification

/// J with vec(dF) = J vec(dX), simplified; dF must be linear in dX (V = X's type). For a
/// symmetric X (`md::symmetric`, `md::spd`) J acts on symmetric directions: J₀ (I + K)/2,
/// so that J = J (I + K)/2 and J vec(V) = vec(dF) at dX = V for every symmetric V (API §2.2;
/// calculus/symmetric.hpp).
template <class V, class F, class DF>
static constexpr auto identify_jacobian(const DF& df) {
  const auto j = vec_identification::push<V>(df);
  constexpr shape result{vec_identification::size_of(F::shape_v), vec_identification::size_of(V::shape_v)};
  if constexpr (__is_same(std::remove_cvref_t<decltype(j)>, identification::no_term)) {
    return zero_of<result>();
  } else if constexpr (is_symmetric_variable<V>) {
    return on_symmetric_directions<V>(simplified(j));
  } else {
    return simplified(j);
  }
}

/// ∂vec(F)/∂vec(X)ᵀ: (rows(F)·cols(F)) x (rows(X)·cols(X)); the usual Jacobian for vectors,
/// vec(∇F)ᵀ for a 1x1 F.
template <class F, class V>
static constexpr auto jacobian(const F& f, const V&) {
  constexpr detail::derivative_problem_t problem = detail::derivative_problem<F, V>("jacobian", false);
  if constexpr (any_invalid<F>) {
    return invalid_expression{};
  } else if constexpr (!problem.ok()) {
    detail::report_derivative_error<problem>();
    return invalid_expression{};
  } else if constexpr (F::shape_v.is_scalar()) {
    return derived_value<F>([&] {
      return keep_signature<detail::derivative_signature<F, V>>(
          simplified(transpose(vec(detail::gradient_of<V>(without_signature(f))))));
    });
  } else {
    return derived_value<F>([&] {
      return keep_signature<detail::derivative_signature<F, V>>(
          identify_jacobian<V, F>(simplified(raw_differential<V>(without_signature(f)))));
    });
  }
}

}  // namespace matdiff
