/// @file
/// Sum, difference and negation: `a + b`, `a - b`, `-a` (equal shapes).
///
/// A number next to a 1x1 expression is a 1x1 literal: `f + 1`.
/// Differentials: d(a + b) = da + db, d(a - b) = da - db, d(-a) = -da.
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct add_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("sum", a, b);
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: sum: the shapes differ (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  static constexpr int precedence(notation) { return precedence::sum; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    // A + (-B) prints as A - B.
    p.operand(a, precedence::sum);
    const text right = p.render(b, precedence::product);
    if (right.front() == '-') p.write(" - ").write(right.view().substr(1));
    else p.write(" + ").write(right);
  }

  /// d(a + b) = da + db
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A&, const B&, const DA& da, const DB& db) {
    return da + db;
  }
};

struct subtract_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("difference", a, b);
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: difference: the shapes differ (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  static constexpr int precedence(notation) { return precedence::sum; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    p.operand(a, precedence::sum).write(" - ").right_operand(b, precedence::product);
  }

  /// d(a - b) = da - db
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A&, const B&, const DA& da, const DB& db) {
    return da - db;
  }
};

struct negate_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a) { return a; }
  static constexpr int precedence(notation) { return precedence::prefix; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.write("-").right_operand(a, precedence::product);
  }

  /// d(-a) = -da
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return -da;
  }
};

/// a + b
template <operand A, operand B>
  requires(expression<A> || expression<B>)
constexpr auto operator+(const A& a, const B& b) {
  return make_expression(add_op{}, as_expression(a), as_expression(b));
}

/// a - b
template <operand A, operand B>
  requires(expression<A> || expression<B>)
constexpr auto operator-(const A& a, const B& b) {
  return make_expression(subtract_op{}, as_expression(a), as_expression(b));
}

/// -a
template <expression A>
constexpr auto operator-(const A& a) {
  return make_expression(negate_op{}, a);
}

}  // namespace matdiff
