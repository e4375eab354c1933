// A Hessian's sum of Kronecker terms at a small fixed size is filled entry by entry, each
// entry written once, and written where the kernel returns it (eval/plan/special_forms.hpp:
// `fill_by_entries`): it equals the same sum evaluated term by term at run-time sizes, and
// central differences of the gradient. The checking builds fill sums of at most 16 entries
// this way (MATDIFF_INLINE_KERNEL_ENTRIES), so the Hessians here are 4 x 4, in a 2 x 2 P.
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

constexpr md::dimension n = md::dim<"n">;
using M2 = Eigen::Matrix2d;

/// P near the identity and B with its rows mixed: F = PB well conditioned.
M2 point() { return M2::Identity() + 0.2 * random_matrix<M2>(); }
M2 mixing() { return M2{{1.0, 0.3}, {-0.4, 0.9}} + 0.1 * random_matrix<M2>(); }

}  // namespace

TEST_CASE("the Hessian of ‖PB‖² + ‖(PB)⁻¹‖² at 2x2 is filled entry by entry", "[plan][sum][eval]") {
  // Nested sums of Kronecker products, Kronecker products with a commutation, a scaling.
  constexpr auto P = md::matrix<"P", 2, 2>;
  constexpr auto B = md::matrix<"B", 2, 2>;
  constexpr auto f = md::sqnorm(P * B) + md::sqnorm(md::inv(P * B));
  constexpr auto Pn = md::matrix<"P", n, n>;
  constexpr auto Bn = md::matrix<"B", n, n>;
  constexpr auto fn = md::sqnorm(Pn * Bn) + md::sqnorm(md::inv(Pn * Bn));
  const M2 Pv = point(), Bv = mixing();
  const auto [value, gradient, hessian] = md::kernel(f, md::grad(f, P), md::hessian(f, P))(P = Pv, B = Bv);
  const Eigen::Matrix4d by_entries = hessian;
  const Eigen::MatrixXd by_terms = md::eval(md::hessian(fn, Pn), Pn = Eigen::MatrixXd(Pv), Bn = Eigen::MatrixXd(Bv));
  require_close(by_entries, by_terms, 1e-14);
  require_close(value, md::eval(f, P = Pv, B = Bv));
  require_close(gradient, md::eval(md::grad(f, P), P = Pv, B = Bv));
  require_close(Eigen::MatrixXd(by_entries), matdiff_test::jacobian_by_differences(md::grad(f, P), P, P = Pv, B = Bv),
                1e-6);
}

TEST_CASE("a Neo-Hookean Hessian at 2x2, with a rank-one product term, is filled entry by entry",
          "[plan][sum][eval]") {
  // μ/2(‖F‖² − 2) − μ log|det F| + λ/2 (log|det F|)², F = PB: μ(BBᵀ ⊗ I), an outer product
  // λ vec(·)vec(·)ᵀ added from its factors, and −c(Q ⊗ Qᵀ)K.
  constexpr auto P = md::matrix<"P", 2, 2>;
  constexpr auto B = md::matrix<"B", 2, 2>;
  constexpr auto mu = md::scalar<"mu">;
  constexpr auto lambda = md::scalar<"lambda">;
  constexpr auto f = mu * (md::sqnorm(P * B) - 2) / 2 - mu * md::logdet(P * B) +
                     lambda * md::logdet(P * B) * md::logdet(P * B) / 2;
  constexpr auto Pn = md::matrix<"P", n, n>;
  constexpr auto Bn = md::matrix<"B", n, n>;
  constexpr auto fn = mu * (md::sqnorm(Pn * Bn) - 2) / 2 - mu * md::logdet(Pn * Bn) +
                      lambda * md::logdet(Pn * Bn) * md::logdet(Pn * Bn) / 2;
  const M2 Pv = point(), Bv = mixing();
  const auto [value, gradient, hessian] =
      md::kernel(f, md::grad(f, P), md::hessian(f, P))(P = Pv, B = Bv, mu = 0.7, lambda = 2.3);
  const Eigen::Matrix4d by_entries = hessian;
  const Eigen::MatrixXd by_terms =
      md::eval(md::hessian(fn, Pn), Pn = Eigen::MatrixXd(Pv), Bn = Eigen::MatrixXd(Bv), mu = 0.7, lambda = 2.3);
  require_close(by_entries, by_terms, 1e-14);
  require_close(value, md::eval(f, P = Pv, B = Bv, mu = 0.7, lambda = 2.3));
  require_close(gradient, md::eval(md::grad(f, P), P = Pv, B = Bv, mu = 0.7, lambda = 2.3));
  require_close(Eigen::MatrixXd(by_entries),
                matdiff_test::jacobian_by_differences(md::grad(f, P), P, P = Pv, B = Bv, mu = 0.7, lambda = 2.3), 1e-6);
}

TEST_CASE("the Hessian of log|det X| + tr(AX⁻¹) at 2x2 is filled entry by entry", "[plan][sum][eval]") {
  constexpr auto X = md::matrix<"X", 2, 2>;
  constexpr auto A = md::matrix<"A", 2, 2>;
  constexpr auto f = md::logdet(X) + md::trace(A * md::inv(X));
  constexpr auto Xn = md::matrix<"X", n, n>;
  constexpr auto An = md::matrix<"A", n, n>;
  constexpr auto fn = md::logdet(Xn) + md::trace(An * md::inv(Xn));
  const M2 Xv = point(), Av = random_matrix<M2>();
  const Eigen::Matrix4d by_entries = md::eval(md::hessian(f, X), X = Xv, A = Av);
  const Eigen::MatrixXd by_terms = md::eval(md::hessian(fn, Xn), Xn = Eigen::MatrixXd(Xv), An = Eigen::MatrixXd(Av));
  require_close(by_entries, by_terms, 1e-14);
  require_close(Eigen::MatrixXd(by_entries), matdiff_test::jacobian_by_differences(md::grad(f, X), X, X = Xv, A = Av),
                1e-6);
}
