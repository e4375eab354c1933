/// @file
/// Evaluation of the Kronecker product (ops/kron.hpp).
#pragma once

#include <cmath>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/kron.hpp>

namespace matdiff {

/// (a ⊗ b) has the block a(i, j) b at block row i, block column j.
template <>
struct evaluator<kron_op> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a_value, const B& b_value) {
    using S = typename Ctx::scalar;
    if constexpr (E::shape_v.is_scalar()) {
      return static_cast<S>(a_value * b_value);
    } else {
      const auto& a = as_matrix<S>(a_value);
      const auto& b = as_matrix<S>(b_value);
      const Eigen::Index p = b.rows(), q = b.cols();
      result_t<Ctx, E> r;
      r.resize(a.rows() * p, a.cols() * q);
      for (Eigen::Index j = 0; j < a.cols(); ++j)
        for (Eigen::Index i = 0; i < a.rows(); ++i) r.block(i * p, j * q, p, q) = a(i, j) * b;
      return r;
    }
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
      result.setZero(rows, cols);
      for (Eigen::Index j = 0; j < other.cols(); ++j)
        for (Eigen::Index i = 0; i < other.rows(); ++i) result += other(i, j) * c.block(i * rows, j * cols, rows, cols);
    }
    return finish<S, E>(result);
  }
};

}  // namespace matdiff
