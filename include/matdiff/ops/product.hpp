/// @file
/// Matrix product `a * b` (scaling when a side is 1x1) and quotient `a / s` (s 1x1).
///
/// Shape: (m x k)(k x n) = m x n; (1x1)(m x n) = (m x n)(1x1) = m x n.
/// Differentials: d(ab) = da b + a db; d(a/s) = da/s - a ds/s^2.
#pragma once

#include <type_traits>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/constants.hpp>

namespace matdiff {

template <class N>
static constexpr bool numerator_is_one(const N& n) {
  if constexpr (__is_same(N, literal)) return n.value.is(1);
  else return true;
}

struct product_op;

/// s·s of a 1x1 s printed twice alike, which prints as s^2.
template <class P, class S>
static constexpr bool is_printed_square(const P& p, const S& s) {
  if constexpr (is_node_of<S, product_op>) {
    using F = std::remove_cvref_t<decltype(arg<0>(s))>;
    if constexpr (F::shape_v.is_scalar() && __is_same(F, std::remove_cvref_t<decltype(arg<1>(s))>))
      return p.render(arg<0>(s)) == p.render(arg<1>(s));
  }
  return false;
}

/// "f^2"; in LaTeX "f^{2}".
template <class P, class F>
static constexpr void print_square(P& p, const F& f) {
  p.operand(f, precedence::postfix).write(p.latex() ? "^{2}" : "^2");
}

/// The divisor s of a quotient: s·s as s^2, else s itself at `minimum` precedence.
template <class P, class S>
static constexpr void print_divisor(P& p, const S& s, int minimum) {
  if constexpr (is_node_of<S, product_op>) {
    if (is_printed_square(p, s)) {
      print_square(p, arg<0>(s));
      return;
    }
  }
  if (minimum == 0) p.operand(s, 0);
  else p.right_operand(s, minimum);
}

/// "a/s"; in LaTeX \frac{a}{s}. A divisor s·s prints as s^2: "a/(x'*x)^2".
template <class P, class A, class S>
static constexpr void print_quotient(P& p, const A& a, const S& s) {
  if (p.latex()) {
    p.write("\\frac{").operand(a, 0).write("}{");
    print_divisor(p, s, 0);
    p.write("}");
  } else {
    p.operand(a, precedence::product).write("/");
    print_divisor(p, s, precedence::postfix);
  }
}

/// ±1 written as a number, exactly or as a floating-point value (0.5*2): not printed as a factor.
constexpr bool is_unit(const number& n) {
  return n.is(1) || n.is(-1) || (!n.exact && (n.approximate == 1 || n.approximate == -1));
}

struct quotient_op;

/// True when e is zero by the value of a user number in it: 0*A, A*0, 0/s. User numbers are
/// values, so `simplify` cannot take such a term out of the type; it prints as 0, and a sum
/// leaves it out: `simplify(X*I + 0*A)` prints as X. (Evaluation still computes 0·A, which is
/// 0 for finite A.)
template <class E>
static constexpr bool is_zero_value(const E& e) {
  if constexpr (__is_same(E, literal)) return e.value.is(0);
  else if constexpr (is_node_of<E, product_op>) return is_zero_value(arg<0>(e)) || is_zero_value(arg<1>(e));
  else if constexpr (is_node_of<E, quotient_op>) return is_zero_value(arg<0>(e));
  else return false;
}

struct product_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    if (a.is_scalar() || b.is_scalar() || a.cols == b.rows) return {};
    return text("matdiff: product of ") + a.to_text() + " and " + b.to_text() +
           ": inner dimensions differ";
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: product: inner dimensions differ (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape& b) {
    if (a.is_scalar()) return b;
    if (b.is_scalar()) return a;
    return {a.rows, b.cols};
  }
  /// In LaTeX, juxtaposition binds tighter than \circ, \oslash and \otimes.
  template <class A, class B>
  static constexpr int precedence(notation n, const A& a, const B& b) {
    if (is_zero_value(a) || is_zero_value(b)) return precedence::atom;
    return n == notation::latex ? precedence::prefix : precedence::product;
  }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    if (is_zero_value(a) || is_zero_value(b)) {  // 0*A prints as 0
      p.write("0");
      return;
    }
    if constexpr (__is_same(A, literal)) {  // 1*B prints as B, -1*B as -B
      if (is_unit(a.value)) {
        if (a.value.negative()) p.write("-");
        p.right_operand(b, p.latex() ? precedence::prefix : precedence::product);
        return;
      }
    }
    // (1/s)*B prints as B/s.
    if constexpr (is_node_of<A, quotient_op>) {
      const auto& numerator = arg<0>(a);
      using N = std::remove_cvref_t<decltype(numerator)>;
      if constexpr (__is_same(N, literal) || __is_same(N, rational<1>)) {
        if (__is_same(N, rational<1>) || numerator_is_one(numerator)) {
          print_quotient(p, b, arg<1>(a));
          return;
        }
      }
    }
    // A*(1/s) prints as A/s.
    if constexpr (is_node_of<B, quotient_op>) {
      const auto& numerator = arg<0>(b);
      using N = std::remove_cvref_t<decltype(numerator)>;
      if constexpr (__is_same(N, literal) || __is_same(N, rational<1>)) {
        if (__is_same(N, rational<1>) || numerator_is_one(numerator)) {
          print_quotient(p, a, arg<1>(b));
          return;
        }
      }
    }
    // s*s of a 1x1 s prints as s^2.
    if constexpr (A::shape_v.is_scalar() && __is_same(A, B) && !__is_same(A, literal)) {
      if (p.render(a) == p.render(b)) {
        print_square(p, a);
        return;
      }
    }
    // A 1x1 factor commutes and associates with anything: s*A*B needs no parentheses. A 1x1
    // product on the right of a matrix does: A*(x'*b) would read as (A*x')*b.
    constexpr bool scaling = A::shape_v.is_scalar();
    constexpr bool scalar_product_right = B::shape_v.is_scalar() && !scaling && is_node_of<B, product_op>;
    constexpr int right_minimum = scalar_product_right ? precedence::postfix
                                  : scaling           ? precedence::product
                                                      : precedence::prefix;
    if (!p.latex()) {
      p.operand(a, precedence::product).write("*").right_operand(b, right_minimum);
      return;
    }
    // LaTeX juxtaposes factors: "\left(A \circ B\right) C"; a right factor that is a
    // product or starts with a minus sign is parenthesised, "A\left(-B\right)" (not
    // "A -B"); a number on the right is set off by \cdot.
    p.operand(a, precedence::prefix);
    text right = p.render(b, scaling && !scalar_product_right ? precedence::prefix : precedence::postfix);
    if (right.front() == '-') right = text("\\left(") + right + "\\right)";
    const char first = right.front();
    p.write(first >= '0' && first <= '9' ? " \\cdot " : first == '\\' ? "" : " ").write(right);
  }

  /// d(ab) = da b + a db; a term whose differential is 0 (a constant factor) is left out,
  /// not built to be simplified away: 58 of the 1,164 MB g++ allocated for the 64-term sum.
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A& a, const B& b, const DA& da, const DB& db) {
    if constexpr (is_zero<DA>) return a * db;
    else if constexpr (is_zero<DB>) return da * b;
    else return da * b + a * db;
  }
};

