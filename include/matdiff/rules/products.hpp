/// @file
/// Rewrite rules for products, quotients and negations.
///
///     0·A = 0,  I·A = A,  1·A = A,  p·q = (pq),  A·c = c·A,  c(dA) = (cd)A,
///     (cA)B = A(cB) = c(AB) (also for any 1x1 s in place of c),  (-A)B = A(-B) = -(AB),  A(BC) = (AB)C,  As = sA (s 1x1),
///     -(-A) = A,  -(cA) = (-c)A,  (-1)A = -A,  A/c = (1/c)A,  0/s = 0
/// Numbers gather in front of a product, negations outside it, and chains associate to
/// the left, so that equal products have equal types. Other operations join two factors
/// into one by their `combined_product(a, b)` overloads (ops/<op>.hpp): A⁻¹A = AA⁻¹ = I,
/// K(n,m)K(m,n) = I, (A ⊗ B)(C ⊗ D) = AC ⊗ BD, diag(a)diag(b) = diag(a∘b), 1ᵀdiag(a) = aᵀ,
/// diag(a)1 = a.
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/patterns.hpp>
#include <matdiff/rules/sums.hpp>

namespace matdiff {

/// A·B is one factor, by the rules operations give as overloads `combined_product(a, b)`
/// next to them (ops/<op>.hpp, found by argument-dependent lookup): A⁻¹A = AA⁻¹ = I,
/// K(n,m)K(m,n) = I, the mixed-product rule (A ⊗ B)(C ⊗ D) = AC ⊗ BD, diag(a)diag(b) =
/// diag(a∘b), ...
template <class A, class B>
static constexpr bool combines = requires(const A& a, const B& b) { combined_product(a, b); };

/// (C·A)·B = C·(AB) when A·B is one factor.
template <class A, class B>
static constexpr bool last_factor_combines = false;
template <class L, class R, class B>
inline constexpr bool last_factor_combines<node<product_op, L, R>, B> = combines<R, B>;

template <class A, class B>
static constexpr auto rewrite(const product_op& op, const A& a, const B& b) {
  constexpr shape result = product_op::result_shape(A::shape_v, B::shape_v);
  if constexpr (any_invalid<A, B>) {
    return invalid_expression{};
  } else if constexpr (is_zero<A> || is_zero<B>) {
    return zero_of<result>();
  } else if constexpr (is_identity<A> && (A::shape_v.is_scalar() || !B::shape_v.is_scalar())) {
    return b;
  } else if constexpr (is_identity<B> && (B::shape_v.is_scalar() || !A::shape_v.is_scalar())) {
    return a;
  } else if constexpr (is_one<A>) {
    return b;
  } else if constexpr (__is_same(A, rational<-1>) && !is_number<B>) {
    return rewrite(negate_op{}, b);
  } else if constexpr (is_one<B>) {
    return a;
  } else if constexpr (is_number<A> && is_number<B>) {
    return fold_product(a, b);
  } else if constexpr (is_number<B> || (B::shape_v.is_scalar() && !A::shape_v.is_scalar())) {
    return rewrite(op, b, a);
  } else if constexpr (combines<A, B>) {
    return combined_product(a, b);
  } else if constexpr (last_factor_combines<A, B>) {
    // (C·A)·B = C·(AB); C·I is C for a matrix C and stays s·I for a 1x1 s.
    return rewrite(op, arg<0>(a), combined_product(arg<1>(a), b));
  } else if constexpr (is_negation<A>) {
    return rewrite(negate_op{}, rewrite(op, arg<0>(a), b));
  } else if constexpr (is_negation<B>) {
    return rewrite(negate_op{}, rewrite(op, a, arg<0>(b)));
  } else if constexpr (is_number<A> && is_scaled<B>) {
    return rewrite(op, fold_product(a, arg<0>(b)), arg<1>(b));
  } else if constexpr (is_scaled<A>) {
    return rewrite(op, arg<0>(a), rewrite(op, arg<1>(a), b));
  } else if constexpr (is_scalar_multiple<A> && !B::shape_v.is_scalar()) {
    return rewrite(op, arg<0>(a), rewrite(op, arg<1>(a), b));
  } else if constexpr (is_scalar_multiple<B> && !A::shape_v.is_scalar()) {
    return rewrite(op, arg<0>(b), rewrite(op, a, arg<1>(b)));
  } else if constexpr (is_scaled<B> && !is_number<A>) {
    return rewrite(op, arg<0>(b), rewrite(op, a, arg<1>(b)));
  } else if constexpr (is_matrix_product<B> && !A::shape_v.is_scalar()) {
    return rewrite(op, rewrite(op, a, arg<0>(b)), arg<1>(b));
  } else {
    return make_node(op, a, b);
  }
}

namespace detail {
/// A product built one factor at a time from the left, each step simplified.
template <class T>
struct product_so_far {
  T value;
};
template <class T, class F>
static constexpr auto operator|(const product_so_far<T>& acc, const F& f) {
  const auto p = rewrite(product_op{}, acc.value, f);
  return product_so_far<std::remove_cvref_t<decltype(p)>>{p};
}
}  // namespace detail

/// f₁f₂…fₙ of simplified factors, associated to the left as the rules keep chains: one
/// rule application per factor. (Simplifying a chain by its tree instead re-associates the
/// product built so far at every factor: a square number of steps and product types.)
template <class F0, class... F>
static constexpr auto chain_product(const F0& f0, const F&... f) {
  return (detail::product_so_far<F0>{f0} | ... | f).value;
}

/// fₙ…f₂f₁ of simplified factors given in the pack (f₁, …, fₙ), associated to the left.
template <class Factors>
static constexpr auto reversed_chain_product(const Factors& f) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return chain_product(detail::get_slot<Factors::size - 1 - I>(f)...);
  }(std::make_index_sequence<Factors::size>{});
}

