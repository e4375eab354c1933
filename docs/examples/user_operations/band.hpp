/// @file
/// A user-defined linear operation that carries run-time data, in one header:
/// `band(A, k)`, the entries of A within k of the diagonal (|i - j| <= k), the others 0.
///
/// Linear in A: its differential is band(dA, k). A linear operation also gives the two
/// rules matdiff's derivative walks use (found by argument-dependent lookup, next to the
/// operation):
///   - its adjoint, for gradients: tr(Cᵀ band(dA, k)) = tr(band(C, k)ᵀ dA), so the
///     cotangent C of band(M, k) becomes band(C, k) for M (`pull_through`);
///   - its vec rule, for Jacobians and Hessians: vec(band(dA, k)) = diag(vec(band(1, k))) vec(dA)
///     (`push_through`).
/// The band width k is a value stored in the operation: an operation that holds data is
/// never merged with another of the same type by the rules (band(A, 1) + band(A, 2) stays a
/// sum), and equal ones (`operator==`) are evaluated once in a kernel.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <type_traits>

#include <Eigen/Core>
#include <matdiff/matdiff.hpp>

namespace user {

namespace md = matdiff;

struct band_op {
  int k;  ///< the band half-width: entries with |i - j| <= k are kept

  constexpr bool operator==(const band_op&) const = default;

  static consteval md::diagnostic check(const md::shape&) { return {}; }
  static constexpr md::shape result_shape(const md::shape& a) { return a; }
  static constexpr int precedence(md::notation) { return md::precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call(p.latex() ? "\\operatorname{band}" : "band", a, md::literal(md::number(k)));
  }

  /// d band(A, k) = band(dA, k)
  template <class E, class A, class DA>
  constexpr auto differential(const E&, const A&, const DA& da) const {
    return md::make_expression(*this, da);
  }
};

/// The entries of a within k of the diagonal.
template <class A>
constexpr auto band(const A& a, int k) {
  return md::make_expression(band_op{k}, a);
}

/// The gradient walk through band(M, k): M gets band(C, k).
template <class E, class C>
constexpr auto pull_through(const band_op& op, const E& e, const C& c) {
  return md::identification::pull(e.template arg<0>(), band(c, op.k));
}

/// The vec walk through band(M, k): vec(band(dM, k)) = diag(vec(band(1, k))) vec(dM).
template <class V, class E>
constexpr auto push_through(const band_op& op, const E& e) {
  const auto& m = e.template arg<0>();
  using M = std::remove_cvref_t<decltype(m)>;
  constexpr auto ones = md::ones<M::shape_v.rows, M::shape_v.cols>;
  return md::diag(md::vec(band(ones, op.k))) * md::vec_identification::push<V>(m);
}

/// band(band(A, j), k) = band(A, min(j, k)): a local simplification. md::simplify finds it
/// by argument-dependent lookup, as it finds those of matdiff's own operations. Otherwise the
/// rules of every linear operation: band(0) = 0, band(-A) = -band(A), band(cA) = c band(A).
template <class A>
constexpr auto rewrite(const band_op& op, const A& a) {
  if constexpr (md::is_node_of<A, band_op>) {
    return md::make_node(band_op{std::min(op.k, a.op.k)}, a.template arg<0>());
  } else {
    return md::rewrite_linear(op, a);
  }
}

}  // namespace user

template <>
struct matdiff::evaluator<user::band_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E& e, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a;  // a 1x1 matrix is its own band
    else return banded(result_t<Ctx, E>(a), e.op.k);
  }
  template <class M>
  static M banded(M out, int k) {
    for (Eigen::Index j = 0; j < out.cols(); ++j)
      for (Eigen::Index i = 0; i < out.rows(); ++i)
        if (std::abs(i - j) > k) out(i, j) = 0;
    return out;
  }
};
