/// @file
/// Evaluation of norms (ops/norm.hpp).
#pragma once

#include <cmath>
#include <limits>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/value.hpp>
#include <matdiff/ops/norm.hpp>

namespace matdiff {

/// ‖a‖ without overflow or underflow of the squares: sqrt(Σ aᵢⱼ²) when that sum is a
/// normal, finite number (the common case, one pass), else m ‖a/m‖ with m = maxᵢⱼ |aᵢⱼ|
/// (as Eigen's stableNorm and hypot scale). So ‖(1e200, 1e200)‖ = 1.41e200, not inf, and
/// ‖(1e-200, 1e-200)‖ = 1.41e-200, not 0; the gradient a/‖a‖ is then right too.
template <class S, class A>
S scaled_norm(const A& a) {
  using std::isfinite, std::sqrt;
  const S squares = a.squaredNorm();
  // Above min/ε, squares lost to underflow (each below the smallest normal) change the sum
  // by less than its rounding.
  constexpr S smallest = std::numeric_limits<S>::min() / std::numeric_limits<S>::epsilon();
  if (squares >= smallest && isfinite(squares)) return sqrt(squares);
  const S m = a.cwiseAbs().template maxCoeff<Eigen::PropagateNaN>();
  if (m == S(0) || !isfinite(m)) return m;  // 0, inf or NaN
  return m * (a / m).norm();
}

template <>
struct evaluator<norm2_op> {
  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    using std::abs;
    if constexpr (std::is_arithmetic_v<A>) return abs(a);
    else return scaled_norm<typename Ctx::scalar>(a);
  }
};

template <>
struct evaluator<sqnorm_op> {
  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    if constexpr (std::is_arithmetic_v<A>) return a * a;
    else return a.squaredNorm();
  }
};

/// ‖a‖₁ = Σᵢⱼ |aᵢⱼ|.
template <>
struct evaluator<norm1_op> {
  template <class Ctx, class E, class A>
  static typename Ctx::scalar apply(const Ctx&, const E&, const A& a) {
    using std::abs;
    if constexpr (std::is_arithmetic_v<A>) return abs(a);
    else return a.cwiseAbs().sum();
  }
};

}  // namespace matdiff
