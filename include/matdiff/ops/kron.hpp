/// @file
/// `md::kron(a, b)`: the Kronecker product a ⊗ b, (m x n) ⊗ (p x q) = (mp x nq).
/// Differential: d(a ⊗ b) = da ⊗ b + a ⊗ db.
#pragma once

#include <matdiff/ops/add.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/io/printer.hpp>
#include <matdiff/calculus/walks.hpp>
#include <matdiff/ops/commutation.hpp>
#include <matdiff/ops/norm.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/ops/vec.hpp>
#include <matdiff/rules/constants.hpp>
#include <matdiff/rules/linear.hpp>

namespace matdiff {

struct kron_op {
  /// (A⊗B)ᵀ = Aᵀ⊗Bᵀ: a transpose passes to the operands (rules/transpose.hpp).
  static constexpr bool transpose_passes_through = true;
  static consteval diagnostic check(const shape&, const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a, const shape& b) {
    return {a.rows * b.rows, a.cols * b.cols};
  }
  static constexpr int precedence(notation n) {
    return n == notation::latex ? precedence::product : precedence::atom;
  }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    if (p.latex()) {
      // Operands other than atoms and superscripted forms are parenthesised, as for \circ.
      p.operand(a, precedence::postfix).write(" \\otimes ").right_operand(b, precedence::postfix);
    } else {
      p.call("kron", a, b);
    }
  }

  /// d(a ⊗ b) = da ⊗ b + a ⊗ db
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A& a, const B& b, const DA& da, const DB& db) {
    if constexpr (is_zero<DA>) return kron(a, db);  // as for products (ops/product.hpp)
    else if constexpr (is_zero<DB>) return kron(da, b);
    else return kron(da, b) + kron(a, db);
  }
};

/// a ⊗ b
template <class A, class B>
static constexpr auto kron(const A& a, const B& b) {
  return make_expression(kron_op{}, a, b);
}

/// The adjoints of the Kronecker product, which carry gradients back through a ⊗ b
/// (identification): for C of the shape of a ⊗ b, with b p x q,
///   kron_adjoint_left(C, b)ᵢⱼ  = ⟨C block (i, j), b⟩        (the shape of a, R x C)
///   kron_adjoint_right(a, C)   = Σᵢⱼ aᵢⱼ C block (i, j)      (the shape of b, R x C)
/// so that ⟨C, da ⊗ b⟩ = ⟨kron_adjoint_left(C, b), da⟩ and likewise on the right.
/// They print in the notation of the rearrangement R(C) (Van Loan and Pitsianis), the matrix
/// whose row (i, j) is vec(C block (i, j))ᵀ, so that ⟨C, a ⊗ b⟩ = vec(a)ᵀ R(C) vec(b):
/// kron_adjoint_left(C, b) = unvec(R(C)*vec(b)), kron_adjoint_right(a, C) = unvec(R(C)'*vec(a)).
template <bool Left, dimension Rows, dimension Cols>
struct kron_adjoint_op {
  static consteval diagnostic check(const shape& first, const shape& second) {
    const shape& c = Left ? first : second;
    const shape& other = Left ? second : first;
    if (c == shape{Rows * other.rows, Cols * other.cols} || c == shape{other.rows * Rows, other.cols * Cols}) return {};
    return text("matdiff: kron adjoint of ") + c.to_text() + " and " + other.to_text() + ": sizes differ";
  }
  static constexpr shape result_shape(const shape&, const shape&) { return {Rows, Cols}; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    const auto& c = [&]() -> const auto& { if constexpr (Left) return a; else return b; }();
    const auto& other = [&]() -> const auto& { if constexpr (Left) return b; else return a; }();
    if (p.latex()) {
      p.write("\\operatorname{vec}^{-1}\\left(\\mathcal{R}").open().operand(c, 0).close();
      p.write(Left ? " " : "^{\\top} ").write("\\operatorname{vec}").open().operand(other, 0).close().write("\\right)");
    } else {
      p.write("unvec(R").open().operand(c, 0).close();
      p.write(Left ? "*vec" : "'*vec").open().operand(other, 0).close().write(")");
    }
  }
  /// Linear in each operand.
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E&, const A& a, const B& b, const DA& da, const DB& db) {
    if constexpr (is_zero<DA>) return make_expression(kron_adjoint_op{}, a, db);
    else if constexpr (is_zero<DB>) return make_expression(kron_adjoint_op{}, da, b);
    else return make_expression(kron_adjoint_op{}, da, b) + make_expression(kron_adjoint_op{}, a, db);
  }
};

