/// @file
/// Forms evaluated without the temporaries or the work of their literal reading.
///
///     scale_rows(v, M)     diag(v) M = v.asDiagonal() M         (no n x n diagonal matrix)
///     scale_cols(M, v)     M diag(v) = M v.asDiagonal()
///     trace_product(A, B)  tr(AB)    = Σᵢⱼ Aᵢⱼ Bⱼᵢ                (no product matrix)
///     sum_product(a, b)    sum(a∘b)  = Σᵢⱼ aᵢⱼ bᵢⱼ                (no element-wise temporary)
///     gram(A, d)           Aᵀ diag(d) A, gram(A) = AᵀA: symmetric, so one triangle is
///                          computed (Eigen's triangular product assignment, from 48 rows)
///                          and mirrored.
///     transposed_product<TA, TB>(A, B)   op(A) op(B) with op(A) = Aᵀ when TA: the product
///                          reads A transposed in place instead of copying Aᵀ first.
///     symmetric_product<TA, TB>(A, B)    op(A) op(B) known to be symmetric (the last product
///                          of ZZᵀ or ZMZᵀ, M symmetric, eval/ops/product.hpp): one triangle
///                          is computed (from 48 rows) and mirrored, so the result is
///                          exactly symmetric.
///     scaled_product(s, P)   s·P for a product P = op(A) op(B) of run-time size: one Eigen
///                          product with s as its factor, (sA)B (no temporary for P before
///                          the scaling, as careful Eigen code writes -2*R*V).
///     planned_sum<K...>(t₀, …, tₖ)   t₀ ± t₁ ± … ± tₖ: one node for a chain of + and −,
///                          evaluated into one result in the written order, t₀ ± t₁ in one
///                          pass; a product term marked so is added into it (r += op(A) op(B)
///                          or r += s·op(A) op(B):
///                          no temporary for the product, as careful Eigen code writes C + AB),
///                          a transpose term reads its operand transposed (A + Aᵀ), and a
///                          term whose evaluator has `add_to` adds itself (a Kronecker
///                          product block by block: a Hessian's terms are written once);
///                          at small fixed sizes, with such a term, one expression per
///                          entry (`fill_by_entries`, below).
///     chain_by_size<P₁, P₂>(L, R)   F₁F₂F₃ with F₂ of size P₁ x P₂: L = (F₁F₂)F₃ or
///                          R = F₁(F₂F₃), whichever takes fewer multiplications at the
///                          run-time sizes (eval/plan/chain.hpp); only that one is evaluated.
///
/// The planner (eval/plan/plan.hpp) writes these nodes in place of the products they stand for.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <matdiff/core/expression.hpp>
#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/plan/chain.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/transpose.hpp>

