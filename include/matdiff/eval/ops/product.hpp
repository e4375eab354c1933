/// @file
/// Evaluation of products and quotients (ops/product.hpp), and their planning: a product of
/// matrices is planned as its chain of factors, re-associated by cost (eval/plan/chain.hpp),
/// each product of two planned factors in its cheapest form (`planning::product`): two
/// factors an operation plans as one form (`planned_product`, the mixed-product rule of
/// Kronecker products), taken into the terms of a sum of such factors; a structured factor
/// (A ⊗ I, a commutation matrix) applying itself; (A ± B)x as Ax ± Bx; and the form one
/// factor's operation gives the product (`left_factor_form`, `right_factor_form`,
/// eval/evaluate.hpp), the one that saves most: a solve with a shared factorization for
/// inv(A) B (eval/plan/factorization.hpp), the symmetric product for AᵀA and Aᵀ diag(d) A, a
/// factor read transposed in place (eval/ops/transpose.hpp), row or column scaling for
/// diag(v) M and M diag(v) (eval/ops/diag.hpp).
/// A chain symmetric by its type, ZZᵀ or ZMZᵀ with M symmetric, is Z once and one triangle of
/// the last product (`planned_symmetric_chain`), or the form Z's operation plans for it.
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
#include <matdiff/ops/product.hpp>
#include <matdiff/rules/transpose.hpp>

