/// @file
/// `plan_evaluation(e)`: the expression a kernel evaluates in place of `e`, same value, less
/// work. A compile-time rewrite of the expression type, top-down, each node once:
///
///   - a product of matrices is flattened into its chain and re-associated by cost
///     (eval/plan/chain.hpp);
///   - inv, det, logdet of a matrix (and adj beyond 3x3) go through lu(A), or llt(S) for an
///     `md::spd` variable S (eval/plan/factorization.hpp), and a product with inv(A) on either
///     side becomes a solve with that factorization, as does solve(S, B);
///   - diag(v) M, M diag(v), tr(AB), sum(a∘b), Aᵀ diag(d) A, AᵀA and products with a
///     transposed factor take their special forms (eval/plan/special_forms.hpp);
///   - a product with a structured factor (`structured_factor`, eval/evaluate.hpp: a
///     commutation matrix, A ⊗ I, ...) stays a product, which that factor applies; in a
///     chain it counts as cheap as a diagonal factor;
///   - a chain of + and − becomes one planned sum, evaluated into one result in the
///     written order, a product term C ± AB added into it (eval/plan/special_forms.hpp);
///     (A ± B)x becomes Ax ± Bx, and s(A ⊗ B) becomes (sA) ⊗ B;
///   - log(sum(exp(A))) becomes logsumexp(A); a product with a factor exp(A) divided or
///     scaled by sum(exp(A)) takes softmax(A) for that factor (exp(A)/sum(exp(A)), the
///     gradient (1/sum(exp(A))) exp(A) of log(sum(exp(A))), exp(A x) x'/sum(exp(A x)), and
///     diag(exp(A)) likewise), and exp(A) exp(Aᵀ)/sum(exp(A))² is softmax(A) softmax(A)ᵀ
///     (eval/ops/softmax.hpp): the written-out forms overflow at entries near 710.
///
/// It is not simplification: the printed and simplified forms are untouched; only the
/// evaluation sees the planned expression. Common subexpressions of the planned expressions
/// are shared afterwards (eval/plan/shared.hpp), so one lu(A) serves every user of A.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/pack.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/eval/plan/chain.hpp>
#include <matdiff/eval/plan/factorization.hpp>
#include <matdiff/eval/plan/shared.hpp>
#include <matdiff/eval/plan/special_forms.hpp>
#include <matdiff/eval/ops/softmax.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/adj.hpp>
#include <matdiff/ops/det.hpp>
#include <matdiff/ops/diag.hpp>
#include <matdiff/ops/elementwise.hpp>
#include <matdiff/ops/hadamard.hpp>
#include <matdiff/ops/inv.hpp>
#include <matdiff/ops/kron.hpp>
#include <matdiff/ops/logdet.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/softmax.hpp>
#include <matdiff/ops/solve.hpp>
#include <matdiff/ops/sum.hpp>
#include <matdiff/ops/trace.hpp>
#include <matdiff/ops/transpose.hpp>

