/// @file
/// Shared LU factorizations: inv(A), det(A), logdet(A), inv(A) B and B inv(A) of one A are
/// all computed from one partial-pivoting LU, PA = LU, found once per call.
///
///     lu(A)                 the factorization (a node whose value is an Eigen::PartialPivLU)
///     lu_inverse(lu(A))     A⁻¹
///     lu_determinant(lu(A)) det A = det P · Πᵢ Uᵢᵢ
///     lu_logdet(lu(A))      log|det A| = Σᵢ log|Uᵢᵢ|
///     lu_solve(lu(A), B)    A⁻¹B, by two triangular solves (no inverse is formed; a product
///                           with A⁻¹ where the kernel forms A⁻¹, eval/plan/inverse_at_hand.hpp)
///     lu_solve_right(B, lu(A)) BA⁻¹ = (A⁻ᵀBᵀ)ᵀ, by the transposed solves
///
/// The planning hooks of inv, det, logdet, adj and solve (eval/ops/) write these nodes (adj
/// beyond 3x3 as lu_adjugate(lu(A)), eval/ops/adj.hpp); since lu(A) is one type for one A, the
/// common-subexpression pass (eval/plan/shared.hpp) makes every user share it.
///
/// An `md::spd` variable S is factorized by Cholesky instead, llt(S) (S = LLᵀ, eval/cholesky.hpp,
/// half the work of an LU): the nodes above take either factorization (`factorization_of`),
/// so inv(S), det(S), logdet(S), inv(S) B and B inv(S) share one LLT per kernel call. A value
/// bound to S that is not positive definite is `md::structure_error` naming S.
///
/// Every size goes through the LU (eval/lu.hpp: unrolled at fixed sizes up to 4x4); at fixed
/// 2x2 to 4x4 its inverse and determinant are accurate cofactors where those are safe
/// (eval/cofactor_inverse.hpp; at 4x4 checked by the residual and refined). Eigen's closed
/// forms (plain cofactors over the determinant) lose up to all digits at condition
/// 1e8..1e12 where the LU keeps those of a backward-stable solve, and give 0 or inf at scales
/// 1e±200 where the determinant over- or underflows but the inverse does not
/// (docs/numerics.md has the measurements).
/// One factorization for det and logdet also makes them agree: det is exactly 0 exactly
/// when logdet is -inf.
#pragma once

#include <string_view>
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/eval/cholesky.hpp>
#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/lu.hpp>
#include <matdiff/eval/plan/shared.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/rules/transpose.hpp>

