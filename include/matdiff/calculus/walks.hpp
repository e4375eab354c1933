/// @file
/// The two walks that turn a differential df, linear in dX, into a derivative, and the
/// rules an operation gives them (next to the operation, in ops/<op>.hpp, found by
/// argument-dependent lookup; docs/user_operations.md):
///
///     pull_through(op, e, c)        the adjoint, for gradients (calculus/identify.hpp): the
///                                   cotangent C of node e passes to the operand holding dX,
///                                   tr(Cᵀ de) = tr(Pᵀ dM); continue with
///                                   `identification::pull(operand, P)`
///     push_through<V>(op, e)        the vec rule, for Jacobians (calculus/jacobian.hpp):
///                                   vec(de) = M vec(d operand); the result is
///                                   M * `vec_identification::push<V>(operand)`
///
/// Only operations that dX passes through linearly have them; a walk that meets any other
/// operation stops with "dX appears inside a non-linear operation".
#pragma once

#include <matdiff/calculus/d.hpp>
#include <matdiff/core/constants.hpp>
#include <matdiff/core/dimension.hpp>
#include <matdiff/core/shape.hpp>

namespace matdiff {

namespace identification {
/// Nothing reaches dX along this path.
struct no_term {};

/// The gradient contribution of e receiving the cotangent C (calculus/identify.hpp).
template <class E, class C>
static constexpr auto pull(const E& e, const C& cotangent);
}  // namespace identification

namespace vec_identification {
using identification::no_term;

/// J_e with vec(e) = J_e vec(dX) for variable type V, no_term when e does not hold dX
/// (calculus/jacobian.hpp).
template <class V, class E>
static constexpr auto push(const E& e);

template <dimension N>
inline constexpr constant_matrix<constant_kind::identity, N, N> identity_v{};

/// The length of vec of a matrix of shape s.
constexpr dimension size_of(const shape& s) { return s.rows * s.cols; }
}  // namespace vec_identification

}  // namespace matdiff
