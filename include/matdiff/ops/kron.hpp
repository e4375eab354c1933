/// @file
/// `md::kron(a, b)`: the Kronecker product a ⊗ b, (m x n) ⊗ (p x q) = (mp x nq).
/// Differential: d(a ⊗ b) = da ⊗ b + a ⊗ db.
#pragma once

#include <matdiff/ops/add.hpp>
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
      // Operands other than atoms and superscripted forms are parenthesised, as for \circ.
      p.operand(a, precedence::postfix).write(" \\otimes ").right_operand(b, precedence::postfix);
    } else {
      p.call("kron", a, b);
    }
  }

  /// d(a ⊗ b) = da ⊗ b + a ⊗ db
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A& a, const B& b, const DA& da, const DB& db) {
    return kron(da, b) + kron(a, db);
  }
};

/// a ⊗ b
template <class A, class B>
constexpr auto kron(const A& a, const B& b) {
  return make_expression(kron_op{}, a, b);
}

/// The adjoints of the Kronecker product, which carry gradients back through a ⊗ b
/// (identification): for C of the shape of a ⊗ b, with b p x q,
///   kron_adjoint_left(C, b)ᵢⱼ  = ⟨C block (i, j), b⟩        (the shape of a, R x C)
///   kron_adjoint_right(a, C)   = Σᵢⱼ aᵢⱼ C block (i, j)      (the shape of b, R x C)
/// so that ⟨C, da ⊗ b⟩ = ⟨kron_adjoint_left(C, b), da⟩ and likewise on the right.
/// They print in the notation of the rearrangement R(C) (Van Loan and Pitsianis), the matrix
/// whose row (i, j) is vec(C block (i, j))ᵀ, so that ⟨C, a ⊗ b⟩ = vec(a)ᵀ R(C) vec(b):
/// kron_adjoint_left(C, b) = unvec(R(C)*vec(b)), kron_adjoint_right(a, C) = unvec(R(C)'*vec(a)).
template <bool Left, dimension Rows, dimension Cols>
struct kron_adjoint_op {
  static consteval diagnostic check(const shape& first, const shape& second) {
    const shape& c = Left ? first : second;
    const shape& other = Left ? second : first;
    if (c == shape{Rows * other.rows, Cols * other.cols} || c == shape{other.rows * Rows, other.cols * Cols}) return {};
    return text("matdiff: kron adjoint of ") + c.to_text() + " and " + other.to_text() + ": sizes differ";
  }
  static constexpr shape result_shape(const shape&, const shape&) { return {Rows, Cols}; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    const auto& c = [&]() -> const auto& { if constexpr (Left) return a; else return b; }();
    const auto& other = [&]() -> const auto& { if constexpr (Left) return b; else return a; }();
    if (p.latex()) {
      p.write("\\operatorname{vec}^{-1}\\left(\\mathcal{R}").open().operand(c, 0).close();
      p.write(Left ? " " : "^{\\top} ").write("\\operatorname{vec}").open().operand(other, 0).close().write("\\right)");
    } else {
      p.write("unvec(R").open().operand(c, 0).close();
      p.write(Left ? "*vec" : "'*vec").open().operand(other, 0).close().write(")");
    }
  }
  /// Linear in each operand.
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A& a, const B& b, const DA& da, const DB& db) {
    return make_expression(kron_adjoint_op{}, da, b) + make_expression(kron_adjoint_op{}, a, db);
  }
};

/// (⟨C block (i, j), b⟩)ᵢⱼ, an R x C matrix.
template <dimension Rows, dimension Cols, class C, class B>
constexpr auto kron_adjoint_left(const C& c, const B& b) {
  return make_expression(kron_adjoint_op<true, Rows, Cols>{}, c, b);
}

/// Σᵢⱼ aᵢⱼ C block (i, j), an R x C matrix.
template <dimension Rows, dimension Cols, class A, class C>
constexpr auto kron_adjoint_right(const A& a, const C& c) {
  return make_expression(kron_adjoint_op<false, Rows, Cols>{}, a, c);
}

}  // namespace matdiff
