// The cookbook generator: each entry prints an expression, its differential and its
// gradient (text and LaTeX) as Markdown, for some also the Hessian, and checks them against
// central finite differences at a random point. main() in generate.cpp prints the sections in order and
// fails when any check fails, so docs/cookbook.md only ever shows verified derivatives.
#pragma once

#include <iostream>
#include <random>
#include <string_view>

#include <Eigen/Core>

#include <matdiff/matdiff.hpp>

namespace cookbook {

namespace md = matdiff;

/// Where entries go, how many there were and how many failed their check.
struct page {
  std::ostream& out;
  int entries = 0;
  int hessians = 0;
  int failures = 0;
  std::mt19937 random_engine{20261121};
};

/// Sizes at which every entry is checked: symbolic n, m, k are bound to these.
inline constexpr Eigen::Index n_value = 4, m_value = 5, k_value = 3;

/// Uniform entries in [lo, hi].
inline Eigen::MatrixXd random(page& p, Eigen::Index rows, Eigen::Index cols, double lo = -1, double hi = 1) {
  std::uniform_real_distribution<double> uniform(lo, hi);
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = uniform(p.random_engine);
  return m;
}
/// A well-conditioned square matrix (random plus a dominant diagonal).
inline Eigen::MatrixXd invertible(page& p, Eigen::Index size) {
  return random(p, size, size) + 3 * Eigen::MatrixXd::Identity(size, size);
}
/// A symmetric positive definite matrix.
inline Eigen::MatrixXd spd(page& p, Eigen::Index size) {
  const Eigen::MatrixXd r = random(p, size, size);
  return r * r.transpose() + Eigen::MatrixXd::Identity(size, size);
}
/// Labels ±1.
inline Eigen::VectorXd labels(page& p, Eigen::Index size) {
  Eigen::VectorXd y = random(p, size, 1);
  return y.unaryExpr([](double v) { return v < 0 ? -1.0 : 1.0; });
}
/// A one-hot vector.
inline Eigen::VectorXd one_hot(Eigen::Index size, Eigen::Index hot) {
  Eigen::VectorXd y = Eigen::VectorXd::Zero(size);
  y(hot) = 1;
  return y;
}

void section(page& p, std::string_view title, std::string_view intro);

/// Counts and reports a failed check.
template <class F, class V>
void report(page& p, std::string_view what, const F& f, const V& x, const md::gradient_check& check) {
  if (check.ok) return;
  ++p.failures;
  std::cerr << "cookbook: " << what << " of " << md::to_string(f) << " in " << md::to_string(x)
            << " disagrees with finite differences (max relative error " << check.max_rel_error << ")\n";
}

/// One entry: f, df and grad(f, X), checked against finite differences at the bindings;
/// with `with_hessian`, also hessian(f, X), checked against differences of the gradient.
template <bool with_hessian, class F, class V, class... B>
void entry(page& p, std::string_view title, const F& f, const V& x, const B&... bindings) {
  // Not constexpr here: f is a function parameter, and a node may hold a number (f / 2).
  const auto g = md::grad(f, x);
  const auto df = md::differential(f, x);
  ++p.entries;
  p.out << "**" << p.entries << ". " << title << "**\n\n"
        << "$$f = " << md::to_latex(f) << "$$\n\n"
        << "$$\\nabla_{" << md::to_latex(x) << "} f = " << md::to_latex(g) << "$$\n\n";
  if constexpr (with_hessian) {
    p.out << "$$\\nabla^2_{" << md::to_latex(x) << "} f = " << md::to_latex(md::hessian(f, x)) << "$$\n\n";
  }
  p.out << "```text\n"
        << "f       = " << md::to_string(f) << "\n"
        << "df      = " << md::to_string(df) << "\n"
        << "grad(f, " << md::to_string(x) << ") = " << md::to_string(g) << "\n";
  if constexpr (with_hessian) {
    p.out << "hessian(f, " << md::to_string(x) << ") = " << md::to_string(md::hessian(f, x)) << "\n";
  }
  p.out << "```\n\n";
  report(p, "gradient", f, x, md::check_gradient(f, x, bindings...));
  if constexpr (with_hessian) report(p, "Hessian", f, x, md::check_hessian(f, x, bindings...));
}

/// An entry with the gradient.
template <class F, class V, class... B>
void gradient(page& p, std::string_view title, const F& f, const V& x, const B&... bindings) {
  entry<false>(p, title, f, x, bindings...);
}
/// An entry with the gradient and the Hessian.
template <class F, class V, class... B>
void gradient_and_hessian(page& p, std::string_view title, const F& f, const V& x, const B&... bindings) {
  ++p.hessians;
  entry<true>(p, title, f, x, bindings...);
}

void seed_formulas(page& p);
void traces_and_determinants(page& p);
void elementwise_and_structure(page& p);
void machine_learning(page& p);
void factorisations_and_networks(page& p);
void symmetric_variables(page& p);
void symmetric_likelihoods(page& p);

}  // namespace cookbook
