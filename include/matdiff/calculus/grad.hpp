/// @file
/// `md::grad(f, X)`: the gradient of a 1x1 expression f, same shape as X,
/// G(i, j) = ∂f/∂X(i, j); and `md::differential(f, X)`.
///
/// Computed at compile time: df by the differential rules, G by identification
/// (df = tr(Gᵀ dX)), then simplified. For f = tr(XBXᵀ): df = tr(dX B Xᵀ + X B dXᵀ)
/// = tr((B + Bᵀ) Xᵀ dX), so G = X(B + Bᵀ).
#pragma once

#include <tuple>
#include <type_traits>

#include <matdiff/calculus/d.hpp>
#include <matdiff/calculus/differential.hpp>
#include <matdiff/calculus/identify.hpp>
#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/trace.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/simplify.hpp>

namespace matdiff {

namespace detail {
/// What can be wrong with the arguments of a derivative; each kind has its own first error line.
enum class derivative_error { none, not_an_expression, not_a_variable, not_scalar, direction_shape };

/// A problem with the arguments of a derivative: its kind, its subject (the operation and
/// the shapes or variable, which clang shows in the first error line) and the whole message.
struct derivative_problem_t {
  derivative_error kind = derivative_error::none;
  diagnostic subject;
  diagnostic message;
  constexpr bool ok() const { return kind == derivative_error::none; }
};

template <class F, class V>
static consteval derivative_problem_t derivative_problem(const char* operation, bool scalar_only) {
  using enum derivative_error;
  if (!expression<F>)
    return {not_an_expression, diagnostic(text(operation)),
            text("matdiff: ") + operation + ": the function is not a matdiff expression"};
  if (!is_variable<V>)
    return {not_a_variable, diagnostic(text(operation)),
            text("matdiff: ") + operation +
                ": differentiate with respect to a variable (md::matrix, md::vector, md::scalar)"};
  if constexpr (expression<F>) {
    if (scalar_only && !F::shape_v.is_scalar())
      return {not_scalar, diagnostic(text(operation) + " of a " + F::shape_v.to_text() + " function"),
              text("matdiff: ") + operation + " of a " + F::shape_v.to_text() +
                  " expression: the function must be 1x1 (for a matrix-valued function use md::jacobian "
                  "or md::directional)"};
  }
  return {};
}

/// Stops with the error of problem P: the first error line names the kind of problem, and
/// the operation with the shapes or variable (clang: in the line itself; g++: in the
/// "In instantiation of" line above it and the note below it).
template <derivative_error Kind, auto Subject, diagnostic Message>
static constexpr void report_derivative_error() {
  using enum derivative_error;
  if constexpr (Kind == not_an_expression)
    static_assert(failed<Subject, Message>, "matdiff: derivative: the function is not a matdiff expression");
  else if constexpr (Kind == not_a_variable)
    static_assert(failed<Subject, Message>, "matdiff: derivative: not taken with respect to a variable");
  else if constexpr (Kind == not_scalar)
    static_assert(failed<Subject, Message>, "matdiff: derivative: the function is not 1x1");
  else if constexpr (Kind == direction_shape)
    static_assert(failed<Subject, Message>, "matdiff: directional: the direction and the variable differ in shape");
}
template <derivative_problem_t P>
static constexpr void report_derivative_error() {
  report_derivative_error<P.kind, subject_of<P.subject>, P.message>();
}
}  // namespace detail

namespace detail {
/// The signature of a derivative of F with respect to V: the variables of F and V itself,
/// so that the derivative accepts every binding of its function (API §4).
template <class F, class V>
static constexpr auto derivative_signature = set_union<signature_of<F>, V::variables_v>;

/// ∇ₓf of an expression without signature.
template <class V, class F>
static constexpr auto gradient_of(const F& f) {
  return identify_gradient<V>(raw_differential<V>(f));
}
}  // namespace detail

/// ∇ₓf: the gradient of the 1x1 expression f with respect to variable X. It accepts the
/// bindings of f, also for variables the gradient no longer contains.
template <class F, class V>
static constexpr auto grad(const F& f, const V&) {
  constexpr detail::derivative_problem_t problem = detail::derivative_problem<F, V>("grad", true);
  if constexpr (any_invalid<F>) {
    return invalid_expression{};
  } else if constexpr (!problem.ok()) {
    detail::report_derivative_error<problem>();
    return invalid_expression{};
  } else {
    return derived_value<F>(
        [&] { return keep_signature<detail::derivative_signature<F, V>>(detail::gradient_of<V>(without_signature(f))); });
  }
}

/// The gradients of f with respect to several variables, as a std::tuple:
/// `auto [gX, gY] = md::grad(f, X, Y);` (one md::kernel evaluates them with shared work).
template <class F, class V, class W, class... More>
static constexpr auto grad(const F& f, const V& x, const W& y, const More&... more) {
  return std::tuple(grad(f, x), grad(f, y), grad(f, more)...);
}

/// df, linear in md::d(X); for a 1x1 f in the identified form tr(Gᵀ dX).
template <class F, class V>
static constexpr auto differential(const F& f, const V& x) {
  constexpr detail::derivative_problem_t problem = detail::derivative_problem<F, V>("differential", false);
  if constexpr (any_invalid<F>) {
    return invalid_expression{};
  } else if constexpr (!problem.ok()) {
    detail::report_derivative_error<problem>();
    return invalid_expression{};
  } else if constexpr (F::shape_v.is_scalar()) {
    return derived_value<F>([&] {
      return keep_signature<detail::derivative_signature<F, V>>(
          simplified(trace(transpose(detail::gradient_of<V>(without_signature(f))) * d(x))));
    });
  } else {
    return derived_value<F>([&] {
      return keep_signature<detail::derivative_signature<F, V>>(simplified(raw_differential<V>(without_signature(f))));
    });
  }
}

}  // namespace matdiff
