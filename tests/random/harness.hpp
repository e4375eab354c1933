// Checks for the generated random expressions (generate.py):
//   random_test::check<f>(report, info, oracle, std::tuple{X, Y}, X = Xv, Y = Yv, ...)
// compares, at the bound point,
//   md::eval(f)       with the oracle's value,
//   md::grad(f, X)    with the oracle's derivatives and with central finite differences
//                     (md::check_gradient),
// where the oracle is f written in plain Eigen (namespace random_oracle, oracle.hpp) and run
// on Eigen's forward-mode AutoDiffScalar: it shares no code with matdiff. For some expressions
//   random_test::check_hessian<f>(report, info, oracle, X, X = Xv, Y = Yv, ...)
// compares md::hessian(f, X) with central differences of the oracle's gradient and checks
// that it is symmetric. Every expression also checks the laws of md::simplify:
// eval(simplify(f)) = f's value and simplify(simplify(f)) = simplify(f). A failure prints the
// expression as matdiff and the generator write it, the seed, its index and the values.
//
// f is a constant (a namespace-scope constexpr expression, given as a template argument), so
// the compiler derives, simplifies, plans and prints it while it compiles the check: the
// unit's code is the kernels' evaluation and the checks, not the symbolic work as well
// (about a fifth of a unit's compile time when f was a run-time argument).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <iostream>
#include <limits>
#include <string_view>
#include <tuple>
#include <utility>
#include <iterator>
#include <type_traits>

#include <Eigen/Core>

#include <matdiff/matdiff.hpp>

#include "../support/printed.hpp"
#include "oracle.hpp"

namespace random_test {

namespace md = matdiff;
using dense = Eigen::MatrixXd;
using random_oracle::autodiff;

/// The printed form of the expression `Make{}()` returns (a lambda without captures),
/// computed by the compiler and stored with the program.
template <class Make>
std::string_view printed(Make) {
  return matdiff_test::printed_by<Make>();
}

/// A value for a variable: Eigen type R x C (Eigen::Dynamic or fixed), entries column-major.
template <int R, int C>
Eigen::Matrix<double, R, C> matrix(Eigen::Index rows, Eigen::Index cols, std::initializer_list<double> entries) {
  Eigen::Matrix<double, R, C> m(rows, cols);
  std::copy(entries.begin(), entries.end(), m.data());
  return m;
}

struct case_info {
  unsigned long seed;
  int index;
  const char* text;  ///< the generator's spelling, variable shapes and sizes
  /// The largest condition number of the ill-conditioned variables drawn (1 if none).
  double condition = 1;
};

/// Counts and the largest disagreements seen, for the summary.
struct report {
  int expressions = 0, gradients = 0, hessians = 0, failures = 0;
  double max_value_error = 0, max_oracle_error = 0, max_difference_error = 0;
  double max_hessian_error = 0, max_asymmetry = 0;
  /// Gradients of ill-conditioned cases, and their largest error relative to the oracle
  /// divided by the condition number (their tolerance is 100 ε, see `conditioned`).
  int ill_conditioned = 0;
  double max_conditioned_error = 0;
  /// The largest relative difference between the values of simplify(f) and f.
  double max_simplify_error = 0;

