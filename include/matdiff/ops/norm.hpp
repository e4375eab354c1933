/// @file
/// `md::norm2(a)` = ‖a‖ (Euclidean for vectors, Frobenius for matrices) and
/// `md::sqnorm(a)` = ‖a‖² = Σᵢⱼ aᵢⱼ² and `md::norm1(a)` = ‖a‖₁ = Σᵢⱼ |aᵢⱼ| (all 1x1; norm1 of
/// a matrix is that of its entries, not the induced norm).
/// Differentials: d‖a‖² = 2⟨a, da⟩; d‖a‖ = ⟨a, da⟩ / ‖a‖; d‖a‖₁ = ⟨sign(a), da⟩.
#pragma once

#include <matdiff/ops/dot.hpp>
#include <matdiff/ops/elementwise.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

template <class P, class A>
static constexpr void print_norm(P& p, const A& a, bool squared) {
  if (!p.latex()) {
    p.call(squared ? "sqnorm" : "norm2", a);
    return;
  }
  p.write("\\left\\lVert ").operand(a, 0).write("\\right\\rVert");
  p.write(A::shape_v.is_column() ? "_{2}" : "_{F}");
  if (squared) p.write("^{2}");
}

struct norm2_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
  static constexpr int precedence(notation n) {
    return n == notation::latex ? precedence::postfix : precedence::atom;
  }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const { print_norm(p, a, false); }

  /// d‖a‖ = ⟨a, da⟩ / ‖a‖
  template <class E, class A, class DA>
  static constexpr auto differential(const E& e, const A& a, const DA& da) {
    return dot(a, da) / e;
  }
};

struct sqnorm_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
  static constexpr int precedence(notation n) {
    return n == notation::latex ? precedence::postfix : precedence::atom;
  }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const { print_norm(p, a, true); }

  /// d‖a‖² = 2⟨a, da⟩
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A& a, const DA& da) {
    return rational<2>{} * dot(a, da);
  }
};

struct norm1_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
  static constexpr int precedence(notation n) {
    return n == notation::latex ? precedence::postfix : precedence::atom;
  }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    if (p.latex()) p.write("\\left\\lVert ").operand(a, 0).write("\\right\\rVert_{1}");
    else p.call("norm1", a);
  }

  /// d‖a‖₁ = ⟨sign(a), da⟩ (sign(0) = 0: the subgradient of least size at a kink)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A& a, const DA& da) {
    return dot(sign(a), da);
  }
};

/// ‖a‖₁ = Σᵢⱼ |aᵢⱼ|
template <class A>
static constexpr auto norm1(const A& a) {
  return make_expression(norm1_op{}, a);
}

/// ‖a‖
template <class A>
static constexpr auto norm2(const A& a) {
  return make_expression(norm2_op{}, a);
}

/// ‖a‖²
template <class A>
static constexpr auto sqnorm(const A& a) {
  return make_expression(sqnorm_op{}, a);
}

}  // namespace matdiff
