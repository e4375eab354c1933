/// @file
/// `md::eval(e, bindings...)` and `e(bindings...)`: evaluate an expression on Eigen values.
///
///     Eigen::MatrixXd G = md::eval(X * B, X = Xv, B = Bv);
///     double f = md::trace(X * B)(X = Xv, B = Bv);
///
/// The result is the scalar type of the bindings for a 1x1 expression, otherwise an
/// `Eigen::Matrix` with compile-time sizes where the shape is fixed.
#pragma once

#include <tuple>
#include <utility>

#include <matdiff/core/expression.hpp>
#include <matdiff/eval/kernel.hpp>

namespace matdiff {

template <class E, class... B>
auto eval(const E& e, const B&... bindings) {
  static_assert(expression<E>, "matdiff: eval: the first argument is not a matdiff expression");
  if constexpr (!expression<E> || any_invalid<E>) return 0.0;
  else return std::get<0>(kernel_t<E>(e)(bindings...));
}

}  // namespace matdiff