namespace matdiff {

struct scale_rows_op {
  static constexpr std::string_view planned_name = "scale_rows";
  static constexpr shape result_shape(const shape&, const shape& m) { return m; }
};
struct scale_cols_op {
  static constexpr std::string_view planned_name = "scale_cols";
  static constexpr shape result_shape(const shape& m, const shape&) { return m; }
};
/// tr(op(A) op(B)), op(X) = Xᵀ when the flag says so.
template <bool TransposeLeft, bool TransposeRight>
struct trace_product_op {
  static constexpr std::string_view planned_name =
      TransposeLeft ? (TransposeRight ? "trace_product_AtBt" : "trace_product_AtB")
                    : (TransposeRight ? "trace_product_ABt" : "trace_product_AB");
  static constexpr shape result_shape(const shape&, const shape&) { return scalar_shape; }
};
struct sum_product_op {
  static constexpr std::string_view planned_name = "sum_product";
  static constexpr shape result_shape(const shape&, const shape&) { return scalar_shape; }
};
/// gram(A) and gram(A, d): the shape is cols(A) x cols(A).
struct gram_op {
  static constexpr std::string_view planned_name = "gram";
  static constexpr shape result_shape(const shape& a) { return {a.cols, a.cols}; }
  static constexpr shape result_shape(const shape& a, const shape&) { return {a.cols, a.cols}; }
};

template <bool TransposeLeft, bool TransposeRight>
struct transposed_product_op {
  static constexpr std::string_view planned_name =
      TransposeLeft ? (TransposeRight ? "product_AtBt" : "product_AtB") : (TransposeRight ? "product_ABt" : "product_AB");
  static constexpr shape result_shape(const shape& a, const shape& b) {
    return {TransposeLeft ? a.cols : a.rows, TransposeRight ? b.rows : b.cols};
  }
};

template <bool TransposeLeft, bool TransposeRight>
struct symmetric_product_op : transposed_product_op<TransposeLeft, TransposeRight> {
  static constexpr std::string_view planned_name =
      TransposeLeft ? (TransposeRight ? "symmetric_product_AtBt" : "symmetric_product_AtB")
                    : (TransposeRight ? "symmetric_product_ABt" : "symmetric_product_AB");
};

/// s·P, s 1x1, P a product of matrices op(A) op(B) (product_term): the shape is P's.
struct scaled_product_op {
  static constexpr std::string_view planned_name = "scaled_product";
  static constexpr shape result_shape(const shape&, const shape& p) { return p; }
};

/// The two associations of one product, of one shape.
template <dimension P1, dimension P2>
struct chain_by_size_op {
  static constexpr std::string_view planned_name = "chain_by_size";
  static constexpr shape result_shape(const shape& left_first, const shape&) { return left_first; }
};

/// op(M): Mᵀ (an Eigen view, not a copy) when Transpose, else M itself.
template <bool Transpose, class M>
decltype(auto) transposed_if(const M& m) {
  if constexpr (Transpose) return m.transpose();
  else return (m);
}

template <bool TransposeLeft, bool TransposeRight>
struct evaluator<transposed_product_op<TransposeLeft, TransposeRight>> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    const auto& left = transposed_if<TransposeLeft>(a);
    const auto& right = transposed_if<TransposeRight>(b);
    if constexpr (E::shape_v.is_scalar()) {
      return static_cast<typename Ctx::scalar>((left * right).value());
    } else {
      result_t<Ctx, E> r;
      assign_product(r, left, right);
      return r;
    }
  }
};

/// The rows from which one triangle of a symmetric product is computed (Eigen's triangular
/// product assignment); below, the whole product costs less than the triangular one's setup
/// (n x n times n x n: 1.9x the time at n = 10, 1.08x at 32, 0.94x at 48, 0.72x at 100).
inline constexpr int symmetric_triangle_rows = 48;

/// Whether a symmetric product of result shape s is planned as one: small fixed sizes stay
/// plain products, whose straight-line code the compiler unrolls.
constexpr bool symmetric_form_pays(const shape& s) { return !s.is_scalar() && !(s.is_fixed() && s.rows.factor <= 8); }

/// r = p, a product known to be symmetric, with the lower triangle mirrored so that r is
/// exactly symmetric. A fixed size picks its way at compile time, so only one of Eigen's
/// products is instantiated.
template <class R, class P>
void assign_symmetric(R& r, const P& p) {
  constexpr int rows = R::RowsAtCompileTime;
  if constexpr (rows != Eigen::Dynamic && rows >= symmetric_triangle_rows) r.template triangularView<Eigen::Lower>() = p;
  else if constexpr (rows != Eigen::Dynamic) r.noalias() = p;
  else if (r.rows() >= symmetric_triangle_rows) r.template triangularView<Eigen::Lower>() = p;
  else r.noalias() = p;
  r.template triangularView<Eigen::StrictlyUpper>() = r.transpose();
}

template <bool TransposeLeft, bool TransposeRight>
struct evaluator<symmetric_product_op<TransposeLeft, TransposeRight>> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    const auto& left = transposed_if<TransposeLeft>(a);
    const auto& right = transposed_if<TransposeRight>(b);
    result_t<Ctx, E> r(left.rows(), right.cols());
    assign_symmetric(r, left * right);
    return r;
  }
};

/// How a term enters a planned sum: added or subtracted, and whether it is a product
/// op(A) op(B) whose factors are multiplied into the running sum.
enum class term_kind : unsigned char { plus, minus, plus_product, minus_product };

/// t₀ ± t₁ ± … ± tₖ as one node. A chain of + and − held as nested binary nodes gives every
/// prefix its own type and evaluation function, each named after all the terms before it:
/// names, and compile time, grew with the square of the number of terms (docs/compile_time.md).
template <term_kind... K>
struct planned_sum_op {
  template <class... S>
  static constexpr shape result_shape(const shape& first, const S&...) { return first; }