namespace matdiff {

template <class E>
constexpr auto plan_evaluation(const E& e);

namespace planning {

template <class Op, class... Args>
constexpr auto make(const Args&... args) {
  return node<Op, Args...>(Op{}, args...);
}

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

/// E = sum(exp(A)): the normaliser of softmax(A).
template <class E>
inline constexpr bool is_sum_of_exp = false;
template <class A>
inline constexpr bool is_sum_of_exp<node<sum_op, node<elementwise_op<function::exp>, A>>> = true;

template <class A>
using exp_t = node<elementwise_op<function::exp>, A>;

/// A normaliser: S = sum(exp(A)) divides, or Q = 1/sum(exp(A)) scales; A without stored
/// data, so that the types say which exp(A) it normalises.
template <class S>
struct exp_normaliser {
  static constexpr bool applies = false;
};
template <class A>
struct exp_normaliser<node<sum_op, exp_t<A>>> {
  static constexpr bool applies = !carries_data<A>;
  using argument = A;
};
template <class Q>
struct reciprocal_exp_normaliser {
  static constexpr bool applies = false;
};
template <class A>
struct reciprocal_exp_normaliser<node<quotient_op, rational<1>, node<sum_op, exp_t<A>>>>
    : exp_normaliser<node<sum_op, exp_t<A>>> {};

/// Factor F of a product is exp(A) (1) or diag(exp(A)) (2), which a normaliser of A turns
/// into softmax(A) or diag(softmax(A)).
template <class F, class A>
inline constexpr int exp_factor = 0;
template <class A>
inline constexpr int exp_factor<exp_t<A>, A> = 1;
template <class A>
inline constexpr int exp_factor<node<diag_op, exp_t<A>>, A> = 2;

/// The index of the first factor exp(A) or diag(exp(A)) of a chain (a pack type); its size
/// when there is none.
template <class A, class Factors>
inline constexpr std::size_t first_exp_factor = 0;
template <class A, class I, class... F>
inline constexpr std::size_t first_exp_factor<A, detail::indexed_pack<I, F...>> = [] {
  constexpr bool match[] = {(exp_factor<F, A> != 0)..., false};
  std::size_t k = 0;
  while (k < sizeof...(F) && !match[k]) ++k;
  return k;
}();

template <class E>
using chain_factors_t = decltype(chain_factors(std::declval<const E&>()));

/// M/sum(exp(A)) or (1/sum(exp(A))) M, M a product with a factor exp(A) or diag(exp(A)):
/// the normaliser goes into that factor (the forms the written-out softmax and the
/// gradient of log(sum(exp(A))) take, e.g. exp(A x) x'/sum(exp(A x))).
template <class E>
struct normalised_exp {
  static constexpr bool applies = false;
};
template <class M, class S>
  requires exp_normaliser<S>::applies
struct normalised_exp<node<quotient_op, M, S>> {
  using argument = typename exp_normaliser<S>::argument;
  static constexpr std::size_t factor = first_exp_factor<argument, chain_factors_t<M>>;
  static constexpr bool applies = factor < chain_factors_t<M>::size;
  static constexpr const auto& product(const node<quotient_op, M, S>& e) { return e.template arg<0>(); }
};
template <class Q, class M>
  requires reciprocal_exp_normaliser<Q>::applies
struct normalised_exp<node<product_op, Q, M>> {
  using argument = typename reciprocal_exp_normaliser<Q>::argument;
  static constexpr std::size_t factor = first_exp_factor<argument, chain_factors_t<M>>;
  static constexpr bool applies = factor < chain_factors_t<M>::size;
  static constexpr const auto& product(const node<product_op, Q, M>& e) { return e.template arg<1>(); }
};

/// The factor with the normaliser taken in: softmax(A) for exp(A), diag(softmax(A)) for diag(exp(A)).
template <class A, class F>
constexpr auto normalised_factor(const F& f) {
  if constexpr (exp_factor<F, A> == 1) return make<softmax_op>(f.template arg<0>());
  else return make<diag_op>(make<softmax_op>(f.template arg<0>().template arg<0>()));
}

/// The product f₀ f₁ ... of a pack of factors, associated to the left (planning reorders it).
template <class F0>
constexpr auto product_of(const F0& f0) {
  return f0;
}
template <class F0, class F1, class... F>
constexpr auto product_of(const F0& f0, const F1& f1, const F&... f) {
  return product_of(make<product_op>(f0, f1), f...);
}

/// E, a normalised_exp, as the product with its exp factor normalised (not yet planned).
template <class E>
constexpr auto absorb_normaliser(const E& e) {
  using form = normalised_exp<E>;
  const auto factors = chain_factors(form::product(e));
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto factor = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
      if constexpr (J == form::factor) return normalised_factor<typename form::argument>(at<J>(factors));
      else return at<J>(factors);
    };
    return product_of(factor(std::integral_constant<std::size_t, I>{})...);
  }(std::make_index_sequence<decltype(factors)::size>{});
}

