// md::grad on the seed formulas of a vector variable (grad_matrix.cpp: of a matrix
// variable): each gradient against its closed form (relative 1e-10) and against central
// finite differences, with fixed sizes and with symbolic sizes bound to dynamic Eigen
// objects. Gradient layout: G has X's shape.
#include <tuple>
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
using matdiff_test::require_close;
using matdiff_test::with_square_sizes;

// ---------------------------------------------------------------------------------------
// Seed formulas, vector variable x (n), constants a, b (n), A (n x n).

TEST_CASE("d(x'a)/dx = d(a'x)/dx = a", "[grad][seed][vector]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto a = md::vector<"a", S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1), av = random<S::n, 1>(s.cols, 1);
    // The gradient is the variable a itself.
    STATIC_REQUIRE(std::is_same_v<md::without_signature_t<decltype(md::grad(md::transpose(x) * a, x))>, std::remove_const_t<decltype(a)>>);
    STATIC_REQUIRE(std::is_same_v<md::without_signature_t<decltype(md::grad(md::transpose(a) * x, x))>, std::remove_const_t<decltype(a)>>);
    expect_closed_form(md::transpose(x) * a, x, av, x = xv, a = av);
    expect_closed_form(md::transpose(a) * x, x, av, x = xv, a = av);
    // The gradients have no x: check_gradient evaluates them together with f.
    expect_gradient(md::transpose(x) * a, x, x = xv, a = av);
    expect_gradient(md::transpose(a) * x, x, x = xv, a = av);
  });
}

TEST_CASE("d(x'x)/dx = 2x", "[grad][seed][vector]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1);
    const auto f = md::transpose(x) * x;
    expect_closed_form(f, x, 2 * xv, x = xv);
    expect_gradient(f, x, x = xv);
  });
}

TEST_CASE("d(x'Ax)/dx = Ax + A'x", "[grad][seed][vector]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    const auto f = md::transpose(x) * A * x;
    expect_closed_form(f, x, Av * xv + Av.transpose() * xv, x = xv, A = Av);
    expect_gradient(f, x, x = xv, A = Av);
  });
}

TEST_CASE("d(a'xx'b)/dx = ab'x + ba'x", "[grad][seed][vector]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto a = md::vector<"a", S::n>;
    constexpr auto b = md::vector<"b", S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1), av = random<S::n, 1>(s.cols, 1), bv = random<S::n, 1>(s.cols, 1);
    const Eigen::MatrixXd expected = av * bv.transpose() * xv + bv * av.transpose() * xv;
    const auto f = md::transpose(a) * x * md::transpose(x) * b;
    expect_closed_form(f, x, expected, x = xv, a = av, b = bv);
    expect_gradient(f, x, x = xv, a = av, b = bv);
    // The same function written otherwise: x'(ab')x, (a'x)(x'b), <a, x><x, b>, tr(xx'ba'),
    // sum(a.*x) sum(b.*x).
    const auto forms = std::tuple(md::transpose(x) * (a * md::transpose(b)) * x,
                                  (md::transpose(a) * x) * (md::transpose(x) * b), md::dot(a, x) * md::dot(x, b),
                                  md::trace(x * md::transpose(x) * b * md::transpose(a)),
                                  md::sum(md::hadamard(a, x)) * md::sum(md::hadamard(b, x)));
    std::apply([&](const auto&... g) { (expect_closed_form(g, x, expected, x = xv, a = av, b = bv), ...); }, forms);
  });
}

TEST_CASE("d(b'Ax)/dx = A'b", "[grad][seed][vector]") {
  // The gradient of Ax (the Jacobian A' in the seeds' layout) seen through b.
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto b = md::vector<"b", S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1), bv = random<S::n, 1>(s.cols, 1);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    const auto f = md::transpose(b) * A * x;
    expect_closed_form(f, x, Av.transpose() * bv, x = xv, A = Av, b = bv);
    // The gradient has no x: check_gradient evaluates it together with f.
    expect_gradient(f, x, x = xv, A = Av, b = bv);
  });
}

// ---------------------------------------------------------------------------------------
// Derivatives taken at run time. Where neither the function nor its derivative holds data,
// md::grad, md::hessian, md::jacobian, md::directional and md::simplify return the one value
// of the derivative's type without running the derivation (md::derived_from_types); a number
// written at run time is data, and it must reach the derivative.

TEST_CASE("derivatives taken at run time keep the numbers written at run time", "[grad][data]") {
  constexpr auto x = md::vector<"x", 3>;
  constexpr auto v = md::vector<"v", 3>;
  const Eigen::Vector3d xv = random<3, 1>(3, 1), vv = random<3, 1>(3, 1);
  for (const double c : {0.5, -3.0}) {
    const auto f = c * (md::transpose(x) * x);  // c is a literal: its value is data
    STATIC_REQUIRE(!md::holds_no_data<std::remove_const_t<decltype(f)>>);
    const auto g = md::grad(f, x);
    STATIC_REQUIRE(!md::derived_from_types<std::remove_const_t<decltype(g)>, std::remove_const_t<decltype(f)>>);
    require_close(matdiff_test::dense(md::eval(g, x = xv)), 2 * c * xv, 1e-15);
    require_close(matdiff_test::dense(md::eval(md::hessian(f, x), x = xv)),
                  2 * c * Eigen::Matrix3d::Identity(), 1e-15);
    require_close(matdiff_test::dense(md::eval(md::jacobian(g, x), x = xv)),
                  2 * c * Eigen::Matrix3d::Identity(), 1e-15);
    require_close(matdiff_test::dense(md::eval(md::directional(g, x, v), x = xv, v = vv)), 2 * c * vv, 1e-15);
    require_close(matdiff_test::dense(md::eval(md::simplify(f + f), x = xv)),
                  Eigen::Matrix<double, 1, 1>(2 * c * xv.squaredNorm()), 1e-15);
  }
  // Without data, the derivative taken at run time is the one of its type.
  constexpr auto f = md::transpose(x) * x;
  const auto g = md::grad(f, x);
  STATIC_REQUIRE(md::derived_from_types<std::remove_const_t<decltype(g)>, std::remove_const_t<decltype(f)>>);
  require_close(matdiff_test::dense(md::eval(g, x = xv)), 2 * xv, 1e-15);
}

