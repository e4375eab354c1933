/// @file
/// Rewrite rules for traces.
///
///     tr(a) = a (1x1),  tr(0) = 0,  tr(Iₙ) = n,  tr(Aᵀ) = tr(A),  tr(A ± B) = tr(A) ± tr(B),
///     tr(-A) = -tr(A),  tr(sA) = s tr(A) (s 1x1)
#pragma once

#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/trace.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/patterns.hpp>
#include <matdiff/rules/sums.hpp>

namespace matdiff {

template <class A>
constexpr auto rewrite(const trace_op& op, const A& a) {
  if constexpr (A::shape_v.is_scalar()) {
    return a;
  } else if constexpr (is_zero<A>) {
    return rational<0>{};
  } else if constexpr (is_identity<A> && A::shape_v.rows.is_fixed()) {
    return rational<A::shape_v.rows.factor>{};
  } else if constexpr (is_node_of<A, transpose_op>) {
    return rewrite(op, a.template arg<0>());
  } else if constexpr (is_sum<A>) {
    return sums::distributed(op, a);
  } else if constexpr (is_negation<A>) {
    return rewrite(a.op, rewrite(op, a.template arg<0>()));
  } else if constexpr (is_scalar_multiple<A>) {
    return rewrite(a.op, a.template arg<0>(), rewrite(op, a.template arg<1>()));
  } else {
    return make_node(op, a);
  }
}

}  // namespace matdiff
