/// @file
/// `md::jacobian(F, X)`: J = ∂vec(F)/∂vec(X)ᵀ, the (rows(F)·cols(F)) x (rows(X)·cols(X))
/// matrix with vec(dF) = J vec(dX) (column-major vec). For vectors F (m x 1) and x (n x 1)
/// it is the usual m x n Jacobian; for a 1x1 F it is the gradient as a row, vec(∇F)ᵀ.
///
/// Vec identification: dF, linear in dX, is walked from the leaves up; each node maps the
/// Jacobian of its operand holding dX, J, to its own (Magnus and Neudecker's vec rules):
///
///     dX                     I
///     A ± B, -A              J_A ± J_B, -J_A
///     A dM        (A p x q)  (I ⊗ A) J            vec(A dM B) = (Bᵀ ⊗ A) vec(dM)
///     dM B        (M p x q)  (Bᵀ ⊗ I_p) J
///     s dM, dM/s  (s 1x1)    s J, J/s;   ds M:  vec(M) J_s
///     dMᵀ         (M p x q)  K(p,q) J             K the commutation matrix
///     tr(dM)                 vec(I)ᵀ J
///     A ∘ dM, dM ⊘ B         diag(vec A) J, diag(vec(1 ⊘ B)) J
///     dA ⊗ B, A ⊗ dB         P (I ⊗ vec B) J, P (vec A ⊗ I) J     P = I_n ⊗ K(q,m) ⊗ I_p
///                                           (vec(A ⊗ B) = P (vec A ⊗ vec B), A m x n, B p x q)
///     vec(dM), unvec(dM)     J
///     diag(dm), diagonal(dM) S J, Sᵀ J        S the diagonal selection, vec(diag v) = S v
///     sum(dM), ⟨A, dM⟩       1ᵀ J, vec(A)ᵀ J
///     the Kronecker adjoints their transposed vec maps
/// and the result is simplified ((A ⊗ B)(C ⊗ D) = AC ⊗ BD, K(n,m)K(m,n) = I, ...).
#pragma once

#include <type_traits>

#include <matdiff/calculus/d.hpp>
#include <matdiff/calculus/differential.hpp>
#include <matdiff/calculus/grad.hpp>
#include <matdiff/calculus/identify.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/commutation.hpp>
#include <matdiff/ops/diag.hpp>
#include <matdiff/ops/diagonal_selection.hpp>
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