  int summary(unsigned long seed) const {
    std::printf("random expressions (seed %lu): %d expressions, %d gradients, %d Hessians, %d failures\n", seed,
                expressions, gradients, hessians, failures);
    std::printf("largest relative errors: value %.3g, gradient vs AutoDiff %.3g, gradient vs finite differences %.3g\n",
                max_value_error, max_oracle_error, max_difference_error);
    std::printf("largest relative errors: Hessian vs differences of the AutoDiff gradient %.3g, asymmetry %.3g\n",
                max_hessian_error, max_asymmetry);
    std::printf("laws of simplify (simplify(f) has f's value, simplify(simplify(f)) is simplify(f)): largest "
                "relative error %.3g\n", max_simplify_error);
    std::printf("ill-conditioned inputs: %d gradients, largest relative error vs AutoDiff / condition %.3g (eps = %.3g)\n",
                ill_conditioned, max_conditioned_error, std::numeric_limits<double>::epsilon());
    return failures == 0 ? 0 : 1;
  }
};

// Values and gradients agree with the oracle to rounding (both are exact formulas); the
// finite differences to md::check_gradient's tolerance.
inline constexpr double value_tolerance = 1e-9;
inline constexpr double oracle_tolerance = 1e-8;
// Hessians against central differences of the oracle's gradient, relative to the largest
// entry: the differences are accurate to about ε^(2/3) times the third derivative.
inline constexpr double hessian_tolerance = 1e-5;
inline constexpr double symmetry_tolerance = 1e-9;

/// The tolerance of a comparison with the oracle when f takes ill-conditioned matrices: both
/// matdiff and the oracle (Eigen's partial-pivot LU) err by about condition·ε there, and must
/// agree to 100 times that.
inline double conditioned(double tolerance, double condition) {
  return std::max(tolerance, 100 * condition * std::numeric_limits<double>::epsilon());
}

template <class T>
dense as_dense(const T& value) {
  if constexpr (std::is_arithmetic_v<T>) return dense::Constant(1, 1, static_cast<double>(value));
  else return value.template cast<double>();
}

/// max |a - b| / max(1, max |b|)
inline double relative_error(const dense& a, const dense& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return std::numeric_limits<double>::infinity();
  const double scale = std::max(1.0, b.cwiseAbs().maxCoeff());
  const double error = (a - b).cwiseAbs().maxCoeff() / scale;
  return std::isnan(error) ? std::numeric_limits<double>::infinity() : error;
}

/// The oracle's input for binding b: its value, with unit derivatives for the entries of
/// variable V (column-major) and zero derivatives for any other variable.
template <class V, class B>
random_oracle::matrix seeded(const B& b, Eigen::Index derivatives, const dense* value_of_v = nullptr) {
  const dense value = std::is_same_v<typename B::variable_type, V> && value_of_v ? *value_of_v : as_dense(b.value);
  random_oracle::matrix out(value.rows(), value.cols());
  for (Eigen::Index j = 0; j < value.cols(); ++j)
    for (Eigen::Index i = 0; i < value.rows(); ++i) {
      out(i, j) = autodiff(value(i, j), Eigen::VectorXd::Zero(derivatives));
      if constexpr (std::is_same_v<typename B::variable_type, V>) out(i, j).derivatives()(i + j * value.rows()) = 1;
    }
  return out;
}

/// The laws of md::simplify on f: simplify(f) has f's value (the oracle's), and simplifying
/// it again changes nothing (same type, same printed form).
template <const auto& f, class... B>
void check_simplify_laws(report& r, const case_info& info, const dense& value, const B&... bindings) {
  static constexpr auto s = md::simplify(f);
  static constexpr auto again = md::simplify(s);
  constexpr bool idempotent = std::is_same_v<decltype(s), decltype(again)> && md::to_string(s) == md::to_string(again);
  const double error = relative_error(as_dense(md::eval(s, bindings...)), value);
  r.max_simplify_error = std::max(r.max_simplify_error, error);
  const bool value_kept = error <= conditioned(value_tolerance, info.condition);
  if (idempotent && value_kept) return;
  ++r.failures;
  std::cout << "FAILED: random expression " << info.index << " (seed " << info.seed << "), laws of simplify"
            << "\n  generated: " << info.text << "\n  f                     = " << printed([] { return f; })
            << "\n  simplify(f)           = " << printed([] { return s; })
            << "\n  simplify(simplify(f)) = " << printed([] { return again; })
            << (idempotent ? "" : "  (differs)") << "\n  value of simplify(f) vs f: relative error " << error << "\n";
}

template <const auto& f, class Oracle, class... Wrt, class... B>
void check(report& r, const case_info& info, const Oracle& oracle, std::tuple<Wrt...>,
           const B&... bindings) {
  ++r.expressions;
  check_simplify_laws<f>(r, info, as_dense(oracle(seeded<void>(bindings, 0)...)(0, 0).value()), bindings...);
  auto in = [&](auto x) {
    using X = decltype(x);
    ++r.gradients;
    // Finite differences lose about condition·ε/h of their accuracy: an ill-conditioned
    // case is checked against the oracle alone.
    const bool differences = info.condition == 1;
    static constexpr auto value_and_gradient = md::kernel(f, md::grad(f, X{}));
    const auto difference_check = differences ? md::check_gradient(value_and_gradient, x, bindings...) : md::gradient_check{};
    const auto [value, g] = value_and_gradient(bindings...);
    const dense gradient = as_dense(g);

    const Eigen::Index n = md::detail::bound_value<double, X>(bindings...).size();
    const autodiff reference = oracle(seeded<X>(bindings, n)...)(0, 0);
    // For a symmetric X the gradient acts on symmetric directions (API §2.2): the symmetric
    // part of the oracle's gradient, which takes every entry of X as independent.
    const dense unconstrained = reference.derivatives().reshaped(gradient.rows(), gradient.cols());
    const dense reference_gradient =
        md::is_symmetric_variable<X> ? dense((unconstrained + unconstrained.transpose()) / 2) : unconstrained;

    const double value_error = relative_error(as_dense(value), as_dense(reference.value()));
    const double oracle_error = relative_error(gradient, reference_gradient);
    if (differences) {
      r.max_value_error = std::max(r.max_value_error, value_error);
      r.max_oracle_error = std::max(r.max_oracle_error, oracle_error);
      r.max_difference_error = std::max(r.max_difference_error, difference_check.max_rel_error);
    } else {
      ++r.ill_conditioned;
      r.max_conditioned_error = std::max(r.max_conditioned_error, std::max(value_error, oracle_error) / info.condition);
    }
    if (value_error <= conditioned(value_tolerance, info.condition) &&
        oracle_error <= conditioned(oracle_tolerance, info.condition) && (!differences || difference_check.ok))
      return;

    ++r.failures;
    std::cout << "FAILED: random expression " << info.index << " (seed " << info.seed << "), d/d"
              << X::name.view() << "\n  generated: " << info.text
              << "\n  f        = " << printed([] { return f; })
              << "\n  grad     = " << printed([] { return md::grad(f, X{}); })
              << "\n  value: matdiff " << value << ", oracle " << reference.value() << " (relative error "
              << value_error << ")"
              << "\n  gradient vs oracle: relative error " << oracle_error
              << "\n  gradient vs finite differences: relative error " << difference_check.max_rel_error
              << (differences ? "" : " (not checked: ill-conditioned)")
              << "\n  matdiff gradient:\n" << gradient
              << "\n  oracle gradient:\n" << reference_gradient
              << "\n  finite differences:\n" << difference_check.differences << "\n";
  };
  (in(Wrt{}), ...);
}

/// md::hessian(f, X) against central differences of the oracle's gradient, and symmetric.
template <const auto& f, class Oracle, class X, class... B>
void check_hessian(report& r, const case_info& info, const Oracle& oracle, X, const B&... bindings) {
  ++r.hessians;
  static constexpr auto value_and_hessian = md::kernel(f, md::hessian(f, X{}));
  const auto [value, h] = value_and_hessian(bindings...);
  const dense hessian = as_dense(h);

  const dense point = md::detail::bound_value<double, X>(bindings...);
  const Eigen::Index n = point.size();
  dense reference(n, n);
  const double epsilon = std::cbrt(std::numeric_limits<double>::epsilon());
  for (Eigen::Index k = 0; k < n; ++k) {
    const double step = epsilon * std::max(1.0, std::abs(point(k)));
    auto oracle_gradient = [&](double offset) {
      dense moved = point;
      moved(k) += offset;
      return Eigen::VectorXd(oracle(seeded<X>(bindings, n, &moved)...)(0, 0).derivatives());
    };
    reference.col(k) = (oracle_gradient(step) - oracle_gradient(-step)) / (2 * step);
  }
  const double error = relative_error(hessian, reference);
  const double asymmetry = relative_error(hessian.transpose(), hessian);
  r.max_hessian_error = std::max(r.max_hessian_error, error);
  r.max_asymmetry = std::max(r.max_asymmetry, asymmetry);
  if (error <= hessian_tolerance && asymmetry <= symmetry_tolerance) return;

  ++r.failures;
  std::cout << "FAILED: random expression " << info.index << " (seed " << info.seed << "), Hessian in "
            << X::name.view() << "\n  generated: " << info.text
            << "\n  f        = " << printed([] { return f; })
            << "\n  hessian  = " << printed([] { return md::hessian(f, X{}); }) << "\n  value: " << value
            << "\n  Hessian vs differences of the oracle gradient: relative error " << error
            << "\n  asymmetry: relative error " << asymmetry << "\n  matdiff Hessian:\n" << hessian
            << "\n  differences of the oracle gradient:\n" << reference << "\n";
}

}  // namespace random_test
