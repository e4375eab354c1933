/// @file
/// Evaluation of the Kronecker product (ops/kron.hpp).
#pragma once

#include <cmath>
#include <string_view>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/ops/product.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/commutation.hpp>
#include <matdiff/ops/kron.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/ops/vec.hpp>

namespace matdiff {

template <class E>
inline constexpr bool is_identity_constant = false;
template <dimension R, dimension C>
inline constexpr bool is_identity_constant<constant_matrix<constant_kind::identity, R, C>> = true;

/// The block of r at (i, j) of m's size, fixed where both of m's sizes are known at compile
/// time: Eigen unrolls a fixed-size block. With run-time-sized blocks the kernel of
/// log|det X| + tr(AX⁻¹), its gradient and its Hessian at 3x3 took 1.4 times as long (153
/// against 112 ns).
template <class R, class M>
auto block_like(R& r, Eigen::Index i, Eigen::Index j, const M& m) {
  constexpr int P = M::RowsAtCompileTime, Q = M::ColsAtCompileTime;
  if constexpr (P != Eigen::Dynamic && Q != Eigen::Dynamic) return r.template block<P, Q>(i, j);
  else return r.block(i, j, m.rows(), m.cols());
}

/// The value of a factor of a Kronecker product, an identity as Eigen's expression of it:
/// its size and entries are read, it is never formed (2(VᵀV ⊗ I) at m = 100 formed a
/// 100 x 100 identity for its size: 19.2 µs, 18.4 µs without it, 18.1 µs hand-written).
template <class Ctx, class F>
decltype(auto) kron_factor(const Ctx& ctx, const F& f) {
  if constexpr (is_identity_constant<F> && !F::shape_v.is_scalar()) {
    using M = matrix_t<typename Ctx::scalar, F>;
    return M::Identity(ctx.size(F::shape_v.rows), ctx.size(F::shape_v.cols));
  } else {
    return evaluate(ctx, f);
  }
}

/// (a ⊗ b) has the block a(i, j) b at block row i, block column j. With an identity factor
/// (the usual case in Hessians, 2(VᵀV ⊗ I)) only the nonzero diagonals are written.
template <>
struct evaluator<kron_op> {
  static constexpr bool evaluates_operands = true;
  template <class Ctx, class E>
  static auto evaluate_operands(const Ctx& ctx, const E& e) {
    const auto& held_a = kron_factor(ctx, arg<0>(e));
    const auto& held_b = kron_factor(ctx, arg<1>(e));
    return apply(ctx, e, operand_value(held_a), operand_value(held_b));
  }

  template <class Ctx, class A, class B, class AV, class BV>
  static auto apply(const Ctx&, const node<kron_op, A, B>&, const AV& a_value, const BV& b_value) {
    using E = node<kron_op, A, B>;
    using S = typename Ctx::scalar;
    if constexpr (E::shape_v.is_scalar()) {
      return static_cast<S>(a_value * b_value);
    } else if constexpr (is_identity_constant<B> && !A::shape_v.is_scalar()) {
      const auto& a = as_matrix<S>(a_value);
      const auto& b = as_matrix<S>(b_value);
      const Eigen::Index p = b.rows();
      result_t<Ctx, E> r;
      set_zero(r, a.rows() * p, a.cols() * p);
      for (Eigen::Index j = 0; j < a.cols(); ++j)
        for (Eigen::Index i = 0; i < a.rows(); ++i) block_like(r, i * p, j * p, b).diagonal().setConstant(a(i, j));
      return r;
    } else if constexpr (is_identity_constant<A> && !B::shape_v.is_scalar()) {
      const auto& b = as_matrix<S>(b_value);
      const Eigen::Index q = as_matrix<S>(a_value).rows(), p = b.rows(), c = b.cols();
      result_t<Ctx, E> r;
      set_zero(r, q * p, q * c);
      for (Eigen::Index i = 0; i < q; ++i) block_like(r, i * p, i * c, b) = b;
      return r;
    } else {
      const auto& a = as_matrix<S>(a_value);
      const auto& b = as_matrix<S>(b_value);
      const Eigen::Index p = b.rows(), q = b.cols();
      result_t<Ctx, E> r;
      r.resize(a.rows() * p, a.cols() * q);
      for (Eigen::Index j = 0; j < a.cols(); ++j)
        for (Eigen::Index i = 0; i < a.rows(); ++i) block_like(r, i * p, j * q, b) = a(i, j) * b;
      return r;
    }
  }

