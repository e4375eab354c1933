/// @file
/// Derivatives with respect to a symmetric variable (`md::symmetric`, `md::spd`; API §2.2):
/// the directions dX are symmetric, so only the action of a derivative on them counts.
///
///     gradient    G = (G₀ + G₀ᵀ)/2         df = tr(Gᵀ dX) for every symmetric dX
///     Jacobian    J = J₀ (I + K)/2          J vec(V) = vec(dF) for every symmetric V
///
/// from the unconstrained G₀ and J₀ of the walks (calculus/identify.hpp,
/// calculus/jacobian.hpp), which name no operation and leave this to the functions here.
/// The symmetric part is taken term by term, and a term that is already symmetric by its
/// type stays as it is: N Σ⁻¹ + (A + Aᵀ)/2, not (N Σ⁻¹ + A + N Σ⁻¹ + Aᵀ)/2.
#pragma once

#include <type_traits>
#include <utility>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/commutation.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/patterns.hpp>
#include <matdiff/rules/simplify.hpp>
#include <matdiff/rules/transpose.hpp>

namespace matdiff {

template <class T>
struct symmetric_term;

/// True when the simplified T is symmetric by its type: T is 1x1, or Tᵀ simplifies to T
/// itself (for a T that holds no numbers, which its type would not show), or T's operation
/// builds it symmetric from such operands (`symmetric_by_operands`, rules/transpose.hpp).
template <class T>
static constexpr bool symmetric_by_type() {
  if constexpr (T::shape_v.is_scalar()) return true;
  else if constexpr (holds_no_data<T>)
    return __is_same(std::remove_cvref_t<decltype(simplified(make_node(transpose_op{}, std::declval<const T&>())))>, T);
  else return symmetric_by_operands<symmetric_term, T>;
}
template <class T>
struct symmetric_term : std::bool_constant<symmetric_by_type<T>()> {};

namespace detail {
/// (T + Tᵀ)/2 of one term, unsimplified; T itself when it is symmetric by its type.
template <class T>
static constexpr auto symmetric_part_of_term(const T& t) {
  if constexpr (symmetric_by_type<T>()) return t;
  else return make_node(add_op{}, make_node(product_op{}, rational<1, 2>{}, t),
                        make_node(product_op{}, rational<1, 2>{}, simplified(make_node(transpose_op{}, t))));
}

/// The symmetric part of a simplified G, term by term over its sums and negations.
template <class G>
static constexpr auto symmetric_terms(const G& g) {
  if constexpr (is_sum<G>) return make_node(g.op, symmetric_terms(arg<0>(g)), symmetric_terms(arg<1>(g)));
  else if constexpr (is_negation<G>) return make_node(g.op, symmetric_terms(arg<0>(g)));
  else return symmetric_part_of_term(g);
}
}  // namespace detail

/// (G + Gᵀ)/2 of a simplified G, simplified; G itself when every term of it is symmetric.
template <class G>
static constexpr auto symmetric_part(const G& g) {
  const auto s = detail::symmetric_terms(g);
  if constexpr (__is_same(std::remove_cvref_t<decltype(s)>, G)) return g;
  else return simplified(s);
}

/// J₀ (I + K)/2 of a simplified Jacobian J₀ with respect to the symmetric V, simplified:
/// J₀'s action on symmetric directions, written as a Jacobian of its own (J = J (I + K)/2).
/// J₀ itself when J₀ K simplifies to J₀ (and J₀ holds no numbers that its type would hide).
template <class V, class J>
static constexpr auto on_symmetric_directions(const J& j0) {
  constexpr auto k = commutation_of<V::shape_v.rows, V::shape_v.cols>();
  const auto jk = simplified(make_node(product_op{}, j0, k));
  if constexpr (__is_same(std::remove_cvref_t<decltype(jk)>, J) && holds_no_data<J>) return j0;
  else return simplified(make_node(add_op{}, make_node(product_op{}, rational<1, 2>{}, j0), make_node(product_op{}, rational<1, 2>{}, jk)));
}

}  // namespace matdiff
