/// @file
/// How values look during evaluation: a 1x1 expression evaluates to a scalar `S`, any other
/// to an `Eigen::Matrix<S, R, C>` whose sizes are fixed where the shape is fixed; and how
/// evaluators write them (`assign`, `add_into`, `subtract_from`, `assign_product`, `finish`,
/// `set_zero`): small fixed matrices coefficient by coefficient, others by Eigen's own
/// assignment.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <matdiff/core/shape.hpp>

/// The largest fixed result, in entries, of an inlined kernel (eval/kernel.hpp) and of a sum
/// of Kronecker terms filled entry by entry (eval/plan/special_forms.hpp).
#ifndef MATDIFF_INLINE_KERNEL_ENTRIES
#define MATDIFF_INLINE_KERNEL_ENTRIES 144
#endif

namespace matdiff {

constexpr int eigen_size(const dimension& d) {
  return d.is_fixed() ? static_cast<int>(d.factor) : Eigen::Dynamic;
}

/// The Eigen matrix type and the value type (a scalar when 1x1) of expression type `E`.
template <class S, class E>
struct value_of {
  static constexpr int rows = eigen_size(E::shape_v.rows);
  static constexpr int cols = eigen_size(E::shape_v.cols);
  using matrix = Eigen::Matrix<S, rows, cols>;
  using type = std::conditional_t<E::shape_v.is_scalar(), S, matrix>;
};

template <class S, class E>
using matrix_t = typename value_of<S, E>::matrix;

template <class S, class E>
using value_t = typename value_of<S, E>::type;

/// A 1x1 value as a scalar: from a scalar, or from a 1x1 Eigen expression.
template <class S, class V>
S to_scalar(const V& v) {
  if constexpr (std::is_arithmetic_v<V>) return static_cast<S>(v);
  else return static_cast<S>(v.value());
}

/// Whether values of matrix type M are assigned coefficient by coefficient: matrices (not
/// vectors) of fixed size with at most 9 entries (2x2, 2x3, 3x3, ...). Eigen writes a small
/// product column by column (2x2: two 2-wide packets; 3x3: scalars) but reads the whole
/// storage with wider packets in an element-wise operation; a wide load over two narrower
/// stores misses the processor's store-to-load forwarding and waits for the stores (about 15
/// cycles, more than a 2x2 product costs). Assigned by coefficient, a kernel's temporaries
/// stay in registers and the compiler vectorises the straight-line code itself: the 2x2
/// Hessian-vector product of ‖J‖² + ‖J⁻¹‖² with its gradient takes 14.5 ns instead of 34,
/// at 3x3 44 ns instead of 63. At 4x4 Eigen's column packets are the faster way (the same
/// kernel assigned by coefficient: 116 ns against 100).
template <class M>
inline constexpr bool assigned_by_coefficient = M::RowsAtCompileTime > 1 && M::ColsAtCompileTime > 1 &&
                                                M::SizeAtCompileTime != Eigen::Dynamic && M::SizeAtCompileTime <= 9;

namespace detail {
/// The identity on one coefficient, without a packet form: an expression wrapped in it is
/// evaluated coefficient by coefficient.
struct coefficient_copy {
  template <class T>
  T operator()(const T& x) const {
    return x;
  }
};
}  // namespace detail

/// v read coefficient by coefficient: no packet loads from it, nor packet stores of it.
template <class V>
auto by_coefficient(const V& v) {
  return v.unaryExpr(detail::coefficient_copy{});
}

/// Whether expression V is assigned to an R coefficient by coefficient (a dense expression;
/// a diagonal or permutation matrix is assigned by Eigen).
template <class R, class V>
inline constexpr bool copied_by_coefficient =
    assigned_by_coefficient<R> && requires(const V& v) { v.unaryExpr(detail::coefficient_copy{}); };

/// r = v (an Eigen expression whose coefficients do not alias r's other coefficients).
template <class R, class V>
void assign(R& r, const V& v) {
  if constexpr (copied_by_coefficient<R, V>) r = by_coefficient(v);
  else r = v;
}

/// r += v and r -= v, coefficient by coefficient where `assign` is; otherwise Eigen's own,
/// which adds a diagonal matrix into its diagonal only.
template <class R, class V>
void add_into(R& r, const V& v) {
  if constexpr (copied_by_coefficient<R, V>) assign(r, r + v);
  else r += v;
}
template <class R, class V>
void subtract_from(R& r, const V& v) {
  if constexpr (copied_by_coefficient<R, V>) assign(r, r - v);
  else r -= v;
}

/// r = a·b (r aliases neither). A small fixed r is assigned by coefficient, each from its
/// operands' coefficients: Eigen's lazy product would compute each coefficient as an inner
/// product of packets, loading a 2-wide packet from a column its producer wrote as two
/// scalars, a store-to-load forwarding miss (the 2x3 factor of the triangle's Hessian,
/// benchmarks/elements.cpp: six such loads in a row).
/// An inner dimension of run-time size or above 4 keeps Eigen's packets, which vectorise a
/// long inner product (only sizes up to 4 were measured).
template <class R, class A, class B>
void assign_product(R& r, const A& a, const B& b) {
  constexpr int inner = A::ColsAtCompileTime;
  if constexpr (assigned_by_coefficient<R> && inner != Eigen::Dynamic && inner <= 4)
    assign(r, by_coefficient(a).lazyProduct(by_coefficient(b)));
  else if constexpr (assigned_by_coefficient<R>)
    assign(r, a.lazyProduct(b));
  else
    r.noalias() = a * b;
}

/// V is an `Eigen::Ref` to a matrix of type M's scalar and layout with a run-time outer
/// stride (how a bound matrix is seen in a kernel, eval/context.hpp), M of run-time size and
/// not a vector.
template <class V, class M>
inline constexpr bool is_strided_matrix_view = false;
template <class P, int Options, class Stride, class M>
inline constexpr bool is_strided_matrix_view<Eigen::Ref<P, Options, Stride>, M> =
    Stride::OuterStrideAtCompileTime == Eigen::Dynamic && Stride::InnerStrideAtCompileTime <= 1 &&
    M::SizeAtCompileTime == Eigen::Dynamic && M::RowsAtCompileTime != 1 && M::ColsAtCompileTime != 1 &&
    __is_same(typename std::remove_const_t<P>::Scalar, typename M::Scalar) &&
    bool(std::remove_const_t<P>::Flags & Eigen::RowMajorBit) == bool(M::Flags & Eigen::RowMajorBit);

/// The finished value of expression `E` from a scalar or an Eigen expression. Constructed
/// from v, not assigned: with a default-constructed value and `assign`, g++ 12 no longer
/// inlined the 2x2 gradient kernel of log|det X| + tr(AX⁻¹) into its caller (10.7 ns a call
/// against 8.4).
template <class S, class E, class V>
value_t<S, E> finish(const V& v) {
  using M = value_t<S, E>;
  if constexpr (E::shape_v.is_scalar()) {
    return to_scalar<S>(v);
  } else if constexpr (is_strided_matrix_view<V, M>) {
    // A bound matrix whose columns are contiguous (the usual case) is copied as one block, as
    // Eigen copies one matrix into another (std::copy, a memmove for arithmetic scalars): Eigen
    // copies a view with a run-time stride column by column, and a Map by its assignment loop
    // (the value and gradient of ‖T - UV'‖² at n = 100: 1.05 times the hand-written code's time
    // with the Map's loop, 1.00 with std::copy; docs/benchmarks.md).
    if (v.outerStride() == v.innerSize()) {
      M r(v.rows(), v.cols());
      std::copy_n(v.data(), v.size(), r.data());
      return r;
    }
    return M(v);
  } else if constexpr (copied_by_coefficient<value_t<S, E>, V>) {
    return value_t<S, E>(by_coefficient(v));
  } else {
    return value_t<S, E>(v);
  }
}

/// r resized to rows x cols and set to +0 (the start of a value filled in place: a Kronecker
/// product, a sum of terms added into it). A run-time-sized matrix of double or float is
/// cleared by one memset (all-zero bits are +0.0): Eigen's setZero is a loop that g++ 12
/// turns into memset only where it inlines Eigen's assignment, which depends on the rest of
/// the translation unit. The 500 x 500 Hessian 2(V'V ⊗ I) of bench_neurips took 11-18% longer
/// when a change to another kernel of the unit made g++ call the loop out of line.
template <class M>
void set_zero(M& r, Eigen::Index rows, Eigen::Index cols) {
  using S = typename M::Scalar;
  if constexpr (std::is_floating_point_v<S> && M::SizeAtCompileTime == Eigen::Dynamic) {
    r.resize(rows, cols);
    if (r.size() > 0) std::memset(r.data(), 0, sizeof(S) * static_cast<std::size_t>(r.size()));
  } else {
    r.setZero(rows, cols);
  }
}

/// A scalar as a 1x1 matrix, for operations written for matrices (kron); matrices unchanged.
template <class S, class V>
decltype(auto) as_matrix(const V& v) {
  if constexpr (std::is_arithmetic_v<V>) return Eigen::Matrix<S, 1, 1>::Constant(static_cast<S>(v));
  else return (v);
}

/// Whether a matrix of shape s is written entry by entry, one expression per entry (a
/// Hessian's sum of Kronecker terms, eval/plan/special_forms.hpp): fixed, more than 16
/// entries and at most MATDIFF_INLINE_KERNEL_ENTRIES. At 4x4 and less Eigen's block
/// operations, two entries per instruction, were faster (the kernel of log|det X| +
/// tr(AX⁻¹), its gradient and its 4x4 Hessian: 21.8 ns entry by entry, 20.6 ns by blocks);
/// at 9x9, 60 ns against 178 ns. (A function of the shape, not a template over the node:
/// nothing is instantiated per node asked.)
constexpr bool written_entry_by_entry(const shape& s) {
  if (!s.is_fixed() || s.is_scalar()) return false;
  const auto entries = s.rows.factor * s.cols.factor;
  return entries > 16 && entries <= MATDIFF_INLINE_KERNEL_ENTRIES;
}

/// Whether every value bound in context Ctx has a fixed size (`Ctx::fixed_size_values`), as in
/// the kernels evaluated as one inlined function (eval/kernel.hpp). Only there is a matrix
/// written entry by entry: with a bound value of run-time size the 9x9 Hessian of log|det X| +
/// tr(AX⁻¹) took 58 ns entry by entry against 55 ns by blocks.
template <class Ctx>
inline constexpr bool binds_fixed_sizes = requires { requires Ctx::fixed_size_values; };

/// r(i, j) = entry(i, j) for every entry of r (fixed, Rows x Cols): one expression per entry
/// over an index sequence, each entry's indices constants, as in generated code.
template <Eigen::Index Rows, Eigen::Index Cols, class R, class F>
void fill_entries(R& r, const F& entry) {
  [&]<std::size_t... N>(std::index_sequence<N...>) {
    constexpr auto i = [](std::size_t k) { return Eigen::Index(k) % Rows; };
    constexpr auto j = [](std::size_t k) { return Eigen::Index(k) / Rows; };
    ((r.coeffRef(i(N), j(N)) = entry(i(N), j(N))), ...);
  }(std::make_index_sequence<std::size_t(Rows * Cols)>{});
}

}  // namespace matdiff

/// The coefficient copy costs nothing when Eigen decides how far to unroll.
template <>
struct Eigen::internal::functor_traits<matdiff::detail::coefficient_copy> {
  enum { Cost = 0, PacketAccess = false };
};
