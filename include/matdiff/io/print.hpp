/// @file
/// `md::to_string(e)`, `md::to_latex(e)` and `std::cout << e`.
///
/// Both printers run in constant expressions:
/// `static_assert(md::to_string(md::trace(X * B)) == "tr(X*B)");`
#pragma once

#include <ostream>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/text.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

namespace detail {
template <class E>
static constexpr text print_as(const E& e, notation style) {
  printer p{style};
  p.operand(e, 0);
  return static_cast<text&&>(p.out);
}
}  // namespace detail

/// Plain-text formula: `X*(B + B')`, `tr(inv(X)*A)`, `x.^2`, `hadamard` as `.*`.
template <class E>
static constexpr text to_string(const E& e) {
  static_assert(expression<E>, "matdiff: to_string: the argument is not a matdiff expression");
  if constexpr (expression<E>) return detail::print_as(e, notation::text);
  else return {};
}

/// LaTeX formula: `X\left(B + B^{\top}\right)`.
template <class E>
static constexpr text to_latex(const E& e) {
  static_assert(expression<E>, "matdiff: to_latex: the argument is not a matdiff expression");
  if constexpr (expression<E>) return detail::print_as(e, notation::latex);
  else return {};
}

inline std::ostream& operator<<(std::ostream& os, const text& t) { return os << t.view(); }

/// Writes `md::to_string(e)`.
template <expression E>
static std::ostream& operator<<(std::ostream& os, const E& e) {
  return os << to_string(e).view();
}

}  // namespace matdiff
