// Every operation, differentiated (see every_operation.cpp): trace, sum, dot, vec, diag
// and diagonal.
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/operands.hpp"

namespace md = matdiff;
using matdiff_test::expect_gradients;
using matdiff_test::operands;
using matdiff_test::with_rectangular_sizes;

TEST_CASE("every operation: trace", "[every_operation][trace]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::trace(o.Q * o.R * o.Q), o.Q = o.Qv, o.R = o.Rv);
    expect_gradients(md::trace(o.A * o.C) * md::trace(o.Q), o.A = o.Av, o.C = o.Cv, o.Q = o.Qv);
  });
}

TEST_CASE("every operation: sum", "[every_operation][sum]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sum(o.A) * md::sum(o.B), o.A = o.Av, o.B = o.Bv);
    expect_gradients(md::sum(md::hadamard(o.A, o.A)), o.A = o.Av);
  });
}

TEST_CASE("every operation: dot", "[every_operation][dot]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.A, o.B), o.A = o.Av, o.B = o.Bv);
    expect_gradients(md::dot(o.A, md::exp(o.B)) * md::dot(o.u, o.v), o.A = o.Av, o.B = o.Bv, o.u = o.uv, o.v = o.vv);
  });
}

TEST_CASE("every operation: vec", "[every_operation][vec]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(md::vec(o.W), md::exp(md::vec(o.A))), o.A = o.Av, o.W = o.Wv);
    expect_gradients(md::sqnorm(md::vec(o.A) - md::vec(o.B)), o.A = o.Av, o.B = o.Bv);
  });
}

TEST_CASE("every operation: diag (vector to diagonal matrix)", "[every_operation][diag]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(md::diag(o.v) * o.Q), o.v = o.vv, o.Q = o.Qv);
    expect_gradients(md::transpose(o.u) * md::diag(o.v) * o.u, o.u = o.uv, o.v = o.vv);
  });
}

TEST_CASE("every operation: diagonal (matrix to diagonal vector)", "[every_operation][diagonal]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(md::diagonal(o.Q) - o.v), o.Q = o.Qv, o.v = o.vv);
    expect_gradients(md::dot(o.u, md::exp(md::diagonal(o.C * o.A))), o.u = o.uv, o.C = o.Cv, o.A = o.Av);
  });
}