struct quotient_op {
  static consteval diagnostic check(const shape& a, const shape& s) {
    if (s.is_scalar()) return {};
    return text("matdiff: quotient of ") + a.to_text() + " by " + s.to_text() +
           ": the divisor must be 1x1";
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: quotient: the divisor is not 1x1 (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  /// In LaTeX \frac is parenthesised before a superscript: \left(\frac{A}{2}\right)^{\top}.
  static constexpr int precedence(notation n) {
    return n == notation::latex ? precedence::postfix : precedence::product;
  }
  template <class P, class A, class S>
  constexpr void print(P& p, const A& a, const S& s) const {
    print_quotient(p, a, s);
  }

  /// d(a/s) = da/s - a ds/s²
  template <class E, class A, class S, class DA, class DS>
  static constexpr auto differential(const E&, const A& a, const S& s, const DA& da, const DS& ds) {
    if constexpr (is_zero<DA>) return -(a * ds / (s * s));  // as for products, above
    else if constexpr (is_zero<DS>) return da / s;
    else return da / s - a * ds / (s * s);
  }
};

/// a * b: matrix product, or scaling when either side is 1x1 (or a number).
template <operand A, operand B>
  requires(expression<A> || expression<B>)
static constexpr auto operator*(const A& a, const B& b) {
  return make_expression(product_op{}, as_expression(a), as_expression(b));
}

/// An Eigen object is a value to bind to a variable, not an operand: X * M is reported as a
/// product error rather than as a failed overload resolution.
template <class T>
concept eigen_value = !operand<T> && requires { typename T::Scalar; T::RowsAtCompileTime; };

template <class A, class B>
  requires((expression<A> && eigen_value<B>) || (eigen_value<A> && expression<B>))
static constexpr auto operator*(const A&, const B&) {
  static_assert(sizeof(A) == 0,
                "matdiff: product: an operand is an Eigen object, not a matdiff expression "
                "(bind Eigen values to variables: md::eval(e, X = value))");
  return invalid_expression{};
}

/// a / s: division by a 1x1 expression or a number.
template <operand A, operand S>
  requires(expression<A> || expression<S>)
static constexpr auto operator/(const A& a, const S& s) {
  return make_expression(quotient_op{}, as_expression(a), as_expression(s));
}

// vec(a), ⟨a, b⟩ and a ⊗ b, for the walks below (ops/vec.hpp, ops/dot.hpp and ops/kron.hpp
// include this header, ops/vec.hpp through the rules of simplification, rules/linear.hpp).
template <class A>
static constexpr auto vec(const A& a);
template <class A, class B>
static constexpr auto dot(const A& a, const B& b);
template <class A, class B>
static constexpr auto kron(const A& a, const B& b);

/// The gradient walk through products, with the cyclic rule of the trace:
///     A·M: M gets AᵀC      tr(Cᵀ A dM) = tr((AᵀC)ᵀ dM)
///     M·B: M gets CBᵀ      tr(Cᵀ dM B) = tr((CBᵀ)ᵀ dM)
///     s·M, M·s (s 1x1): M gets s·C, s gets ⟨C, M⟩
template <class E, class C>
static constexpr auto pull_through(const product_op&, const E& e, const C& c) {
  using identification::pull;
  const auto& a = arg<0>(e);
  const auto& b = arg<1>(e);
  using A = std::remove_cvref_t<decltype(a)>;
  using B = std::remove_cvref_t<decltype(b)>;
  constexpr bool a_scalar = A::shape_v.is_scalar(), b_scalar = B::shape_v.is_scalar();
  static_assert(!(contains_differential<A> && contains_differential<B>),
                "matdiff: identification: dX on both sides of a product");
  if constexpr (a_scalar == b_scalar) {  // a matrix product, or a product of two 1x1
    if constexpr (contains_differential<A>) return pull(a, make_node(product_op{}, c, make_node(transpose_op{}, b)));
    else return pull(b, make_node(product_op{}, make_node(transpose_op{}, a), c));
  } else if constexpr (a_scalar) {  // s·M
    if constexpr (contains_differential<A>) return pull(a, dot(c, b));
    else return pull(b, make_node(product_op{}, a, c));
  } else {  // M·s
    if constexpr (contains_differential<A>) return pull(a, make_node(product_op{}, c, b));
    else return pull(b, dot(c, a));
  }
}

/// The gradient walk through M/s: M gets C/s.
template <class E, class C>
static constexpr auto pull_through(const quotient_op&, const E& e, const C& c) {
  static_assert(!contains_differential<std::remove_cvref_t<decltype(arg<1>(e))>>,
                "matdiff: identification: dX in a divisor is not linear");
  return identification::pull(arg<0>(e), make_node(quotient_op{}, c, arg<1>(e)));
}

/// The vec walk through products: vec(A dM B) = (Bᵀ ⊗ A) vec(dM), so
///     A dM: (I ⊗ A) J,   dM B: (Bᵀ ⊗ I) J,   s dM: s J,   ds M: vec(M) J_s
template <class V, class E>
static constexpr auto push_through(const product_op&, const E& e) {
  using vec_identification::identity_v, vec_identification::push;
  const auto& a = arg<0>(e);
  const auto& b = arg<1>(e);
  using A = std::remove_cvref_t<decltype(a)>;
  using B = std::remove_cvref_t<decltype(b)>;
  static_assert(!(contains_differential<A> && contains_differential<B>),
                "matdiff: jacobian: dX on both sides of a product");
  constexpr bool a_scalar = A::shape_v.is_scalar(), b_scalar = B::shape_v.is_scalar();
  if constexpr (a_scalar && b_scalar) {
    if constexpr (contains_differential<A>) return b * push<V>(a);
    else return a * push<V>(b);
  } else if constexpr (a_scalar) {  // s·M
    if constexpr (contains_differential<A>) return vec(b) * push<V>(a);
    else return a * push<V>(b);
  } else if constexpr (b_scalar) {  // M·s
    if constexpr (contains_differential<A>) return b * push<V>(a);
    else return vec(a) * push<V>(b);
  } else if constexpr (contains_differential<A>) {  // vec(dM B) = (Bᵀ ⊗ I) vec(dM)
    return kron(transpose(b), identity_v<A::shape_v.rows>) * push<V>(a);
  } else {  // vec(A dM) = (I ⊗ A) vec(dM)
    return kron(identity_v<B::shape_v.cols>, a) * push<V>(b);
  }
}

/// The vec walk through dM/s: J/s.
template <class V, class E>
static constexpr auto push_through(const quotient_op&, const E& e) {
  static_assert(!contains_differential<std::remove_cvref_t<decltype(arg<1>(e))>>,
                "matdiff: jacobian: dX in a divisor is not linear");
  return vec_identification::push<V>(arg<0>(e)) / arg<1>(e);
}

}  // namespace matdiff
