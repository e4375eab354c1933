// Every operation, differentiated (see every_operation.cpp): Hadamard product and quotient,
// Kronecker product, with the general Kronecker adjoints. A unit of its own, so that no
// test unit needs more than 1.5 GB of compiler memory.
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/operands.hpp"

namespace md = matdiff;
using matdiff_test::expect_gradients;
using matdiff_test::operands;
using matdiff_test::with_rectangular_sizes;

TEST_CASE("every operation: hadamard", "[every_operation][hadamard]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(md::hadamard(o.A, o.B)), o.A = o.Av, o.B = o.Bv);
    expect_gradients(md::dot(o.W, md::hadamard(o.A, o.B)), o.A = o.Av, o.B = o.Bv, o.W = o.Wv);
  });
}

TEST_CASE("every operation: hadamard_div", "[every_operation][hadamard_div]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(md::hadamard_div(o.A, o.P)), o.A = o.Av, o.P = o.Pv);
    expect_gradients(md::dot(o.W, md::hadamard_div(o.A, o.P)), o.A = o.Av, o.P = o.Pv, o.W = o.Wv);
  });
}

TEST_CASE("every operation: kron", "[every_operation][kron]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::sqnorm(md::kron(o.A, o.Q)), o.A = o.Av, o.Q = o.Qv);
    // Cotangents that are not A ⊗ Q: the general Kronecker adjoints.
    expect_gradients(md::dot(md::kron(o.B, o.R), md::kron(o.A, o.Q)), o.A = o.Av, o.Q = o.Qv, o.B = o.Bv, o.R = o.Rv);
    expect_gradients(md::sqnorm(md::kron(o.A, o.Q) - md::kron(o.B, o.R)), o.A = o.Av, o.Q = o.Qv, o.B = o.Bv,
                     o.R = o.Rv);
    expect_gradients(md::sum(md::exp(md::kron(o.u, o.A))), o.u = o.uv, o.A = o.Av);
  });
}