  /// Printed as the sum it evaluates, t₀ ± t₁ ± …
  static constexpr int precedence(notation) { return matdiff::precedence::sum; }
  template <class P, class First, class... Rest>
  constexpr void print(P& p, const First& first, const Rest&... rest) const {
    constexpr term_kind kinds[] = {K...};
    p.operand(first, matdiff::precedence::sum);
    std::size_t i = 0;
    ((++i, p.write(kinds[i] == term_kind::minus || kinds[i] == term_kind::minus_product ? " - " : " + "),
      p.right_operand(rest, matdiff::precedence::sum + 1)),
     ...);
  }
};

/// A planned product of two matrices that a sum can add into its running result from the
/// factors (`applies`), and whether each factor is read transposed.
template <class T>
struct product_term {
  static constexpr bool applies = false;
};
template <class A, class B>
struct product_term<node<product_op, A, B>> {
  static constexpr bool applies =
      is_chain_product<node<product_op, A, B>> && structured_side<node<product_op, A, B>> == 0;
  static constexpr bool transpose_left = false, transpose_right = false;
};
template <bool TA, bool TB, class A, class B>
struct product_term<node<transposed_product_op<TA, TB>, A, B>> {
  static constexpr bool applies = !node<transposed_product_op<TA, TB>, A, B>::shape_v.is_scalar();
  static constexpr bool transpose_left = TA, transpose_right = TB;
};
template <class S, class P>
struct product_term<node<scaled_product_op, S, P>> : product_term<P> {};

/// f(s, op(A), op(B)) for product term t = s·op(A) op(B), the factors' values as Eigen
/// operands; s is std::false_type for t = op(A) op(B), which has no scale, and the product
/// of the scales for t = s₁·(s₂·op(A) op(B)).
template <class Ctx, class T, class F>
void with_product_factors(const Ctx& ctx, const T& t, F&& f) {
  using S = typename Ctx::scalar;
  if constexpr (is_node_of<T, scaled_product_op>) {
    const auto& held_s = evaluate(ctx, arg<0>(t));
    const S s = to_scalar<S>(operand_value(held_s));
    with_product_factors(ctx, arg<1>(t), [&](const auto& inner, const auto& a, const auto& b) {
      if constexpr (__is_same(std::remove_cvref_t<decltype(inner)>, std::false_type)) f(s, a, b);
      else f(S(s * inner), a, b);
    });
  } else {
    const auto& held_a = evaluate(ctx, arg<0>(t));
    const auto& held_b = evaluate(ctx, arg<1>(t));
    f(std::false_type{}, transposed_if<product_term<T>::transpose_left>(operand_value(held_a)),
      transposed_if<product_term<T>::transpose_right>(operand_value(held_b)));
  }
}

/// Whether product term T is computed from its factors: neither it nor, for s·P, P is a
/// value the context remembers (one that is, is used as it is, not computed again).
template <class Ctx, class T>
constexpr bool computed_from_factors() {
  if constexpr (is_remembered<Ctx, T>) return false;
  else if constexpr (is_node_of<T, scaled_product_op>)
    return computed_from_factors<Ctx, std::remove_cvref_t<decltype(arg<1>(std::declval<const T&>()))>>();
  else return true;
}

/// s·a for the scale of `with_product_factors`: a itself where there is none.
template <class S, class A>
decltype(auto) scaled_by(const S& s, const A& a) {
  if constexpr (__is_same(S, std::false_type)) return (a);
  else return s * a;
}

/// F is Aᵀ for a matrix A (not 1x1), which Eigen reads transposed in place: a view, no copy.
template <class F>
inline constexpr bool is_matrix_transpose = is_node_of<F, transpose_op> && !F::shape_v.is_scalar();

/// Whether term T of a sum is read as its operand transposed in place (Eigen's view) rather
/// than formed: a matrix transpose whose value the context does not remember.
template <class Ctx, class T>
constexpr bool reads_transposed() {
  if constexpr (!is_matrix_transpose<T>) return false;
  else return !is_remembered<Ctx, T>;
}

/// A node whose first operand is 1x1: for a product, a scaling s·M.
template <class T>
inline constexpr bool first_is_scalar =
    std::remove_cvref_t<decltype(arg<0>(std::declval<const T&>()))>::shape_v.is_scalar();

