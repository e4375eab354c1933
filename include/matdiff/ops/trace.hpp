/// @file
/// `md::trace(A)`: tr(A) = Σᵢ Aᵢᵢ of a square matrix (1x1). Differential: d tr(A) = tr(dA).
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct trace_op {
  static consteval diagnostic check(const shape& a) { return check::square("trace", a); }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: trace: the matrix is not square (shapes below)");
  }
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{tr}" : "tr", a);
  }

  /// d tr(A) = tr(dA)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return trace(da);
  }
};

/// tr(A)
template <class A>
constexpr auto trace(const A& a) {
  return make_expression(trace_op{}, a);
}

}  // namespace matdiff
