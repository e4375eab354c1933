/// @file
/// `md::matrix_power<k>(A)`: Aᵏ = A A ... A (k factors) of a square A, for an integer k ≥ 0
/// known at compile time; A⁰ = I and A¹ = A are those expressions themselves.
/// Differential: d(Aᵏ) = Σᵢ₌₀..ₖ₋₁ Aⁱ dA Aᵏ⁻¹⁻ⁱ (the product rule over the k factors).
#pragma once

#include <cstddef>
#include <utility>

#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/text.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/product.hpp>

namespace matdiff {

template <int K, class A>
static constexpr auto matrix_power(const A& a);

template <int K>
struct matrix_power_op {
  static_assert(K >= 0, "matdiff: matrix_power: the exponent k is negative (use inv)");
  static constexpr int exponent = K;
  static constexpr bool symmetric_when_operands_symmetric = true;

  static consteval diagnostic check(const shape& a) { return check::square("matrix_power", a); }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: matrix_power: the matrix is not square (shapes below)");
  }
  static constexpr shape result_shape(const shape& a) { return a; }
  static constexpr int precedence(notation) { return precedence::postfix; }
  /// "A^3"; in LaTeX "A^{3}".
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    const text k = text().append(static_cast<long long>(K));
    p.operand(a, precedence::atom);
    if (p.latex()) p.write("^{").write(k).write("}");
    else p.write("^").write(k);
  }

  /// d(Aᵏ) = Σᵢ₌₀..ₖ₋₁ Aⁱ dA Aᵏ⁻¹⁻ⁱ
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A& a, const DA& da) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return (... + (matrix_power<int(I)>(a) * da * matrix_power<K - 1 - int(I)>(a)));
    }(std::make_index_sequence<std::size_t(K)>{});
  }
};

/// Aᵏ for a square A and a compile-time k ≥ 0: the identity for k = 0, A for k = 1
template <int K, class A>
static constexpr auto matrix_power(const A& a) {
  static_assert(K >= 0, "matdiff: matrix_power: the exponent k is negative (use inv)");
  if constexpr (K >= 2 || !expression<A>) {
    return make_expression(matrix_power_op<K>{}, a);
  } else {
    using checked = decltype(make_expression(matrix_power_op<K>{}, a));  // the shape check
    if constexpr (any_invalid<checked>) return checked{};
    else if constexpr (K == 1) return a;
    else return constant_matrix<constant_kind::identity, A::shape_v.rows, A::shape_v.rows>{};
  }
}

}  // namespace matdiff
