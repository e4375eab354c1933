/// @file
/// `md::vec(A)`: the columns of an m x n matrix stacked into an mn x 1 vector
/// (column-major: vec(A)ᵢ₊ₘⱼ = Aᵢⱼ). Differential: d vec(A) = vec(dA).
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct vec_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a) {
    return {a.rows * a.cols, dimension::fixed(1)};
  }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{vec}" : "vec", a);
  }
};

/// vec(A)
template <class A>
constexpr auto vec(const A& a) {
  return make_expression(vec_op{}, a);
}

}  // namespace matdiff