  /// r += c(a ⊗ b), block by block: a Hessian's sum of Kronecker terms is filled in place.
  template <class Ctx, class A, class B, class R>
    requires(!A::shape_v.is_scalar() && !B::shape_v.is_scalar())
  static void add_to(const Ctx& ctx, const node<kron_op, A, B>& e, R& r, typename Ctx::scalar c) {
    using S = typename Ctx::scalar;
    const auto& held_a = kron_factor(ctx, arg<0>(e));
    const auto& held_b = kron_factor(ctx, arg<1>(e));
    const auto& a = as_matrix<S>(operand_value(held_a));
    const auto& b = as_matrix<S>(operand_value(held_b));
    if constexpr (is_identity_constant<B>) {
      const Eigen::Index p = b.rows();
      for (Eigen::Index j = 0; j < a.cols(); ++j)
        for (Eigen::Index i = 0; i < a.rows(); ++i) block_like(r, i * p, j * p, b).diagonal().array() += c * a(i, j);
    } else if constexpr (is_identity_constant<A>) {
      const Eigen::Index p = b.rows(), q = b.cols();
      for (Eigen::Index i = 0; i < a.rows(); ++i) block_like(r, i * p, i * q, b) += c * b;
    } else {
      const Eigen::Index p = b.rows(), q = b.cols();
      for (Eigen::Index j = 0; j < a.cols(); ++j)
        for (Eigen::Index i = 0; i < a.rows(); ++i) block_like(r, i * p, j * q, b) += (c * a(i, j)) * b;
    }
  }

  /// k(the entries of c(a ⊗ b)), those `add_to` adds: a sum filled entry by entry
  /// (eval/plan/special_forms.hpp).
  template <class Ctx, class A, class B, class K>
    requires(!A::shape_v.is_scalar() && !B::shape_v.is_scalar())
  static void with_entries(const Ctx& ctx, const node<kron_op, A, B>& e, typename Ctx::scalar c, K&& k) {
    using S = typename Ctx::scalar;
    const auto& held_a = kron_factor(ctx, arg<0>(e));
    const auto& held_b = kron_factor(ctx, arg<1>(e));
    const auto& a = as_matrix<S>(operand_value(held_a));
    const auto& b = as_matrix<S>(operand_value(held_b));
    k(kron_entries<std::remove_cvref_t<decltype(a)>, std::remove_cvref_t<decltype(b)>, S,
                   is_identity_constant<A>, is_identity_constant<B>>{a, b, c});
  }

 private:
  /// The entry (i, j) of c(a ⊗ b) is (c·a(i / p, j / q))·b(i % p, j % q) for b of p x q; an
  /// identity factor adds only where it is not zero.
  template <class AV, class BV, class S, bool IdentityA, bool IdentityB>
  struct kron_entries {
    const AV& a;
    const BV& b;
    S c;
    void add(S& acc, Eigen::Index i, Eigen::Index j) const {
      const Eigen::Index p = b.rows(), q = b.cols();
      if constexpr (IdentityB) {
        if (i % p == j % q) acc += c * a.coeff(i / p, j / q);
      } else if constexpr (IdentityA) {
        if (i / p == j / q) acc += c * b.coeff(i % p, j % q);
      } else {
        acc += (c * a.coeff(i / p, j / q)) * b.coeff(i % p, j % q);
      }
    }
  };
};

/// (A ⊗ B)K for the commutation matrix K = K(cols A, cols B), a term of Hessians: column
/// i + j·cols(A) of it is A(:, i) ⊗ B(:, j) (K moves column j + i·cols(B) there), so its
/// rows ii·rows(B) .. + rows(B) and columns j·cols(A) .. + cols(A) are the outer product
/// B(:, j) A(ii, :): formed, or added into a sum, without the Kronecker product or a
/// permutation of it.
struct kron_commuted_op {
  static constexpr std::string_view planned_name = "kron_commuted";
  static constexpr shape result_shape(const shape& a, const shape& b) { return {a.rows * b.rows, a.cols * b.cols}; }
};

template <>
struct evaluator<kron_commuted_op> {
  template <class Ctx, class E, class AV, class BV>
  static auto apply(const Ctx&, const E&, const AV& a, const BV& b) {
    result_t<Ctx, E> r(a.rows() * b.rows(), a.cols() * b.cols());
    const Eigen::Index p = b.rows(), q = a.cols();
    for (Eigen::Index j = 0; j < b.cols(); ++j)
      for (Eigen::Index i = 0; i < a.rows(); ++i) {
        const auto outer = b.col(j) * a.row(i);
        block_like(r, i * p, j * q, outer).noalias() = outer;
      }
    return r;
  }

