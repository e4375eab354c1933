/// @file
/// How values look during evaluation: a 1x1 expression evaluates to a scalar `S`, any other
/// to an `Eigen::Matrix<S, R, C>` whose sizes are fixed where the shape is fixed.
#pragma once

#include <type_traits>

#include <Eigen/Core>

#include <matdiff/core/shape.hpp>

namespace matdiff {

constexpr int eigen_size(const dimension& d) {
  return d.is_fixed() ? static_cast<int>(d.factor) : Eigen::Dynamic;
}

/// The Eigen matrix type and the value type (a scalar when 1x1) of expression type `E`.
template <class S, class E>
struct value_of {
  static constexpr int rows = eigen_size(E::shape_v.rows);
  static constexpr int cols = eigen_size(E::shape_v.cols);
  using matrix = Eigen::Matrix<S, rows, cols>;
  using type = std::conditional_t<E::shape_v.is_scalar(), S, matrix>;
};

template <class S, class E>
using matrix_t = typename value_of<S, E>::matrix;

template <class S, class E>
using value_t = typename value_of<S, E>::type;

/// A 1x1 value as a scalar: from a scalar, or from a 1x1 Eigen expression.
template <class S, class V>
S to_scalar(const V& v) {
  if constexpr (std::is_arithmetic_v<V>) return static_cast<S>(v);
  else return static_cast<S>(v.value());
}

/// The finished value of expression `E` from a scalar or an Eigen expression.
template <class S, class E, class V>
value_t<S, E> finish(const V& v) {
  if constexpr (E::shape_v.is_scalar()) return to_scalar<S>(v);
  else return value_t<S, E>(v);
}

/// A scalar as a 1x1 matrix, for operations written for matrices (kron); matrices unchanged.
template <class S, class V>
decltype(auto) as_matrix(const V& v) {
  if constexpr (std::is_arithmetic_v<V>) return Eigen::Matrix<S, 1, 1>::Constant(static_cast<S>(v));
  else return (v);
}

}  // namespace matdiff
