// md::grad on element-wise identities and the losses built on them (sum, diag, exp, log,
// least squares, logistic loss, log-sum-exp): each gradient against its closed form
// (relative 1e-10) and against central finite differences, fixed and symbolic sizes.
// Split from grad_cookbook.cpp for compiler memory.
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/expect.hpp"

namespace md = matdiff;
using matdiff_test::expect_closed_form;
using matdiff_test::expect_gradient;
using matdiff_test::random;
using matdiff_test::with_rectangular_sizes;
using matdiff_test::with_square_sizes;

TEST_CASE("d sum(X)/dX = ones", "[grad][cookbook][elementwise]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    STATIC_REQUIRE(
        std::is_same_v<md::without_signature_t<decltype(md::grad(md::sum(X), X))>, std::remove_const_t<decltype(md::ones<S::m, S::n>)>>);
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    expect_closed_form(md::sum(X), X, Eigen::MatrixXd::Ones(s.rows, s.cols), X = Xv);
    // The gradient has no variable: check_gradient evaluates it together with f.
    expect_gradient(md::sum(X), X, X = Xv);
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
    // The gradient has no x: check_gradient evaluates it together with f.
    expect_gradient(f, x, x = xv, a = av, b = bv);
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

TEST_CASE("d‖X∘X‖²/dX = 4 X∘X∘X: a chain of ∘ is associated from the left, so its like terms meet",
          "[grad][cookbook][elementwise]") {
  // d‖X∘X‖² = 2⟨X∘X, dX∘X + X∘dX⟩ gives (X∘X)∘X and X∘(X∘X), one term once associated.
  constexpr auto X = md::matrix<"X", 3, 4>;
  constexpr auto f = md::sqnorm(md::hadamard(X, X));
  STATIC_REQUIRE(md::to_string(md::grad(f, X)) == "4*X.*X.*X");
  const auto Xv = random<3, 4>(3, 4);
  expect_closed_form(f, X, 4 * Xv.cwiseProduct(Xv).cwiseProduct(Xv), X = Xv);
  expect_gradient(f, X, X = Xv);
}
