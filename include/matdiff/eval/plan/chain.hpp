/// @file
/// Matrix chains ordered by cost: the product F₁F₂…Fₖ of k matrices, with Fᵢ of size
/// pᵢ₋₁ x pᵢ, is evaluated in the association that does the fewest multiplications, found by
/// the classic dynamic program at compile time:
///
///     cost(i, j) = min over i ≤ s < j of  cost(i, s) + cost(s+1, j) + pᵢ₋₁ pₛ pⱼ
///
/// A product with a diagonal factor diag(v) costs only the size of the other side (it is a
/// row or column scaling); so, approximately, does one with a structured factor (a
/// permutation, A ⊗ I), which is applied without being formed. Fixed sizes are exact; a symbolic size counts as `symbolic_size`
/// (large), so vectors are absorbed first: A B x → A (B x), xᵀ A B → (xᵀA) B; of equal
/// costs, xᵀ A x → xᵀ (A x).
///
/// Three factors whose cheaper association depends on the run-time values of their symbolic
/// sizes (W Vᵀ V with W m x k, V n x k: (WVᵀ)V costs 2mnk, W(VᵀV) k²(m + n)) are planned both
/// ways and one is chosen when the kernel runs (`associated_by_size`).
///
/// `chain_factors(e)` flattens a product of matrices into its factors (a 1x1 factor ends the
/// chain: it is a scaling); `order_chain(shapes, cheap)` gives the split of every range.
#pragma once

#include <array>
#include <cstddef>
#include <utility>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/pack.hpp>
#include <matdiff/ops/product.hpp>

namespace matdiff {

/// The size a symbol stands for when ordering a chain.
inline constexpr double symbolic_size = 1000;

/// A product of two matrices (neither 1x1).
template <class E>
inline constexpr bool is_chain_product = false;
template <class A, class B>
inline constexpr bool is_chain_product<node<product_op, A, B>> =
    !A::shape_v.is_scalar() && !B::shape_v.is_scalar();

/// The pack type of the factors of E followed by those of the pack `Tail`, by classes.
template <class E, class Tail = pack<>>
struct chain_pack;
template <class E, class... T>
struct chain_pack<E, pack<T...>> {
  using type = pack<E, T...>;
};
template <class A, class B, class... T>
  requires is_chain_product<node<product_op, A, B>>
struct chain_pack<node<product_op, A, B>, pack<T...>> : chain_pack<A, typename chain_pack<B, pack<T...>>::type> {};

/// The factors of a product of matrices, left to right, as a pack. Factors that hold no data
/// are their pack type's value: the recursion is a function and a `concat` per product, each
/// named after that product, and the products of a chain written A₁ A₂ ⋯ Aₖ hold each other.
template <class E>
constexpr auto chain_factors(const E& e) {
  if constexpr (holds_no_data<E>)
    return typename chain_pack<E>::type{};
  else if constexpr (is_chain_product<E>)
    return concat(chain_factors(arg<0>(e)), chain_factors(arg<1>(e)));
  else
    return make_pack(e);
}

/// The type of chain_factors(E).
template <class E>
using chain_factors_t = decltype(chain_factors(std::declval<const E&>()));

constexpr double estimated_size(const dimension& d) {
  double n = static_cast<double>(d.factor);
  for (std::size_t i = 0; i < d.symbol_count; ++i) n *= symbolic_size;
  return n;
}

/// split[i][j]: the last factor of the left part of the best association of factors i..j.
template <std::size_t K>
struct chain_plan {
  std::size_t split[K][K]{};
};

/// The dynamic program runs in constant evaluation, where every call of an operator of a
/// class costs a step: it works on plain arrays, so that a chain of 49 factors stays within
/// clang 16's default limit of constant-evaluation steps (with std::array it did not).
template <std::size_t K>
constexpr chain_plan<K> order_chain(const std::array<shape, K>& shapes, const std::array<bool, K>& cheap_factors) {
  double p[K + 1]{};
  bool cheap[K]{};
  for (std::size_t i = 0; i < K; ++i) {
    p[i] = estimated_size(shapes[i].rows);
    cheap[i] = cheap_factors[i];
  }
  p[K] = estimated_size(shapes[K - 1].cols);
  double cost[K][K]{};
  chain_plan<K> plan;
  for (std::size_t length = 2; length <= K; ++length) {
    for (std::size_t i = 0; i + length <= K; ++i) {
      const std::size_t j = i + length - 1;
      // Ties: the later split, (AB)C as written; but a chain ending in a column vector
      // absorbs it first, x'(Ax), so that Ax is the product a gradient such as Ax + A'x
      // shares.
      const bool ends_in_column = p[j + 1] == 1;
      double best = 0;
      std::size_t best_split = i;
      for (std::size_t s = i; s < j; ++s) {
        const bool scaling = (s == i && cheap[i]) || (s + 1 == j && cheap[j]);
        const double step = scaling ? p[i] * p[j + 1] : p[i] * p[s + 1] * p[j + 1];
        const double c = cost[i][s] + cost[s + 1][j] + step;
        if (s == i || c < best || (c == best && !ends_in_column)) {
          best = c;
          best_split = s;
        }
      }
      cost[i][j] = best;
      plan.split[i][j] = best_split;
    }
  }
  return plan;
}

/// Whether the cheaper association of three factors of sizes p₀ x p₁, p₁ x p₂, p₂ x p₃,
/// (F₁F₂)F₃ at p₀p₂(p₁ + p₃) multiplications or F₁(F₂F₃) at p₁p₃(p₀ + p₂), is left to the
/// run-time sizes: some size is symbolic; no factor is cheap and no size is 1, where the
/// order above holds whatever the sizes (a vector is absorbed first, a scaling costs the size
/// of the other side); and the two costs are not one polynomial in the symbols, which they
/// are when p₀ = p₁ and p₂ = p₃ or p₀ = p₃ and p₁ = p₂ (A X B with A n x n and B m x m,
/// X B Xᵀ): there the association as written is as cheap at every size, and one code path
/// is compiled, not two.
constexpr bool associated_by_size(const std::array<shape, 3>& shapes, const std::array<bool, 3>& cheap) {
  const dimension p[4] = {shapes[0].rows, shapes[1].rows, shapes[2].rows, shapes[2].cols};
  bool symbolic = false;
  for (const dimension& d : p) {
    if (d.is(1)) return false;
    symbolic = symbolic || !d.is_fixed();
  }
  const bool same_costs = (p[0] == p[1] && p[2] == p[3]) || (p[0] == p[3] && p[1] == p[2]);
  return symbolic && !same_costs && !cheap[0] && !cheap[1] && !cheap[2];
}

/// Whether (F₁F₂)F₃ takes no more multiplications than F₁(F₂F₃) at the sizes p₀..p₃ (the
/// choice of `associated_by_size` chains at run time; of equal costs, as written).
constexpr bool left_association_cheaper(double p0, double p1, double p2, double p3) {
  return p0 * p2 * (p1 + p3) <= p1 * p3 * (p0 + p2);
}

}  // namespace matdiff
