/// @file
/// `md::check_gradient(f, X, bindings...)`: `md::grad(f, X)` against central finite
/// differences at the bound point.
///
///     auto check = md::check_gradient(f, X, X = Xv, B = Bv);
///     assert(check.ok);   // max_rel_error below 1e-6 (double) or 2.4e-3 (float)
///
/// Each entry of X is moved by ±h, h = ∛ε · max(1, |Xᵢⱼ|), and (f(X + h) - f(X - h)) / 2h
/// is compared with G(i, j); the relative error divides by max(1, |difference quotient|).
/// The differences are returned too. f is evaluated at the moved points by the kernel of f
/// and its gradient, so that the evaluation is compiled once.
///
/// A symmetric variable (`md::symmetric`, `md::spd`) is moved along symmetric directions:
/// entries (i, j) and (j, i) together, so that X stays symmetric, and the difference quotient
/// of f along Eᵢⱼ + Eⱼᵢ is halved for i ≠ j. It is compared with G(i, j) and G(j, i): the
/// symmetric gradient (API §2.2) passes, the unconstrained one (e.g. Aᵀ for tr(AS), where the
/// symmetric gradient is (A + Aᵀ)/2) fails.
///
/// A NaN or infinity in the gradient or in a difference quotient makes `ok` false (both
/// errors are then +inf) and is reported: `bad_row`, `bad_col` and `message` name the first
/// such entry (column-major). When the check fails on its tolerance they name the entry of
/// the largest relative error instead.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <tuple>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/calculus/grad.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/eval/eval.hpp>
#include <matdiff/eval/kernel.hpp>

namespace matdiff {

struct gradient_check {
  double max_abs_error = 0;  ///< max |G(i, j) - finite difference|; +inf when an entry is not finite
  double max_rel_error = 0;  ///< max of the same divided by max(1, |finite difference|); +inf likewise
  bool ok = false;           ///< every entry finite and max_rel_error <= tolerance
  double tolerance = 1e-6;   ///< 1e-6 for double, 2.4e-3 for float (the accuracy of the differences)
  Eigen::MatrixXd differences;  ///< the central differences, shaped as the derivative checked
  /// True when the derivative and the differences are finite (no NaN, no infinity).
  bool finite = true;
  /// The entry (row, column of the derivative checked) that failed: the first non-finite
  /// one, else the one of the largest relative error when it exceeds the tolerance; -1 when ok.
  Eigen::Index bad_row = -1, bad_col = -1;
  /// Why the check failed ("" when ok), e.g. "matdiff: check_gradient: gradient entry (0, 0) is nan"
  /// or "... entry (1, 0) has the finite difference nan".
  std::string message;
};

namespace detail {
/// The binding, with the value of variable V replaced by `value` (held by reference).
template <class V, class B, class T>
decltype(auto) rebound(const B& b, const T& value) {
  if constexpr (__is_same(typename B::variable_type, V)) return V{} = value;
  else return (b);
}

/// A copy of the value bound to V to move entries of: of the bound type when that is a
/// plain matrix or number of scalar S, so that evaluating at the moved point binds the same
/// types as at the bound point and reuses the same compiled kernel; else a dynamic matrix.
template <class S, class V, class B, class... Rest>
auto movable_copy(const B& b, const Rest&... rest) {
  if constexpr (!__is_same(typename B::variable_type, V)) {
    return movable_copy<S, V>(rest...);
  } else {
    using T = typename B::value_type;
    if constexpr (std::is_arithmetic_v<T>) return static_cast<S>(b.value);
    else if constexpr (__is_same(T, typename T::PlainObject) && __is_same(typename T::Scalar, S)) return T(b.value);
    else return Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>(b.value.template cast<S>());
  }
}

/// Entry (i, j) of a matrix, or the number itself.
template <class T>
decltype(auto) entry(T& m, Eigen::Index i, Eigen::Index j) {
  if constexpr (std::is_arithmetic_v<T>) return (m);
  else return m(i, j);
}

/// A value of an expression (a number or an Eigen object) as a dynamic matrix.
template <class S, class T>
Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic> as_dynamic_matrix(const T& value) {
  if constexpr (std::is_arithmetic_v<T>) return Eigen::Matrix<S, 1, 1>::Constant(static_cast<S>(value));
  else return value.template cast<S>();
}

/// The value bound to V, as a dynamic matrix.
template <class S, class V, class... B>
Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic> bound_value(const B&... bindings) {
  return as_dynamic_matrix<S>(movable_copy<S, V>(bindings...));
}

/// The scalar type of a value: the number itself, or the Eigen object's Scalar.
template <class T>
struct scalar_of {
  using type = typename T::Scalar;
};
template <class T>
  requires std::is_arithmetic_v<T>
struct scalar_of<T> {
  using type = T;
};

/// vec(F) at the bound point with entry (i, j) of V moved by `offset`, as doubles: a
/// reference to the caller's function, so that the loop below is compiled once per scalar
/// type, not once per expression checked.
template <class S>
class moved_value_ref {
 public:
  template <class F>
  explicit moved_value_ref(const F& f)
      : function_(&f), call_([](const void* g, Eigen::Index i, Eigen::Index j, S offset) {
          return (*static_cast<const F*>(g))(i, j, offset);
        }) {}
  Eigen::VectorXd operator()(Eigen::Index i, Eigen::Index j, S offset) const { return call_(function_, i, j, offset); }

