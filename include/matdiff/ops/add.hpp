/// @file
/// Sum, difference and negation: `a + b`, `a - b`, `-a` (equal shapes).
///
/// A number next to a 1x1 expression is a 1x1 literal: `f + 1`; next to a matrix it is
/// added to every entry: `X + c` is X + c·ones, `c - X` is c·ones - X.
/// Differentials: d(a + b) = da + db, d(a - b) = da - db, d(-a) = -da.
#pragma once

#include <type_traits>

#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/calculus/walks.hpp>

namespace matdiff {

struct add_op;
struct subtract_op;

namespace sum_printing {

/// Calls f(term, negative) for each term of the sum chain e (through + and -).
template <class E, class F>
static constexpr void for_each_term(const E& e, bool negative, F& f) {
  if constexpr (is_node_of<E, add_op>) {
    for_each_term(arg<0>(e), negative, f);
    for_each_term(arg<1>(e), negative, f);
  } else if constexpr (is_node_of<E, subtract_op>) {
    for_each_term(arg<0>(e), negative, f);
    for_each_term(arg<1>(e), !negative, f);
  } else {
    f(e, negative);
  }
}

/// The number a term starts with (c of c*T), 1 when it has none.
template <class E>
static constexpr number coefficient_of(const E& e) {
  if constexpr (is_node_of<E, product_op>) {
    using N = std::remove_cvref_t<decltype(arg<0>(e))>;
    if constexpr (__is_same(N, literal) || is_rational<N>) return arg<0>(e).value;
  }
  return number(1);
}

/// T of c*T, or the term itself.
template <class E>
static constexpr const auto& core_of(const E& e) {
  if constexpr (is_node_of<E, product_op>) {
    using N = std::remove_cvref_t<decltype(arg<0>(e))>;
    if constexpr (__is_same(N, literal) || is_rational<N>) return arg<1>(e);
    else return e;
  } else {
    return e;
  }
}

/// How a sum prints: with a common factor taken out ("0.5*(A + A')", "(A + A')/2") when all
/// its terms have one number of the same size in front, other than 1; with every sign
/// flipped under a minus when all its terms are subtracted ("-(-A - B)" as "A + B").
struct form {
  int count = 0;
  number first;               // the signed coefficient of the first term
  bool common = true;         // every coefficient is ±first
  bool all_negative = true;   // every term is subtracted (sign and coefficient)
};

/// The fold of a sum's terms into its form. A class, not a lambda in form_of: a lambda is a
/// type of its own for each sum, so printing the k partial sums of a chain instantiated
/// for_each_term and the visit once per pair of a partial sum and a term inside it (the
/// gradient of a 64-term sum printed at compile time: 1,016 MB allocated by g++, 730 without).
struct form_fold {
  form f;
  template <class T>
  constexpr void operator()(const T& t, bool negative) {
    const number c = negative ? -coefficient_of(t) : coefficient_of(t);
    if (f.count++ == 0) f.first = c;
    else f.common = f.common && (c == f.first || c == -f.first);
    f.all_negative = f.all_negative && c.negative();
  }
};

template <class A, class B>
static constexpr form form_of(const A& a, const B& b, bool b_negative) {
  form_fold fold;
  for_each_term(a, false, fold);
  for_each_term(b, b_negative, fold);
  fold.f.common = fold.f.common && !is_unit(fold.f.first);
  return fold.f;
}

/// Writes the terms of a sum as "t0 ± t1 ± ...", each divided by `unit` (a coefficient equal
/// to ±unit is not printed) and with all signs flipped when `flip`. A class for the reason
/// form_fold is one.
template <class P>
struct terms_writer {
  P& p;
  number unit;
  bool flip;
  bool first = true;

