// md::directional(F, X, V) for vector functions (Jacobian-vector products) and 1x1 functions
// (<grad f, V>), against central differences. Split from directional.cpp for compiler memory.
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::directional_value;
using matdiff_test::expect_directional;
using matdiff_test::random;
using matdiff_test::require_close;
using matdiff_test::with_rectangular_sizes;

TEST_CASE("directional derivatives of vector functions are Jacobian-vector products", "[directional]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto v = md::vector<"v", S::n>;
    constexpr auto A = md::matrix<"A", S::m, S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1), vv = random<S::n, 1>(s.cols, 1);
    const auto Av = random<S::m, S::n>(s.rows, s.cols);
    // The Jacobian of Ax is A: the product with v is Av.
    require_close(directional_value(A * x, x, v, A = Av, x = xv, v = vv), Av * vv, 1e-10);
    expect_directional(md::tanh(A * x), x, v, vv, A = Av, x = xv);
    expect_directional(md::hadamard(x, md::exp(x)) / md::norm2(x), x, v, vv, x = xv);
  });
}

TEST_CASE("the directional derivative of a 1x1 function is <grad, V>", "[directional]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto V = md::matrix<"V", S::m, S::n>;
    constexpr auto B = md::matrix<"B", S::n, S::n>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols), Vv = random<S::m, S::n>(s.rows, s.cols);
    const auto Bv = random<S::n, S::n>(s.cols, s.cols);
    const auto f = md::trace(X * B * md::transpose(X));
    const double expected = md::eval(md::dot(md::grad(f, X), V), X = Xv, B = Bv, V = Vv);
    require_close(directional_value(f, X, V, X = Xv, B = Bv, V = Vv)(0, 0), expected, 1e-10);
    expect_directional(f, X, V, Vv, X = Xv, B = Bv);
  });
}
