/// @file
/// Identification: from df, linear in dX, to the gradient G with df = tr(Gᵀ dX).
///
/// The cotangent walk: start at the root of df with cotangent 1 and push it down; at dX
/// it is collected, and G is the sum of what arrives there. Each step is a trace rule:
///
///     through A + B, A - B, -A  linearity
///     through A·M               M gets Aᵀ·C        tr(Cᵀ A dM) = tr((AᵀC)ᵀ dM)
///     through M·B               M gets C·Bᵀ        tr(Cᵀ dM B) = tr((CBᵀ)ᵀ dM)   (cyclic rule)
///     through s·M, M·s (s 1x1)  M gets s·C, s gets ⟨C, M⟩
///     through M/s               M gets C/s
///     through Mᵀ                M gets Cᵀ          tr(Aᵀ) = tr(A)
///     through tr(M)             M gets c·I
///     through A∘M, M⊘B          M gets A∘C, C⊘B    tr(Cᵀ(A∘dM)) = tr((A∘C)ᵀ dM)
///     through A⊗M, M⊗B          the block sums Σᵢⱼ Aᵢⱼ Cᵢⱼ, (⟨Cᵢⱼ, B⟩)ᵢⱼ
///     through vec(M)            M gets C reshaped to M's shape
///     through diag(m), diagonal(M), sum(M), ⟨A, M⟩
///                               m gets diagonal(C); M gets diag(C), c·ones, c·A
/// The walk visits each node of df once and always ends.
#pragma once

#include <type_traits>
#include <utility>

#include <matdiff/calculus/d.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/diag.hpp>
#include <matdiff/ops/dot.hpp>
#include <matdiff/ops/hadamard.hpp>
#include <matdiff/ops/kron.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/sum.hpp>
#include <matdiff/ops/trace.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/ops/vec.hpp>
#include <matdiff/rules/simplify.hpp>