/// Written with a minus sign: -a, a negative rational, c·a with c a negative rational, or a
/// sum whose every term is (L - R counts when L does). A user number's sign is not known at
/// compile time.
template <class T>
static constexpr bool has_minus_sign = is_negation<T> || is_negative_rational<T>;
template <class C, class T>
inline constexpr bool has_minus_sign<node<product_op, C, T>> = is_negative_rational<C>;
template <class L, class R>
inline constexpr bool has_minus_sign<node<add_op, L, R>> = has_minus_sign<L> && has_minus_sign<R>;
template <class L, class R>
inline constexpr bool has_minus_sign<node<subtract_op, L, R>> = has_minus_sign<L>;

template <class A>
static constexpr auto rewrite(const negate_op& op, const A& a) {
  if constexpr (is_zero<A> || __is_same(A, invalid_expression)) return a;
  else if constexpr (is_negation<A>) return arg<0>(a);
  else if constexpr (is_sum<A> && has_minus_sign<A>)  // -(-a + -b) = a + b, -(-a - b) = a + b
    return sums::distributed(op, a);
  else if constexpr (is_number<A>) return fold_negation(a);
  else if constexpr (is_scaled<A>)
    return rewrite(product_op{}, fold_negation(arg<0>(a)), arg<1>(a));
  else return make_node(op, a);
}

template <class A, class S>
static constexpr auto rewrite(const quotient_op& op, const A& a, const S& s) {
  if constexpr (is_zero<A>) return a;
  else if constexpr (is_rational<S>)
    return rewrite(product_op{}, rational_t<number(1) / S::value>{}, a);
  else if constexpr (__is_same(S, literal))
    return rewrite(product_op{}, literal(number(1) / s.value), a);
  else if constexpr (is_negation<A>) return rewrite(negate_op{}, rewrite(op, arg<0>(a), s));
  else if constexpr (is_negative_rational<A>)
    return rewrite(negate_op{}, rewrite(op, fold_negation(a), s));
  else return make_node(op, a, s);
}

}  // namespace matdiff
