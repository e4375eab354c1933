/// @file
/// A user-defined operation in one header: `normalize(x) = x / ‖x‖₂` of a vector, the unit
/// vector along x.
///
/// Differential: d(x/‖x‖) = (dx - u uᵀdx)/‖x‖ with u = x/‖x‖, written with matdiff's own
/// operations, so gradients, Jacobians, Hessians and printing need nothing more. Evaluation:
/// Eigen's `stableNormalized()`, which scales by the largest entry first, so x of norm 1e200
/// or 1e-200 gives a unit vector, not 0 or inf.
///
/// An operation is a struct with
///   - `check(shapes...)`: the shape rule, an empty diagnostic when the operands suit it;
///     `report<problem>()`: its static_assert, whose literal names the operation and rule;
///   - `result_shape(shapes...)`, `precedence(notation)`, `print(printer, operands...)`;
///   - `differential(e, operands..., their differentials...)`;
/// and `md::evaluator<Op>::apply(ctx, e, operand values...)` computes it.
#pragma once

#include <Eigen/Core>
#include <matdiff/matdiff.hpp>

namespace user {

namespace md = matdiff;

struct normalize_op {
  static consteval md::diagnostic check(const md::shape& x) {
    if (x.is_column() && !x.is_scalar()) return {};
    return md::text("matdiff: normalize of ") + x.to_text() + ": the operand is not a column vector";
  }
  template <md::diagnostic Problem>
  static constexpr void report() {
    static_assert(md::error<Problem>, "matdiff: normalize: the operand is not a column vector (shape below)");
  }
  static constexpr md::shape result_shape(const md::shape& x) { return x; }
  static constexpr int precedence(md::notation) { return md::precedence::atom; }
  template <class P, class X>
  constexpr void print(P& p, const X& x) const {
    p.call(p.latex() ? "\\operatorname{normalize}" : "normalize", x);
  }

  /// d(x/‖x‖) = (dx - u (uᵀdx))/‖x‖, u = x/‖x‖ (e itself)
  template <class E, class X, class DX>
  static constexpr auto differential(const E& e, const X& x, const DX& dx) {
    return (dx - e * (md::transpose(e) * dx)) / md::norm2(x);
  }
};

/// x/‖x‖₂ of a column vector x
template <class X>
constexpr auto normalize(const X& x) {
  return md::make_expression(normalize_op{}, x);
}

}  // namespace user

template <>
struct matdiff::evaluator<user::normalize_op> {
  template <class Ctx, class E, class X>
  static auto apply(const Ctx&, const E&, const X& x) {
    return result_t<Ctx, E>(x.stableNormalized());
  }
};