/// (⟨C block (i, j), b⟩)ᵢⱼ, an R x C matrix.
template <dimension Rows, dimension Cols, class C, class B>
static constexpr auto kron_adjoint_left(const C& c, const B& b) {
  return make_expression(kron_adjoint_op<true, Rows, Cols>{}, c, b);
}

/// Σᵢⱼ aᵢⱼ C block (i, j), an R x C matrix.
template <dimension Rows, dimension Cols, class A, class C>
static constexpr auto kron_adjoint_right(const A& a, const C& c) {
  return make_expression(kron_adjoint_op<false, Rows, Cols>{}, a, c);
}

/// I_n ⊗ K(q,m) ⊗ I_p, with vec(A ⊗ B) = P (vec A ⊗ vec B) for A m x n, B p x q.
template <dimension M, dimension N, dimension P, dimension Q>
static constexpr auto kron_vec_permutation() {
  using vec_identification::identity_v;
  return kron(kron(identity_v<N>, commutation_of<Q, M>()), identity_v<P>);
}

/// The gradient walk through A⊗M and M⊗B: the Kronecker adjoints, M gets
/// (⟨C block (i, j), B⟩)ᵢⱼ or Σᵢⱼ Aᵢⱼ C block (i, j).
template <class E, class C>
static constexpr auto pull_through(const kron_op&, const E& e, const C& c) {
  const auto& a = arg<0>(e);
  const auto& b = arg<1>(e);
  using A = std::remove_cvref_t<decltype(a)>;
  using B = std::remove_cvref_t<decltype(b)>;
  if constexpr (contains_differential<A>)
    return identification::pull(a, make_node(kron_adjoint_op<true, A::shape_v.rows, A::shape_v.cols>{}, c, b));
  else
    return identification::pull(b, make_node(kron_adjoint_op<false, B::shape_v.rows, B::shape_v.cols>{}, a, c));
}

/// The gradient walk through the Kronecker adjoints, which are linear in each operand: the
/// adjoint of an adjoint is the Kronecker product. For G the cotangent,
///   kron_adjoint_left(dC, b):   C gets G ⊗ b;   kron_adjoint_left(C, db):   b gets Σᵢⱼ Gᵢⱼ C block (i, j)
///   kron_adjoint_right(a, dC):  C gets a ⊗ G;   kron_adjoint_right(da, C):  a gets (⟨C block (i, j), G⟩)ᵢⱼ
template <bool Left, dimension Rows, dimension Cols, class E, class G>
static constexpr auto pull_through(const kron_adjoint_op<Left, Rows, Cols>&, const E& e, const G& g) {
  const auto& first = arg<0>(e);
  const auto& second = arg<1>(e);
  using First = std::remove_cvref_t<decltype(first)>;
  using Second = std::remove_cvref_t<decltype(second)>;
  if constexpr (Left) {  // first = C, second = b
    if constexpr (contains_differential<First>)
      return identification::pull(first, make_node(kron_op{}, g, second));
    else
      return identification::pull(
          second, make_node(kron_adjoint_op<false, Second::shape_v.rows, Second::shape_v.cols>{}, g, first));
  } else {  // first = a, second = C
    if constexpr (contains_differential<Second>)
      return identification::pull(second, make_node(kron_op{}, first, g));
    else
      return identification::pull(
          first, make_node(kron_adjoint_op<true, First::shape_v.rows, First::shape_v.cols>{}, second, g));
  }
}

/// The vec walk through dA⊗B and A⊗dB: P (I ⊗ vec B) J and P (vec A ⊗ I) J,
/// P = I_n ⊗ K(q,m) ⊗ I_p (vec(A ⊗ B) = P (vec A ⊗ vec B), A m x n, B p x q).
template <class V, class E>
static constexpr auto push_through(const kron_op&, const E& e) {
  using vec_identification::identity_v, vec_identification::size_of;
  const auto& a = arg<0>(e);
  const auto& b = arg<1>(e);
  using A = std::remove_cvref_t<decltype(a)>;
  using B = std::remove_cvref_t<decltype(b)>;
  constexpr auto p = kron_vec_permutation<A::shape_v.rows, A::shape_v.cols, B::shape_v.rows, B::shape_v.cols>();
  if constexpr (contains_differential<A>) return p * kron(identity_v<size_of(A::shape_v)>, vec(b)) * vec_identification::push<V>(a);
  else return p * kron(vec(a), identity_v<size_of(B::shape_v)>) * vec_identification::push<V>(b);
}