/// Whether term T of a sum is read as s·M, the 1x1 s applied to M's value as the term is
/// added, rather than formed: a scaling of a matrix whose value the context does not
/// remember.
template <class Ctx, class T>
constexpr bool reads_scaled() {
  if constexpr (!is_node_of<T, product_op> || T::shape_v.is_scalar()) return false;
  else if constexpr (!first_is_scalar<T>) return false;
  else return !is_remembered<Ctx, T>;
}

/// f(the value of term t), as careful Eigen code writes it: r ± Aᵀ reads A transposed in
/// place instead of forming Aᵀ first, and r ± sM adds s·M without forming it (2J - 2M is one
/// pass over J and M); the values are those of the formed terms.
template <class Ctx, class T, class F>
decltype(auto) with_term_value(const Ctx& ctx, const T& t, F&& f) {
  if constexpr (reads_transposed<Ctx, T>()) {
    const auto& held = evaluate(ctx, arg<0>(t));
    return f(operand_value(held).transpose());
  } else if constexpr (reads_scaled<Ctx, T>()) {
    const auto& held = evaluate(ctx, arg<0>(t));
    const auto s = to_scalar<typename Ctx::scalar>(operand_value(held));
    return with_term_value(ctx, arg<1>(t), [&](const auto& m) { return f(s * m); });
  } else {
    const auto& held = evaluate(ctx, t);
    return f(operand_value(held));
  }
}

/// The value of t as the value of node E: taken over when t's evaluation made a value of
/// that type of its own (no copy), copied when the context remembers it or the type differs.
template <class E, class Ctx, class T>
result_t<Ctx, E> owned_value(const Ctx& ctx, const T& t) {
  decltype(auto) v = evaluate(ctx, t);
  using V = decltype(v);
  if constexpr (!std::is_reference_v<V> && __is_same(std::remove_cvref_t<V>, result_t<Ctx, E>))
    return v;
  else
    return finish<typename Ctx::scalar, E>(operand_value(v));
}

/// The value of sum E before its second term is added into it: its first term t's, read
/// transposed or scaled in place, or taken over from t's evaluation (Ax of (A + Aᵀ)x: the
/// sum's one vector, into which Aᵀx is multiplied).
template <class E, class Ctx, class T>
result_t<Ctx, E> start_of_sum(const Ctx& ctx, const T& t) {
  if constexpr (reads_transposed<Ctx, T>() || reads_scaled<Ctx, T>())
    return with_term_value(ctx, t, [](const auto& a) { return finish<typename Ctx::scalar, E>(a); });
  else
    return owned_value<E>(ctx, t);
}

template <term_kind K>
inline constexpr bool is_product_term = K == term_kind::plus_product || K == term_kind::minus_product;

/// The optional evaluator member `add_to(ctx, e, r, c)`: r += c·e without forming e's value
/// (a Kronecker product block by block; a negation or a scaling passes c on to its operand),
/// so that a sum of such terms, a Hessian, is filled in place.
/// A constant matrix leaf has one too, `add_constant_to` (eval/evaluate.hpp).
template <class Ctx, class T>
inline constexpr bool has_add_to = requires(const Ctx& ctx, const T& t, result_t<Ctx, T>& r, typename Ctx::scalar c) {
  evaluator<decltype(T::op)>::add_to(ctx, t, r, c);
};
template <class Ctx, class T>
inline constexpr bool has_constant_add_to = requires(const Ctx& ctx, const T& t, result_t<Ctx, T>& r, typename Ctx::scalar c) {
  add_constant_to(ctx, t, r, c);
};

/// Whether term T of a sum adds itself into the running result (`has_add_to`): a matrix
/// node whose value the context does not remember (a remembered value is added as it is),
/// or a constant matrix.
template <class Ctx, class T>
constexpr bool adds_itself() {
  if constexpr (!is_node<T>) return has_constant_add_to<Ctx, T>;
  else if constexpr (T::shape_v.is_scalar()) return false;
  else return !is_remembered<Ctx, T> && has_add_to<Ctx, T>;
}

template <class Ctx, class E>
inline constexpr bool some_term_adds_itself = false;
template <class Ctx, class Op, class... T>
inline constexpr bool some_term_adds_itself<Ctx, node<Op, T...>> = (adds_itself<Ctx, T>() || ...);

/// r += c·t, by t's own `add_to` where it adds itself, otherwise from its value.
template <class Ctx, class R, class T>
void add_scaled(const Ctx& ctx, R& r, const T& t, typename Ctx::scalar c) {
  if constexpr (!adds_itself<Ctx, T>()) with_term_value(ctx, t, [&](const auto& v) { add_into(r, c * v); });
  else if constexpr (is_node<T>) evaluator<decltype(T::op)>::add_to(ctx, t, r, c);
  else add_constant_to(ctx, t, r, c);
}