  template <class T>
  constexpr void operator()(const T& t, bool negative) {
    const number c = negative ? -coefficient_of(t) : coefficient_of(t);
    const bool minus = (c == unit ? false : c == -unit ? true : c.negative()) != flip;
    text body;
    if (c == unit || c == -unit) {
      body = p.render(core_of(t), first ? precedence::sum : precedence::product);
    } else {
      // Not a multiple of the unit (unit is 1 here): the term with its number's size.
      if constexpr (is_node_of<T, product_op>) {
        const literal size(c.negative() ? -c : c);
        body = p.render(size * core_of(t), first ? precedence::sum : precedence::product);
      } else {
        body = p.render(t, first ? precedence::sum : precedence::product);
      }
    }
    if (first) {
      if (minus) p.write("-").write(body.front() == '-' ? text("(") + body + ")" : body);
      else p.write(body);
    } else if (minus != (body.front() == '-')) {
      p.write(" - ").write(body.front() == '-' ? body.view().substr(1) : body.view());
    } else {
      p.write(" + ").write(body.front() == '-' ? body.view().substr(1) : body.view());
    }
    first = false;
  }
};

/// Writes the terms of a ± b (terms_writer).
template <class P, class A, class B>
static constexpr void write_terms(P& p, const A& a, const B& b, bool b_negative, const number& unit, bool flip) {
  terms_writer<P> writer{p, unit, flip};
  for_each_term(a, false, writer);
  for_each_term(b, b_negative, writer);
}

/// Prints a ± b (negated when `negated`) in its factored or flipped form; false when the
/// sum has neither and prints as written.
template <class P, class A, class B>
static constexpr bool print_special(P& p, const A& a, const B& b, bool b_negative, bool negated) {
  const form f = form_of(a, b, b_negative);
  if (f.common) {
    const number factor = negated ? -f.first : f.first;
    const number size = factor.negative() ? -factor : factor;
    if (factor.negative()) p.write("-");
    if (size.exact && size.numerator == 1) {  // "(A + A')/2", "\frac{A + A^{\top}}{2}"
      P sub{p.style};
      write_terms(sub, a, b, b_negative, f.first, false);
      if (p.latex()) {
        p.write("\\frac{").write(sub.out).write("}{").write(text().append(static_cast<long long>(size.denominator))).write("}");
      } else {
        p.write("(").write(sub.out).write(")/").write(text().append(static_cast<long long>(size.denominator)));
      }
    } else {
      p.operand(literal(size), precedence::product).write(p.latex() ? "" : "*").open();
      write_terms(p, a, b, b_negative, f.first, false);
      p.close();
    }
    return true;
  }
  if (negated && f.all_negative) {
    write_terms(p, a, b, b_negative, number(1), true);
    return true;
  }
  return false;
}

/// The precedence of what print_special prints for a ± b, or `otherwise` when it prints
/// nothing: "2*(A + B)" binds like a product, "-(A + B)/2" like a prefix minus.
template <class A, class B>
static constexpr int precedence_of(notation n, const A& a, const B& b, bool b_negative, bool negated, int otherwise) {
  const form f = form_of(a, b, b_negative);
  if (f.common) {
    const number factor = negated ? -f.first : f.first;
    const number size = factor.negative() ? -factor : factor;
    if (factor.negative()) return precedence::prefix;
    if (size.exact && size.numerator == 1) return n == notation::latex ? precedence::postfix : precedence::product;
    return n == notation::latex ? precedence::prefix : precedence::product;
  }
  if (negated && f.all_negative) return precedence::sum;
  return otherwise;
}

}  // namespace sum_printing

struct add_op {
  /// (A + B)ᵀ = Aᵀ + Bᵀ: a transpose passes to the operands (rules/transpose.hpp).
  static constexpr bool transpose_passes_through = true;
  /// S + T is symmetric when S and T are (rules/transpose.hpp, Sᵀ = S).
  static constexpr bool symmetric_when_operands_symmetric = true;
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("sum", a, b);
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: sum: the shapes differ (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  template <class A, class B>
  static constexpr int precedence(notation n, const A& a, const B& b) {
    if (is_zero_value(a)) return b.precedence(n);
    if (is_zero_value(b)) return a.precedence(n);
    return sum_printing::precedence_of(n, a, b, false, false, precedence::sum);
  }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    // A term that is zero by a user number (0*A) is left out: see is_zero_value.
    if (is_zero_value(a)) return b.print(p);
    if (is_zero_value(b)) return a.print(p);
    if (sum_printing::print_special(p, a, b, false, false)) return;
    // A + (-B) prints as A - B.
    p.operand(a, precedence::sum);
    const text right = p.render(b, precedence::product);
    if (right.front() == '-') p.write(" - ").write(right.view().substr(1));
    else p.write(" + ").write(right);
  }

  /// d(a + b) = da + db
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A&, const B&, const DA& da, const DB& db) {
    if constexpr (is_zero<DA>) return db;  // a zero term left out, as in products (ops/product.hpp)
    else if constexpr (is_zero<DB>) return da;
    else return da + db;
  }
};

struct subtract_op {
  /// (A - B)ᵀ = Aᵀ - Bᵀ: a transpose passes to the operands (rules/transpose.hpp).
  static constexpr bool transpose_passes_through = true;
  /// S - T is symmetric when S and T are (rules/transpose.hpp, Sᵀ = S).
  static constexpr bool symmetric_when_operands_symmetric = true;
  static consteval diagnostic check(const shape& a, const shape& b) {
    return check::same_shape("difference", a, b);
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: difference: the shapes differ (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  template <class A, class B>
  static constexpr int precedence(notation n, const A& a, const B& b) {
    if (is_zero_value(b)) return a.precedence(n);
    if (is_zero_value(a)) return precedence::prefix;
    return sum_printing::precedence_of(n, a, b, true, false, precedence::sum);
  }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    if (is_zero_value(b)) return a.print(p);
    if (is_zero_value(a)) {
      p.write("-").right_operand(b, precedence::product);
      return;
    }
    if (sum_printing::print_special(p, a, b, true, false)) return;
    p.operand(a, precedence::sum).write(" - ").right_operand(b, precedence::product);
  }

  /// d(a - b) = da - db
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A&, const B&, const DA& da, const DB& db) {
    if constexpr (is_zero<DA>) return -db;
    else if constexpr (is_zero<DB>) return da;
    else return da - db;
  }
};

