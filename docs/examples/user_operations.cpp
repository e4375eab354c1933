// Operations defined outside matdiff (docs/examples/user_operations/*.hpp, see
// docs/user_operations.md) used like built-in ones: in gradients, Jacobians, Hessians,
// kernels and printing. The program checks every derivative against central finite
// differences and the kernel against separate evaluations, and fails if one disagrees.
//
//   normalize(x) = x/‖x‖   a nonlinear operation with a shape rule (column vectors)
//   band(A, k)             a linear operation with run-time data (the width k)
#include <cstdlib>
#include <iostream>

#include <Eigen/Dense>
#include <matdiff/matdiff.hpp>

#include "user_operations/band.hpp"
#include "user_operations/normalize.hpp"

namespace md = matdiff;

namespace {

int failures = 0;

void expect(bool ok, const char* what, const std::string& detail = "") {
  std::cout << (ok ? "ok      " : "FAILED  ") << what << (detail.empty() ? "" : ": ") << detail << "\n";
  if (!ok) ++failures;
}

}  // namespace

int main(int argc, char**) {
  constexpr auto n = md::dim<"n">;
  constexpr auto X = md::matrix<"X", n, n>;
  constexpr auto T = md::matrix<"T", n, n>;
  constexpr auto w = md::vector<"w", n>;
  constexpr auto a = md::vector<"a", n>;

  // A least-squares fit of the tridiagonal part of X, plus a term on the direction of X w.
  constexpr auto f = md::sqnorm(user::band(X, 1) - T) + md::dot(a, user::normalize(X * w));
  std::cout << "f             = " << f << "\n"
            << "grad(f, X)    = " << md::grad(f, X) << "\n"
            << "grad(f, w)    = " << md::grad(f, w) << "\n"
            << "jacobian(normalize(X*w), w) = " << md::jacobian(user::normalize(X * w), w) << "\n"
            << "in LaTeX: " << md::to_latex(md::grad(f, X)) << "\n"
            // Two bands of different widths have one type: they are never merged.
            << "simplify(band(X, 1) + band(X, 2)) = " << md::simplify(user::band(X, 1) + user::band(X, 2)) << "\n"
            // band's own simplification rule (user_operations/band.hpp).
            << "simplify(band(band(X, 2), 1)) = " << md::simplify(user::band(user::band(X, 2), 1)) << "\n\n";

  const Eigen::Index size = 4;
  const Eigen::MatrixXd Xv = Eigen::MatrixXd::Random(size, size) + 2 * Eigen::MatrixXd::Identity(size, size);
  const Eigen::MatrixXd Tv = Eigen::MatrixXd::Random(size, size);
  const Eigen::VectorXd wv = Eigen::VectorXd::Random(size), av = Eigen::VectorXd::Random(size);
  const auto bindings = std::tuple{X = Xv, T = Tv, w = wv, a = av};
  const auto with_bindings = [&](auto&& check, const auto&... e) {
    return std::apply([&](const auto&... b) { return check(e..., b...); }, bindings);
  };

  // Every derivative against central differences.
  for (const auto& check : {with_bindings([](const auto&... x) { return md::check_gradient(x...); }, f, X),
                            with_bindings([](const auto&... x) { return md::check_gradient(x...); }, f, w),
                            with_bindings([](const auto&... x) { return md::check_hessian(x...); }, f, X),
                            with_bindings([](const auto&... x) { return md::check_hessian(x...); }, f, w),
                            md::check_jacobian(user::normalize(X * w), w, X = Xv, w = wv),
                            md::check_jacobian(user::band(X, 1) * w, X, X = Xv, w = wv)})
    expect(check.ok, "derivative against central differences", check.message);

  // One kernel shares the work of the value, the gradients and a Hessian; it agrees with
  // separate evaluations.
  const auto [value, gX, gw, Hw] = std::apply(md::kernel(f, md::grad(f, X), md::grad(f, w), md::hessian(f, w)), bindings);
  const double value_alone = std::apply([&](const auto&... b) { return md::eval(f, b...); }, bindings);
  const Eigen::MatrixXd gX_alone = std::apply([&](const auto&... b) { return md::eval(md::grad(f, X), b...); }, bindings);
  expect(std::abs(value - value_alone) <= 1e-12 * std::abs(value_alone), "kernel value = eval(f)");
  expect((gX - gX_alone).norm() <= 1e-12 * gX_alone.norm(), "kernel gradient = eval(grad(f, X))");
  expect((Hw - Hw.transpose()).norm() <= 1e-12 * Hw.norm(), "Hessian in w is symmetric");

  // The band width is a run-time value: k from the command line (1 without arguments).
  const int k = argc;
  const auto g = md::sqnorm(user::band(X, k) - T);
  const Eigen::MatrixXd gk = md::eval(md::grad(g, X), X = Xv, T = Tv);
  Eigen::MatrixXd expected = 2 * (Xv - Tv);
  for (Eigen::Index j = 0; j < size; ++j)
    for (Eigen::Index i = 0; i < size; ++i)
      if (std::abs(i - j) > k) expected(i, j) = 0;
  expect((gk - expected).norm() <= 1e-12 * expected.norm(), "grad sqnorm(band(X, k) - T) = 2 band(band(X, k) - T, k)");

  // band's simplification rule keeps the value.
  const auto nested = user::band(user::band(X, 2), 1);
  const Eigen::MatrixXd nested_value = md::eval(nested, X = Xv);
  expect(md::to_string(md::simplify(nested)) == "band(X, 1)" &&
             (md::eval(md::simplify(nested), X = Xv) - nested_value).norm() == 0,
         "simplify(band(band(X, 2), 1)) = band(X, 1), same value");

  // The rules of every linear operation, through md::rewrite_linear: numbers and negations
  // move out, a zero vanishes.
  const auto scaled = user::band(-3 * X, 1);
  const Eigen::MatrixXd scaled_value = md::eval(scaled, X = Xv);
  expect(md::to_string(md::simplify(scaled)) == "-3*band(X, 1)" &&
             (md::eval(md::simplify(scaled), X = Xv) - scaled_value).norm() <= 1e-15 * scaled_value.norm(),
         "simplify(band(-3X, 1)) = -3 band(X, 1), same value");
  expect(md::to_string(md::simplify(user::band(X - X, 1))) == "0", "simplify(band(X - X, 1)) = 0");

  // normalize is scaled: a vector of norm 1e200 gives a unit vector, not 0.
  const Eigen::VectorXd huge = 1e200 * wv;
  const Eigen::VectorXd unit = md::eval(user::normalize(w), w = huge);
  expect(std::abs(unit.norm() - 1) <= 1e-15, "normalize(1e200 w) has norm 1");

  std::cout << (failures == 0 ? "all checks passed\n" : "some checks FAILED\n");
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