/// r ± t, into r (named after the term, not the sum: one short function per term),
/// evaluated in the order of the written sum, ((t₀ ± t₁) ± t₂) ± …, so the value is the one
/// the nested binary sums gave.
template <term_kind K, bool Scalar, class Ctx, class R, class T>
void add_term(const Ctx& ctx, R& r, const T& t) {
  if constexpr (is_product_term<K> && computed_from_factors<Ctx, T>()) {
    with_product_factors(ctx, t, [&](const auto& s, const auto& a, const auto& b) {
      if constexpr (K == term_kind::minus_product) r.noalias() -= scaled_by(s, a) * b;
      else r.noalias() += scaled_by(s, a) * b;
    });
  } else if constexpr (!Scalar && adds_itself<Ctx, T>()) {
    using S = typename Ctx::scalar;
    add_scaled(ctx, r, t, K == term_kind::minus ? S(-1) : S(1));
  } else {
    with_term_value(ctx, t, [&](const auto& v) {
      if constexpr (Scalar) {
        if constexpr (K == term_kind::minus) r -= to_scalar<typename Ctx::scalar>(v);
        else r += to_scalar<typename Ctx::scalar>(v);
      } else {
        if constexpr (K == term_kind::minus || K == term_kind::minus_product) subtract_from(r, v);
        else add_into(r, v);
      }
    });
  }
}

// --- a sum of Kronecker terms filled entry by entry ------------------------------------------
//
// A Hessian's sum of Kronecker terms, added term by term, zeroes its result and reads and
// writes every entry once per term; careful hand-written code writes each entry once, with
// its terms added in a register. At small fixed sizes the sum is filled that way: every term
// gives an *entry source* g, its factors evaluated once, whose g.add(acc, i, j) does
// acc += c·t(i, j) with the arithmetic of t's `add_to` (so each entry is the one the passes
// give, its terms added in the same order), and every entry is then one expression. The
// optional evaluator member `with_entries(ctx, e, c, k)` calls k(g) for node e while the
// values g reads are alive (a Kronecker product, a negation or a scaling passes c on).

/// The entries of c·v for a term added from its value v (an Eigen matrix or view of one).
template <class V, class S>
struct value_entries {
  const V& v;
  S c;
  S value(Eigen::Index i, Eigen::Index j) const { return c * v.coeff(i, j); }
  void add(S& acc, Eigen::Index i, Eigen::Index j) const { acc += c * v.coeff(i, j); }
};

/// The entries of c·K for a constant matrix K: an identity adds c on the diagonal only,
/// zeros add nothing, as `add_constant_to` (eval/evaluate.hpp).
template <constant_kind Kind, class S>
struct constant_entries {
  S c;
  void add(S& acc, Eigen::Index i, Eigen::Index j) const {
    if constexpr (Kind == constant_kind::identity) {
      if (i == j) acc += c;
    } else if constexpr (Kind == constant_kind::ones) {
      acc += c;
    }
  }
};
template <constant_kind Kind, dimension R, dimension C, class S>
constant_entries<Kind, S> entries_of_constant(const constant_matrix<Kind, R, C>&, S c) {
  return {c};
}

/// The entries of ±(s·a)·b for a product term of the sum, as its factors' product adds them
/// (an outer product, inner size 1, exactly; a longer inner product to rounding).
template <class A, class B, class S>
struct product_entries {
  const A& a;
  const B& b;
  S c;  // ±1: acc + (−1)·x is acc − x
  void add(S& acc, Eigen::Index i, Eigen::Index j) const {
    S dot = a.coeff(i, 0) * b.coeff(0, j);
    for (Eigen::Index k = 1; k < a.cols(); ++k) dot += a.coeff(i, k) * b.coeff(k, j);
    acc += c * dot;
  }
};

/// The entries of several terms, added one after the other (a sum inside a sum).
template <class S, class... G>
struct entries_list {
  pack<G...> terms;
  void add(S& acc, Eigen::Index i, Eigen::Index j) const {
    terms.apply([&](const auto&... g) { (g.add(acc, i, j), ...); });
  }
};

