/// @file
/// `rational<P, Q>`: an exact number p/q carried in the type (1x1 constant).
///
/// User numbers (`2 * X`) are values (`literal`); the numbers that differentiation and
/// simplification create (the 2 of d‖a‖² = 2⟨a, da⟩, the -1 of a negation) are types, so
/// that folding them (`2X + X = 3X`, `X - X = 0`) can change the type of the result.
#pragma once

#include <cstdint>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/core/number.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

template <std::int64_t P, std::int64_t Q = 1>
struct rational : expression_interface<rational<P, Q>> {
  static_assert(Q > 0, "matdiff: rational<P, Q> needs a positive denominator");
  static constexpr number value = number::rational(P, Q);
  static constexpr shape shape_v = scalar_shape;
  static constexpr no_variables variables_v{};
  static constexpr no_symbols symbols_v{};

  template <class Printer>
  constexpr void print(Printer& p) const { literal(value).print(p); }
  static constexpr int precedence(notation n) { return literal(value).precedence(n); }
};

template <class T>
static constexpr bool is_rational = false;
template <std::int64_t P, std::int64_t Q>
inline constexpr bool is_rational<rational<P, Q>> = true;

/// The rational type for an exact number known at compile time.
template <number N>
using rational_t = rational<N.numerator, N.denominator>;

}  // namespace matdiff
