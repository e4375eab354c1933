/// @file
/// Evaluation of the commutation matrix K(m,n) (ops/commutation.hpp). In a product it is
/// never formed: K·V moves rows, V·K moves columns,
///     (K V)(j + i n, :) = V(i + j m, :),   (V K)(:, i + j m) = V(:, j + i n),
/// since K vec(A) = vec(Aᵀ) for A m x n. Alone it is formed densely.
#pragma once

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/commutation.hpp>

namespace matdiff {

template <class Ctx, dimension M, dimension N>
auto evaluate(const Ctx& ctx, const commutation_matrix<M, N>& k) {
  using S = typename Ctx::scalar;
  const Eigen::Index m = ctx.size(M), n = ctx.size(N);
  matrix_t<S, commutation_matrix<M, N>> result;
  set_zero(result, m * n, m * n);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < m; ++i) result(j + i * n, i + j * m) = S(1);
  static_cast<void>(k);
  return result;
}

template <dimension M, dimension N>
struct structured_factor<commutation_matrix<M, N>> {
  static constexpr bool applies = true;
  static constexpr bool is_permutation = true;

  template <class E, class Ctx, class V>
  static auto times(const Ctx& ctx, const commutation_matrix<M, N>&, const V& v) {
    const Eigen::Index m = ctx.size(M), n = ctx.size(N);
    result_t<Ctx, E> result;
    result.resize(v.rows(), v.cols());
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index i = 0; i < m; ++i) result.row(j + i * n) = v.row(i + j * m);
    return result;
  }

  template <class E, class Ctx, class V>
  static auto times_right(const Ctx& ctx, const V& v, const commutation_matrix<M, N>&) {
    const Eigen::Index m = ctx.size(M), n = ctx.size(N);
    result_t<Ctx, E> result;
    result.resize(v.rows(), v.cols());
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index i = 0; i < m; ++i) result.col(i + j * m) = v.col(j + i * n);
    return result;
  }
};

}  // namespace matdiff
