/// @file
/// `md::maximum(a, b)` and `md::minimum(a, b)`: the larger and the smaller of each pair of
/// entries of two expressions of one shape (a number on either side stands for that number
/// in every entry). Where the entries tie, the derivative is that of a.
/// Differentials, with step(x) = 1 for x > 0 and 0 for x ≤ 0 (ops/elementwise.hpp):
///   d max(a, b) = da + step(b - a) ∘ (db - da)   (db where b > a, else da)
///   d min(a, b) = da + step(a - b) ∘ (db - da)   (db where b < a, else da)
#pragma once

#include <string_view>

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/elementwise.hpp>
#include <matdiff/ops/hadamard.hpp>

namespace matdiff {

/// "max(a, b)"; in LaTeX "\max\left(a, b\right)".
template <class P, class A, class B>
static constexpr void print_extremum(P& p, const A& a, const B& b, std::string_view name) {
  p.call(p.latex() ? (name == "max" ? "\\max" : "\\min") : name, a, b);
}

struct maximum_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("maximum", a, b);
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: maximum: the shapes differ (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    print_extremum(p, a, b, "max");
  }

  /// d max(a, b) = da + step(b - a) ∘ (db - da): db where b > a, da where a ≥ b (ties to a)
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A& a, const B& b, const DA& da, const DB& db) {
    return da + hadamard(step(b - a), db - da);
  }
};

struct minimum_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("minimum", a, b);
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: minimum: the shapes differ (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    print_extremum(p, a, b, "min");
  }

  /// d min(a, b) = da + step(a - b) ∘ (db - da): db where b < a, da where a ≤ b (ties to a)
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A& a, const B& b, const DA& da, const DB& db) {
    return da + hadamard(step(a - b), db - da);
  }
};

/// max(a, b), entry by entry; a number stands for itself in every entry
template <operand A, operand B>
  requires(expression<A> || expression<B>)
static constexpr auto maximum(const A& a, const B& b) {
  return make_expression(maximum_op{}, as_term<B>(a), as_term<A>(b));
}

/// min(a, b), entry by entry; a number stands for itself in every entry
template <operand A, operand B>
  requires(expression<A> || expression<B>)
static constexpr auto minimum(const A& a, const B& b) {
  return make_expression(minimum_op{}, as_term<B>(a), as_term<A>(b));
}

}  // namespace matdiff
