/// @file
/// Evaluation of products and quotients (ops/product.hpp), and their planning: a product of
/// matrices is planned as its chain of factors, re-associated by cost (eval/plan/chain.hpp),
/// each product of two planned factors in its cheapest form (`planning::product`): a solve
/// with a shared factorization for inv(A) B and B inv(A), the symmetric product for AᵀA and
/// Aᵀ diag(d) A, row or column scaling for diag(v) M and M diag(v), a factor read transposed
/// in place, (A ± B)x as Ax ± Bx, a structured factor (A ⊗ I, a commutation matrix)
/// applying itself, and two factors an operation plans as one form (`planned_product`, the
/// mixed-product rule of Kronecker products), taken into the terms of a sum of such factors.
/// A chain symmetric by its type, ZZᵀ or ZMZᵀ with M symmetric, is Z once and one triangle of
/// the last product (`planned_symmetric_chain`).
/// Products and quotients normalised by a sum of exponentials are planned as softmax first
/// (eval/ops/softmax.hpp).
#pragma once

#include <cmath>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <matdiff/core/pack.hpp>
#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/ops/add.hpp>
#include <matdiff/eval/ops/softmax.hpp>
#include <matdiff/eval/plan/chain.hpp>
#include <matdiff/eval/plan/factorization.hpp>
#include <matdiff/eval/plan/shared.hpp>
#include <matdiff/eval/plan/special_forms.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/diag.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/transpose.hpp>

