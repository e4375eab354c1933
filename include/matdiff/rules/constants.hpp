/// @file
/// What the rewrite rules know of constants: zeros, identities, numbers, and how numbers
/// fold.
///
///     0·A = A·0 = 0,  A + 0 = A,  I·A = A·I = A,  1·A = A,  p·q = (pq)
///
/// Numbers made by the library are types (`rational<P, Q>`), user numbers are values
/// (`literal`); folding two rationals gives a rational type, anything with a literal gives a
/// literal whose value is computed (the type of the result never depends on a value).
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/core/number.hpp>
#include <matdiff/core/rational.hpp>

namespace matdiff {

template <class E>
static constexpr bool is_zero = false;
template <dimension R, dimension C>
inline constexpr bool is_zero<constant_matrix<constant_kind::zeros, R, C>> = true;
template <>
inline constexpr bool is_zero<rational<0, 1>> = true;

template <class E>
static constexpr bool is_identity = false;
template <dimension R, dimension C>
inline constexpr bool is_identity<constant_matrix<constant_kind::identity, R, C>> = true;

template <class E>
static constexpr bool is_ones = false;
template <dimension R, dimension C>
inline constexpr bool is_ones<constant_matrix<constant_kind::ones, R, C>> = true;

/// A number: a literal (value) or a rational (type).
template <class E>
static constexpr bool is_number = __is_same(E, literal) || is_rational<E>;

template <class E>
static constexpr bool is_one = __is_same(E, rational<1, 1>);

template <class E>
static constexpr bool is_negative_rational = false;
template <std::int64_t P, std::int64_t Q>
inline constexpr bool is_negative_rational<rational<P, Q>> = (P < 0);

/// The zero matrix of a shape.
template <shape S>
static constexpr auto zero_of() {
  return constant_matrix<constant_kind::zeros, S.rows, S.cols>{};
}

template <class E>
static constexpr number number_of(const E& e) {
  if constexpr (__is_same(E, literal)) return e.value;
  else return E::value;
}

/// a·b of two numbers.
template <class A, class B>
static constexpr auto fold_product(const A& a, const B& b) {
  if constexpr (is_rational<A> && is_rational<B>) return rational_t<A::value * B::value>{};
  else return literal(number_of(a) * number_of(b));
}

/// a + b of two numbers.
template <class A, class B>
static constexpr auto fold_sum(const A& a, const B& b) {
  if constexpr (is_rational<A> && is_rational<B>) return rational_t<A::value + B::value>{};
  else return literal(number_of(a) + number_of(b));
}

/// -a of a number.
template <class A>
static constexpr auto fold_negation(const A& a) {
  if constexpr (is_rational<A>) return rational_t<-A::value>{};
  else return literal(-a.value);
}

/// True when equal types of E always have equal values: E holds no data, neither a user
/// number (a `literal`) nor an operation's stored value (pow's exponent, any non-empty
/// operation: `holds_no_data`). Only such terms are merged by type; rules/sums.hpp extends it
/// to the keys terms are sorted by.
template <class E>
static constexpr bool value_free = holds_no_data<E>;

/// The number of nodes and leaves of E: the first key of the canonical order of terms.
template <class E>
static constexpr std::size_t node_count = 1;
template <class Op, class... Args>
inline constexpr std::size_t node_count<node<Op, Args...>> = 1 + (node_count<Args> + ...);

}  // namespace matdiff
