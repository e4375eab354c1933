// md::grad on classic identities beyond traces (Matrix Cookbook, norms, element-wise
// functions, least squares, logistic loss, log-sum-exp): each gradient against its closed
// form (relative 1e-10) and against central finite differences, fixed and symbolic sizes.
#include <cmath>
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
using matdiff_test::expect_gradient_by_differences;
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

TEST_CASE("d sum(X)/dX = ones", "[grad][cookbook][elementwise]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    STATIC_REQUIRE(
        std::is_same_v<decltype(md::grad(md::sum(X), X)), std::remove_const_t<decltype(md::ones<S::m, S::n>)>>);
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    expect_closed_form(md::sum(X), X, Eigen::MatrixXd::Ones(s.rows, s.cols), X = Xv);
    // TODO(check_gradient): the gradient has no variable.
    expect_gradient_by_differences(md::sum(X), X, X = Xv);
  });
}

TEST_CASE("d(a' diag(x) b)/dx = a∘b", "[grad][cookbook][elementwise]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto a = md::vector<"a", S::n>;
    constexpr auto b = md::vector<"b", S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1), av = random<S::n, 1>(s.cols, 1), bv = random<S::n, 1>(s.cols, 1);
    const auto f = md::transpose(a) * md::diag(x) * b;
    expect_closed_form(f, x, av.cwiseProduct(bv), x = xv, a = av, b = bv);
    // TODO(check_gradient): the gradient has no x.
    expect_gradient_by_differences(f, x, x = xv, a = av, b = bv);
  });
}

TEST_CASE("d sum(exp(X))/dX = exp(X) and d sum(log(x))/dx = 1./x", "[grad][cookbook][elementwise]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto x = md::vector<"x", S::m>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto xv = random<S::m, 1>(s.rows, 1, 0.2, 2.0);
    expect_closed_form(md::sum(md::exp(X)), X, Xv.array().exp().matrix(), X = Xv);
    expect_gradient(md::sum(md::exp(X)), X, X = Xv);
    expect_closed_form(md::sum(md::log(x)), x, xv.cwiseInverse(), x = xv);
    expect_gradient(md::sum(md::log(x)), x, x = xv);
  });
}

TEST_CASE("least squares: d‖Ax - b‖²/dx = 2A'(Ax - b)", "[grad][cookbook]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto A = md::matrix<"A", S::m, S::n>;
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto b = md::vector<"b", S::m>;
    const auto Av = random<S::m, S::n>(s.rows, s.cols);
    const auto xv = random<S::n, 1>(s.cols, 1);
    const auto bv = random<S::m, 1>(s.rows, 1);
    const auto f = md::sqnorm(A * x - b);
    expect_closed_form(f, x, 2 * Av.transpose() * (Av * xv - bv), A = Av, x = xv, b = bv);
    expect_gradient(f, x, A = Av, x = xv, b = bv);
  });
}

TEST_CASE("logistic loss: d sum(softplus(-y∘(Xw)))/dw = -X'(y∘σ(-y∘(Xw)))", "[grad][cookbook]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto w = md::vector<"w", S::n>;
    constexpr auto y = md::vector<"y", S::m>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto wv = random<S::n, 1>(s.cols, 1);
    auto yv = random<S::m, 1>(s.rows, 1);
    yv = yv.unaryExpr([](double v) { return v < 0 ? -1.0 : 1.0; });  // labels ±1
    const Eigen::ArrayXd margin = -(yv.array() * (Xv * wv).array());
    const Eigen::ArrayXd sigma = 1 / (1 + (-margin).exp());
    const auto f = md::sum(md::softplus(-md::hadamard(y, X * w)));
    expect_closed_form(f, w, -Xv.transpose() * (yv.array() * sigma).matrix(), X = Xv, w = wv, y = yv);
    expect_gradient(f, w, X = Xv, w = wv, y = yv);
  });
}

TEST_CASE("log-sum-exp: d log(sum(exp(x)))/dx = softmax(x)", "[grad][cookbook]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1, -2.0, 2.0);
    const Eigen::VectorXd e = xv.array().exp();
    const auto f = md::log(md::sum(md::exp(x)));
    expect_closed_form(f, x, e / e.sum(), x = xv);
    expect_gradient(f, x, x = xv);
  });
}
