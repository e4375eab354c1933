// Every operation, differentiated: for each one a small 1x1 function built on it, whose
// gradient in each of its variables is compared with central finite differences at random
// inputs, for fixed sizes (3 x 4) and symbolic sizes (m x n = 5 x 2). This file: sums,
// products, quotients and transposes; every_operation_linear.cpp,
// every_operation_nonlinear.cpp, every_operation_products.cpp and
// every_operation_elementwise.cpp hold the others (split for compile time and memory).
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/operands.hpp"

namespace md = matdiff;
using matdiff_test::expect_gradients;
using matdiff_test::operands;
using matdiff_test::with_rectangular_sizes;

TEST_CASE("every operation: a + b", "[every_operation][add]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(o.A + o.B), o.A = o.Av, o.B = o.Bv);
    expect_gradients((md::sqnorm(o.A) + o.s) * o.s, o.A = o.Av, o.s = o.sv);
  });
}

TEST_CASE("every operation: a - b", "[every_operation][subtract]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(o.A - o.B), o.A = o.Av, o.B = o.Bv);
  });
}

TEST_CASE("every operation: -a", "[every_operation][negate]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sum(md::exp(-o.A)), o.A = o.Av);
  });
}

TEST_CASE("every operation: a * b (matrix product)", "[every_operation][product]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(o.A * o.C), o.A = o.Av, o.C = o.Cv);
    expect_gradients(md::transpose(o.u) * o.Q * o.v, o.u = o.uv, o.Q = o.Qv, o.v = o.vv);
  });
}

TEST_CASE("every operation: s * a, a * s (scaling by 1x1)", "[every_operation][product]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(o.s * o.A), o.s = o.sv, o.A = o.Av);
    expect_gradients(md::sum(md::exp(o.A * o.s)), o.s = o.sv, o.A = o.Av);
    expect_gradients(md::sqnorm(md::sum(o.B) * o.A), o.A = o.Av, o.B = o.Bv);
  });
}

TEST_CASE("every operation: a / s", "[every_operation][quotient]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(o.A / o.s), o.A = o.Av, o.s = o.sv);
    expect_gradients(md::sqnorm(o.A) / md::sum(o.P), o.A = o.Av, o.P = o.Pv);
    expect_gradients(md::sqnorm(o.A / 4), o.A = o.Av);
  });
}

TEST_CASE("every operation: transpose", "[every_operation][transpose]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(md::transpose(o.A) - o.C), o.A = o.Av, o.C = o.Cv);
    expect_gradients(md::dot(o.C, md::transpose(o.A)), o.A = o.Av, o.C = o.Cv);
  });
}