  template <class Ctx, class A, class B, class R>
  static void add_to(const Ctx& ctx, const node<kron_commuted_op, A, B>& e, R& r, typename Ctx::scalar c) {
    const auto& held_a = evaluate(ctx, arg<0>(e));
    const auto& held_b = evaluate(ctx, arg<1>(e));
    const auto& a = operand_value(held_a);
    const auto& b = operand_value(held_b);
    const Eigen::Index p = b.rows(), q = a.cols();
    for (Eigen::Index j = 0; j < b.cols(); ++j)
      for (Eigen::Index i = 0; i < a.rows(); ++i) {
        const auto outer = (c * b.col(j)) * a.row(i);
        block_like(r, i * p, j * q, outer).noalias() += outer;
      }
  }

  /// k(the entries of c(a ⊗ b)K), those `add_to` adds: entry (ii·p + k, j·q + l) is
  /// (c·b(k, j))·a(ii, l), for p = rows(b) and q = cols(a).
  template <class Ctx, class A, class B, class K>
  static void with_entries(const Ctx& ctx, const node<kron_commuted_op, A, B>& e, typename Ctx::scalar c, K&& k) {
    const auto& held_a = evaluate(ctx, arg<0>(e));
    const auto& held_b = evaluate(ctx, arg<1>(e));
    const auto& a = operand_value(held_a);
    const auto& b = operand_value(held_b);
    k(entries<std::remove_cvref_t<decltype(a)>, std::remove_cvref_t<decltype(b)>, typename Ctx::scalar>{a, b, c});
  }

