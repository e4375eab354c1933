// md::jacobian through every vec rule of calculus/jacobian.hpp (S, S', both sides of a
// Kronecker product, ./, trace, 1x1 factors, dot, vec, unvec, det, the Kronecker adjoints),
// against central differences; a 1x1 F gives the gradient as a row.
#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::expect_jacobian;
using matdiff_test::invertible;
using matdiff_test::jacobian_value;
using matdiff_test::random;
using matdiff_test::require_close;

TEST_CASE("Jacobians through every vec rule agree with central differences", "[jacobian]") {
  constexpr auto n = md::dim<"n">;
  constexpr auto X = md::matrix<"X", n, n>;
  constexpr auto Y = md::matrix<"Y", 3, 3>;
  constexpr auto C = md::matrix<"C", 2, 3>;
  constexpr auto x = md::vector<"x", n>;
  constexpr auto t = md::scalar<"t">;
  const auto Xv = invertible<n>(4);
  const auto Yv = invertible<3>(3);
  const auto Cv = random<2, 3>(2, 3);
  const auto xv = random<n, 1>(4, 1, 0.5, 1.5);
  expect_jacobian(md::diag(x), x, x = xv);                                        // S
  expect_jacobian(md::diagonal(X * X), X, X = Xv);                                // S'
  expect_jacobian(md::kron(Y, C), Y, C = Cv, Y = Yv);                             // dA kron B
  expect_jacobian(md::kron(C, md::transpose(X)), X, C = Cv, X = Xv);              // A kron dB
  expect_jacobian(md::hadamard_div(Y, md::exp(Y)), Y, Y = Yv);                    // ./
  expect_jacobian(md::trace(X * X) * X, X, X = Xv);                               // tr, ds M
  expect_jacobian(Y / md::sum(md::exp(Y)), Y, Y = Yv);                            // M / s
  expect_jacobian(md::dot(X, X) * x, X, X = Xv, x = xv);                          // dot
  expect_jacobian(t * t * md::inv(X) * x, t, t = 0.7, X = Xv, x = xv);            // 1x1 variable
  expect_jacobian(md::vec(md::transpose(Y) * Y), Y, Y = Yv);                      // vec
  expect_jacobian(md::unvec<md::to_dimension(3), md::to_dimension(3)>(md::exp(md::vec(Y))), Y, Y = Yv);  // unvec
  expect_jacobian(md::det(X) * md::inv(X), X, X = Xv);                            // det
  expect_jacobian(md::logdet(X) * x, x, X = Xv, x = xv);                          // no x in J
  // A 1x1 F: the gradient as a row.
  require_close(jacobian_value(md::sqnorm(Y), Y, Y = Yv), Eigen::MatrixXd(2 * Yv.reshaped().transpose()), 1e-14);
  expect_jacobian(md::logdet(X), X, X = Xv);
}

TEST_CASE("Jacobians through the Kronecker adjoints (second derivatives of kron)", "[jacobian]") {
  constexpr auto X = md::matrix<"X", 2, 3>;
  constexpr auto C = md::matrix<"C", 3, 2>;
  const auto Xv = random<2, 3>(2, 3);
  const auto Cv = random<3, 2>(3, 2);
  // grad holds kron_adjoint_left(exp(X kron C), C): dX inside its first operand.
  expect_jacobian(md::grad(md::sum(md::exp(md::kron(X, C))), X), X, C = Cv, X = Xv);
  // kron_adjoint_right(C, exp(C kron X)).
  expect_jacobian(md::grad(md::sum(md::exp(md::kron(C, X))), X), X, C = Cv, X = Xv);
  // dX in the other operand too: kron_adjoint_left(E, X) + kron_adjoint_right(X, E).
  constexpr auto Z = md::matrix<"Z", 2, 2>;
  const auto Zv = random<2, 2>(2, 2);
  expect_jacobian(md::grad(md::sum(md::exp(md::kron(Z, Z))), Z), Z, Z = Zv);
}