 private:
  const void* function_;
  Eigen::VectorXd (*call_)(const void*, Eigen::Index, Eigen::Index, S);
};

/// A number in a message: three significant digits.
inline std::string short_number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", x);
  return buffer;
}

/// Compares J, the Jacobian of vec(F) in V evaluated at `point` (V's value), with central
/// differences of vec(F). Entries are located in J: (r, k), k = i + j rows(V).
/// With `symmetric`, moved_value(i, j, h) moves (i, j) and (j, i) together and the
/// difference quotients off the diagonal are halved (the variable is symmetric).
template <class S>
gradient_check compare_differences(const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>& jacobian,
                                   const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>& point,
                                   moved_value_ref<S> moved_value, bool symmetric = false) {
  gradient_check result;
  result.tolerance = std::max(1e-6, 100 * std::pow(static_cast<double>(std::numeric_limits<S>::epsilon()), 2.0 / 3.0));
  result.differences.resize(jacobian.rows(), jacobian.cols());
  const S epsilon = std::cbrt(std::numeric_limits<S>::epsilon());
  // std::max drops a NaN operand, so non-finite entries are tracked apart, not through the maxima.
  bool derivative_bad = false;
  double bad_value = 0;
  for (Eigen::Index j = 0; j < point.cols(); ++j) {
    for (Eigen::Index i = 0; i < point.rows(); ++i) {
      const S h = epsilon * std::max(S(1), std::abs(point(i, j)));
      const Eigen::Index k = i + j * point.rows();
      const double along = symmetric && i != j ? 4.0 : 2.0;  // f(X ± h(Eᵢⱼ + Eⱼᵢ)): twice the step
      result.differences.col(k) = (moved_value(i, j, h) - moved_value(i, j, -h)) / (along * static_cast<double>(h));
      for (Eigen::Index r = 0; r < jacobian.rows(); ++r) {
        const double derivative = static_cast<double>(jacobian(r, k));
        const double difference = result.differences(r, k);
        if (!std::isfinite(derivative) || !std::isfinite(difference)) {
          if (result.finite) {
            result.finite = false;
            derivative_bad = !std::isfinite(derivative);
            bad_value = derivative_bad ? derivative : difference;
            result.bad_row = r;
            result.bad_col = k;
          }
          continue;
        }
        const double error = std::abs(derivative - difference);
        const double relative = error / std::max(1.0, std::abs(difference));
        result.max_abs_error = std::max(result.max_abs_error, error);
        if (result.finite && relative > result.max_rel_error && relative > result.tolerance) {
          result.bad_row = r;
          result.bad_col = k;
        }
        result.max_rel_error = std::max(result.max_rel_error, relative);
      }
    }
  }
  if (!result.finite) {
    result.max_abs_error = result.max_rel_error = std::numeric_limits<double>::infinity();
    const char* value = std::isnan(bad_value) ? "nan" : bad_value > 0 ? "inf" : "-inf";
    result.message = derivative_bad ? std::string("is ") + value : std::string("has the finite difference ") + value;
  } else if (result.max_rel_error > result.tolerance) {
    result.message = "differs from its finite difference by the relative error " + short_number(result.max_rel_error) +
                     " (tolerance " + short_number(result.tolerance) + ")";
  }
  result.ok = result.finite && result.max_rel_error <= result.tolerance;
  if (result.ok) result.bad_row = result.bad_col = -1;
  return result;
}

/// Completes the message of a failed check, "matdiff: <checker>: <what> entry (row, col) <problem>",
/// with the entry located in the derivative as the user sees it (`rows` rows).
inline void describe_failure(gradient_check& result, const char* checker, const char* what, Eigen::Index rows) {
  if (result.ok) return;
  const Eigen::Index linear = result.bad_row + result.bad_col * result.differences.rows();
  result.bad_row = linear % rows;  // the gradient was compared as the row vec(G)ᵀ
  result.bad_col = linear / rows;
  result.message = std::string("matdiff: ") + checker + ": " + what + " entry (" + std::to_string(result.bad_row) +
                   ", " + std::to_string(result.bad_col) + ") " + result.message;
}

/// Compares the evaluated Jacobian J of vec(F) in V with central differences of vec(F);
/// `value_at(bindings...)` evaluates F (any shape) at the given bindings. A symmetric V is
/// moved along symmetric directions (Eᵢⱼ + Eⱼᵢ), J compared with the halved quotients.
template <class S, class V, class Value, class... B>
gradient_check compare_jacobian(const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>& jacobian,
                                const Value& value_at, const B&... bindings) {
  const auto moved_value = [&](Eigen::Index i, Eigen::Index j, S offset) -> Eigen::VectorXd {
    auto moved = movable_copy<S, V>(bindings...);
    entry(moved, i, j) += offset;
    if constexpr (is_symmetric_variable<V>)
      if (i != j) entry(moved, j, i) += offset;
    const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic> out = as_dynamic_matrix<S>(value_at(rebound<V>(bindings, moved)...));
    return out.reshaped().template cast<double>();
  };
  return compare_differences<S>(jacobian, bound_value<S, V>(bindings...), moved_value_ref<S>(moved_value),
                                is_symmetric_variable<V>);
}
}  // namespace detail

