/// @file
/// Element-wise product and quotient: `md::hadamard(a, b)` = a ∘ b, `md::hadamard_div(a, b)`
/// = a ⊘ b (equal shapes).
/// Differentials: d(a ∘ b) = da ∘ b + a ∘ db; d(a ⊘ b) = da ⊘ b - (a ∘ db) ⊘ (b ∘ b).
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct hadamard_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("hadamard", a, b);
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  static constexpr int precedence(notation) { return precedence::product; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    p.operand(a, precedence::product).write(p.latex() ? " \\circ " : ".*");
    p.right_operand(b, precedence::prefix);
  }
};

struct hadamard_div_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("hadamard_div", a, b);
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  static constexpr int precedence(notation) { return precedence::product; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    p.operand(a, precedence::product).write(p.latex() ? " \\oslash " : "./");
    p.right_operand(b, precedence::prefix);
  }
};

/// a ∘ b
template <class A, class B>
constexpr auto hadamard(const A& a, const B& b) {
  return make_expression(hadamard_op{}, a, b);
}

/// a ⊘ b
template <class A, class B>
constexpr auto hadamard_div(const A& a, const B& b) {
  return make_expression(hadamard_div_op{}, a, b);
}

}  // namespace matdiff
