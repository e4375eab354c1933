/// @file
/// `md::softmax(a)` = exp(a) / sum(exp(a)) (the shape of a) and `md::logsumexp(a)` =
/// log(sum(exp(a))) (1x1), over all entries of a, evaluated with the largest entry shifted
/// out so that neither overflows (eval/ops/softmax.hpp).
/// Differentials, with s = softmax(a):
///   d logsumexp(a) = ⟨s, da⟩ = sum(s ∘ da)        (the gradient is s)
///   d softmax(a)   = s ∘ da - s ⟨s, da⟩          (the Jacobian is diag(s) - s sᵀ)
/// The written-out forms log(sum(exp(a))) and exp(a)/sum(exp(a)) are evaluated as these
/// operations (eval/ops/softmax.hpp); they print and differentiate as written.
#pragma once

#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/dot.hpp>
#include <matdiff/ops/hadamard.hpp>
#include <matdiff/ops/product.hpp>

namespace matdiff {

struct softmax_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a) { return a; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{softmax}" : "softmax", a);
  }

  /// d softmax(a) = s ∘ da - s ⟨s, da⟩, s = softmax(a)
  template <class E, class A, class DA>
  static constexpr auto differential(const E& s, const A&, const DA& da) {
    return hadamard(s, da) - s * dot(s, da);
  }
};

/// exp(a) / sum(exp(a)), entries summing to 1
template <class A>
static constexpr auto softmax(const A& a) {
  return make_expression(softmax_op{}, a);
}

struct logsumexp_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape&) { return scalar_shape; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{logsumexp}" : "logsumexp", a);
  }

  /// d logsumexp(a) = ⟨softmax(a), da⟩
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A& a, const DA& da) {
    return dot(softmax(a), da);
  }
};

/// log(sum(exp(a))), 1x1
template <class A>
static constexpr auto logsumexp(const A& a) {
  return make_expression(logsumexp_op{}, a);
}

}  // namespace matdiff
