// md::grad and the differentiation rules (constant, linearity, product, quotient), of
// functions that contain gradients, and with respect to scalar variables: values against
// closed forms (relative 1e-10) and central finite differences, fixed and symbolic sizes.
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
using matdiff_test::random;
using matdiff_test::require_close;
using matdiff_test::with_rectangular_sizes;
using matdiff_test::with_square_sizes;

// ---------------------------------------------------------------------------------------
// Rules: constant, linearity, product, quotient.

TEST_CASE("the gradient of a constant is the zero matrix of the variable's shape", "[grad][rule]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto A = md::matrix<"A", S::m, S::m>;
    constexpr auto x = md::vector<"x", S::n>;
    using zeros = std::remove_const_t<decltype(md::zeros<S::m, S::n>)>;
    // f without X, and f that contains X but does not change with it.
    STATIC_REQUIRE(std::is_same_v<md::without_signature_t<decltype(md::grad(md::trace(A * A), X))>, zeros>);
    STATIC_REQUIRE(std::is_same_v<md::without_signature_t<decltype(md::grad(md::sqnorm(x), X))>, zeros>);
    STATIC_REQUIRE(std::is_same_v<md::without_signature_t<decltype(md::grad(md::sqnorm(X) - md::sqnorm(X), X))>, zeros>);
    STATIC_REQUIRE(std::is_same_v<md::without_signature_t<decltype(md::grad(md::sum(X) - md::sum(X), X))>, zeros>);
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const Eigen::MatrixXd zero = md::eval(md::grad(md::trace(A * A), X) + X, X = Xv) - Xv;
    require_close(zero, Eigen::MatrixXd::Zero(s.rows, s.cols), 0);
  });
  // A square variable too.
  constexpr auto Y = md::matrix<"Y", 3, 3>;
  STATIC_REQUIRE(std::is_same_v<md::without_signature_t<decltype(md::grad(md::trace(Y) - md::trace(md::transpose(Y)), Y))>,
                                std::remove_const_t<decltype(md::zeros<3, 3>)>>);
}

TEST_CASE("linearity: d(c1 f + c2 g) = c1 df + c2 dg", "[grad][rule]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto a = md::vector<"a", S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    constexpr auto c = md::scalar<"c">;
    const auto xv = random<S::n, 1>(s.cols, 1), av = random<S::n, 1>(s.cols, 1);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    const Eigen::MatrixXd df = Av * xv + Av.transpose() * xv;  // f = x'Ax
    const Eigen::MatrixXd dg = av;                             // g = a'x
    const auto f = md::transpose(x) * A * x;
    const auto g = md::transpose(a) * x;
    expect_closed_form(2 * f + 3 * g, x, 2 * df + 3 * dg, x = xv, A = Av, a = av);
    expect_gradient(2 * f + 3 * g, x, x = xv, A = Av, a = av);
    expect_closed_form(f - g / 4, x, df - dg / 4, x = xv, A = Av, a = av);
    expect_gradient(f - g / 4, x, x = xv, A = Av, a = av);
    // A coefficient that is a variable.
    expect_closed_form(c * f - 3 * g, x, 0.5 * df - 3 * dg, x = xv, A = Av, a = av, c = 0.5);
    expect_gradient(c * f - 3 * g, x, x = xv, A = Av, a = av, c = 0.5);
  });
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto B = md::matrix<"B", S::n, S::m>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Bv = random<S::n, S::m>(s.cols, s.rows);
    const auto f = md::trace(X * B);  // df = B'
    const auto g = md::sqnorm(X);     // dg = 2X
    expect_closed_form(2 * f + 3 * g, X, 2 * Bv.transpose() + 6 * Xv, X = Xv, B = Bv);
    expect_gradient(2 * f + 3 * g, X, X = Xv, B = Bv);
    expect_closed_form(-f - g, X, -Bv.transpose() - 2 * Xv, X = Xv, B = Bv);
    expect_gradient(-f - g, X, X = Xv, B = Bv);
  });
}

TEST_CASE("product rule: d(fg) = (df)g + f dg", "[grad][rule]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto a = md::vector<"a", S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1), av = random<S::n, 1>(s.cols, 1);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    // f = x'Ax, g = a'x.
    const auto f = md::transpose(x) * A * x;
    const auto g = md::transpose(a) * x;
    const double fv = xv.dot(Av * xv), gv = av.dot(xv);
    const Eigen::MatrixXd df = Av * xv + Av.transpose() * xv, dg = av;
    expect_closed_form(f * g, x, df * gv + fv * dg, x = xv, A = Av, a = av);
    expect_gradient(f * g, x, x = xv, A = Av, a = av);
    // f = x'x, g = sum(exp(x)).
    const auto h = md::sqnorm(x);
    const auto k = md::sum(md::exp(x));
    const double hv = xv.squaredNorm(), kv = xv.array().exp().sum();
    const Eigen::MatrixXd dh = 2 * xv, dk = xv.array().exp().matrix();
    expect_closed_form(h * k, x, dh * kv + hv * dk, x = xv);
    expect_gradient(h * k, x, x = xv);
  });
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto B = md::matrix<"B", S::n, S::m>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Bv = random<S::n, S::m>(s.cols, s.rows);
    const auto f = md::trace(X * B);
    const auto g = md::sqnorm(X);
    const double fv = (Xv * Bv).trace(), gv = Xv.squaredNorm();
    const Eigen::MatrixXd df = Bv.transpose(), dg = 2 * Xv;
    expect_closed_form(f * g, X, df * gv + fv * dg, X = Xv, B = Bv);
    expect_gradient(f * g, X, X = Xv, B = Bv);
  });
}