 private:
  template <class AV, class BV, class S>
  struct entries {
    const AV& a;
    const BV& b;
    S c;
    void add(S& acc, Eigen::Index i, Eigen::Index j) const {
      const Eigen::Index p = b.rows(), q = a.cols();
      acc += (c * b.coeff(i % p, j / q)) * a.coeff(i / p, j % q);
    }
  };
};

/// a·c planned, an identity factor dropped.
template <class A, class C>
constexpr auto planned_factor_product(const A& a, const C& c) {
  if constexpr (is_identity_constant<A>) return c;
  else if constexpr (is_identity_constant<C>) return a;
  else return planning::product(a, c);
}

/// (A ⊗ B)(C ⊗ D) = AC ⊗ BD (inner sizes agree), the planning hook of products
/// (`planned_product`, eval/ops/product.hpp): two products of the factors' sizes instead of
/// one of the Kronecker products' sizes, n³ multiplications against n⁶ for n x n factors; a
/// Hessian's sum of such products is filled term by term, each Kronecker product formed once.
template <class A, class B, class C, class D>
  requires(!A::shape_v.is_scalar() && !B::shape_v.is_scalar() && !C::shape_v.is_scalar() &&
           !D::shape_v.is_scalar() && A::shape_v.cols == C::shape_v.rows && B::shape_v.cols == D::shape_v.rows)
constexpr auto planned_product(const node<kron_op, A, B>& l, const node<kron_op, C, D>& r) {
  return planned_node<kron_op>(planned_factor_product(arg<0>(l), arg<0>(r)),
                               planned_factor_product(arg<1>(l), arg<1>(r)));
}

/// (A ⊗ B)(C ⊗ D)K = (AC ⊗ BD)K, K = K(cols C, cols D): a Kronecker product times a commuted
/// one is a commuted one, so a Hessian's (B ⊗ I)(… − (C ⊗ D)K) is distributed term by term
/// (the triangle energy of docs/benchmarks.md) instead of forming its sum first.
template <class A, class B, class C, class D>
  requires(A::shape_v.cols == C::shape_v.rows && B::shape_v.cols == D::shape_v.rows &&
           !shape{A::shape_v.rows, C::shape_v.cols}.is_scalar() && !shape{B::shape_v.rows, D::shape_v.cols}.is_scalar())
constexpr auto planned_product(const node<kron_op, A, B>& l, const node<kron_commuted_op, C, D>& r) {
  return planned_node<kron_commuted_op>(planned_factor_product(arg<0>(l), arg<0>(r)),
                                        planned_factor_product(arg<1>(l), arg<1>(r)));
}

/// vec(M)ᵀ(A ⊗ B) = vec(BᵀMA)ᵀ for M of rows(B) x rows(A), since (A ⊗ B)ᵀvec M = vec(BᵀMA):
/// two products of the factors' sizes (one where M is an identity) instead of forming A ⊗ B
/// and multiplying a row by it. Hessians of functions of log|det F| have such a term,
/// λ vec(F⁻ᵀBᵀ)vec(I)ᵀ(Bᵀ ⊗ F⁻¹) in the Neo-Hookean energy of docs/benchmarks.md.
template <class M, class A, class B>
  requires(M::shape_v.rows == B::shape_v.rows && M::shape_v.cols == A::shape_v.rows && !A::shape_v.is_scalar() &&
           !B::shape_v.is_scalar())
constexpr auto planned_product(const node<transpose_op, node<vec_op, M>>& l, const node<kron_op, A, B>& r) {
  const auto& m = arg<0>(arg<0>(l));
  const auto bt_m = planned_factor_product(planned_node<transpose_op>(arg<1>(r)), m);
  return planned_node<transpose_op>(planned_node<vec_op>(planned_factor_product(bt_m, arg<0>(r))));
}

/// s (A ⊗ B) = (sA) ⊗ B for a 1x1 s: the scaling touches A, not the Kronecker product
/// (the planning hook of scalings, `evaluator<product_op>::plan`, eval/ops/product.hpp);
/// likewise s (A ⊗ B)K.
template <class S, class A, class B>
  requires(S::shape_v.is_scalar() && !node<kron_op, A, B>::shape_v.is_scalar())
constexpr auto planned_product(const S& s, const node<kron_op, A, B>& k) {
  return planned_node<kron_op>(planned_node<product_op>(s, arg<0>(k)), arg<1>(k));
}
template <class S, class A, class B>
  requires(S::shape_v.is_scalar())
constexpr auto planned_product(const S& s, const node<kron_commuted_op, A, B>& k) {
  return planned_node<kron_commuted_op>(planned_node<product_op>(s, arg<0>(k)), arg<1>(k));
}

/// (A ⊗ B)K(cols A, cols B) as one form, neither formed (kron_commuted_op); with an identity
/// factor, A ⊗ I and I ⊗ B stay the structured factors below, applied without being formed.
template <class A, class B, dimension M, dimension N>
  requires(!A::shape_v.is_scalar() && !B::shape_v.is_scalar() && !is_identity_constant<A> &&
           !is_identity_constant<B> && A::shape_v.cols == M && B::shape_v.cols == N)
constexpr auto planned_product(const node<kron_op, A, B>& k, const commutation_matrix<M, N>&) {
  return planned_node<kron_commuted_op>(arg<0>(k), arg<1>(k));
}

/// A ⊗ I and I ⊗ A as factors of a product are applied block by block, never formed:
///     (I_q ⊗ A) V:  row block j is A V_j        (V_j: the j-th block of cols(A) rows)
///     (A ⊗ I_p) V:  row block i is Σⱼ Aᵢⱼ V_j   (V_j: the j-th block of p rows)
/// and likewise from the right, with blocks of columns. This is vec(A W) and vec(W Aᵀ) for
/// every column w = vec(W) of V, computed for all columns at once.
template <class A, class B>
struct structured_factor<node<kron_op, A, B>> {
  static constexpr bool identity_left = is_identity_constant<A>;
  static constexpr bool applies = (is_identity_constant<A> != is_identity_constant<B>) &&
                                  !A::shape_v.is_scalar() && !B::shape_v.is_scalar();
  static constexpr bool is_permutation = false;

