// md::grad on classic identities beyond traces (Matrix Cookbook: inverse, determinant,
// norms, logdet): each gradient against its closed form (relative 1e-10) and against
// central finite differences, fixed and symbolic sizes. Element-wise functions and losses
// are in grad_cookbook_elementwise.cpp.
#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/expect.hpp"

namespace md = matdiff;
using matdiff_test::expect_closed_form;
using matdiff_test::expect_gradient;
using matdiff_test::invertible;
using matdiff_test::random;
using matdiff_test::sizes;
using matdiff_test::with_rectangular_sizes;
using matdiff_test::with_square_sizes;

TEST_CASE("d(a' inv(X) b)/dX = -inv(X)' ab' inv(X)'", "[grad][cookbook]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    constexpr auto a = md::vector<"a", S::n>;
    constexpr auto b = md::vector<"b", S::n>;
    const auto Xv = invertible<S::n>(s.cols);
    const auto av = random<S::n, 1>(s.cols, 1), bv = random<S::n, 1>(s.cols, 1);
    const Eigen::MatrixXd Xit = Xv.inverse().transpose();
    const auto f = md::transpose(a) * md::inv(X) * b;
    expect_closed_form(f, X, -Xit * av * bv.transpose() * Xit, X = Xv, a = av, b = bv);
    expect_gradient(f, X, X = Xv, a = av, b = bv);
  });
}

TEST_CASE("d det(AXB)/dX = det(AXB) inv(X)' (A, X, B square)", "[grad][cookbook]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    constexpr auto B = md::matrix<"B", S::n, S::n>;
    const auto Xv = invertible<S::n>(s.cols), Av = invertible<S::n>(s.cols), Bv = invertible<S::n>(s.cols);
    const auto f = md::det(A * X * B);
    const double value = (Av * Xv * Bv).determinant();
    expect_closed_form(f, X, value * Xv.inverse().transpose(), X = Xv, A = Av, B = Bv);
    expect_gradient(f, X, X = Xv, A = Av, B = Bv);
  });
}

TEST_CASE("d‖X‖²_F/dX = 2X", "[grad][cookbook][norm]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    expect_closed_form(md::sqnorm(X), X, 2 * Xv, X = Xv);
    expect_gradient(md::sqnorm(X), X, X = Xv);
    // The Frobenius norm itself: X/‖X‖.
    expect_closed_form(md::norm2(X), X, Xv / Xv.norm(), X = Xv);
    expect_gradient(md::norm2(X), X, X = Xv);
  });
}

TEST_CASE("d‖x‖₂/dx = x/‖x‖₂ and d‖x - a‖²/dx = 2(x - a)", "[grad][cookbook][norm]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto a = md::vector<"a", S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1), av = random<S::n, 1>(s.cols, 1);
    expect_closed_form(md::norm2(x), x, xv / xv.norm(), x = xv);
    expect_gradient(md::norm2(x), x, x = xv);
    expect_closed_form(md::sqnorm(x - a), x, 2 * (xv - av), x = xv, a = av);
    expect_gradient(md::sqnorm(x - a), x, x = xv, a = av);
  });
}

TEST_CASE("d logdet(X'X)/dX = 2X inv(X'X) (X of full column rank)", "[grad][cookbook]") {
  // X is m x n with m > n, so that X'X is invertible.
  const auto check = [](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const Eigen::MatrixXd gram = Xv.transpose() * Xv;
    const auto f = md::logdet(md::transpose(X) * X);
    expect_closed_form(f, X, 2 * Xv * gram.inverse(), X = Xv);
    expect_gradient(f, X, X = Xv);
  };
  check(sizes<4, 3>{4, 3});
  check(sizes<md::dim<"m">, md::dim<"n">>{6, 2});
}