TEST_CASE("quotient rule: d(f/g) = ((df)g - f dg)/g^2", "[grad][rule]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto a = md::vector<"a", S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    // a'x away from 0: positive a and x.
    const auto xv = random<S::n, 1>(s.cols, 1, 0.5, 1.5), av = random<S::n, 1>(s.cols, 1, 0.5, 1.5);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    // f = x'Ax, g = a'x.
    const auto f = md::transpose(x) * A * x;
    const auto g = md::transpose(a) * x;
    const double fv = xv.dot(Av * xv), gv = av.dot(xv);
    const Eigen::MatrixXd df = Av * xv + Av.transpose() * xv, dg = av;
    expect_closed_form(f / g, x, (df * gv - fv * dg) / (gv * gv), x = xv, A = Av, a = av);
    expect_gradient(f / g, x, x = xv, A = Av, a = av);
    // f = x'x, g = a'x.
    const auto h = md::sqnorm(x);
    const double hv = xv.squaredNorm();
    const Eigen::MatrixXd dh = 2 * xv;
    expect_closed_form(h / g, x, (dh * gv - hv * dg) / (gv * gv), x = xv, a = av);
    expect_gradient(h / g, x, x = xv, a = av);
  });
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto B = md::matrix<"B", S::n, S::m>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Bv = random<S::n, S::m>(s.cols, s.rows);
    const auto f = md::trace(X * B);
    const auto g = md::sqnorm(X);
    const double fv = (Xv * Bv).trace(), gv = Xv.squaredNorm();
    const Eigen::MatrixXd df = Bv.transpose(), dg = 2 * Xv;
    expect_closed_form(f / g, X, (df * gv - fv * dg) / (gv * gv), X = Xv, B = Bv);
    expect_gradient(f / g, X, X = Xv, B = Bv);
  });
}

// ---------------------------------------------------------------------------------------
// Gradients of expressions that contain gradients, and scalar variables.

TEST_CASE("the gradient of a function of a gradient", "[grad][nested]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    // ‖(A + A')x‖² has the gradient 2(A + A')'(A + A')x.
    const auto f = md::sqnorm(md::grad(md::transpose(x) * A * x, x));
    const Eigen::MatrixXd H = Av + Av.transpose();
    expect_closed_form(f, x, 2 * H.transpose() * H * xv, x = xv, A = Av);
    expect_gradient(f, x, x = xv, A = Av);
    // The gradient of a gradient's entry sum: sum((A + A')x) = 1'(A + A')x.
    const auto g = md::sum(md::grad(md::transpose(x) * A * x, x));
    expect_closed_form(g, x, H.transpose() * Eigen::VectorXd::Ones(s.cols), x = xv, A = Av);
  });
}

TEST_CASE("gradients with respect to a scalar variable", "[grad][scalar]") {
  constexpr auto t = md::scalar<"t">;
  // d/dt (t³) = 3t², and the gradient of that gradient, 6t.
  expect_closed_form(md::pow(t, 3), t, Eigen::MatrixXd::Constant(1, 1, 3 * 0.7 * 0.7), t = 0.7);
  expect_gradient(md::pow(t, 3), t, t = 0.7);
  expect_closed_form(md::grad(md::pow(t, 3), t), t, Eigen::MatrixXd::Constant(1, 1, 6 * 0.7), t = 0.7);
  expect_gradient(md::grad(md::pow(t, 3), t), t, t = 0.7);
  // d/dt (t exp(t)) = (1 + t) exp(t).
  expect_closed_form(md::exp(t) * t, t, Eigen::MatrixXd::Constant(1, 1, 1.7 * std::exp(0.7)), t = 0.7);
  expect_gradient(md::exp(t) * t, t, t = 0.7);
  with_square_sizes([t](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto b = md::vector<"b", S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1), bv = random<S::n, 1>(s.cols, 1);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    const double tv = -0.3;
    // d/dt ‖t x - b‖² = 2x'(t x - b).
    const auto f = md::sqnorm(t * x - b);
    expect_closed_form(f, t, Eigen::MatrixXd::Constant(1, 1, 2 * xv.dot(tv * xv - bv)), t = tv, x = xv, b = bv);
    expect_gradient(f, t, t = tv, x = xv, b = bv);
    // d/dt (t² tr(A) + exp(t)) = 2t tr(A) + exp(t).
    const auto g = t * t * md::trace(A) + md::exp(t);
    expect_closed_form(g, t, Eigen::MatrixXd::Constant(1, 1, 2 * tv * Av.trace() + std::exp(tv)), t = tv, A = Av);
    expect_gradient(g, t, t = tv, A = Av);
    // A scalar variable inside a matrix function, differentiated in the matrix too.
    expect_closed_form(f, x, 2 * tv * (tv * xv - bv), t = tv, x = xv, b = bv);
    expect_gradient(f, x, t = tv, x = xv, b = bv);
  });
}