/// The vec walk through the Kronecker adjoints, the transposes of the maps above: for a of
/// shape R x C and b (p x q), vec(kron_adjoint_left(C, b)) = (P (I ⊗ vec b))ᵀ vec C and
/// vec(kron_adjoint_right(a, C)) = (P (vec a ⊗ I))ᵀ vec C; in the other operand they are
/// W = unvec(Pᵀ vec C) (pq x RC) and its transpose.
template <class V, bool Left, dimension Rows, dimension Cols, class E>
static constexpr auto push_through(const kron_adjoint_op<Left, Rows, Cols>&, const E& e) {
  using vec_identification::identity_v, vec_identification::size_of, vec_identification::push;
  const auto& first = arg<0>(e);
  const auto& second = arg<1>(e);
  constexpr shape a_shape{Rows, Cols};
  using Other = std::conditional_t<Left, std::remove_cvref_t<decltype(second)>, std::remove_cvref_t<decltype(first)>>;
  constexpr shape other_shape = Other::shape_v;
  constexpr shape a{Left ? a_shape : other_shape};
  constexpr shape b{Left ? other_shape : a_shape};
  constexpr auto p = kron_vec_permutation<a.rows, a.cols, b.rows, b.cols>();
  const auto& c = [&]() -> const auto& { if constexpr (Left) return first; else return second; }();
  const auto& other = [&]() -> const auto& { if constexpr (Left) return second; else return first; }();
  if constexpr (contains_differential<std::remove_cvref_t<decltype(c)>>) {
    if constexpr (Left) return transpose(p * kron(identity_v<size_of(a)>, vec(other))) * push<V>(c);
    else return transpose(p * kron(vec(other), identity_v<size_of(b)>)) * push<V>(c);
  } else {
    const auto w = unvec<size_of(b), size_of(a)>(transpose(p) * vec(c));
    if constexpr (Left) return transpose(w) * push<V>(other);
    else return w * push<V>(other);
  }
}

/// The simplification rules of ⊗ (rules/simplify.hpp): a⊗B = aB (a 1x1, either side),
/// I⊗I = I, and ⊗ is bilinear: 0⊗B = 0, (-A)⊗B = -(A⊗B), (sA)⊗B = s(A⊗B), likewise in B.
template <class A, class B>
static constexpr auto rewrite(const kron_op& op, const A& a, const B& b) {
  constexpr shape result = kron_op::result_shape(A::shape_v, B::shape_v);
  if constexpr (A::shape_v.is_scalar() || B::shape_v.is_scalar()) return rewrite(product_op{}, a, b);
  else if constexpr (is_identity<A> && is_identity<B>) return constant_matrix<constant_kind::identity, result.rows, result.cols>{};
  else return rewrite_bilinear(op, a, b);
}

/// K is A ⊗ B with the given right (left) factor B (A).
template <class K, class B>
static constexpr bool kron_with_right = false;
template <class A, class B>
inline constexpr bool kron_with_right<node<kron_op, A, B>, B> = value_free<B>;
template <class A, class K>
static constexpr bool kron_with_left = false;
template <class A, class B>
inline constexpr bool kron_with_left<A, node<kron_op, A, B>> = value_free<A>;

/// kron_adjoint_left(A ⊗ B, B) = ‖B‖²A, kron_adjoint_right(A, A ⊗ B) = ‖A‖²B; both bilinear.
template <bool Left, dimension R, dimension C, class First, class Second>
static constexpr auto rewrite(const kron_adjoint_op<Left, R, C>& op, const First& first, const Second& second) {
  if constexpr (Left && kron_with_right<First, Second>) {
    return rewrite(product_op{}, rewrite(sqnorm_op{}, second), arg<0>(first));
  } else if constexpr (!Left && kron_with_left<First, Second>) {
    return rewrite(product_op{}, rewrite(sqnorm_op{}, first), arg<1>(second));
  } else {
    return rewrite_bilinear(op, first, second);
  }
}

/// (A ⊗ B)(C ⊗ D) = AC ⊗ BD, the mixed-product rule (inner sizes agree): a product of two
/// Kronecker products is one factor (the `combined_product` hook of rules/products.hpp).
template <class A, class B, class C, class D>
  requires(A::shape_v.cols == C::shape_v.rows && B::shape_v.cols == D::shape_v.rows)
static constexpr auto combined_product(const node<kron_op, A, B>& l, const node<kron_op, C, D>& r) {
  return rewrite(kron_op{}, rewrite(product_op{}, arg<0>(l), arg<0>(r)),
                 rewrite(product_op{}, arg<1>(l), arg<1>(r)));
}

}  // namespace matdiff
