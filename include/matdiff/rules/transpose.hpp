/// @file
/// Rewrite rules for transposes: they are pushed down to the leaves.
///
///     (Aᵀ)ᵀ = A,  aᵀ = a (1x1),  Iᵀ = I,  0ᵀ = 0,  (AB)ᵀ = BᵀAᵀ,  (A ± B)ᵀ = Aᵀ ± Bᵀ,
///     K(m,n)ᵀ = K(n,m),  (-A)ᵀ = -Aᵀ,  (A∘B)ᵀ = Aᵀ∘Bᵀ,  (A⊗B)ᵀ = Aᵀ⊗Bᵀ,  diag(v)ᵀ = diag(v),  σ(A)ᵀ = σ(Aᵀ)
/// A transpose then sits only on a variable, an inverse or another non-linear leaf, where
/// Eigen applies it for free. A symmetric matrix is its own transpose, Sᵀ = S: a symmetric
/// variable (`md::symmetric`, `md::spd`), and built from such, S⁻¹, adj(S), Sᵏ, -S, S ± T,
/// cS, S/c, S ∘ T, S ⊗ T, σ(S).
///
/// Operations other than the core algebra say how they meet a transpose by members of
/// their operation type (ops/<op>.hpp), and a constant matrix by an overload next to it:
///
///     transposed_constant(k)  kᵀ for a constant leaf k: K(m,n)ᵀ = K(n,m)
///     static constexpr bool transpose_passes_through = true;
///         (op(A, B, ...))ᵀ = op(Aᵀ, Bᵀ, ...): ±, -, ∘, ⊘, ⊗, element-wise functions, A^k
///     static constexpr bool symmetric_when_operands_symmetric = true;
///         op(S, T, ...) is symmetric when S, T, ... are: S⁻¹, adj(S), Sᵏ, -S, S ± T; so is
///         an operation a transpose passes through (S ∘ T, S ⊗ T, σ(S))
///     static constexpr bool always_symmetric = true;
///         op(...) is symmetric whatever its operands: diag(v)
///
/// Products and quotients are symmetric under their own conditions, given here: cS and Sc
/// (c 1x1), S/c.
#pragma once

#include <type_traits>

#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/patterns.hpp>
#include <matdiff/rules/products.hpp>
#include <matdiff/rules/sums.hpp>

namespace matdiff {

/// (op(A, B, ...))ᵀ = op(Aᵀ, Bᵀ, ...): E's operation has `transpose_passes_through`.
template <class E>
static constexpr bool transposes_into_operands = false;
template <class Op, class... A>
inline constexpr bool transposes_into_operands<node<Op, A...>> = requires { requires Op::transpose_passes_through; };

/// E is symmetric when the operands its operation names are, `Symmetric<A>::value` saying
/// which operands are: every operand for the operations with
/// `symmetric_when_operands_symmetric` or `transpose_passes_through` (S ∘ T, S ⊗ T, σ(S)),
/// none for those with `always_symmetric`, and the
/// matrix operand of a product or quotient by a 1x1 (the core algebra's own condition).
/// The two judgements of symmetry, `is_known_symmetric` here and the gradient's
/// `symmetric_by_type` (calculus/symmetric.hpp), differ only in what they ask of operands.
template <template <class> class Symmetric, class E>
static constexpr bool symmetric_by_operands = false;
template <template <class> class Symmetric, class Op, class... A>
inline constexpr bool symmetric_by_operands<Symmetric, node<Op, A...>> = [] {
  if constexpr (requires { requires Op::always_symmetric; }) return true;
  // op(S, T, ...)ᵀ = op(Sᵀ, Tᵀ, ...) = op(S, T, ...) where the transpose passes through
  else if constexpr (requires { requires Op::symmetric_when_operands_symmetric; } ||
                     requires { requires Op::transpose_passes_through; })
    return (Symmetric<A>::value && ...);
  else return false;
}();
template <template <class> class Symmetric, class A, class B>
inline constexpr bool symmetric_by_operands<Symmetric, node<product_op, A, B>> =
    (A::shape_v.is_scalar() && Symmetric<B>::value) || (B::shape_v.is_scalar() && Symmetric<A>::value);
template <template <class> class Symmetric, class A, class B>
inline constexpr bool symmetric_by_operands<Symmetric, node<quotient_op, A, B>> = Symmetric<A>::value;

template <class E>
struct known_symmetric;
/// True when E is known to be symmetric from its type: a symmetric variable, and what its
/// operations build from such (S⁻¹, -S, S ± T, cS, S/c, diag(v), ...).
template <class E>
static constexpr bool is_known_symmetric = is_symmetric_variable<E> || symmetric_by_operands<known_symmetric, E>;
template <class E>
struct known_symmetric : std::bool_constant<is_known_symmetric<E>> {};

/// F is Gᵀ by its type, G holding no data, so that one type means one value.
template <class F, class G>
static constexpr bool is_transpose_of = false;
template <class A>
inline constexpr bool is_transpose_of<node<transpose_op, A>, A> = holds_no_data<A>;

/// F and G are each other's transpose by their types: F = Gᵀ, G = Fᵀ, or one symmetric
/// factor twice (S, S⁻¹). Neither holds data, so the types say the values are equal.
template <class F, class G>
static constexpr bool mirror_images =
    holds_no_data<F> && holds_no_data<G> &&
    (is_transpose_of<F, G> || is_transpose_of<G, F> || (__is_same(F, G) && is_known_symmetric<F>));

/// Fᵀ by F's type alone, as `mirror_images` sees it: A for F = Aᵀ, F for F symmetric by its
/// type, else the node Fᵀ. Not `rewrite(transpose_op{}, F)`, which builds new types (it
/// distributes over a sum): this names one type per factor (eval/ops/add.hpp finds a term
/// of a sum that is another's transpose by it).
template <class F>
struct transposed_factor {
  using type = std::conditional_t<is_known_symmetric<F>, F, node<transpose_op, F>>;
};
template <class A>
struct transposed_factor<node<transpose_op, A>> {
  using type = A;
};
template <class F>
using transposed_factor_t = typename transposed_factor<F>::type;

template <class A>
static constexpr auto rewrite(const transpose_op& op, const A& a) {
  if constexpr (A::shape_v.is_scalar() || is_identity<A> || is_known_symmetric<A>) {
    return a;
  } else if constexpr (is_zero<A>) {
    return zero_of<A::shape_v.transposed()>();
  } else if constexpr (is_ones<A>) {
    return constant_matrix<constant_kind::ones, A::shape_v.cols, A::shape_v.rows>{};
  } else if constexpr (requires { transposed_constant(a); }) {
    return transposed_constant(a);
  } else if constexpr (is_node_of<A, transpose_op>) {
    return arg<0>(a);
  } else if constexpr (is_matrix_chain<A> && is_plain_chain<A>) {  // (f₁…fₙ)ᵀ = fₙᵀ…f₁ᵀ, from the left
    return reversed_chain_product(chain_links(a).apply([&](const auto&... f) { return make_pack(rewrite(op, f)...); }));
  } else if constexpr (is_node_of<A, product_op>) {
    return rewrite(a.op, rewrite(op, arg<1>(a)), rewrite(op, arg<0>(a)));
  } else if constexpr (is_sum<A>) {
    return sums::distributed(op, a);
  } else if constexpr (transposes_into_operands<A>) {
    return a.args.apply([&](const auto&... x) { return rewrite(a.op, rewrite(op, x)...); });
  } else {
    return make_node(op, a);
  }
}

}  // namespace matdiff