namespace matdiff {

namespace planning {

template <class E>
inline constexpr bool is_diag = false;
template <class V>
inline constexpr bool is_diag<node<diag_op, V>> = !V::shape_v.is_scalar();

template <class E>
inline constexpr bool is_lu_inverse = is_node_of<E, lu_inverse_op>;

template <class E>
inline constexpr bool is_transpose = is_node_of<E, transpose_op> && !E::shape_v.is_scalar();

/// L = Aᵀ with A exactly R (and no stored data, so the types say the values are equal).
template <class L, class R>
inline constexpr bool is_transpose_of = false;
template <class A>
inline constexpr bool is_transpose_of<node<transpose_op, A>, A> = !carries_data<A>;

/// Aᵀ diag(d) A as planned products: Aᵀ (diag(d) A) or (Aᵀ diag(d)) A.
template <class L, class R>
inline constexpr bool is_weighted_gram = false;
template <class A, class D>
inline constexpr bool is_weighted_gram<node<transpose_op, A>, node<scale_rows_op, D, A>> = !carries_data<A>;
template <class A, class D>
inline constexpr bool is_weighted_gram<node<scale_cols_op, node<transpose_op, A>, D>, A> = !carries_data<A>;

/// A planned sum of matrices none of whose terms is a product added into it.
template <class E>
inline constexpr bool is_matrix_sum = false;
template <term_kind... K, class... T>
inline constexpr bool is_matrix_sum<node<planned_sum_op<K...>, T...>> =
    !node<planned_sum_op<K...>, T...>::shape_v.is_scalar() &&
    ((K == term_kind::plus || K == term_kind::minus) && ...);

/// (t₀ ± t₁ ± …) x = t₀x ± t₁x ± …
template <term_kind... K, class... T, class R>
constexpr auto distribute(const node<planned_sum_op<K...>, T...>& s, const R& r);

template <class L, class R>
constexpr auto product(const L& l, const R& r);

/// l·r is one form that l's or r's operation plans: an overload `planned_product(l, r)` next
/// to the operation (eval/ops/<op>.hpp, found by argument-dependent lookup), e.g. the
/// mixed-product rule (A ⊗ B)(C ⊗ D) = AC ⊗ BD.
template <class L, class R>
inline constexpr bool has_planned_product = requires(const L& l, const R& r) { planned_product(l, r); };

/// l·t is planned inside t: t is a form l has a planned product with, or a negation or a
/// scaling of one, a product of matrices whose first factor is one, or a planned sum of
/// such terms. So (A ⊗ B)(C ⊗ D - (E ⊗ F)K) is AC ⊗ BD - (AE ⊗ BF)K: no product of two
/// Kronecker products is formed, the sum of a Hessian's terms is filled directly (each term
/// adds itself, eval/ops/kron.hpp). Also at the smallest sizes: the 2x2 Hessian of
/// ‖J‖² + ‖J⁻¹‖², a 4 x 4 product of Kronecker products kept as one, took 2.5 times as long.
template <class L, class T>
inline constexpr bool goes_into = has_planned_product<L, T>;
template <class L, class T>
inline constexpr bool goes_into<L, node<negate_op, T>> = goes_into<L, T>;
template <class L, class A, class B>
inline constexpr bool goes_into<L, node<product_op, A, B>> = has_planned_product<L, node<product_op, A, B>> ||
                                                               (A::shape_v.is_scalar() ? goes_into<L, B> : goes_into<L, A>);
template <class L, term_kind... K, class... T>
inline constexpr bool goes_into<L, node<planned_sum_op<K...>, T...>> = (goes_into<L, T> && ...);

/// t·r is planned inside t, as `goes_into` from the right: the last factor of a product
/// takes r.
template <class T, class R>
inline constexpr bool takes_in = has_planned_product<T, R>;
template <class T, class R>
inline constexpr bool takes_in<node<negate_op, T>, R> = takes_in<T, R>;
template <class A, class B, class R>
inline constexpr bool takes_in<node<product_op, A, B>, R> = has_planned_product<node<product_op, A, B>, R> ||
                                                              takes_in<B, R>;
template <term_kind... K, class... T, class R>
inline constexpr bool takes_in<node<planned_sum_op<K...>, T...>, R> = (takes_in<T, R> && ...);

/// A planned sum of new terms, each added or subtracted as the term it replaces (K), in the
/// form kind_of_term chooses for its new type.
template <term_kind... K, class... T>
constexpr auto resummed(const T&... terms) {
  using first = pack_element_t<0, pack<T...>>;
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    constexpr bool subtracted[] = {(K == term_kind::minus || K == term_kind::minus_product)...};
    using op = planned_sum_op<kind_of_term<T, I == 0, subtracted[I], first>...>;
    return node<op, T...>(op{}, terms...);
  }(std::index_sequence_for<T...>{});
}

template <class L, term_kind... K, class... T>
constexpr auto product_into_terms(const L& l, const node<planned_sum_op<K...>, T...>& s);
template <term_kind... K, class... T, class R>
constexpr auto product_from_terms(const node<planned_sum_op<K...>, T...>& s, const R& r);

/// l·t with l taken into t (goes_into<L, T>).
template <class L, class T>
constexpr auto product_into(const L& l, const T& t) {
  if constexpr (has_planned_product<L, T>) {
    return planned_product(l, t);
  } else if constexpr (is_node_of<T, negate_op>) {
    return planned_node<negate_op>(product_into(l, t.template arg<0>()));
  } else if constexpr (is_node_of<T, product_op>) {
    if constexpr (first_is_scalar<T>)
      return planned_node<product_op>(t.template arg<0>(), product_into(l, t.template arg<1>()));
    else
      return product(product_into(l, t.template arg<0>()), t.template arg<1>());
  } else {
    return product_into_terms(l, t);
  }
}
template <class L, term_kind... K, class... T>
constexpr auto product_into_terms(const L& l, const node<planned_sum_op<K...>, T...>& s) {
  return s.args.apply([&](const auto&... t) { return resummed<K...>(product_into(l, t)...); });
}

/// t·r with r taken into t (takes_in<T, R>).
template <class T, class R>
constexpr auto product_from(const T& t, const R& r) {
  if constexpr (has_planned_product<T, R>) {
    return planned_product(t, r);
  } else if constexpr (is_node_of<T, negate_op>) {
    return planned_node<negate_op>(product_from(t.template arg<0>(), r));
  } else if constexpr (is_node_of<T, product_op>) {
    if constexpr (first_is_scalar<T>)
      return planned_node<product_op>(t.template arg<0>(), product_from(t.template arg<1>(), r));
    else
      return product(t.template arg<0>(), product_from(t.template arg<1>(), r));
  } else {
    return product_from_terms(t, r);
  }
}
template <term_kind... K, class... T, class R>
constexpr auto product_from_terms(const node<planned_sum_op<K...>, T...>& s, const R& r) {
  return s.args.apply([&](const auto&... t) { return resummed<K...>(product_from(t, r)...); });
}

/// The product of two planned matrix operands.
template <class L, class R>
constexpr auto product(const L& l, const R& r) {
  using result = node<product_op, L, R>;
  constexpr bool matrix_result = !result::shape_v.is_scalar();
  // Small fixed-size symmetric products stay plain products, whose straight-line code the
  // compiler unrolls; larger ones are evaluated symmetric (assign_symmetric, special_forms.hpp).
  constexpr bool symmetric_pays = !(result::shape_v.is_fixed() && result::shape_v.rows.factor <= 8);
  if constexpr (has_planned_product<L, R>) {
    return planned_product(l, r);
  } else if constexpr (matrix_result && goes_into<L, R>) {
    return product_into(l, r);
  } else if constexpr (matrix_result && takes_in<L, R>) {
    return product_from(l, r);
  } else if constexpr (structured_side<result> != 0) {
    return result(product_op{}, l, r);  // the structured factor applies itself (eval/evaluate.hpp)
  } else if constexpr (is_matrix_sum<L> && R::shape_v.is_column() && !L::shape_v.is_column()) {
    // (A ± B)x = Ax ± Bx: two matrix-vector products instead of a pass to form A ± B.
    return distribute(l, r);
  } else if constexpr (is_lu_inverse<L>) {
    return planned_node<lu_solve_op>(l.template arg<0>(), r);
  } else if constexpr (is_lu_inverse<R>) {
    return planned_node<lu_solve_right_op>(l, r.template arg<0>());
  } else if constexpr (matrix_result && symmetric_pays && is_transpose_of<L, R>) {
    return planned_node<gram_op>(r);
  } else if constexpr (matrix_result && symmetric_pays && is_weighted_gram<L, R> && is_node_of<R, scale_rows_op>) {
    return planned_node<gram_op>(r.template arg<1>(), r.template arg<0>());
  } else if constexpr (matrix_result && symmetric_pays && is_weighted_gram<L, R>) {
    return planned_node<gram_op>(r, l.template arg<1>());
  } else if constexpr (is_diag<L>) {
    return planned_node<scale_rows_op>(l.template arg<0>(), r);
  } else if constexpr (is_diag<R>) {
    return planned_node<scale_cols_op>(l, r.template arg<0>());
  } else if constexpr (is_transpose<L> || is_transpose<R>) {
    const auto& a = [&]() -> const auto& {
      if constexpr (is_transpose<L>) return l.template arg<0>(); else return l;
    }();
    const auto& b = [&]() -> const auto& {
      if constexpr (is_transpose<R>) return r.template arg<0>(); else return r;
    }();
    return planned_node<transposed_product_op<is_transpose<L>, is_transpose<R>>>(a, b);
  } else {
    return result(product_op{}, l, r);
  }
}

template <term_kind... K, class... T, class R>
constexpr auto distribute(const node<planned_sum_op<K...>, T...>& s, const R& r) {
  return s.args.apply([&](const auto&... t) { return planned_node<planned_sum_op<K...>>(product(t, r)...); });
}

/// A factor whose product costs only the size of the other side (a scaling, or applied
/// without being formed).
template <class F>
inline constexpr bool cheap_factor = is_diag<F> || structured_factor<F>::applies;

/// The best association of a chain of planned factors (a pack type).
template <class Factors>
inline constexpr auto chain_plan_v = 0;
template <class... F>
inline constexpr auto chain_plan_v<pack<F...>> = order_chain<sizeof...(F)>({F::shape_v...}, {cheap_factor<F>...});

/// Factors I..J of a chain, associated as the plan says.
template <std::size_t I, std::size_t J, class Factors>
constexpr auto build_chain(const Factors& f) {
  if constexpr (I == J) {
    return at<I>(f);
  } else {
    constexpr std::size_t s = chain_plan_v<Factors>.split[I][J];
    return product(build_chain<I, s>(f), build_chain<s + 1, J>(f));
  }
}

/// Whether a chain of planned factors is three whose association the run-time sizes decide.
template <class... F>
inline constexpr bool chain_associated_by_size = false;
template <class F0, class F1, class F2>
inline constexpr bool chain_associated_by_size<F0, F1, F2> =
    associated_by_size({F0::shape_v, F1::shape_v, F2::shape_v}, {cheap_factor<F0>, cheap_factor<F1>, cheap_factor<F2>});

template <class... F>
constexpr auto planned_chain(const pack<F...>& factors) {
  if constexpr (chain_associated_by_size<F...>) {
    using F1 = pack_element_t<1, pack<F...>>;
    return planned_node<chain_by_size_op<F1::shape_v.rows, F1::shape_v.cols>>(
        product(product(at<0>(factors), at<1>(factors)), at<2>(factors)),
        product(at<0>(factors), product(at<1>(factors), at<2>(factors))));
  } else {
    return build_chain<0, sizeof...(F) - 1>(factors);
  }
}

/// Two factors of a chain, each the other's transpose: F = Gᵀ, or one symmetric factor
/// twice (S, S⁻¹). Neither stores data, so the types say the values are equal.
template <class F, class G>
inline constexpr bool mirrored_factors =
    !carries_data<F> && !carries_data<G> &&
    (is_transpose_of<F, G> || is_transpose_of<G, F> || (__is_same(F, G) && is_known_symmetric<F>));

/// A chain f₁…fₕ fₕᵀ…f₁ᵀ, or f₁…fₕ M fₕᵀ…f₁ᵀ with M symmetric: ZZᵀ or ZMZᵀ for Z = f₁…fₕ,
/// a symmetric matrix (a congruence A S Aᵀ, S⁻¹ V S⁻¹, S⁻¹ Y Yᵀ S⁻¹). (Factors: a pack type.)
/// Pairs are compared from the outside in and the first mismatch ends it, so a chain that is
/// not symmetric costs one comparison.
template <class Factors, std::size_t I = 0>
constexpr bool is_symmetric_chain() {
  constexpr std::size_t k = Factors::size;
  if constexpr (I >= (k + 1) / 2)
    return true;
  else if constexpr (!mirrored_factors<pack_element_t<I, Factors>, pack_element_t<k - 1 - I, Factors>>)
    return false;
  else
    return is_symmetric_chain<Factors, I + 1>();
}

/// The first H planned factors of a chain, as their planned chain.
template <std::size_t H, class... F>
constexpr auto planned_half(const pack<F...>& factors) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return planned_chain(make_pack(at<I>(factors)...));
  }(std::make_index_sequence<H>{});
}

