/// @file
/// `md::sum(A)`: Σᵢⱼ Aᵢⱼ, the sum of all entries (1x1). Differential: d sum(A) = sum(dA).
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct sum_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{sum}" : "sum", a);
  }

  /// d sum(A) = sum(dA)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return sum(da);
  }
};

/// Σᵢⱼ Aᵢⱼ
template <class A>
constexpr auto sum(const A& a) {
  return make_expression(sum_op{}, a);
}

}  // namespace matdiff