  template <class E, class Ctx, class V>
  static auto times(const Ctx& ctx, const node<kron_op, A, B>& k, const V& v) {
    result_t<Ctx, E> result;
    if constexpr (identity_left) {
      const auto& held = evaluate(ctx, arg<1>(k));
      const auto& a = operand_value(held);
      const Eigen::Index m = a.rows(), n = a.cols(), q = v.rows() / n;
      result.resize(q * m, v.cols());
      for (Eigen::Index j = 0; j < q; ++j) result.middleRows(j * m, m).noalias() = a * v.middleRows(j * n, n);
    } else {
      const auto& held = evaluate(ctx, arg<0>(k));
      const auto& a = operand_value(held);
      const Eigen::Index m = a.rows(), n = a.cols(), p = v.rows() / n;
      set_zero(result, m * p, v.cols());
      for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index i = 0; i < m; ++i) result.middleRows(i * p, p) += a(i, j) * v.middleRows(j * p, p);
    }
    return result;
  }

  template <class E, class Ctx, class V>
  static auto times_right(const Ctx& ctx, const V& v, const node<kron_op, A, B>& k) {
    result_t<Ctx, E> result;
    if constexpr (identity_left) {  // V (I_q ⊗ A): column block j is V_j A
      const auto& held = evaluate(ctx, arg<1>(k));
      const auto& a = operand_value(held);
      const Eigen::Index m = a.rows(), n = a.cols(), q = v.cols() / m;
      result.resize(v.rows(), q * n);
      for (Eigen::Index j = 0; j < q; ++j) result.middleCols(j * n, n).noalias() = v.middleCols(j * m, m) * a;
    } else {  // V (A ⊗ I_p): column block j is Σᵢ Aᵢⱼ V_i
      const auto& held = evaluate(ctx, arg<0>(k));
      const auto& a = operand_value(held);
      const Eigen::Index m = a.rows(), n = a.cols(), p = v.cols() / m;
      set_zero(result, v.rows(), n * p);
      for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index i = 0; i < m; ++i) result.middleCols(j * p, p) += a(i, j) * v.middleCols(i * p, p);
    }
    return result;
  }
};

/// kron_adjoint_left(C, b)ᵢⱼ = ⟨C block (i, j), b⟩; kron_adjoint_right(a, C) = Σᵢⱼ aᵢⱼ C block (i, j).
template <bool Left, dimension Rows, dimension Cols>
struct evaluator<kron_adjoint_op<Left, Rows, Cols>> {
  template <class Ctx, class E, class First, class Second>
  static auto apply(const Ctx& ctx, const E&, const First& first, const Second& second) {
    using S = typename Ctx::scalar;
    const auto& a = as_matrix<S>(first);
    const auto& b = as_matrix<S>(second);
    const auto& c = [&]() -> const auto& { if constexpr (Left) return a; else return b; }();
    const auto& other = [&]() -> const auto& { if constexpr (Left) return b; else return a; }();
    const Eigen::Index rows = ctx.size(Rows), cols = ctx.size(Cols);
    Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic> result;
    if constexpr (Left) {  // the shape of a; other is b, p x q
      const Eigen::Index p = other.rows(), q = other.cols();
      result.resize(rows, cols);
      for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i) result(i, j) = c.block(i * p, j * q, p, q).cwiseProduct(other).sum();
    } else {  // the shape of b; other is a
      set_zero(result, rows, cols);
      for (Eigen::Index j = 0; j < other.cols(); ++j)
        for (Eigen::Index i = 0; i < other.rows(); ++i) result += other(i, j) * c.block(i * rows, j * cols, rows, cols);
    }
    return finish<S, E>(result);
  }
};

}  // namespace matdiff
