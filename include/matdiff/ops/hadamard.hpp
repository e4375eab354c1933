/// @file
/// Element-wise product and quotient: `md::hadamard(a, b)` = a ∘ b, `md::hadamard_div(a, b)`
/// = a ⊘ b (equal shapes).
/// Differentials: d(a ∘ b) = da ∘ b + a ∘ db; d(a ⊘ b) = da ⊘ b - (a ∘ db) ⊘ (b ∘ b).
#pragma once

#include <string_view>

#include <matdiff/ops/add.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/vec.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/linear.hpp>
#include <matdiff/rules/patterns.hpp>

namespace matdiff {

/// `a op b`. In LaTeX, where \circ, \oslash, \otimes and juxtaposition have no agreed
/// precedence among themselves, operands other than atoms and superscripted forms are
/// parenthesised: "\left(A B\right) \circ C", "\left(A \otimes B\right) \circ C".
template <class P, class A, class B>
static constexpr void print_circled(P& p, const A& a, const B& b, std::string_view latex_op,
                             std::string_view text_op) {
  if (p.latex()) {
    p.operand(a, precedence::postfix).write(latex_op).right_operand(b, precedence::postfix);
  } else {
    p.operand(a, precedence::product).write(text_op).right_operand(b, precedence::prefix);
  }
}

struct hadamard_op {
  /// (A∘B)ᵀ = Aᵀ∘Bᵀ: a transpose passes to the operands (rules/transpose.hpp).
  static constexpr bool transpose_passes_through = true;
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
    if constexpr (is_zero<DA>) return hadamard(a, db);  // as for products (ops/product.hpp)
    else if constexpr (is_zero<DB>) return hadamard(da, b);
    else return hadamard(da, b) + hadamard(a, db);
  }
};

struct hadamard_div_op {
  /// (A⊘B)ᵀ = Aᵀ⊘Bᵀ: a transpose passes to the operands (rules/transpose.hpp).
  static constexpr bool transpose_passes_through = true;
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
    if constexpr (is_zero<DA>) return -hadamard_div(hadamard(a, db), hadamard(b, b));  // as for products
    else if constexpr (is_zero<DB>) return hadamard_div(da, b);
    else return hadamard_div(da, b) - hadamard_div(hadamard(a, db), hadamard(b, b));
  }
};

/// a ∘ b
template <class A, class B>
static constexpr auto hadamard(const A& a, const B& b) {
  return make_expression(hadamard_op{}, a, b);
}

/// a ⊘ b
template <class A, class B>
static constexpr auto hadamard_div(const A& a, const B& b) {
  return make_expression(hadamard_div_op{}, a, b);
}

/// The gradient walk through A∘M and M⊘B: M gets A∘C, C⊘B, since
/// tr(Cᵀ(A∘dM)) = tr((A∘C)ᵀ dM).
template <class E, class C>
static constexpr auto pull_through(const hadamard_op&, const E& e, const C& c) {
  const auto& a = arg<0>(e);
  const auto& b = arg<1>(e);
  if constexpr (contains_differential<std::remove_cvref_t<decltype(a)>>)
    return identification::pull(a, make_node(hadamard_op{}, c, b));
  else
    return identification::pull(b, make_node(hadamard_op{}, a, c));
}
template <class E, class C>
static constexpr auto pull_through(const hadamard_div_op&, const E& e, const C& c) {
  static_assert(!contains_differential<std::remove_cvref_t<decltype(arg<1>(e))>>,
                "matdiff: identification: dX in a divisor is not linear");
  return identification::pull(arg<0>(e), make_node(hadamard_div_op{}, c, arg<1>(e)));
}

// diag(v), for the vec walks below (ops/diag.hpp includes this header: diagonal(uwᵀ) = u∘w).
template <class V>
static constexpr auto diag(const V& v);

/// The vec walk: vec(A∘dM) = diag(vec A) vec(dM), vec(dM⊘B) = diag(vec(1⊘B)) vec(dM).
template <class V, class E>
static constexpr auto push_through(const hadamard_op&, const E& e) {
  const auto& a = arg<0>(e);
  const auto& b = arg<1>(e);
  if constexpr (contains_differential<std::remove_cvref_t<decltype(a)>>)
    return diag(vec(b)) * vec_identification::push<V>(a);
  else
    return diag(vec(a)) * vec_identification::push<V>(b);
}
template <class V, class E>
static constexpr auto push_through(const hadamard_div_op&, const E& e) {
  using B = std::remove_cvref_t<decltype(arg<1>(e))>;
  static_assert(!contains_differential<B>, "matdiff: jacobian: dX in a divisor is not linear");
  constexpr auto ones =
      constant_matrix<constant_kind::ones, vec_identification::size_of(B::shape_v), dimension::fixed(1)>{};
  return diag(hadamard_div(ones, vec(arg<1>(e)))) * vec_identification::push<V>(arg<0>(e));
}

/// The simplification rules of ∘ (rules/simplify.hpp): a∘b = ab (1x1), ones∘B = B,
/// A∘ones = A, and ∘ is bilinear: 0∘B = 0, (-A)∘B = -(A∘B), (sA)∘B = s(A∘B), likewise in B.
/// A chain of ∘ is associated from the left, A∘(B∘C) = (A∘B)∘C, so that one product of the
/// same factors has one type and like terms meet (the gradient of ‖X∘X‖² is 4 X∘X∘X, not
/// 2(X∘(X∘X) + X∘X∘X)).
template <class A, class B>
static constexpr auto rewrite(const hadamard_op& op, const A& a, const B& b) {
  if constexpr (A::shape_v.is_scalar()) return rewrite(product_op{}, a, b);
  else if constexpr (is_ones<A>) return b;
  else if constexpr (is_ones<B>) return a;
  else if constexpr (is_node_of<B, hadamard_op>)
    return rewrite(op, rewrite(op, a, arg<0>(b)), arg<1>(b));
  else return rewrite_bilinear(op, a, b);
}

/// a⊘b = a/b (1x1), and ⊘ is linear in its first operand: 0⊘B = 0, (-A)⊘B = -(A⊘B),
/// (sA)⊘B = s(A⊘B).
template <class A, class B>
static constexpr auto rewrite(const hadamard_div_op& op, const A& a, const B& b) {
  if constexpr (A::shape_v.is_scalar()) return rewrite(quotient_op{}, a, b);
  else if constexpr (is_zero<A>) return a;
  else if constexpr (is_negation<A>) return rewrite(a.op, rewrite(op, arg<0>(a), b));
  else if constexpr (is_scalar_multiple<A>) return rewrite(a.op, arg<0>(a), rewrite(op, arg<1>(a), b));
  else return make_node(op, a, b);
}

}  // namespace matdiff
