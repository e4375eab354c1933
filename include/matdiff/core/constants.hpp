/// @file
/// Constant matrices: `md::identity<N>`, `md::zeros<R, C>`, `md::ones<R, C>`.
///
/// Sizes are integers or symbolic dimensions; a symbolic size takes its value at evaluation
/// from the variables that share the dimension.
#pragma once

#include <matdiff/core/dimension.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

enum class constant_kind { identity, zeros, ones };

template <constant_kind Kind, dimension Rows, dimension Cols>
struct constant_matrix : expression_interface<constant_matrix<Kind, Rows, Cols>> {
  static constexpr constant_kind kind = Kind;
  static constexpr shape shape_v{Rows, Cols};
  static constexpr no_variables variables_v{};
  static constexpr auto symbols_v = symbols_of_shape<shape_v>;

  template <class P>
  constexpr void print(P& p) const {
    switch (Kind) {
      case constant_kind::identity: p.write("I"); break;
      case constant_kind::zeros: p.write("0"); break;
      case constant_kind::ones: p.write(p.latex() ? "\\mathbf{1}" : "ones"); break;
    }
  }
  static constexpr int precedence(notation) { return precedence::atom; }
};

/// `md::identity<N>`: the N x N identity matrix.
template <auto N>
static constexpr constant_matrix<constant_kind::identity, to_dimension(N), to_dimension(N)> identity{};

/// `md::zeros<R, C>`: the R x C zero matrix.
template <auto Rows, auto Cols>
static constexpr constant_matrix<constant_kind::zeros, to_dimension(Rows), to_dimension(Cols)> zeros{};

/// `md::ones<R, C>`: the R x C matrix of ones.
template <auto Rows, auto Cols>
static constexpr constant_matrix<constant_kind::ones, to_dimension(Rows), to_dimension(Cols)> ones{};

}  // namespace matdiff