namespace vec_identification {

using identification::combined;
using identification::no_term;

template <dimension N>
inline constexpr constant_matrix<constant_kind::identity, N, N> identity_v{};

constexpr dimension size_of(const shape& s) { return s.rows * s.cols; }

/// I_n ⊗ K(q,m) ⊗ I_p, with vec(A ⊗ B) = P (vec A ⊗ vec B) for A m x n, B p x q.
template <dimension M, dimension N, dimension P, dimension Q>
constexpr auto kron_vec_permutation() {
  return kron(kron(identity_v<N>, commutation_of<Q, M>()), identity_v<P>);
}

template <class V, class E>
constexpr auto push(const E& e);

template <class E>
inline constexpr bool has_d = contains_differential<E>;

template <class E>
using operand_t = std::remove_cvref_t<E>;

/// An operation whose operand holding dX is not reached linearly.
template <class V, class Op, class E>
constexpr auto push_through(const Op&, const E&) {
  constexpr diagnostic message = text("matdiff: jacobian: dX appears inside a non-linear operation (") +
                                 sums::printed_type<E>() + "): the differential is not linear in dX";
  static_assert(error<message>, "matdiff: jacobian needs a differential linear in dX");
  return no_term{};
}

template <class V, class E>
constexpr auto push_through(const add_op&, const E& e) {
  return combined(push<V>(e.template arg<0>()), push<V>(e.template arg<1>()));
}
template <class V, class E>
constexpr auto push_through(const subtract_op&, const E& e) {
  const auto right = push<V>(e.template arg<1>());
  if constexpr (std::is_same_v<decltype(right), const no_term>) return push<V>(e.template arg<0>());
  else return combined(push<V>(e.template arg<0>()), -right);
}
template <class V, class E>
constexpr auto push_through(const negate_op&, const E& e) {
  return -push<V>(e.template arg<0>());
}

template <class V, class E>
constexpr auto push_through(const product_op&, const E& e) {
  const auto& a = e.template arg<0>();
  const auto& b = e.template arg<1>();
  using A = operand_t<decltype(a)>;
  using B = operand_t<decltype(b)>;
  static_assert(!(has_d<A> && has_d<B>), "matdiff: jacobian: dX on both sides of a product");
  constexpr bool a_scalar = A::shape_v.is_scalar(), b_scalar = B::shape_v.is_scalar();
  if constexpr (a_scalar && b_scalar) {
    if constexpr (has_d<A>) return b * push<V>(a);
    else return a * push<V>(b);
  } else if constexpr (a_scalar) {  // s·M
    if constexpr (has_d<A>) return vec(b) * push<V>(a);
    else return a * push<V>(b);
  } else if constexpr (b_scalar) {  // M·s
    if constexpr (has_d<A>) return b * push<V>(a);
    else return vec(a) * push<V>(b);
  } else if constexpr (has_d<A>) {  // vec(dM B) = (Bᵀ ⊗ I) vec(dM)
    return kron(transpose(b), identity_v<A::shape_v.rows>) * push<V>(a);
  } else {  // vec(A dM) = (I ⊗ A) vec(dM)
    return kron(identity_v<B::shape_v.cols>, a) * push<V>(b);
  }
}

template <class V, class E>
constexpr auto push_through(const quotient_op&, const E& e) {
  static_assert(!has_d<operand_t<decltype(e.template arg<1>())>>, "matdiff: jacobian: dX in a divisor is not linear");
  return push<V>(e.template arg<0>()) / e.template arg<1>();
}

template <class V, class E>
constexpr auto push_through(const transpose_op&, const E& e) {
  using M = operand_t<decltype(e.template arg<0>())>;
  return commutation_of<M::shape_v.rows, M::shape_v.cols>() * push<V>(e.template arg<0>());
}

template <class V, class E>
constexpr auto push_through(const trace_op&, const E& e) {
  using M = operand_t<decltype(e.template arg<0>())>;
  return transpose(vec(identity_v<M::shape_v.rows>)) * push<V>(e.template arg<0>());
}

template <class V, class E>
constexpr auto push_through(const hadamard_op&, const E& e) {
  const auto& a = e.template arg<0>();
  const auto& b = e.template arg<1>();
  if constexpr (has_d<operand_t<decltype(a)>>) return diag(vec(b)) * push<V>(a);
  else return diag(vec(a)) * push<V>(b);
}

template <class V, class E>
constexpr auto push_through(const hadamard_div_op&, const E& e) {
  using B = operand_t<decltype(e.template arg<1>())>;
  static_assert(!has_d<B>, "matdiff: jacobian: dX in a divisor is not linear");
  constexpr auto ones = constant_matrix<constant_kind::ones, size_of(B::shape_v), dimension::fixed(1)>{};
  return diag(hadamard_div(ones, vec(e.template arg<1>()))) * push<V>(e.template arg<0>());
}

template <class V, class E>
constexpr auto push_through(const kron_op&, const E& e) {
  const auto& a = e.template arg<0>();
  const auto& b = e.template arg<1>();
  using A = operand_t<decltype(a)>;
  using B = operand_t<decltype(b)>;
  constexpr auto p = kron_vec_permutation<A::shape_v.rows, A::shape_v.cols, B::shape_v.rows, B::shape_v.cols>();
  if constexpr (has_d<A>) return p * kron(identity_v<size_of(A::shape_v)>, vec(b)) * push<V>(a);
  else return p * kron(vec(a), identity_v<size_of(B::shape_v)>) * push<V>(b);
}

/// The Kronecker adjoints are the transposes of the maps above: for a of shape R x C and
/// b (p x q), vec(kron_adjoint_left(C, b)) = (P (I ⊗ vec b))ᵀ vec C and
/// vec(kron_adjoint_right(a, C)) = (P (vec a ⊗ I))ᵀ vec C; in the other operand they are
/// W = unvec(Pᵀ vec C) (pq x RC) and its transpose.
template <class V, bool Left, dimension Rows, dimension Cols, class E>
constexpr auto push_through(const kron_adjoint_op<Left, Rows, Cols>&, const E& e) {
  const auto& first = e.template arg<0>();
  const auto& second = e.template arg<1>();
  constexpr shape a_shape{Rows, Cols};
  using Other = std::conditional_t<Left, operand_t<decltype(second)>, operand_t<decltype(first)>>;
  constexpr shape other_shape = Other::shape_v;
  constexpr shape a{Left ? a_shape : other_shape};
  constexpr shape b{Left ? other_shape : a_shape};
  constexpr auto p = kron_vec_permutation<a.rows, a.cols, b.rows, b.cols>();
  const auto& c = [&]() -> const auto& { if constexpr (Left) return first; else return second; }();
  const auto& other = [&]() -> const auto& { if constexpr (Left) return second; else return first; }();
  if constexpr (has_d<operand_t<decltype(c)>>) {
    if constexpr (Left) return transpose(p * kron(identity_v<size_of(a)>, vec(other))) * push<V>(c);
    else return transpose(p * kron(vec(other), identity_v<size_of(b)>)) * push<V>(c);
  } else {
    const auto w = unvec<size_of(b), size_of(a)>(transpose(p) * vec(c));
    if constexpr (Left) return transpose(w) * push<V>(other);
    else return w * push<V>(other);
  }
}

template <class V, class E>
constexpr auto push_through(const vec_op&, const E& e) {
  return push<V>(e.template arg<0>());
}
template <class V, dimension R, dimension C, class E>
constexpr auto push_through(const unvec_op<R, C>&, const E& e) {
  return push<V>(e.template arg<0>());
}

template <class V, class E>
constexpr auto push_through(const diag_op&, const E& e) {
  return diagonal_selection_matrix<E::shape_v.rows>{} * push<V>(e.template arg<0>());
}
template <class V, class E>
constexpr auto push_through(const diagonal_op&, const E& e) {
  return transpose(diagonal_selection_matrix<E::shape_v.rows>{}) * push<V>(e.template arg<0>());
}

template <class V, class E>
constexpr auto push_through(const sum_op&, const E& e) {
  using M = operand_t<decltype(e.template arg<0>())>;
  return constant_matrix<constant_kind::ones, dimension::fixed(1), size_of(M::shape_v)>{} * push<V>(e.template arg<0>());
}

template <class V, class E>
constexpr auto push_through(const dot_op&, const E& e) {
  const auto& a = e.template arg<0>();
  const auto& b = e.template arg<1>();
  if constexpr (has_d<operand_t<decltype(a)>>) return transpose(vec(b)) * push<V>(a);
  else return transpose(vec(a)) * push<V>(b);
}

/// J_e, with vec(e) = J_e vec(dX); no_term when e does not hold dX.
template <class V, class E>
constexpr auto push(const E& e) {
  if constexpr (!has_d<E>) return no_term{};
  else if constexpr (is_differential_symbol<E>) return identity_v<size_of(V::shape_v)>;
  else return push_through<V>(e.op, e);
}

}  // namespace vec_identification

