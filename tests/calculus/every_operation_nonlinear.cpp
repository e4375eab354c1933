// Every operation, differentiated (see every_operation.cpp): inverse, determinant,
// log-determinant, powers and norms (Hadamard and Kronecker products are in
// every_operation_products.cpp). Inputs are well-conditioned for inv, det, logdet, positive
// where a power needs it.
#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/operands.hpp"

namespace md = matdiff;
using matdiff_test::expect_gradients;
using matdiff_test::operands;
using matdiff_test::with_rectangular_sizes;

TEST_CASE("every operation: inv", "[every_operation][inv]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(md::inv(o.Q) * o.R), o.Q = o.Qv, o.R = o.Rv);
    expect_gradients(md::trace(md::inv(o.Q)), o.Q = o.Qv);
    expect_gradients(md::sum(md::inv(o.s * o.Q)), o.s = o.sv, o.Q = o.Qv);
  });
}

TEST_CASE("every operation: det", "[every_operation][det]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::det(o.Q * o.R), o.Q = o.Qv, o.R = o.Rv);
    expect_gradients(md::det(o.C * o.A + o.Q), o.A = o.Av, o.C = o.Cv, o.Q = o.Qv);
  });
}

TEST_CASE("every operation: logdet", "[every_operation][logdet]") {
  with_rectangular_sizes([](auto size) {
    operands o(size);
    expect_gradients(md::logdet(o.Q * o.R), o.Q = o.Qv, o.R = o.Rv);
    o.Qv.row(0) *= -1;  // a negative determinant: logdet is log|det|
    expect_gradients(md::logdet(o.Q * o.R), o.Q = o.Qv, o.R = o.Rv);
  });
}

TEST_CASE("every operation: pow", "[every_operation][pow]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::pow(o.A, 3)), o.A = o.Av, o.W = o.Wv);
    expect_gradients(md::dot(o.W, md::pow(o.A, 2)), o.A = o.Av, o.W = o.Wv);
    expect_gradients(md::dot(o.W, md::pow(o.P, 0.5)), o.P = o.Pv, o.W = o.Wv);
    expect_gradients(md::dot(o.W, md::pow(o.P, -1.5)), o.P = o.Pv, o.W = o.Wv);
    expect_gradients(md::pow(md::sqnorm(o.A), 2), o.A = o.Av);
  });
}

TEST_CASE("every operation: norm2 and sqnorm", "[every_operation][norm]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::norm2(o.A - o.B), o.A = o.Av, o.B = o.Bv);
    expect_gradients(md::norm2(o.v), o.v = o.vv);
    expect_gradients(md::sqnorm(o.A - o.B), o.A = o.Av, o.B = o.Bv);
    expect_gradients(md::sqnorm(o.Q * o.v), o.Q = o.Qv, o.v = o.vv);
  });
}