struct negate_op {
  /// (-A)ᵀ = -Aᵀ: a transpose passes to the operands (rules/transpose.hpp).
  static constexpr bool transpose_passes_through = true;
  /// -S is symmetric when S is (rules/transpose.hpp, Sᵀ = S).
  static constexpr bool symmetric_when_operands_symmetric = true;
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a) { return a; }
  template <class A>
  static constexpr int precedence(notation n, const A& a) {
    if constexpr (is_node_of<A, add_op> || is_node_of<A, subtract_op>)
      return a.args.apply([&](const auto& l, const auto& r) {
        return sum_printing::precedence_of(n, l, r, is_node_of<A, subtract_op>, true, precedence::prefix);
      });
    else
      return precedence::prefix;
  }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    // -(A ± B): a sum whose terms are all subtracted, or have one number in front, prints
    // with the minus taken inside.
    if constexpr (is_node_of<A, add_op> || is_node_of<A, subtract_op>) {
      if (a.args.apply([&](const auto& l, const auto& r) {
            return sum_printing::print_special(p, l, r, is_node_of<A, subtract_op>, true);
          }))
        return;
    }
    p.write("-").right_operand(a, precedence::product);
  }

  /// d(-a) = -da
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA& da) {
    return -da;
  }
};

/// An operand of a sum with `Other`: a number is a 1x1 literal next to a 1x1 expression,
/// and c·ones (c in every entry) next to a matrix.
template <class Other, class T>
static constexpr auto as_term(const T& x) {
  if constexpr (arithmetic<T> && expression<Other>) {
    if constexpr (!Other::shape_v.is_scalar())
      return literal(number(x)) * constant_matrix<constant_kind::ones, Other::shape_v.rows, Other::shape_v.cols>{};
    else
      return literal(number(x));
  } else {
    return as_expression(x);
  }
}

/// a + b; a number c on either side is added to every entry of the other
template <operand A, operand B>
  requires(expression<A> || expression<B>)
static constexpr auto operator+(const A& a, const B& b) {
  return make_expression(add_op{}, as_term<B>(a), as_term<A>(b));
}

/// a - b; a number c on either side stands for c in every entry
template <operand A, operand B>
  requires(expression<A> || expression<B>)
static constexpr auto operator-(const A& a, const B& b) {
  return make_expression(subtract_op{}, as_term<B>(a), as_term<A>(b));
}

/// -a
template <expression A>
static constexpr auto operator-(const A& a) {
  return make_expression(negate_op{}, a);
}

namespace identification {
/// The sum of two contributions of the walks, no_term being zero.
template <class A, class B>
static constexpr auto combined(const A& a, const B& b) {
  if constexpr (__is_same(A, no_term)) return b;
  else if constexpr (__is_same(B, no_term)) return a;
  else return make_node(add_op{}, a, b);
}
}  // namespace identification

/// The walks through A ± B and -A: linearity.
template <class E, class C>
static constexpr auto pull_through(const add_op&, const E& e, const C& c) {
  using identification::pull, identification::combined;
  return combined(pull(arg<0>(e), c), pull(arg<1>(e), c));
}
template <class E, class C>
static constexpr auto pull_through(const subtract_op&, const E& e, const C& c) {
  using identification::pull, identification::combined;
  return combined(pull(arg<0>(e), c), pull(arg<1>(e), make_node(negate_op{}, c)));
}
template <class E, class C>
static constexpr auto pull_through(const negate_op&, const E& e, const C& c) {
  return identification::pull(arg<0>(e), make_node(negate_op{}, c));
}

template <class V, class E>
static constexpr auto push_through(const add_op&, const E& e) {
  using identification::combined, vec_identification::push;
  return combined(push<V>(arg<0>(e)), push<V>(arg<1>(e)));
}
template <class V, class E>
static constexpr auto push_through(const subtract_op&, const E& e) {
  using identification::combined, vec_identification::push;
  const auto right = push<V>(arg<1>(e));
  if constexpr (__is_same(decltype(right), const identification::no_term)) return push<V>(arg<0>(e));
  else return combined(push<V>(arg<0>(e)), -right);
}
template <class V, class E>
static constexpr auto push_through(const negate_op&, const E& e) {
  return -vec_identification::push<V>(arg<0>(e));
}

}  // namespace matdiff