namespace matdiff {

namespace planning {

/// A planned sum of matrices none of whose terms is a product added into it.
template <class E>
inline constexpr bool is_matrix_sum = false;
template <term_kind... K, class... T>
inline constexpr bool is_matrix_sum<node<planned_sum_op<K...>, T...>> =
    !node<planned_sum_op<K...>, T...>::shape_v.is_scalar() &&
    ((K == term_kind::plus || K == term_kind::minus) && ...);

/// (t₀ ± t₁ ± …) x = t₀x ± t₁x ± …, each tᵢx after the first multiplied into the running sum
/// where kind_of_term says so ((A + Aᵀ)x: r = Ax, then r += Aᵀx, no vector for Aᵀx).
template <term_kind... K, class... T, class R>
constexpr auto distribute(const node<planned_sum_op<K...>, T...>& s, const R& r);

/// What the form of l·r that L's operation plans saves (`left_factor_form`, eval/evaluate.hpp).
/// Classes, not a lambda in a variable's initializer: a lambda is a function (three, with
/// its conversions) per pair of operands, named after both, and the right operand of a
/// chain's product is the rest of the chain.
template <class L, class R>
struct left_form_saving_of {
  static constexpr product_saving value = product_saving::none;
};
template <class L, class R>
  requires requires(const L& l, const R& r) { left_factor_form(l, r); }
struct left_form_saving_of<L, R> {
  static constexpr product_saving value =
      decltype(left_factor_form(std::declval<const L&>(), std::declval<const R&>()))::saving;
};
/// What the form of l·r that R's operation plans saves (`right_factor_form`).
template <class L, class R>
struct right_form_saving_of {
  static constexpr product_saving value = product_saving::none;
};
template <class L, class R>
  requires requires(const L& l, const R& r) { right_factor_form(l, r); }
struct right_form_saving_of<L, R> {
  static constexpr product_saving value =
      decltype(right_factor_form(std::declval<const L&>(), std::declval<const R&>()))::saving;
};

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
// The operand l meets is chosen as a type: `scalar ? goes_into<L, B> : goes_into<L, A>` names
// both, and so instantiated goes_into for every factor of a product's spine, at every
// product (quadratic in a chain's length: 1,120 of them in a chain of 32 factors).
template <class L, class A, class B>
inline constexpr bool goes_into<L, node<product_op, A, B>> =
    has_planned_product<L, node<product_op, A, B>> ||
    goes_into<L, std::conditional_t<A::shape_v.is_scalar(), B, A>>;
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
    using op = planned_sum_op<kind_of_term<T, I == 0, subtracted[I], first::shape_v.is_fixed()>...>;
    return planned_node<op>(terms...);
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
    return planned_node<negate_op>(product_into(l, arg<0>(t)));
  } else if constexpr (is_node_of<T, product_op>) {
    if constexpr (first_is_scalar<T>)
      return planned_node<product_op>(arg<0>(t), product_into(l, arg<1>(t)));
    else
      return product(product_into(l, arg<0>(t)), arg<1>(t));
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
    return planned_node<negate_op>(product_from(arg<0>(t), r));
  } else if constexpr (is_node_of<T, product_op>) {
    if constexpr (first_is_scalar<T>)
      return planned_node<product_op>(arg<0>(t), product_from(arg<1>(t), r));
    else
      return product(arg<0>(t), product_from(arg<1>(t), r));
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
  constexpr product_saving left_saving = left_form_saving_of<L, R>::value;
  constexpr product_saving right_saving = right_form_saving_of<L, R>::value;
  if constexpr (has_planned_product<L, R>) {
    return planned_product(l, r);
  } else if constexpr (matrix_result && goes_into<L, R>) {
    return product_into(l, r);
  } else if constexpr (matrix_result && takes_in<L, R>) {
    return product_from(l, r);
  } else if constexpr (structured_side<result> != 0) {
    return planned_node<product_op>(l, r);  // the structured factor applies itself (eval/evaluate.hpp)
  } else if constexpr (is_matrix_sum<L> && R::shape_v.is_column() && !L::shape_v.is_column()) {
    // (A ± B)x = Ax ± Bx: two matrix-vector products instead of a pass to form A ± B.
    return distribute(l, r);
  } else if constexpr (left_saving != product_saving::none && left_saving >= right_saving) {
    return left_factor_form(l, r).form;
  } else if constexpr (right_saving != product_saving::none) {
    return right_factor_form(l, r).form;
  } else {
    return planned_node<product_op>(l, r);
  }
}

template <term_kind... K, class... T, class R>
constexpr auto distribute(const node<planned_sum_op<K...>, T...>& s, const R& r) {
  return s.args.apply([&](const auto&... t) { return resummed<K...>(product(t, r)...); });
}

/// The best association of a chain of planned factors (a pack type).
template <class Factors>
inline constexpr auto chain_plan_v = 0;
template <class... F>
inline constexpr auto chain_plan_v<pack<F...>> = order_chain<sizeof...(F)>({F::shape_v...}, {cheap_in_products<F>...});

/// Factors I..J (I < J) of a chain, associated as the plan says. A single factor is read
/// here rather than by a call of its own: each call is a function named after the whole
/// chain.
template <std::size_t I, std::size_t J, class Factors>
constexpr auto build_chain(const Factors& f) {
  constexpr std::size_t s = chain_plan_v<Factors>.split[I][J];
  if constexpr (s == I && s + 1 == J)
    return product(at<I>(f), at<J>(f));
  else if constexpr (s == I)
    return product(at<I>(f), build_chain<s + 1, J>(f));
  else if constexpr (s + 1 == J)
    return product(build_chain<I, s>(f), at<J>(f));
  else
    return product(build_chain<I, s>(f), build_chain<s + 1, J>(f));
}

/// Whether a chain of planned factors is three whose association the run-time sizes decide.
template <class... F>
inline constexpr bool chain_associated_by_size = false;
template <class F0, class F1, class F2>
inline constexpr bool chain_associated_by_size<F0, F1, F2> =
    associated_by_size({F0::shape_v, F1::shape_v, F2::shape_v}, {cheap_in_products<F0>, cheap_in_products<F1>, cheap_in_products<F2>});

template <class... F>
constexpr auto planned_chain(const pack<F...>& factors) {
  if constexpr (chain_associated_by_size<F...>) {
    using F1 = pack_element_t<1, pack<F...>>;
    return planned_node<chain_by_size_op<F1::shape_v.rows, F1::shape_v.cols>>(
        product(product(at<0>(factors), at<1>(factors)), at<2>(factors)),
        product(at<0>(factors), product(at<1>(factors), at<2>(factors))));
  } else if constexpr (sizeof...(F) == 1) {
    return at<0>(factors);  // the first half of a symmetric chain of two or three
  } else {
    return build_chain<0, sizeof...(F) - 1>(factors);
  }
}

/// A chain f₁…fₕ fₕᵀ…f₁ᵀ, or f₁…fₕ M fₕᵀ…f₁ᵀ with M symmetric: ZZᵀ or ZMZᵀ for Z = f₁…fₕ,
/// a symmetric matrix (a congruence A S Aᵀ, S⁻¹ V S⁻¹, S⁻¹ Y Yᵀ S⁻¹). (Factors: a pack type.)
/// Pairs are compared from the outside in and the first mismatch ends it, so a chain that is
/// not symmetric costs one comparison.
template <class Factors, std::size_t I = 0>
constexpr bool is_symmetric_chain() {
  constexpr std::size_t k = Factors::size;
  if constexpr (I >= (k + 1) / 2)
    return true;
  else if constexpr (!mirror_images<pack_element_t<I, Factors>, pack_element_t<k - 1 - I, Factors>>)
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

/// x·zᵀ, the last product of a symmetric chain: in the form z's operation plans for it
/// (`symmetric_product_with_transpose`, eval/evaluate.hpp), otherwise one triangle of x·zᵀ.
template <class X, class Z>
constexpr auto symmetric_last_product(const X& x, const Z& z) {
  if constexpr (requires { symmetric_product_with_transpose(x, z); })
    return symmetric_product_with_transpose(x, z);
  else
    return planned_node<symmetric_product_op<false, true>>(x, z);
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
  if constexpr (sizeof...(F) % 2 == 0)
    return symmetric_last_product(z, z);
  else
    return symmetric_last_product(product(z, at<h>(factors)), z);
}

/// Whether a product of matrices is planned as a symmetric chain: its factors are one and its
/// result is at least 9 x 9 or of a run-time size (the same threshold as gram's).
template <class E, class Factors>
inline constexpr bool plans_symmetric_chain = [] {
  if constexpr (!symmetric_form_pays(E::shape_v)) return false;
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
  /// (sA) ⊗ B, eval/ops/kron.hpp); s·op(A) op(B) of run-time size as one product with s as
  /// its factor (`scaled_product`, eval/plan/special_forms.hpp: −2(T − UVᵀ)V has no
  /// temporary for (T − UVᵀ)V; at fixed sizes Eigen's lazy product is as fast). (A product of
  /// matrices is planned as a chain.)
  template <class L, class R>
  static constexpr auto plan(const node<product_op, L, R>& e) {
    if constexpr (L::shape_v.is_scalar() && !R::shape_v.is_scalar() && planning::has_planned_product<L, R>)
      return planned_product(arg<0>(e), arg<1>(e));
    else if constexpr (L::shape_v.is_scalar() && !R::shape_v.is_scalar() && !R::shape_v.is_fixed() && product_term<R>::applies)
      return planned_node<scaled_product_op>(arg<0>(e), arg<1>(e));
    else
      return e;
  }

  /// r += c(sM) as r += (cs)M, where M adds itself.
  template <class Ctx, class L, class M, class R>
    requires(L::shape_v.is_scalar() && adds_itself<Ctx, M>())
  static void add_to(const Ctx& ctx, const node<product_op, L, M>& e, R& r, typename Ctx::scalar c) {
    const auto& s = evaluate(ctx, arg<0>(e));
    add_scaled(ctx, r, arg<1>(e), c * to_scalar<typename Ctx::scalar>(operand_value(s)));
  }
  /// r = sM for an M that adds itself, entry by entry at small fixed sizes (the scaled sum of
  /// a triangle's Hessian): each entry written once, where the caller holds r.
  template <class Ctx, class L, class M, class R>
    requires(formed_by_add_to<Ctx, node<product_op, L, M>> && written_entry_by_entry(M::shape_v) &&
             binds_fixed_sizes<Ctx> && has_entries<Ctx, M>())
  static void evaluate_into(const Ctx& ctx, const node<product_op, L, M>& e, R& r) {
    using S = typename Ctx::scalar;
    with_entries(ctx, e, S(1), [&](const auto& g) {
      fill_entries<M::shape_v.rows.factor, M::shape_v.cols.factor>(r, [&](Eigen::Index i, Eigen::Index j) {
        S acc(0);
        g.add(acc, i, j);
        return acc;
      });
    });
  }
  /// The entries of c(sM) as those of (cs)M.
  template <class Ctx, class L, class M, class K>
    requires(L::shape_v.is_scalar() && adds_itself<Ctx, M>() && has_entries<Ctx, M>())
  static void with_entries(const Ctx& ctx, const node<product_op, L, M>& e, typename Ctx::scalar c, K&& k) {
    const auto& s = evaluate(ctx, arg<0>(e));
    with_scaled_entries(ctx, arg<1>(e), c * to_scalar<typename Ctx::scalar>(operand_value(s)), k);
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