/// Whether node T's evaluator gives its entries (`with_entries`).
struct entries_probe {
  template <class G>
  void operator()(const G&) const {}
};
template <class Ctx, class T>
inline constexpr bool has_with_entries = requires(const Ctx& ctx, const T& t, typename Ctx::scalar c) {
  evaluator<decltype(T::op)>::with_entries(ctx, t, c, entries_probe{});
};

/// Whether term T of a sum gives its entries: from its value, or as it adds itself.
template <class Ctx, class T>
constexpr bool has_entries() {
  if constexpr (!adds_itself<Ctx, T>()) return true;
  else if constexpr (!is_node<T>) return true;  // a constant matrix
  else return has_with_entries<Ctx, T>;
}

template <class Ctx, class E>
inline constexpr bool every_term_has_entries = false;
template <class Ctx, class Op, class... T>
inline constexpr bool every_term_has_entries<Ctx, node<Op, T...>> = (has_entries<Ctx, T>() && ...);

/// k(the entries of c·t), t's values alive during the call: the entry-wise `add_scaled`.
template <class Ctx, class T, class K>
void with_scaled_entries(const Ctx& ctx, const T& t, typename Ctx::scalar c, K&& k) {
  using S = typename Ctx::scalar;
  if constexpr (!adds_itself<Ctx, T>())
    with_term_value(ctx, t, [&](const auto& v) { k(value_entries<std::remove_cvref_t<decltype(v)>, S>{v, c}); });
  else if constexpr (is_node<T>) evaluator<decltype(T::op)>::with_entries(ctx, t, c, k);
  else k(entries_of_constant(t, c));
}

/// k(the entries of c·t for term t of kind K of a sum): the entry-wise `add_term` (c = 1)
/// and `add_scaled` of a sum's terms (a sum inside a sum, c its scale).
template <term_kind K, class Ctx, class T, class F>
void with_term_entries(const Ctx& ctx, const T& t, typename Ctx::scalar c, F&& k) {
  using S = typename Ctx::scalar;
  const S signed_c = K == term_kind::minus || K == term_kind::minus_product ? -c : c;
  if constexpr (is_product_term<K> && computed_from_factors<Ctx, T>()) {
    with_product_factors(ctx, t, [&](const auto& s, const auto& a, const auto& b) {
      const auto& sa = scaled_by(s, a);
      k(product_entries<std::remove_cvref_t<decltype(sa)>, std::remove_cvref_t<decltype(b)>, S>{sa, b, signed_c});
    });
  } else {
    with_scaled_entries(ctx, t, signed_c, k);
  }
}

/// f(g..., the entries of c·tᵢ for the terms I, I + 1, … of sum e).
template <std::size_t I, term_kind... K, class Ctx, class E, class F, class... G>
void with_entries_from(const Ctx& ctx, const E& e, typename Ctx::scalar c, F&& f, const G&... g) {
  if constexpr (I == sizeof...(K)) {
    f(g...);
  } else {
    constexpr term_kind kinds[] = {K...};
    with_term_entries<kinds[I]>(ctx, arg<I>(e), c, [&](const auto& gi) {
      with_entries_from<I + 1, K...>(ctx, e, c, f, g..., gi);
    });
  }
}

/// Sum E is filled entry by entry: a small fixed matrix (`written_entry_by_entry`,
/// eval/value.hpp) in a context of fixed-size values (`binds_fixed_sizes`), some term adding
/// itself (a Kronecker term), every term giving its entries. (A class, asked of every sum a
/// kernel evaluates: no function named after the context.)
template <class Ctx, class E, bool = written_entry_by_entry(E::shape_v) && binds_fixed_sizes<Ctx>>
struct filled_by_entries : std::false_type {};
template <class Ctx, class E>
struct filled_by_entries<Ctx, E, true>
    : std::bool_constant<some_term_adds_itself<Ctx, E> && every_term_has_entries<Ctx, E>> {};