/// zm·Zᵀ for Z = Aᵀ: zm·A, which is gram(A, d) for Aᵀ diag(d) A, otherwise one triangle.
template <class L, class Z>
constexpr auto symmetric_product_with_transpose_of(const L& zm, const Z& z) {
  const auto p = product(zm, z.template arg<0>());
  if constexpr (is_node_of<std::remove_const_t<decltype(p)>, gram_op>)
    return p;
  else
    return planned_node<symmetric_product_op<false, false>>(zm, z.template arg<0>());
}

/// A symmetric chain of planned factors: Z = f₁…fₕ once, then one triangle of ZZᵀ or of
/// (ZM)Zᵀ, mirrored. ZZᵀ takes half the multiplications of the chain read left to right
/// (S⁻¹ Y Yᵀ S⁻¹: one solve and half a product instead of two solves and a product); with
/// Z = S⁻¹, (S⁻¹M)S⁻¹ stays a solve unless the kernel forms S⁻¹ anyway
/// (lu_solve_right_symmetric, eval/plan/inverse_at_hand.hpp).
template <class... F>
constexpr auto planned_symmetric_chain(const pack<F...>& factors) {
  constexpr std::size_t h = sizeof...(F) / 2;
  const auto z = planned_half<h>(factors);
  using Z = std::remove_const_t<decltype(z)>;
  if constexpr (sizeof...(F) % 2 == 0) {
    if constexpr (is_transpose<Z>)
      return planned_node<gram_op>(z.template arg<0>());  // Z = Aᵀ: ZZᵀ = AᵀA
    else
      return planned_node<symmetric_product_op<false, true>>(z, z);
  } else {
    const auto zm = product(z, at<h>(factors));
    if constexpr (is_lu_inverse<Z> && factorizes_symmetric<typename first_operand<Z>::type>)
      return planned_node<lu_solve_right_symmetric_op>(zm, z.template arg<0>());  // Z = S⁻¹ = Zᵀ
    else if constexpr (is_transpose<Z>)
      return symmetric_product_with_transpose_of(zm, z);
    else
      return planned_node<symmetric_product_op<false, true>>(zm, z);
  }
}

