// md::grad on the trace identities of the Matrix Cookbook: each gradient against its
// closed form (relative 1e-10) and against central finite differences, with fixed and
// symbolic sizes. X is m x n, or n x n where the identity needs a square X.
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

TEST_CASE("d tr(X)/dX = I", "[grad][cookbook][trace]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    STATIC_REQUIRE(std::is_same_v<md::without_signature_t<decltype(md::grad(md::trace(X), X))>,
                                  std::remove_const_t<decltype(md::identity<S::n>)>>);
    const auto Xv = random<S::n, S::n>(s.cols, s.cols);
    expect_closed_form(md::trace(X), X, Eigen::MatrixXd::Identity(s.cols, s.cols), X = Xv);
    // The gradient has no X: check_gradient evaluates it together with f.
    expect_gradient(md::trace(X), X, X = Xv);
  });
}

TEST_CASE("d tr(AX)/dX = A'", "[grad][cookbook][trace]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::m>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Av = random<S::n, S::m>(s.cols, s.rows);
    const auto f = md::trace(A * X);
    expect_closed_form(f, X, Av.transpose(), X = Xv, A = Av);
    // The gradient has no X: check_gradient evaluates it together with f.
    expect_gradient(f, X, X = Xv, A = Av);
  });
}

TEST_CASE("d tr(X'A)/dX = A", "[grad][cookbook][trace]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto A = md::matrix<"A", S::m, S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Av = random<S::m, S::n>(s.rows, s.cols);
    const auto f = md::trace(md::transpose(X) * A);
    expect_closed_form(f, X, Av, X = Xv, A = Av);
    // The gradient has no X: check_gradient evaluates it together with f.
    expect_gradient(f, X, X = Xv, A = Av);
  });
}

TEST_CASE("d tr(AXB)/dX = A'B'", "[grad][cookbook][trace]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::m>;
    constexpr auto B = md::matrix<"B", S::n, S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Av = random<S::n, S::m>(s.cols, s.rows);
    const auto Bv = random<S::n, S::n>(s.cols, s.cols);
    const auto f = md::trace(A * X * B);
    expect_closed_form(f, X, Av.transpose() * Bv.transpose(), X = Xv, A = Av, B = Bv);
    // The gradient has no X: check_gradient evaluates it together with f.
    expect_gradient(f, X, X = Xv, A = Av, B = Bv);
  });
}

TEST_CASE("d tr(AX'B)/dX = BA", "[grad][cookbook][trace]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    constexpr auto B = md::matrix<"B", S::m, S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    const auto Bv = random<S::m, S::n>(s.rows, s.cols);
    const auto f = md::trace(A * md::transpose(X) * B);
    expect_closed_form(f, X, Bv * Av, X = Xv, A = Av, B = Bv);
    // The gradient has no X: check_gradient evaluates it together with f.
    expect_gradient(f, X, X = Xv, A = Av, B = Bv);
  });
}

TEST_CASE("d tr(X'X)/dX = 2X", "[grad][cookbook][trace]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto f = md::trace(md::transpose(X) * X);
    expect_closed_form(f, X, 2 * Xv, X = Xv);
    expect_gradient(f, X, X = Xv);
  });
}

TEST_CASE("d tr(X'BX)/dX = BX + B'X", "[grad][cookbook][trace]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto B = md::matrix<"B", S::m, S::m>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Bv = random<S::m, S::m>(s.rows, s.rows);
    const auto f = md::trace(md::transpose(X) * B * X);
    expect_closed_form(f, X, Bv * Xv + Bv.transpose() * Xv, X = Xv, B = Bv);
    expect_gradient(f, X, X = Xv, B = Bv);
  });
}

TEST_CASE("d tr(X^2)/dX = 2X'", "[grad][cookbook][trace]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    const auto Xv = random<S::n, S::n>(s.cols, s.cols);
    const auto f = md::trace(X * X);
    expect_closed_form(f, X, 2 * Xv.transpose(), X = Xv);
    expect_gradient(f, X, X = Xv);
  });
}

TEST_CASE("d tr(inv(X))/dX = -(inv(X)^2)'", "[grad][cookbook][trace]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    const auto Xv = invertible<S::n>(s.cols);
    const Eigen::MatrixXd Xi = Xv.inverse();
    const auto f = md::trace(md::inv(X));
    expect_closed_form(f, X, -(Xi * Xi).transpose(), X = Xv);
    expect_gradient(f, X, X = Xv);
  });
}

TEST_CASE("d tr(A inv(X) B)/dX = -(inv(X) B A inv(X))'", "[grad][cookbook][trace]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    constexpr auto B = md::matrix<"B", S::n, S::n>;
    const auto Xv = invertible<S::n>(s.cols);
    const auto Av = random<S::n, S::n>(s.cols, s.cols), Bv = random<S::n, S::n>(s.cols, s.cols);
    const Eigen::MatrixXd Xi = Xv.inverse();
    const auto f = md::trace(A * md::inv(X) * B);
    expect_closed_form(f, X, -(Xi * Bv * Av * Xi).transpose(), X = Xv, A = Av, B = Bv);
    expect_gradient(f, X, X = Xv, A = Av, B = Bv);
  });
}
