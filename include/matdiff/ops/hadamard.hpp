/// @file
/// Element-wise product and quotient: `md::hadamard(a, b)` = a ∘ b, `md::hadamard_div(a, b)`
/// = a ⊘ b (equal shapes).
/// Differentials: d(a ∘ b) = da ∘ b + a ∘ db; d(a ⊘ b) = da ⊘ b - (a ∘ db) ⊘ (b ∘ b).
#pragma once

#include <string_view>

#include <matdiff/ops/add.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

/// `a op b`. In LaTeX, where \circ, \oslash, \otimes and juxtaposition have no agreed
/// precedence among themselves, operands other than atoms and superscripted forms are
/// parenthesised: "\left(A B\right) \circ C", "\left(A \otimes B\right) \circ C".
template <class P, class A, class B>
constexpr void print_circled(P& p, const A& a, const B& b, std::string_view latex_op,
                             std::string_view text_op) {
  if (p.latex()) {
    p.operand(a, precedence::postfix).write(latex_op).right_operand(b, precedence::postfix);
  } else {
    p.operand(a, precedence::product).write(text_op).right_operand(b, precedence::prefix);
  }
}

struct hadamard_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("hadamard", a, b);
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: hadamard: the shapes differ (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  static constexpr int precedence(notation) { return precedence::product; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    print_circled(p, a, b, " \\circ ", ".*");
  }

  /// d(a ∘ b) = da ∘ b + a ∘ db
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A& a, const B& b, const DA& da, const DB& db) {
    return hadamard(da, b) + hadamard(a, db);
  }
};

struct hadamard_div_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("hadamard_div", a, b);
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: hadamard_div: the shapes differ (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  static constexpr int precedence(notation) { return precedence::product; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    print_circled(p, a, b, " \\oslash ", "./");
  }

  /// d(a ⊘ b) = da ⊘ b - (a ∘ db) ⊘ (b ∘ b)
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A& a, const B& b, const DA& da, const DB& db) {
    return hadamard_div(da, b) - hadamard_div(hadamard(a, db), hadamard(b, b));
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