/// Whether a product of matrices is planned as a symmetric chain: its factors are one and its
/// result is at least 9 x 9 or of a run-time size (the same threshold as gram's).
template <class E, class Factors>
inline constexpr bool plans_symmetric_chain = [] {
  if constexpr (E::shape_v.is_fixed() && E::shape_v.rows.factor <= 8) return false;
  else return is_symmetric_chain<Factors>();
}();

}  // namespace planning

/// s·M for an M that adds itself (a sum of Kronecker terms, a Kronecker product with a
/// commutation, a constant matrix) is filled by adding s·M into zero, without M's value.
template <class Ctx, class L, class M>
  requires(L::shape_v.is_scalar() && !M::shape_v.is_scalar() && adds_itself<Ctx, M>())
inline constexpr bool formed_by_add_to<Ctx, node<product_op, L, M>> = true;

template <>
struct evaluator<product_op> {
  /// A product of matrices as its planned chain; a softmax form first.
  template <class L, class R>
    requires(planning::has_softmax_form<node<product_op, L, R>> || is_chain_product<node<product_op, L, R>>)
  static constexpr auto plan_whole(const node<product_op, L, R>& e) {
    if constexpr (planning::has_softmax_form<node<product_op, L, R>>)
      return planning::softmax_form(e);
    else if constexpr (planning::plans_symmetric_chain<node<product_op, L, R>, chain_factors_t<node<product_op, L, R>>>)
      return planning::planned_symmetric_chain(
          chain_factors(e).apply([](const auto&... f) { return make_pack(plan_evaluation(f)...); }));
    else
      return planning::planned_chain(
          chain_factors(e).apply([](const auto&... f) { return make_pack(plan_evaluation(f)...); }));
  }

