// md::hessian(f, X) = jacobian(vec(grad(f, X)), X): the closed matrix forms of the three
// NeurIPS 2018 problems: x'Ax gives A + A', logistic regression X' diag(s) X, matrix
// factorization ||T - UV'||² in U gives 2 kron(V'V, I); each Hessian is also symmetric and
// equal to central differences of the gradient. Fixed and symbolic sizes.
#include <cmath>

#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::expect_hessian;
using matdiff_test::expect_jacobian;
using matdiff_test::hessian_value;
using matdiff_test::invertible;
using matdiff_test::kronecker;
using matdiff_test::jacobian_by_differences_with;
using matdiff_test::jacobian_value;
using matdiff_test::random;
using matdiff_test::require_close;
using matdiff_test::with_rectangular_sizes;
using matdiff_test::with_square_sizes;

TEST_CASE("Hessian of the quadratic form x'Ax is A + A'", "[hessian]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    constexpr auto f = md::transpose(x) * A * x;
    static_assert(md::to_string(md::hessian(f, x)) == "A + A'");
    require_close(hessian_value(f, x, A = Av, x = xv), Av + Av.transpose(), 1e-15);
    expect_hessian(f, x, A = Av, x = xv);
  });
}

TEST_CASE("Hessian of logistic regression is X' diag(s) X", "[hessian]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto y = md::vector<"y", S::m>;
    constexpr auto w = md::vector<"w", S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    auto yv = random<S::m, 1>(s.rows, 1);
    yv = yv.array().sign();  // labels ±1
    const auto wv = random<S::n, 1>(s.cols, 1);
    constexpr auto f = md::sum(md::softplus(-md::hadamard(y, X * w)));
    static_assert(md::to_string(md::hessian(f, w)) ==
                  "X'*diag(y.*sigmoid(-y.*(X*w)).*(ones - sigmoid(-y.*(X*w))).*y)*X");
    const Eigen::ArrayXd p = (1 + (yv.array() * (Xv * wv).array()).exp()).inverse();  // sigmoid(-y.*(Xw))
    const Eigen::VectorXd weights = p * (1 - p);                                       // y² = 1
    require_close(hessian_value(f, w, X = Xv, y = yv, w = wv),
                  Xv.transpose() * weights.asDiagonal() * Xv, 1e-13);
    expect_hessian(f, w, X = Xv, y = yv, w = wv);
  });
}

TEST_CASE("Hessian of matrix factorization ||T - UV'||^2 in U is 2 kron(V'V, I)", "[hessian]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto k = 2;
    constexpr auto T = md::matrix<"T", S::m, S::n>;
    constexpr auto U = md::matrix<"U", S::m, k>;
    constexpr auto V = md::matrix<"V", S::n, k>;
    const auto Tv = random<S::m, S::n>(s.rows, s.cols);
    const auto Uv = random<S::m, k>(s.rows, k);
    const auto Vv = random<S::n, k>(s.cols, k);
    constexpr auto f = md::sqnorm(T - U * md::transpose(V));
    static_assert(md::to_string(md::hessian(f, U)) == "2*kron(V'*V, I)");
    static_assert(md::to_latex(md::hessian(f, U)) == "2\\left(\\left(V^{\\top} V\\right) \\otimes I\\right)");
    require_close(hessian_value(f, U, T = Tv, U = Uv, V = Vv),
                  2 * kronecker(Vv.transpose() * Vv, Eigen::MatrixXd::Identity(s.rows, s.rows)), 1e-14);
    expect_hessian(f, U, T = Tv, U = Uv, V = Vv);
    expect_hessian(f, V, T = Tv, U = Uv, V = Vv);
  });
}
