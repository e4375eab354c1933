// The walks of calculus/walks.hpp through every linear operation's rules as they live next
// to the operations (ops/<op>.hpp): gradients through unvec and the Kronecker adjoints, whose
// adjoint rules the gradient walk lacked while the Jacobian walk had their vec rules; each
// against central differences, and the gradient as the Jacobian's row.
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"
#include "../support/expect.hpp"

namespace md = matdiff;
using matdiff_test::expect_gradient;
using matdiff_test::expect_jacobian;
using matdiff_test::random;

TEST_CASE("gradients through unvec", "[grad][walks]") {
  constexpr auto x = md::vector<"x", 6>;
  constexpr auto Y = md::matrix<"Y", 3, 2>;
  const auto xv = random<6, 1>(6, 1);
  const auto Yv = random<3, 2>(3, 2);
  // tr(Yᵀ unvec(dx)) = vec(Y)ᵀ dx: x gets vec(Y), through exp.
  constexpr auto f = md::dot(Y, md::unvec<md::to_dimension(3), md::to_dimension(2)>(md::exp(x)));
  expect_gradient(f, x, x = xv, Y = Yv);
  expect_gradient(f, Y, x = xv, Y = Yv);
  expect_jacobian(f, x, x = xv, Y = Yv);
}

TEST_CASE("gradients through the Kronecker adjoints (derivatives of gradients of kron)", "[grad][walks]") {
  constexpr auto X = md::matrix<"X", 2, 3>;
  constexpr auto C = md::matrix<"C", 3, 2>;
  constexpr auto W = md::matrix<"W", 2, 3>;
  constexpr auto V = md::matrix<"V", 3, 2>;
  const auto Xv = random<2, 3>(2, 3, -0.5, 0.5);
  const auto Cv = random<3, 2>(3, 2, -0.5, 0.5);
  const auto Wv = random<2, 3>(2, 3);
  const auto Vv = random<3, 2>(3, 2);
  // grad_X holds kron_adjoint_left(exp(X ⊗ C), C): X in its first operand, C in both.
  constexpr auto left = md::dot(W, md::grad(md::sum(md::exp(md::kron(X, C))), X));
  expect_gradient(left, X, X = Xv, C = Cv, W = Wv);
  expect_gradient(left, C, X = Xv, C = Cv, W = Wv);
  // grad_C holds kron_adjoint_right(X, exp(X ⊗ C)): C in its second operand, X in both.
  constexpr auto right = md::dot(V, md::grad(md::sum(md::exp(md::kron(X, C))), C));
  expect_gradient(right, X, X = Xv, C = Cv, V = Vv);
  expect_gradient(right, C, X = Xv, C = Cv, V = Vv);
  // The same through the Hessian-vector product, in one direction.
  constexpr auto hvp = md::directional(md::grad(md::sum(md::exp(md::kron(X, C))), X), X, W);
  expect_jacobian(hvp, C, X = Xv, C = Cv, W = Wv);
}