  /// s·M in the form M's operation gives a scaling (`planned_product`, e.g. s(A ⊗ B) =
  /// (sA) ⊗ B, eval/ops/kron.hpp). (A product of matrices is planned as a chain.)
  template <class L, class R>
  static constexpr auto plan(const node<product_op, L, R>& e) {
    if constexpr (L::shape_v.is_scalar() && !R::shape_v.is_scalar() && planning::has_planned_product<L, R>)
      return planned_product(e.template arg<0>(), e.template arg<1>());
    else
      return e;
  }

  /// r += c(sM) as r += (cs)M, where M adds itself.
  template <class Ctx, class L, class M, class R>
    requires(L::shape_v.is_scalar() && adds_itself<Ctx, M>())
  static void add_to(const Ctx& ctx, const node<product_op, L, M>& e, R& r, typename Ctx::scalar c) {
    const auto& s = evaluate(ctx, e.template arg<0>());
    add_scaled(ctx, r, e.template arg<1>(), c * to_scalar<typename Ctx::scalar>(operand_value(s)));
  }

  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    using S = typename Ctx::scalar;
    if constexpr (std::is_arithmetic_v<A> || std::is_arithmetic_v<B>) {
      return finish<S, E>(a * b);  // scaling
    } else if constexpr (E::shape_v.is_scalar()) {
      return static_cast<S>((a * b).value());  // inner product
    } else {
      result_t<Ctx, E> r;
      assign_product(r, a, b);
      return r;
    }
  }
};

template <>
struct evaluator<quotient_op> {
  /// M/sum(exp(A)) with a factor exp(A) in M: softmax(A) for that factor.
  template <class M, class S>
    requires planning::has_softmax_form<node<quotient_op, M, S>>
  static constexpr auto plan_whole(const node<quotient_op, M, S>& e) {
    return planning::softmax_form(e);
  }

  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& s) {
    return finish<typename Ctx::scalar, E>(a / s);
  }
};

}  // namespace matdiff