/// Compares a kernel's gradient with central finite differences of its value:
/// `value_and_gradient` is `md::kernel(f, md::grad(f, X))`, made once (by the compiler, for a
/// constant f) and called at the moved points, so that nothing is derived again.
///
///     static constexpr auto k = md::kernel(f, md::grad(f, X));
///     auto check = md::check_gradient(k, X, X = Xv, B = Bv);
template <class F, class G, class V, class... B>
gradient_check check_gradient(const kernel_t<F, G>& value_and_gradient, const V&, const B&... bindings) {
  static_assert(is_variable<V>, "matdiff: check_gradient: the second argument must be a variable");
  static_assert(((__is_same(typename B::variable_type, V)) || ...),
                "matdiff: check_gradient: the variable needs a binding");
  static_assert(!is_variable<V> || any_invalid<F, G> || (F::shape_v.is_scalar() && G::shape_v == V::shape_v),
                "matdiff: check_gradient: the kernel must evaluate a 1x1 f and a gradient shaped as the variable, "
                "md::kernel(f, md::grad(f, X))");
  if constexpr (!is_variable<V> || any_invalid<F, G>) {
    return gradient_check{};  // the error has been reported
  } else {
    const auto [value, g] = value_and_gradient(bindings...);
    using S = std::remove_cvref_t<decltype(value)>;
    // The gradient as the one-row Jacobian vec(G)ᵀ of f.
    const auto gradient = detail::as_dynamic_matrix<S>(g);
    const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic> jacobian = gradient.reshaped(1, gradient.size());
    const auto value_at = [&](const auto&... moved) { return std::get<0>(value_and_gradient(moved...)); };
    auto result = detail::compare_jacobian<S, V>(jacobian, value_at, bindings...);
    detail::describe_failure(result, "check_gradient", "gradient", gradient.rows());
    result.differences = result.differences.reshaped(gradient.rows(), gradient.cols()).eval();
    return result;
  }
}

/// Compares grad(f, X) with central finite differences at the bound point.
template <class F, class V, class... B>
gradient_check check_gradient(const F& f, const V& x, const B&... bindings) {
  static_assert(is_variable<V>, "matdiff: check_gradient: the second argument must be a variable");
  static_assert(((__is_same(typename B::variable_type, V)) || ...),
                "matdiff: check_gradient: the variable needs a binding");
  // One kernel for f and its gradient: the gradient may have lost variables of f (grad of
  // a'x is a) and the bindings are those of f. f is evaluated at the moved points by the
  // same kernel, so its evaluation is compiled once.
  if constexpr (is_variable<V> && ((__is_same(typename B::variable_type, V)) || ...))
    return check_gradient(kernel(f, grad(f, x)), x, bindings...);
  else
    return gradient_check{};
}

}  // namespace matdiff