/// exp(A) (exp(Aᵀ)/(sum(exp(A)) sum(exp(A)))) and exp(A) exp(Aᵀ)/(sum(exp(A)) sum(exp(A))), of
/// the Hessian of log(sum(exp(A))) and the Jacobian of exp(A)/sum(exp(A)), are
/// softmax(A) softmax(A)ᵀ.
template <class A>
using squared_sum_of_exp_t = node<product_op, node<sum_op, exp_t<A>>, node<sum_op, exp_t<A>>>;
template <class E>
inline constexpr bool is_softmax_outer = false;
template <class A>
inline constexpr bool is_softmax_outer<
    node<product_op, exp_t<A>, node<quotient_op, exp_t<node<transpose_op, A>>, squared_sum_of_exp_t<A>>>> =
    !carries_data<A>;
template <class A>
inline constexpr bool is_softmax_outer<
    node<quotient_op, node<product_op, exp_t<A>, exp_t<node<transpose_op, A>>>, squared_sum_of_exp_t<A>>> =
    !carries_data<A>;

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

/// The product of two planned matrix operands.
template <class L, class R>
constexpr auto product(const L& l, const R& r) {
  using result = node<product_op, L, R>;
  constexpr bool matrix_result = !result::shape_v.is_scalar();
  // One triangle of a symmetric product goes through Eigen's blocked triangular product,
  // whose setup costs more than the whole plain product of a small fixed-size matrix.
  constexpr bool symmetric_pays = !(result::shape_v.is_fixed() && result::shape_v.rows.factor <= 8);
  if constexpr (structured_side<result> != 0) {
    return result(product_op{}, l, r);  // the structured factor applies itself (eval/evaluate.hpp)
  } else if constexpr (is_matrix_sum<L> && R::shape_v.is_column() && !L::shape_v.is_column()) {
    // (A ± B)x = Ax ± Bx: two matrix-vector products instead of a pass to form A ± B.
    return distribute(l, r);
  } else if constexpr (is_lu_inverse<L>) {
    return make<lu_solve_op>(l.template arg<0>(), r);
  } else if constexpr (is_lu_inverse<R>) {
    return make<lu_solve_right_op>(l, r.template arg<0>());
  } else if constexpr (matrix_result && symmetric_pays && is_transpose_of<L, R>) {
    return make<gram_op>(r);
  } else if constexpr (matrix_result && symmetric_pays && is_weighted_gram<L, R> && is_node_of<R, scale_rows_op>) {
    return make<gram_op>(r.template arg<1>(), r.template arg<0>());
  } else if constexpr (matrix_result && symmetric_pays && is_weighted_gram<L, R>) {
    return make<gram_op>(r, l.template arg<1>());
  } else if constexpr (is_diag<L>) {
    return make<scale_rows_op>(l.template arg<0>(), r);
  } else if constexpr (is_diag<R>) {
    return make<scale_cols_op>(l, r.template arg<0>());
  } else if constexpr (is_transpose<L> || is_transpose<R>) {
    const auto& a = [&]() -> const auto& {
      if constexpr (is_transpose<L>) return l.template arg<0>(); else return l;
    }();
    const auto& b = [&]() -> const auto& {
      if constexpr (is_transpose<R>) return r.template arg<0>(); else return r;
    }();
    return make<transposed_product_op<is_transpose<L>, is_transpose<R>>>(a, b);
  } else {
    return result(product_op{}, l, r);
  }
}

template <term_kind... K, class... T, class R>
constexpr auto distribute(const node<planned_sum_op<K...>, T...>& s, const R& r) {
  return s.args.apply([&](const auto&... t) { return make<planned_sum_op<K...>>(product(t, r)...); });
}

/// The best association of a chain of planned factors (a pack type).
template <class Factors>
inline constexpr auto chain_plan_v = 0;
template <class... F>
inline constexpr auto chain_plan_v<pack<F...>> =
    order_chain<sizeof...(F)>({F::shape_v...}, {(is_diag<F> || structured_factor<F>::applies)...});

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

