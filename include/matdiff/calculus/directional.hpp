/// @file
/// `md::directional(F, X, V)`: the derivative of F at X in the direction V, that is
/// `md::differential(F, X)` with dX replaced by V (a Jacobian-vector product; with
/// F = md::grad(f, X) a Hessian-vector product, at the cost of about one gradient).
#pragma once

#include <type_traits>

#include <matdiff/calculus/d.hpp>
#include <matdiff/calculus/differential.hpp>
#include <matdiff/calculus/grad.hpp>
#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/rules/simplify.hpp>

namespace matdiff {

/// e with every dX replaced by `direction`.
template <class E, class D>
static constexpr auto substitute_differential(const E& e, const D& direction) {
  if constexpr (is_differential_symbol<E>) return direction;
  else if constexpr (!is_node<E> || !contains_differential<E>) return e;
  else
    return e.args.apply([&](const auto&... a) { return make_expression(e.op, substitute_differential(a, direction)...); });
}

/// dF at X in the direction V (V has X's shape).
template <class F, class X, class V>
static constexpr auto directional(const F& f, const X&, const V& direction) {
  constexpr detail::derivative_problem_t problem = [] {
    using enum detail::derivative_error;
    detail::derivative_problem_t p = detail::derivative_problem<F, X>("directional", false);
    if (!p.ok()) return p;
    if constexpr (expression<V> && is_variable<X>) {
      if (!(V::shape_v == X::shape_v)) {
        const text shapes = V::shape_v.to_text() + " for a " + X::shape_v.to_text() + " variable";
        return detail::derivative_problem_t{direction_shape, diagnostic(shapes),
                                            text("matdiff: directional: the direction is ") + V::shape_v.to_text() +
                                                " but the variable is " + X::shape_v.to_text()};
      }
    } else {
      return detail::derivative_problem_t{not_an_expression, diagnostic(text("directional")),
                                          text("matdiff: directional: the direction is not a matdiff expression")};
    }
    return p;
  }();
  if constexpr (any_invalid<F, V>) {
    return invalid_expression{};
  } else if constexpr (!problem.ok()) {
    detail::report_derivative_error<problem>();
    return invalid_expression{};
  } else {
    constexpr auto signature = set_union<detail::derivative_signature<F, X>, signature_of<V>>;
    return derived_value<F, V>([&] {
      return keep_signature<signature>(
          simplified(substitute_differential(raw_differential<X>(without_signature(f)), without_signature(direction))));
    });
  }
}

}  // namespace matdiff
