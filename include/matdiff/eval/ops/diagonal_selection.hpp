/// @file
/// Evaluation of the diagonal selection S(n) (ops/diagonal_selection.hpp) and its transpose.
/// In a product neither is formed: S·V scatters the rows of V to rows i(n+1), Sᵀ·V gathers
/// them; V·Sᵀ and V·S do the same with columns. Alone S is formed densely.
#pragma once

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/diagonal_selection.hpp>
#include <matdiff/ops/transpose.hpp>

namespace matdiff {

template <class Ctx, dimension N>
auto evaluate(const Ctx& ctx, const diagonal_selection_matrix<N>&) {
  using S = typename Ctx::scalar;
  const Eigen::Index n = ctx.size(N);
  matrix_t<S, diagonal_selection_matrix<N>> result;
  set_zero(result, n * n, n);
  for (Eigen::Index i = 0; i < n; ++i) result(i * (n + 1), i) = S(1);
  return result;
}

/// S (Transposed = false) or Sᵀ as a factor: row i of the small side is row i(n+1) of the
/// large side.
template <dimension N, bool Transposed>
struct diagonal_selection_factor {
  static constexpr bool applies = true;
  static constexpr bool is_permutation = true;

  template <class E, class Ctx, class F, class V>
  static auto times(const Ctx& ctx, const F&, const V& v) {
    const Eigen::Index n = ctx.size(N);
    result_t<Ctx, E> result;
    if constexpr (Transposed) {  // Sᵀ V: gather
      result.resize(n, v.cols());
      for (Eigen::Index i = 0; i < n; ++i) result.row(i) = v.row(i * (n + 1));
    } else {  // S V: scatter
      set_zero(result, n * n, v.cols());
      for (Eigen::Index i = 0; i < n; ++i) result.row(i * (n + 1)) = v.row(i);
    }
    return result;
  }

  template <class E, class Ctx, class V, class F>
  static auto times_right(const Ctx& ctx, const V& v, const F&) {
    const Eigen::Index n = ctx.size(N);
    result_t<Ctx, E> result;
    if constexpr (Transposed) {  // V Sᵀ: scatter
      set_zero(result, v.rows(), n * n);
      for (Eigen::Index i = 0; i < n; ++i) result.col(i * (n + 1)) = v.col(i);
    } else {  // V S: gather
      result.resize(v.rows(), n);
      for (Eigen::Index i = 0; i < n; ++i) result.col(i) = v.col(i * (n + 1));
    }
    return result;
  }
};

template <dimension N>
struct structured_factor<diagonal_selection_matrix<N>> : diagonal_selection_factor<N, false> {};
template <dimension N>
struct structured_factor<node<transpose_op, diagonal_selection_matrix<N>>> : diagonal_selection_factor<N, true> {};

}  // namespace matdiff