template <class... F>
constexpr auto planned_chain(const pack<F...>& factors) {
  return build_chain<0, sizeof...(F) - 1>(factors);
}

/// tr(op(A) op(B)) from a planned product.
template <class P>
struct trace_of_product {
  static constexpr bool applies = false;
};
template <class A, class B>
struct trace_of_product<node<product_op, A, B>> {
  static constexpr bool applies =
      is_chain_product<node<product_op, A, B>> && structured_side<node<product_op, A, B>> == 0;
  using op = trace_product_op<false, false>;
};
template <bool TA, bool TB, class A, class B>
struct trace_of_product<node<transposed_product_op<TA, TB>, A, B>> {
  static constexpr bool applies = true;
  using op = trace_product_op<TA, TB>;
};

/// A node of + or −: the left spine of such nodes is one planned sum.
template <class E>
inline constexpr bool is_sum_node = is_node_of<E, add_op> || is_node_of<E, subtract_op>;

/// The number of terms on the left spine of + and − of E.
template <class E>
constexpr std::size_t spine_length() {
  if constexpr (is_sum_node<E>) return spine_length<std::remove_cvref_t<decltype(std::declval<E>().template arg<0>())>>() + 1;
  else return 1;
}

/// Which terms of E's spine are subtracted (term 0, the leftmost, never is).
template <class E, std::size_t N>
constexpr void mark_subtracted(std::array<bool, N>& subtracted) {
  if constexpr (is_sum_node<E>) {
    subtracted[spine_length<E>() - 1] = is_node_of<E, subtract_op>;
    mark_subtracted<std::remove_cvref_t<decltype(std::declval<E>().template arg<0>())>>(subtracted);
  }
}

/// The planned terms of E's spine, left to right; a sum on the right of a + or − is a term
/// of its own (a + (b + c) is not (a + b) + c in floating point).
template <class E>
constexpr auto planned_terms(const E& e) {
  if constexpr (is_sum_node<E>) return concat(planned_terms(e.template arg<0>()), make_pack(plan_evaluation(e.template arg<1>())));
  else return make_pack(plan_evaluation(e));
}

/// How term T enters a planned sum of shape Sum: a product is added into the running sum as
/// a product of its factors where that saves the product's temporary (a matrix of run-time
/// size: for a fixed size, Eigen's lazy sum of products is as fast); the first term is the
/// running sum's start.
template <class T, bool First, bool Subtracted, class Sum>
inline constexpr term_kind kind_of_term =
    (!First && product_term<T>::applies && !Sum::shape_v.is_fixed())
        ? (Subtracted ? term_kind::minus_product : term_kind::plus_product)
        : (Subtracted ? term_kind::minus : term_kind::plus);

/// The spine of + and − of E as one planned sum: one node, however many terms, instead of
/// one per prefix.
template <class E>
constexpr auto planned_sum(const E& e) {
  constexpr std::size_t n = spine_length<E>();
  constexpr auto subtracted = [] {
    std::array<bool, n> s{};
    mark_subtracted<E>(s);
    return s;
  }();
  return [&]<class... T, std::size_t... I>(const pack<T...>& terms, std::index_sequence<I...>) {
    using op = planned_sum_op<kind_of_term<T, I == 0, subtracted[I], E>...>;
    return node<op, T...>(op{}, at<I>(terms)...);
  }(planned_terms(e), std::make_index_sequence<n>{});
}

