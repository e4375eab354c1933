/// @file
/// `md::diagonal_selection<n>`: S(n), the n² x n matrix whose column i is eᵢ ⊗ eᵢ, so that
///
///     S vec-embeds a diagonal:   vec(diag(v)) = S v,
///     Sᵀ reads one off:          diagonal(A) = Sᵀ vec(A)    (A n x n).
///
/// It is what diag and diagonal become under vec, in the Jacobians of md::jacobian.
/// Evaluation applies S and Sᵀ by scattering or gathering rows; S is formed densely only
/// when it is itself the requested value.
#pragma once

#include <matdiff/core/dimension.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

/// S(N): N² x N, column i is eᵢ ⊗ eᵢ.
template <dimension N>
struct diagonal_selection_matrix : expression_interface<diagonal_selection_matrix<N>> {
  static constexpr dimension size = N;
  static constexpr shape shape_v{N * N, N};
  static constexpr no_variables variables_v{};
  static constexpr auto symbols_v = symbols_of_shape<shape{N, N}>;

  template <class P>
  constexpr void print(P& p) const {
    if (p.latex()) p.write("S_{").write(N.to_text()).write("}");
    else p.write("S(").write(N.to_text()).write(")");
  }
  static constexpr int precedence(notation) { return precedence::atom; }
};

template <class E>
static constexpr bool is_diagonal_selection = false;
template <dimension N>
inline constexpr bool is_diagonal_selection<diagonal_selection_matrix<N>> = true;

/// `md::diagonal_selection<n>`: S(n), with vec(diag(v)) = S v and diagonal(A) = Sᵀ vec(A).
template <auto N>
static constexpr diagonal_selection_matrix<to_dimension(N)> diagonal_selection{};

}  // namespace matdiff