/// J with vec(dF) = J vec(dX), simplified; dF must be linear in dX (V = X's type). For a
/// symmetric X (`md::symmetric`, `md::spd`) J acts on symmetric directions: J₀ (I + K)/2,
/// so that J = J (I + K)/2 and J vec(V) = vec(dF) at dX = V for every symmetric V (API §2.2).
template <class V, class F, class DF>
constexpr auto identify_jacobian(const DF& df) {
  const auto j = vec_identification::push<V>(df);
  constexpr shape result{vec_identification::size_of(F::shape_v), vec_identification::size_of(V::shape_v)};
  if constexpr (std::is_same_v<std::remove_cvref_t<decltype(j)>, identification::no_term>) {
    return zero_of<result>();
  } else if constexpr (is_symmetric_variable<V>) {
    const auto j0 = simplified(j);
    using J0 = std::remove_cvref_t<decltype(j0)>;
    constexpr auto k = commutation_of<V::shape_v.rows, V::shape_v.cols>();
    const auto jk = simplified(make_node(product_op{}, j0, k));
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(jk)>, J0> && holds_no_data<J0>) return j0;
    else return simplified(make_node(add_op{}, make_node(product_op{}, rational<1, 2>{}, j0), make_node(product_op{}, rational<1, 2>{}, jk)));
  } else {
    return simplified(j);
  }
}

/// ∂vec(F)/∂vec(X)ᵀ: (rows(F)·cols(F)) x (rows(X)·cols(X)); the usual Jacobian for vectors,
/// vec(∇F)ᵀ for a 1x1 F.
template <class F, class V>
constexpr auto jacobian(const F& f, const V&) {
  constexpr detail::derivative_problem_t problem = detail::derivative_problem<F, V>("jacobian", false);
  if constexpr (any_invalid<F>) {
    return invalid_expression{};
  } else if constexpr (!problem.ok()) {
    detail::report_derivative_error<problem>();
    return invalid_expression{};
  } else if constexpr (F::shape_v.is_scalar()) {
    return keep_signature<detail::derivative_signature<F, V>>(
        simplified(transpose(vec(detail::gradient_of<V>(without_signature(f))))));
  } else {
    return keep_signature<detail::derivative_signature<F, V>>(
        identify_jacobian<V, F>(simplified(raw_differential<V>(without_signature(f)))));
  }
}

}  // namespace matdiff
