/// @file
/// Forms evaluated without the temporaries or the work of their literal reading.
///
///     scale_rows(v, M)     diag(v) M = v.asDiagonal() M         (no n x n diagonal matrix)
///     scale_cols(M, v)     M diag(v) = M v.asDiagonal()
///     trace_product(A, B)  tr(AB)    = Σᵢⱼ Aᵢⱼ Bⱼᵢ                (no product matrix)
///     sum_product(a, b)    sum(a∘b)  = Σᵢⱼ aᵢⱼ bᵢⱼ                (no element-wise temporary)
///     gram(A, d)           Aᵀ diag(d) A, gram(A) = AᵀA: symmetric, so one triangle is
///                          computed (Eigen's triangular product assignment) and mirrored.
///     transposed_product<TA, TB>(A, B)   op(A) op(B) with op(A) = Aᵀ when TA: the product
///                          reads A transposed in place instead of copying Aᵀ first.
///     accumulated_product<Subtract, TA, TB>(C, A, B)   C ± op(A) op(B): C is copied and the
///                          product added into it (no temporary for the product).
///
/// The planner (eval/plan/plan.hpp) writes these nodes in place of the products they stand for.
#pragma once

#include <type_traits>

#include <Eigen/Core>

#include <matdiff/core/expression.hpp>
#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>

namespace matdiff {

struct scale_rows_op {
  static constexpr shape result_shape(const shape&, const shape& m) { return m; }
};
struct scale_cols_op {
  static constexpr shape result_shape(const shape& m, const shape&) { return m; }
};
/// tr(op(A) op(B)), op(X) = Xᵀ when the flag says so.
template <bool TransposeLeft, bool TransposeRight>
struct trace_product_op {
  static constexpr shape result_shape(const shape&, const shape&) { return scalar_shape; }
};
struct sum_product_op {
  static constexpr shape result_shape(const shape&, const shape&) { return scalar_shape; }
};
/// gram(A) and gram(A, d): the shape is cols(A) x cols(A).
struct gram_op {
  static constexpr shape result_shape(const shape& a) { return {a.cols, a.cols}; }
  static constexpr shape result_shape(const shape& a, const shape&) { return {a.cols, a.cols}; }
};

template <bool TransposeLeft, bool TransposeRight>
struct transposed_product_op {
  static constexpr shape result_shape(const shape& a, const shape& b) {
    return {TransposeLeft ? a.cols : a.rows, TransposeRight ? b.rows : b.cols};
  }
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
      r.noalias() = left * right;
      return r;
    }
  }
};

template <bool Subtract, bool TransposeLeft, bool TransposeRight>
struct accumulated_product_op {
  static constexpr shape result_shape(const shape& c, const shape&, const shape&) { return c; }
};

template <bool Subtract, bool TransposeLeft, bool TransposeRight>
struct evaluator<accumulated_product_op<Subtract, TransposeLeft, TransposeRight>> {
  template <class Ctx, class E, class C, class A, class B>
  static auto apply(const Ctx&, const E&, const C& c, const A& a, const B& b) {
    const auto& left = transposed_if<TransposeLeft>(a);
    const auto& right = transposed_if<TransposeRight>(b);
    result_t<Ctx, E> r = c;
    if constexpr (Subtract) r.noalias() -= left * right;
    else r.noalias() += left * right;
    return r;
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
    r.template triangularView<Eigen::Lower>() = a.transpose() * a;
    r.template triangularView<Eigen::StrictlyUpper>() = r.transpose();
    return r;
  }
  template <class Ctx, class E, class A, class D>
  static auto apply(const Ctx&, const E&, const A& a, const D& d) {
    result_t<Ctx, E> r(a.cols(), a.cols());
    matrix_t<typename Ctx::scalar, A_of<E>> da;
    da.noalias() = d.asDiagonal() * a;
    r.template triangularView<Eigen::Lower>() = a.transpose() * da;
    r.template triangularView<Eigen::StrictlyUpper>() = r.transpose();
    return r;
  }

 private:
  template <class E>
  using A_of = std::remove_cvref_t<decltype(std::declval<const E&>().template arg<0>())>;
};

}  // namespace matdiff
