/// @file
/// `md::commutation<m, n>`: the commutation matrix K(m,n), the (mn) x (mn) permutation with
///
///     K(m,n) vec(A) = vec(Aᵀ)   for every m x n matrix A.
///
/// It is what a transpose becomes under vec: vec(dXᵀ) = K vec(dX), so it appears in the
/// Jacobians of matrix functions (md::jacobian). K(m,n)ᵀ = K(n,m) = K(m,n)⁻¹, and
/// K(m,1) = K(1,n) = I. Evaluation applies it as a reshape-transpose; it is formed densely
/// only when it is itself the requested value.
#pragma once

#include <matdiff/core/constants.hpp>
#include <matdiff/core/dimension.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

/// K(M,N): the permutation taking vec(A) to vec(Aᵀ) for A of size M x N.
template <dimension M, dimension N>
struct commutation_matrix : expression_interface<commutation_matrix<M, N>> {
  static constexpr dimension rows_of_a = M;
  static constexpr dimension cols_of_a = N;
  static constexpr shape shape_v{M * N, M * N};
  static constexpr no_variables variables_v{};
  static constexpr auto symbols_v = symbols_of_shape<shape{M, N}>;

  template <class P>
  constexpr void print(P& p) const {
    if (p.latex()) {
      p.write("K_{").write(M.to_text()).write(",").write(N.to_text()).write("}");
    } else {
      p.write("K(").write(M.to_text()).write(",").write(N.to_text()).write(")");
    }
  }
  static constexpr int precedence(notation) { return precedence::atom; }
};

template <class E>
static constexpr bool is_commutation = false;
template <dimension M, dimension N>
inline constexpr bool is_commutation<commutation_matrix<M, N>> = true;

/// K(M,N), or the identity when A is a vector (then vec(Aᵀ) = vec(A)).
template <dimension M, dimension N>
static constexpr auto commutation_of() {
  if constexpr (M.is(1) || N.is(1)) return constant_matrix<constant_kind::identity, M * N, M * N>{};
  else return commutation_matrix<M, N>{};
}

/// `md::commutation<m, n>`: K(m,n), with K(m,n) vec(A) = vec(Aᵀ) for A m x n.
template <auto M, auto N>
static constexpr auto commutation = commutation_of<to_dimension(M), to_dimension(N)>();

/// K(m,n)ᵀ = K(n,m), for the transpose rule (`transposed_constant`, rules/transpose.hpp).
template <dimension M, dimension N>
static constexpr auto transposed_constant(const commutation_matrix<M, N>&) {
  return commutation_matrix<N, M>{};
}

/// K(n,m)K(m,n) = I: such a product is one factor (the `combined_product` hook of
/// rules/products.hpp).
template <dimension M, dimension N>
static constexpr auto combined_product(const commutation_matrix<M, N>&, const commutation_matrix<N, M>&) {
  return constant_matrix<constant_kind::identity, M * N, M * N>{};
}

}  // namespace matdiff