/// r(i, j) = t₀(i, j) ± t₁(i, j) ± … for every entry of sum e, one expression per entry.
template <class Ctx, class E, class R>
void fill_by_entries(const Ctx& ctx, const E& e, R& r) {
  using S = typename Ctx::scalar;
  constexpr bool first_adds_itself = adds_itself<Ctx, std::remove_cvref_t<decltype(arg<0>(e))>>();
  [&]<term_kind... K>(const planned_sum_op<K...>&) {
    with_entries_from<0, K...>(ctx, e, S(1), [&](const auto& first, const auto&... rest) {
      // The first term starts the entry as it starts the sum: added into zero where it adds
      // itself, its value otherwise (so that the sign of a zero is the passes').
      fill_entries<E::shape_v.rows.factor, E::shape_v.cols.factor>(r, [&](Eigen::Index i, Eigen::Index j) {
        S acc;
        if constexpr (first_adds_itself) {
          acc = S(0);
          first.add(acc, i, j);
        } else {
          acc = first.value(i, j);
        }
        (rest.add(acc, i, j), ...);
        return acc;
      });
    });
  }(e.op);
}

/// The first two terms in one pass, t₀ ± t₁ (unless t₀ adds itself into a zero result, or
/// t₁ is a product or adds itself into t₀'s value), then the others added into the result;
/// at small fixed sizes, a sum with a Kronecker term entry by entry (`fill_by_entries`).
template <term_kind First, term_kind Second, term_kind... Rest>
struct evaluator<planned_sum_op<First, Second, Rest...>> {
  static_assert(First == term_kind::plus, "a planned sum starts with its first term as written");
  /// The terms are evaluated here, not before: a product term contributes its factors.
  static constexpr bool evaluates_operands = true;
  template <class Ctx, class E>
  static auto evaluate_operands(const Ctx& ctx, const E& e) {
    // Decided here, not from the lambda's parameters: clang checks a branch of the lambda
    // that does not depend on them (set_zero on a 1x1 sum's scalar) even when discarded.
    constexpr bool scalar = E::shape_v.is_scalar();
    constexpr bool first_adds_itself = adds_itself<Ctx, std::remove_cvref_t<decltype(arg<0>(e))>>();
    constexpr bool second_added_into_first =
        is_product_term<Second> || (!scalar && adds_itself<Ctx, std::remove_cvref_t<decltype(arg<1>(e))>>());
    if constexpr (filled_by_entries<Ctx, E>::value) {
      result_t<Ctx, E> r;
      fill_by_entries(ctx, e, r);
      return r;
    } else {
      return e.args.apply([&](const auto& first, const auto& second, const auto&... rest) {
        using S = typename Ctx::scalar;
        if constexpr (first_adds_itself) {
          result_t<Ctx, E> r;
          set_zero(r, ctx.size(E::shape_v.rows), ctx.size(E::shape_v.cols));
          add_scaled(ctx, r, first, S(1));
          add_term<Second, scalar>(ctx, r, second);
          (add_term<Rest, scalar>(ctx, r, rest), ...);
          return r;
        } else if constexpr (second_added_into_first) {
          result_t<Ctx, E> r = start_of_sum<E>(ctx, first);
          add_term<Second, scalar>(ctx, r, second);
          (add_term<Rest, scalar>(ctx, r, rest), ...);
          return r;
        } else {
          result_t<Ctx, E> r = with_term_value(ctx, first, [&](const auto& a) {
            return with_term_value(ctx, second, [&](const auto& b) {
              if constexpr (Second == term_kind::minus) return finish<S, E>(a - b);
              else return finish<S, E>(a + b);
            });
          });
          (add_term<Rest, scalar>(ctx, r, rest), ...);
          return r;
        }
      });
    }
  }

  /// r = the sum, written where the caller holds it (a kernel's result) where it is filled
  /// entry by entry: no copy of a Hessian.
  template <class Ctx, class E, class R>
    requires(filled_by_entries<Ctx, E>::value)
  static void evaluate_into(const Ctx& ctx, const E& e, R& r) {
    fill_by_entries(ctx, e, r);
  }

  /// r += c(t₀ ± t₁ ± …), term by term, where a term adds itself (a sum of a Hessian's
  /// Kronecker terms inside another); its product terms would be formed.
  template <class Ctx, class E, class R>
    requires(!E::shape_v.is_scalar() && !is_product_term<Second> && (!is_product_term<Rest> && ...) &&
             some_term_adds_itself<Ctx, E>)
  static void add_to(const Ctx& ctx, const E& e, R& r, typename Ctx::scalar c) {
    e.args.apply([&](const auto& first, const auto& second, const auto&... rest) {
      add_scaled(ctx, r, first, c);
      add_scaled(ctx, r, second, Second == term_kind::minus ? -c : c);
      (add_scaled(ctx, r, rest, Rest == term_kind::minus ? -c : c), ...);
    });
  }
  /// The entries `add_to` adds, term after term.
  template <class Ctx, class E, class K>
    requires(!E::shape_v.is_scalar() && !is_product_term<Second> && (!is_product_term<Rest> && ...) &&
             some_term_adds_itself<Ctx, E> && every_term_has_entries<Ctx, E>)
  static void with_entries(const Ctx& ctx, const E& e, typename Ctx::scalar c, K&& k) {
    with_entries_from<0, First, Second, Rest...>(ctx, e, c, [&](const auto&... g) {
      k(entries_list<typename Ctx::scalar, std::remove_cvref_t<decltype(g)>...>{make_pack(g...)});
    });
  }
};

