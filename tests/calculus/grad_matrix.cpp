// md::grad on the seed formulas of a matrix variable (grad.cpp: of a vector variable):
// each gradient against its closed form (relative 1e-10) and against central finite
// differences, with fixed sizes and with symbolic sizes bound to dynamic Eigen objects.
// Gradient layout: G has X's shape.
#include <type_traits>

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
using matdiff_test::with_rectangular_sizes;
using matdiff_test::with_square_sizes;

// ---------------------------------------------------------------------------------------
// Seed formulas, matrix variable X (m x n).

TEST_CASE("d(a'Xb)/dX = ab' (a m, b n)", "[grad][seed][matrix]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto a = md::vector<"a", S::m>;
    constexpr auto b = md::vector<"b", S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto av = random<S::m, 1>(s.rows, 1);
    const auto bv = random<S::n, 1>(s.cols, 1);
    const auto f = md::transpose(a) * X * b;
    expect_closed_form(f, X, av * bv.transpose(), X = Xv, a = av, b = bv);
    // The gradient has no X: check_gradient evaluates it together with f.
    expect_gradient(f, X, X = Xv, a = av, b = bv);
  });
}

TEST_CASE("d(a'X'b)/dX = ba' (a n, b m)", "[grad][seed][matrix]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto a = md::vector<"a", S::n>;
    constexpr auto b = md::vector<"b", S::m>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto av = random<S::n, 1>(s.cols, 1);
    const auto bv = random<S::m, 1>(s.rows, 1);
    const auto f = md::transpose(a) * md::transpose(X) * b;
    expect_closed_form(f, X, bv * av.transpose(), X = Xv, a = av, b = bv);
    // The gradient has no X: check_gradient evaluates it together with f.
    expect_gradient(f, X, X = Xv, a = av, b = bv);
  });
}

TEST_CASE("d(a'XX'b)/dX = ab'X + ba'X (a, b m)", "[grad][seed][matrix]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto a = md::vector<"a", S::m>;
    constexpr auto b = md::vector<"b", S::m>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto av = random<S::m, 1>(s.rows, 1), bv = random<S::m, 1>(s.rows, 1);
    const auto f = md::transpose(a) * X * md::transpose(X) * b;
    expect_closed_form(f, X, av * bv.transpose() * Xv + bv * av.transpose() * Xv, X = Xv, a = av, b = bv);
    expect_gradient(f, X, X = Xv, a = av, b = bv);
  });
}

TEST_CASE("d(a'X'Xb)/dX = Xba' + Xab' (a, b n)", "[grad][seed][matrix]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto a = md::vector<"a", S::n>;
    constexpr auto b = md::vector<"b", S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto av = random<S::n, 1>(s.cols, 1), bv = random<S::n, 1>(s.cols, 1);
    const auto f = md::transpose(a) * md::transpose(X) * X * b;
    expect_closed_form(f, X, Xv * bv * av.transpose() + Xv * av * bv.transpose(), X = Xv, a = av, b = bv);
    expect_gradient(f, X, X = Xv, a = av, b = bv);
  });
}

TEST_CASE("d tr(XBX')/dX = X(B + B')", "[grad][seed][matrix]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto B = md::matrix<"B", S::n, S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Bv = random<S::n, S::n>(s.cols, s.cols);
    const auto f = md::trace(X * B * md::transpose(X));
    expect_closed_form(f, X, Xv * (Bv + Bv.transpose()), X = Xv, B = Bv);
    expect_gradient(f, X, X = Xv, B = Bv);
  });
}

TEST_CASE("d tr(A inv(X))/dX = -(inv(X) A inv(X))'", "[grad][seed][matrix]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    const auto Xv = invertible<S::n>(s.cols);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    const Eigen::MatrixXd Xi = Xv.inverse();
    const auto f = md::trace(A * md::inv(X));
    expect_closed_form(f, X, -(Xi * Av * Xi).transpose(), X = Xv, A = Av);
    expect_gradient(f, X, X = Xv, A = Av);
  });
}

TEST_CASE("d ln|X|/dX = inv(X)'", "[grad][seed][matrix]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    const auto f = md::logdet(X);
    auto Xv = invertible<S::n>(s.cols);
    expect_closed_form(f, X, Xv.inverse().transpose(), X = Xv);
    expect_gradient(f, X, X = Xv);
    // logdet is log|det X|: the same gradient where the determinant is negative.
    Xv.row(0) *= -1;
    REQUIRE(Xv.determinant() < 0);
    expect_closed_form(f, X, Xv.inverse().transpose(), X = Xv);
    expect_gradient(f, X, X = Xv);
  });
}

TEST_CASE("d|X|/dX = |X| inv(X)'", "[grad][seed][matrix]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    const auto Xv = invertible<S::n>(s.cols);
    const auto f = md::det(X);
    expect_closed_form(f, X, Xv.determinant() * Xv.inverse().transpose(), X = Xv);
    expect_gradient(f, X, X = Xv);
  });
}