namespace matdiff {

namespace identification {

/// Nothing reaches dX along this path.
struct no_term {};

template <class A, class B>
constexpr auto combined(const A& a, const B& b) {
  if constexpr (std::is_same_v<A, no_term>) return b;
  else if constexpr (std::is_same_v<B, no_term>) return a;
  else return make_node(add_op{}, a, b);
}

template <class E, class C>
constexpr auto pull(const E& e, const C& cotangent);

template <class E>
inline constexpr bool has_d = contains_differential<E>;

/// An operation whose operand holding dX is not reached linearly.
template <class Op, class E, class C>
constexpr auto pull_through(const Op&, const E&, const C&) {
  constexpr diagnostic message = text("matdiff: identification: dX appears inside a non-linear operation (") +
                                 sums::printed_type<E>() + "): the differential is not linear in dX";
  static_assert(error<message>, "matdiff: identification needs a differential linear in dX");
  return no_term{};
}

template <class E, class C>
constexpr auto pull_through(const add_op&, const E& e, const C& c) {
  return combined(pull(e.template arg<0>(), c), pull(e.template arg<1>(), c));
}
template <class E, class C>
constexpr auto pull_through(const subtract_op&, const E& e, const C& c) {
  return combined(pull(e.template arg<0>(), c), pull(e.template arg<1>(), make_node(negate_op{}, c)));
}
template <class E, class C>
constexpr auto pull_through(const negate_op&, const E& e, const C& c) {
  return pull(e.template arg<0>(), make_node(negate_op{}, c));
}

template <class E, class C>
constexpr auto pull_through(const product_op&, const E& e, const C& c) {
  const auto& a = e.template arg<0>();
  const auto& b = e.template arg<1>();
  using A = std::remove_cvref_t<decltype(a)>;
  using B = std::remove_cvref_t<decltype(b)>;
  constexpr bool a_scalar = A::shape_v.is_scalar(), b_scalar = B::shape_v.is_scalar();
  static_assert(!(has_d<A> && has_d<B>), "matdiff: identification: dX on both sides of a product");
  if constexpr (a_scalar == b_scalar) {  // a matrix product, or a product of two 1x1
    if constexpr (has_d<A>) return pull(a, make_node(product_op{}, c, make_node(transpose_op{}, b)));
    else return pull(b, make_node(product_op{}, make_node(transpose_op{}, a), c));
  } else if constexpr (a_scalar) {  // s·M
    if constexpr (has_d<A>) return pull(a, make_node(dot_op{}, c, b));
    else return pull(b, make_node(product_op{}, a, c));
  } else {  // M·s
    if constexpr (has_d<A>) return pull(a, make_node(product_op{}, c, b));
    else return pull(b, make_node(dot_op{}, c, a));
  }
}

template <class E, class C>
constexpr auto pull_through(const quotient_op&, const E& e, const C& c) {
  static_assert(!has_d<std::remove_cvref_t<decltype(e.template arg<1>())>>,
                "matdiff: identification: dX in a divisor is not linear");
  return pull(e.template arg<0>(), make_node(quotient_op{}, c, e.template arg<1>()));
}

template <class E, class C>
constexpr auto pull_through(const transpose_op&, const E& e, const C& c) {
  return pull(e.template arg<0>(), make_node(transpose_op{}, c));
}

template <class E, class C>
constexpr auto pull_through(const trace_op&, const E& e, const C& c) {
  using M = std::remove_cvref_t<decltype(e.template arg<0>())>;
  return pull(e.template arg<0>(), make_node(product_op{}, c, constant_matrix<constant_kind::identity, M::shape_v.rows, M::shape_v.rows>{}));
}

template <class E, class C>
constexpr auto pull_through(const hadamard_op&, const E& e, const C& c) {
  const auto& a = e.template arg<0>();
  const auto& b = e.template arg<1>();
  if constexpr (has_d<std::remove_cvref_t<decltype(a)>>) return pull(a, make_node(hadamard_op{}, c, b));
  else return pull(b, make_node(hadamard_op{}, a, c));
}

template <class E, class C>
constexpr auto pull_through(const hadamard_div_op&, const E& e, const C& c) {
  static_assert(!has_d<std::remove_cvref_t<decltype(e.template arg<1>())>>,
                "matdiff: identification: dX in a divisor is not linear");
  return pull(e.template arg<0>(), make_node(hadamard_div_op{}, c, e.template arg<1>()));
}

template <class E, class C>
constexpr auto pull_through(const kron_op&, const E& e, const C& c) {
  const auto& a = e.template arg<0>();
  const auto& b = e.template arg<1>();
  using A = std::remove_cvref_t<decltype(a)>;
  using B = std::remove_cvref_t<decltype(b)>;
  if constexpr (has_d<A>) return pull(a, make_node(kron_adjoint_op<true, A::shape_v.rows, A::shape_v.cols>{}, c, b));
  else return pull(b, make_node(kron_adjoint_op<false, B::shape_v.rows, B::shape_v.cols>{}, a, c));
}

template <class E, class C>
constexpr auto pull_through(const vec_op&, const E& e, const C& c) {
  using M = std::remove_cvref_t<decltype(e.template arg<0>())>;
  return pull(e.template arg<0>(), make_node(unvec_op<M::shape_v.rows, M::shape_v.cols>{}, c));
}

template <class E, class C>
constexpr auto pull_through(const diag_op&, const E& e, const C& c) {
  return pull(e.template arg<0>(), make_node(diagonal_op{}, c));
}
template <class E, class C>
constexpr auto pull_through(const diagonal_op&, const E& e, const C& c) {
  return pull(e.template arg<0>(), make_node(diag_op{}, c));
}

template <class E, class C>
constexpr auto pull_through(const sum_op&, const E& e, const C& c) {
  using M = std::remove_cvref_t<decltype(e.template arg<0>())>;
  return pull(e.template arg<0>(), make_node(product_op{}, c, constant_matrix<constant_kind::ones, M::shape_v.rows, M::shape_v.cols>{}));
}

template <class E, class C>
constexpr auto pull_through(const dot_op&, const E& e, const C& c) {
  const auto& a = e.template arg<0>();
  const auto& b = e.template arg<1>();
  if constexpr (has_d<std::remove_cvref_t<decltype(a)>>) return pull(a, make_node(product_op{}, c, b));
  else return pull(b, make_node(product_op{}, c, a));
}

template <class E, class C>
constexpr auto pull(const E& e, const C& cotangent) {
  if constexpr (!has_d<E>) return no_term{};
  else if constexpr (is_differential_symbol<E>) return cotangent;
  else return pull_through(e.op, e, cotangent);
}

}  // namespace identification

/// True when the simplified T is symmetric by its type: Tᵀ simplifies to T itself (for a T
/// that holds no numbers the type does not show), or T is a number times, a sum, a
/// difference or a negation of such.
template <class T>
constexpr bool symmetric_by_type() {
  if constexpr (T::shape_v.is_scalar()) {
    return true;
  } else if constexpr (holds_no_data<T>) {
    return std::is_same_v<std::remove_cvref_t<decltype(simplified(make_node(transpose_op{}, std::declval<const T&>())))>, T>;
  } else if constexpr (is_node_of<T, add_op> || is_node_of<T, subtract_op> || is_node_of<T, product_op>) {
    using A = std::remove_cvref_t<decltype(std::declval<const T&>().template arg<0>())>;
    using B = std::remove_cvref_t<decltype(std::declval<const T&>().template arg<1>())>;
    if constexpr (is_node_of<T, product_op> && !A::shape_v.is_scalar() && !B::shape_v.is_scalar()) return false;
    else return symmetric_by_type<A>() && symmetric_by_type<B>();
  } else if constexpr (is_node_of<T, negate_op> || is_node_of<T, quotient_op>) {
    return symmetric_by_type<std::remove_cvref_t<decltype(std::declval<const T&>().template arg<0>())>>();
  } else {
    return false;
  }
}

/// The symmetric part (T + Tᵀ)/2 of a simplified term T, unsimplified; T itself when it is
/// symmetric by its type.
template <class T>
constexpr auto symmetric_part_of_term(const T& t) {
  if constexpr (symmetric_by_type<T>()) return t;
  else return make_node(add_op{}, make_node(product_op{}, rational<1, 2>{}, t),
                        make_node(product_op{}, rational<1, 2>{}, simplified(make_node(transpose_op{}, t))));
}

/// The symmetric part (G + Gᵀ)/2 of a simplified G, term by term: the terms of G that are
/// symmetric stay as they are (N Σ⁻¹ + (A + Aᵀ)/2, not (N Σ⁻¹ + A + N Σ⁻¹ + Aᵀ)/2).
template <class G>
constexpr auto symmetric_terms(const G& g) {
  if constexpr (is_node_of<G, add_op> || is_node_of<G, subtract_op>)
    return make_node(g.op, symmetric_terms(g.template arg<0>()), symmetric_terms(g.template arg<1>()));
  else if constexpr (is_node_of<G, negate_op>)
    return make_node(g.op, symmetric_terms(g.template arg<0>()));
  else
    return symmetric_part_of_term(g);
}
template <class G>
constexpr auto symmetric_part(const G& g) {
  const auto s = symmetric_terms(g);
  if constexpr (std::is_same_v<std::remove_cvref_t<decltype(s)>, G>) return g;
  else return simplified(s);
}

/// G with df = tr(Gᵀ dX), simplified; df must be linear in dX (= `md::d(X)`, V = X's type).
/// For a symmetric X (`md::symmetric`, `md::spd`) G is the symmetric matrix with
/// df = tr(G dX) for every symmetric dX: the symmetric part (G₀ + G₀ᵀ)/2 of the
/// unconstrained G₀ (API §2.2).
template <class V, class DF>
constexpr auto identify_gradient(const DF& df) {
  const auto g = identification::pull(df, rational<1>{});
  if constexpr (std::is_same_v<std::remove_cvref_t<decltype(g)>, identification::no_term>) return zero_of<V::shape_v>();
  else if constexpr (is_symmetric_variable<V>) return symmetric_part(simplified(g));
  else return simplified(g);
}

}  // namespace matdiff