template <>
struct evaluator<scaled_product_op> {
  /// The product's factors are evaluated here: P is formed only where the context
  /// remembers it.
  static constexpr bool evaluates_operands = true;
  template <class Ctx, class E>
  static auto evaluate_operands(const Ctx& ctx, const E& e) {
    result_t<Ctx, E> r;
    if constexpr (!computed_from_factors<Ctx, std::remove_cvref_t<decltype(arg<1>(e))>>()) {
      const auto& held_s = evaluate(ctx, arg<0>(e));
      const auto& held_p = evaluate(ctx, arg<1>(e));
      r = to_scalar<typename Ctx::scalar>(operand_value(held_s)) * operand_value(held_p);
    } else {
      with_product_factors(ctx, e, [&](const auto& s, const auto& a, const auto& b) { r.noalias() = (s * a) * b; });
    }
    return r;
  }
};

template <dimension P1, dimension P2>
struct evaluator<chain_by_size_op<P1, P2>> {
  /// Only the chosen association is evaluated.
  static constexpr bool evaluates_operands = true;
  template <class Ctx, class E>
  static auto evaluate_operands(const Ctx& ctx, const E& e) {
    const auto size = [&](const dimension& d) { return static_cast<double>(ctx.size(d)); };
    if (left_association_cheaper(size(E::shape_v.rows), size(P1), size(P2), size(E::shape_v.cols)))
      return owned_value<E>(ctx, arg<0>(e));
    return owned_value<E>(ctx, arg<1>(e));
  }
};

template <>
struct evaluator<scale_rows_op> {
  template <class Ctx, class E, class V, class M>
  static auto apply(const Ctx&, const E&, const V& v, const M& m) {
    result_t<Ctx, E> r;
    r.noalias() = v.asDiagonal() * m;
    return r;
  }
};

template <>
struct evaluator<scale_cols_op> {
  template <class Ctx, class E, class M, class V>
  static auto apply(const Ctx&, const E&, const M& m, const V& v) {
    result_t<Ctx, E> r;
    r.noalias() = m * v.asDiagonal();
    return r;
  }
};

/// tr(AB) = Σ A∘Bᵀ, tr(AᵀB) = Σ A∘B, tr(ABᵀ) = Σ A∘B, tr(AᵀBᵀ) = Σ A∘Bᵀ.
template <bool TransposeLeft, bool TransposeRight>
struct evaluator<trace_product_op<TransposeLeft, TransposeRight>> {
  template <class Ctx, class E, class A, class B>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a, const B& b) {
    if constexpr (TransposeLeft != TransposeRight) return a.cwiseProduct(b).sum();
    else return a.cwiseProduct(b.transpose()).sum();
  }
};

template <>
struct evaluator<sum_product_op> {
  template <class Ctx, class E, class A, class B>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a, const B& b) {
    if constexpr (std::is_arithmetic_v<A>) return a * b;
    else return a.cwiseProduct(b).sum();
  }
};

template <>
struct evaluator<gram_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    result_t<Ctx, E> r(a.cols(), a.cols());
    assign_symmetric(r, a.transpose() * a);
    return r;
  }
  template <class Ctx, class E, class A, class D>
  static auto apply(const Ctx&, const E&, const A& a, const D& d) {
    result_t<Ctx, E> r(a.cols(), a.cols());
    matrix_t<typename Ctx::scalar, A_of<E>> da;
    da.noalias() = d.asDiagonal() * a;
    assign_symmetric(r, a.transpose() * da);
    return r;
  }

 private:
  template <class E>
  using A_of = std::remove_cvref_t<decltype(arg<0>(std::declval<const E&>()))>;
};

}  // namespace matdiff