/// A node whose operands are planned.
template <class Op, class... Args>
constexpr auto rewrite(const node<Op, Args...>& e) {
  if constexpr (sizeof...(Args) == 1) {
    using A = pack_element_t<0, pack<Args...>>;
    const auto& a = e.template arg<0>();
    if constexpr (std::is_same_v<Op, inv_op> && inverse_by_lu<A>) {
      return make<lu_inverse_op>(factorization_of(a));
    } else if constexpr (std::is_same_v<Op, det_op> && inverse_by_lu<A>) {
      return make<lu_determinant_op>(factorization_of(a));
    } else if constexpr (std::is_same_v<Op, adj_op> && is_spd_variable<A> && inverse_by_lu<A>) {
      // adj(S) = det(S) S⁻¹ (S positive definite is invertible), from the shared Cholesky.
      const auto f = factorization_of(a);
      return make<product_op>(make<lu_determinant_op>(f), make<lu_inverse_op>(f));
    } else if constexpr (std::is_same_v<Op, adj_op> && adjugate_by_lu<A>) {
      return make<lu_adjugate_op>(make<lu_op>(a));
    } else if constexpr (std::is_same_v<Op, logdet_op> && !A::shape_v.is_scalar()) {
      return make<lu_logdet_op>(factorization_of(a));
    } else if constexpr (std::is_same_v<Op, elementwise_op<function::log>> && is_sum_of_exp<A>) {
      return make<logsumexp_op>(a.template arg<0>().template arg<0>());
    } else if constexpr (std::is_same_v<Op, trace_op> && trace_of_product<A>::applies) {
      return make<typename trace_of_product<A>::op>(a.template arg<0>(), a.template arg<1>());
    } else if constexpr (std::is_same_v<Op, sum_op> && is_node_of<A, hadamard_op>) {
      return make<sum_product_op>(a.template arg<0>(), a.template arg<1>());
    } else {
      return e;
    }
  } else if constexpr (std::is_same_v<Op, solve_op> && is_spd_variable<pack_element_t<0, pack<Args...>>> &&
                       inverse_by_lu<pack_element_t<0, pack<Args...>>>) {
    // solve(S, B) with an md::spd S: by the Cholesky that inv, det and logdet of S share.
    return make<lu_solve_op>(factorization_of(e.template arg<0>()), e.template arg<1>());
  } else if constexpr (std::is_same_v<Op, product_op> && sizeof...(Args) == 2) {
    using L = pack_element_t<0, pack<Args...>>;
    using R = pack_element_t<1, pack<Args...>>;
    if constexpr (L::shape_v.is_scalar() && is_node_of<R, kron_op> && !R::shape_v.is_scalar()) {
      // s (A ⊗ B) = (s A) ⊗ B: the scaling touches the smaller matrix.
      const auto& k = e.template arg<1>();
      using scaled = node<product_op, L, std::remove_cvref_t<decltype(k.template arg<0>())>>;
      return make<kron_op>(scaled(product_op{}, e.template arg<0>(), k.template arg<0>()), k.template arg<1>());
    } else {
      return e;
    }
  } else {
    return e;
  }
}

}  // namespace planning

template <class E>
constexpr auto plan_evaluation(const E& e) {
  if constexpr (!is_node<E>) {
    return e;
  } else if constexpr (planning::normalised_exp<E>::applies) {
    return plan_evaluation(planning::absorb_normaliser(e));
  } else if constexpr (planning::is_softmax_outer<E>) {
    const auto& exp_a = [&]() -> const auto& {  // exp(A), the left factor of either form
      if constexpr (is_node_of<E, quotient_op>) return e.template arg<0>().template arg<0>();
      else return e.template arg<0>();
    }();
    const auto s = planning::make<softmax_op>(plan_evaluation(exp_a.template arg<0>()));
    return planning::product(s, planning::make<transpose_op>(s));
  } else if constexpr (planning::is_sum_node<E>) {
    return planning::planned_sum(e);
  } else if constexpr (is_chain_product<E>) {
    return planning::planned_chain(
        chain_factors(e).apply([](const auto&... f) { return make_pack(plan_evaluation(f)...); }));
  } else {
    return e.args.apply([&](const auto&... a) {
      using Planned = node<decltype(e.op), decltype(plan_evaluation(a))...>;
      return planning::rewrite(Planned(e.op, plan_evaluation(a)...));
    });
  }
}

/// The type a kernel evaluates for expression type E.
template <class E>
using planned_t = decltype(plan_evaluation(std::declval<const E&>()));

}  // namespace matdiff
