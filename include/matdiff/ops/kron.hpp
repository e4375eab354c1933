/// @file
/// `md::kron(a, b)`: the Kronecker product a ⊗ b, (m x n) ⊗ (p x q) = (mp x nq).
/// Differential: d(a ⊗ b) = da ⊗ b + a ⊗ db.
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct kron_op {
  static consteval diagnostic check(const shape&, const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a, const shape& b) {
    return {a.rows * b.rows, a.cols * b.cols};
  }
  static constexpr int precedence(notation n) {
    return n == notation::latex ? precedence::product : precedence::atom;
  }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    if (p.latex()) {
      p.operand(a, precedence::product).write(" \\otimes ").right_operand(b, precedence::prefix);
    } else {
      p.call("kron", a, b);
    }
  }
};

/// a ⊗ b
template <class A, class B>
constexpr auto kron(const A& a, const B& b) {
  return make_expression(kron_op{}, a, b);
}

}  // namespace matdiff
