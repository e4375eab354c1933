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

}  // namespace matdiff