namespace matdiff {

/// True when inv(A) and det(A) are computed from an LU: for every matrix (a 1x1 is a number).
template <class A>
inline constexpr bool inverse_by_lu = !A::shape_v.is_scalar();

struct lu_op {
  static constexpr std::string_view planned_name = "lu";
  static constexpr shape result_shape(const shape& a) { return a; }
};
struct lu_inverse_op {
  static constexpr std::string_view planned_name = "lu_inverse";
  static constexpr shape result_shape(const shape& a) { return a; }
};
struct lu_determinant_op {
  static constexpr std::string_view planned_name = "lu_determinant";
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
};
struct lu_logdet_op {
  static constexpr std::string_view planned_name = "lu_logdet";
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
};
struct lu_solve_op {
  static constexpr std::string_view planned_name = "lu_solve";
  static constexpr shape result_shape(const shape&, const shape& b) { return b; }
};
struct lu_solve_right_op {
  static constexpr std::string_view planned_name = "lu_solve_right";
  static constexpr shape result_shape(const shape& b, const shape&) { return b; }
};
/// lu_solve(F, B) for a solve the expression asks for, solve(S, B): evaluated as lu_solve,
/// but it stays a solve, backward stable, also in a kernel that forms S⁻¹ (where a product
/// inv(S) B becomes a product with it, eval/plan/inverse_at_hand.hpp).
struct lu_written_solve_op : lu_solve_op {
  static constexpr std::string_view planned_name = "lu_written_solve";
};
/// lu_solve_right(B, F) whose result is symmetric, (S⁻¹M)S⁻¹ (eval/ops/product.hpp): evaluated
/// as lu_solve_right, but with S⁻¹ at hand one triangle of the product with it.
struct lu_solve_right_symmetric_op : lu_solve_right_op {
  static constexpr std::string_view planned_name = "lu_solve_right_symmetric";
};

/// llt(S): the Cholesky factorization of an `md::spd` variable S.
struct llt_op {
  static constexpr std::string_view planned_name = "llt";
  static constexpr shape result_shape(const shape& a) { return a; }
};

/// F is lu(A) or llt(A) of an A symmetric by its type: then F's inverse is symmetric too.
template <class F>
inline constexpr bool factorizes_symmetric = false;
template <class A>
inline constexpr bool factorizes_symmetric<node<lu_op, A>> = is_known_symmetric<A>;
template <class A>
inline constexpr bool factorizes_symmetric<node<llt_op, A>> = true;

/// A⁻¹B: two triangular solves with A's factorization instead of the inverse.
template <class F, class R>
constexpr auto left_factor_form(const node<lu_inverse_op, F>& inverse, const R& b) {
  return saving<product_saving::solve>(planned_node<lu_solve_op>(arg<0>(inverse), b));
}

/// BA⁻¹, by the transposed solves.
template <class L, class F>
constexpr auto right_factor_form(const L& b, const node<lu_inverse_op, F>& inverse) {
  return saving<product_saving::solve>(planned_node<lu_solve_right_op>(b, arg<0>(inverse)));
}

/// (S⁻¹M)S⁻¹ with S symmetric, S⁻ᵀ = S⁻¹: a solve with S from the right. (S⁻¹S⁻¹, x = z,
/// is one triangle of the product of the inverse, which is formed anyway.)
template <class X, class F>
  requires(factorizes_symmetric<F> && !__is_same(X, node<lu_inverse_op, F>))
constexpr auto symmetric_product_with_transpose(const X& x, const node<lu_inverse_op, F>& inverse) {
  return planned_node<lu_solve_right_symmetric_op>(x, arg<0>(inverse));
}

template <class A>
using lu_node = node<lu_op, A>;

/// The factorization inv, det, logdet and the solves with A are computed from: llt(A) for an
/// `md::spd` variable, lu(A) otherwise.
template <class A>
constexpr auto factorization_of(const A& a) {
  if constexpr (is_spd_variable<A>) return planned_node<llt_op>(a);
  else return planned_node<lu_op>(a);
}

/// The planning hook of inv, det and logdet: node e of A as Form(factorization_of(A)) for
/// a matrix A, as it is for a 1x1 (a number).
template <class Form, class Op, class A>
constexpr auto planned_from_factorization(const node<Op, A>& e) {
  if constexpr (inverse_by_lu<A>) return planned_node<Form>(factorization_of(arg<0>(e)));
  else return e;
}

/// A remembered llt(S) holds the factorization (eval/cholesky.hpp).
template <class S, class A>
struct evaluated_value<S, node<llt_op, A>> {
  using type = cholesky<matrix_t<S, A>>;
};

template <>
struct evaluator<llt_op> {
  template <class Ctx, class A, class V>
  static auto apply(const Ctx&, const node<llt_op, A>&, const V& a) {
    return cholesky<matrix_t<typename Ctx::scalar, A>>(a, A::name.view());
  }
};

/// A remembered lu(A) holds the factorization (eval/lu.hpp).
template <class S, class A>
struct evaluated_value<S, node<lu_op, A>> {
  using type = lu_t<matrix_t<S, A>>;
};

template <>
struct evaluator<lu_op> {
  template <class Ctx, class A, class V>
  static auto apply(const Ctx&, const node<lu_op, A>&, const V& a) {
    ++factorization_count.lu;
    return lu_t<matrix_t<typename Ctx::scalar, A>>(a);
  }
};

template <>
struct evaluator<lu_inverse_op> {
  template <class Ctx, class E, class LU>
  static auto apply(const Ctx&, const E&, const LU& lu) {
    return result_t<Ctx, E>(lu.inverse());
  }
};

template <>
struct evaluator<lu_determinant_op> {
  template <class Ctx, class E, class LU>
  static typename Ctx::scalar apply(const Ctx&, const E&, const LU& lu) {
    return lu.determinant();
  }
};

template <>
struct evaluator<lu_logdet_op> {
  template <class Ctx, class E, class LU>
  static typename Ctx::scalar apply(const Ctx&, const E&, const LU& lu) {
    return log_abs_determinant(lu);
  }
};

template <>
struct evaluator<lu_solve_op> {
  template <class Ctx, class E, class LU, class B>
  static auto apply(const Ctx&, const E&, const LU& lu, const B& b) {
    result_t<Ctx, E> r = lu.solve(b);
    return r;
  }
};

template <>
struct evaluator<lu_written_solve_op> : evaluator<lu_solve_op> {};

template <>
struct evaluator<lu_solve_right_op> {
  template <class Ctx, class E, class B, class LU>
  static auto apply(const Ctx&, const E&, const B& b, const LU& lu) {
    using M = matrix_t<typename Ctx::scalar, E>;
    // Aᵀ X = Bᵀ, X = (BA⁻¹)ᵀ; Eigen solves with the transposed LU into a plain matrix only.
    Eigen::Matrix<typename Ctx::scalar, M::ColsAtCompileTime, M::RowsAtCompileTime> t = lu.transpose().solve(b.transpose());
    return finish<typename Ctx::scalar, E>(t.transpose());
  }
};

template <>
struct evaluator<lu_solve_right_symmetric_op> : evaluator<lu_solve_right_op> {};

}  // namespace matdiff
