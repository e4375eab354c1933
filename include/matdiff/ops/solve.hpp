/// @file
/// `md::solve(A, B)`: A⁻¹B for a square A with as many rows as B, evaluated by a factorization
/// of A (eval/ops/solve.hpp), never by forming A⁻¹.
/// Differential: d solve(A, B) = solve(A, dB - dA solve(A, B)) = A⁻¹(dB - dA A⁻¹B).
/// solve(A, M) is linear in M; the derivative walks pass through it by the rules beside the
/// node (found by argument-dependent lookup, so the walkers name no operation):
///   cotangent walk   M gets solve(Aᵀ, C)          tr(Cᵀ A⁻¹ dM) = tr((A⁻ᵀC)ᵀ dM)
///   vec walk         (I ⊗ A⁻¹) J                  vec(A⁻¹ dM) = (I ⊗ A⁻¹) vec(dM)
#pragma once

#include <type_traits>

#include <matdiff/calculus/d.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/inv.hpp>
#include <matdiff/ops/kron.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>

namespace matdiff {

template <class A, class B>
static constexpr auto solve(const A& a, const B& b);

struct solve_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    if (!a.is_square())
      return text("matdiff: solve of ") + a.to_text() + " and " + b.to_text() + ": the matrix is not square";
    if (!(a.rows == b.rows))
      return text("matdiff: solve of ") + a.to_text() + " and " + b.to_text() + ": the rows differ";
    return {};
  }
  template <diagnostic Problem>
  static constexpr void report() {
    if constexpr (Problem.view().ends_with("not square"))
      static_assert(error<Problem>, "matdiff: solve: the matrix is not square (shapes below)");
    else
      static_assert(error<Problem>, "matdiff: solve: the matrix and the right-hand side have different rows (shapes below)");
  }
  static constexpr shape result_shape(const shape&, const shape& b) { return b; }
  /// Text "solve(A, B)"; LaTeX the product A^{-1} B it stands for.
  static constexpr int precedence(notation n) {
    return n == notation::latex ? precedence::prefix : precedence::atom;
  }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    if (!p.latex()) {
      p.call("solve", a, b);
      return;
    }
    // B binds at least as a postfix form: a product, sum or negation is parenthesised.
    const text right = p.render(b, precedence::postfix);
    p.operand(a, precedence::atom).write("^{-1}").write(right.front() == '\\' ? "" : " ").write(right);
  }

  /// d solve(A, B) = solve(A, dB - dA solve(A, B))
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E& e, const A& a, const B&, const DA& da, const DB& db) {
    return solve(a, db - da * e);
  }
};

/// A⁻¹B, by a factorization of A
template <class A, class B>
static constexpr auto solve(const A& a, const B& b) {
  return make_expression(solve_op{}, a, b);
}

/// The cotangent walk through solve(A, M), linear in M: M gets solve(Aᵀ, C), since
/// tr(Cᵀ A⁻¹ dM) = tr((A⁻ᵀC)ᵀ dM).
template <class E, class C>
static constexpr auto pull_through(const solve_op&, const E& e, const C& c) {
  const auto& a = arg<0>(e);
  static_assert(!contains_differential<std::remove_cvref_t<decltype(a)>>,
                "matdiff: identification: dX in the matrix of a solve is not linear");
  return identification::pull(arg<1>(e), make_node(solve_op{}, make_node(transpose_op{}, a), c));
}

/// The vec walk through solve(A, M), M n x q: vec(A⁻¹ dM) = (I_q ⊗ A⁻¹) vec(dM).
template <class V, class E>
static constexpr auto push_through(const solve_op&, const E& e) {
  using B = std::remove_cvref_t<decltype(arg<1>(e))>;
  static_assert(!contains_differential<std::remove_cvref_t<decltype(arg<0>(e))>>,
                "matdiff: jacobian: dX in the matrix of a solve is not linear");
  constexpr auto identity = constant_matrix<constant_kind::identity, B::shape_v.cols, B::shape_v.cols>{};
  return kron(identity, inv(arg<0>(e))) * vec_identification::push<V>(arg<1>(e));
}

}  // namespace matdiff
