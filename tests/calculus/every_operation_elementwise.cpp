// Every operation, differentiated (see every_operation.cpp): the element-wise functions,
// sign, and single precision.
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"
#include "../support/operands.hpp"

namespace md = matdiff;
using matdiff_test::expect_gradients;
using matdiff_test::operands;
using matdiff_test::random_matrix;
using matdiff_test::with_rectangular_sizes;

TEST_CASE("every operation: exp", "[every_operation][elementwise]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::exp(o.A)), o.A = o.Av, o.W = o.Wv);
  });
}

TEST_CASE("every operation: log", "[every_operation][elementwise]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::log(o.P)), o.P = o.Pv, o.W = o.Wv);
  });
}

TEST_CASE("every operation: sin", "[every_operation][elementwise]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::sin(o.A)), o.A = o.Av, o.W = o.Wv);
  });
}

TEST_CASE("every operation: cos", "[every_operation][elementwise]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::cos(o.A)), o.A = o.Av, o.W = o.Wv);
  });
}

TEST_CASE("every operation: tanh", "[every_operation][elementwise]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::tanh(o.A)), o.A = o.Av, o.W = o.Wv);
  });
}

TEST_CASE("every operation: sqrt", "[every_operation][elementwise]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::sqrt(o.P)), o.P = o.Pv, o.W = o.Wv);
  });
}

TEST_CASE("every operation: abs", "[every_operation][elementwise]") {
  with_rectangular_sizes([](auto size) {
    operands o(size);
    // Away from the kink at 0, on both sides of it.
    o.Av = o.Av.unaryExpr([](double a) { return a < 0 ? a - 0.2 : a + 0.2; });
    expect_gradients(md::dot(o.W, md::abs(o.A)), o.A = o.Av, o.W = o.Wv);
  });
}

TEST_CASE("every operation: sigmoid", "[every_operation][elementwise]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::sigmoid(3 * o.A)), o.A = o.Av, o.W = o.Wv);
  });
}

TEST_CASE("every operation: softplus", "[every_operation][elementwise]") {
  with_rectangular_sizes([](auto size) {
    const operands o(size);
    expect_gradients(md::dot(o.W, md::softplus(3 * o.A)), o.A = o.Av, o.W = o.Wv);
  });
}

TEST_CASE("sign has the zero derivative", "[every_operation][elementwise]") {
  // Not compared with finite differences: sign is piecewise constant.
  constexpr auto A = md::matrix<"A", 3, 4>;
  constexpr auto W = md::matrix<"W", 3, 4>;
  STATIC_REQUIRE(std::is_same_v<md::without_signature_t<decltype(md::grad(md::dot(W, md::sign(A)), A))>,
                                std::remove_const_t<decltype(md::zeros<3, 4>)>>);
  STATIC_REQUIRE(md::to_string(md::grad(md::dot(W, md::abs(A)), A)) == "sign(A).*W");
}

TEST_CASE("gradients in single precision", "[every_operation][float]") {
  // Single-precision central differences (h = ∛ε ≈ 5e-3) are accurate to about 1e-3; the
  // errors are checked here against a single-precision tolerance.
  constexpr auto A = md::matrix<"A", 3, 4>;
  constexpr auto W = md::matrix<"W", 3, 4>;
  constexpr auto Q = md::matrix<"Q", 4, 4>;
  constexpr auto N = md::matrix<"N", md::dim<"n">, md::dim<"n">>;
  const Eigen::Matrix<float, 3, 4> Af = random_matrix<Eigen::Matrix<float, 3, 4>>();
  const Eigen::Matrix<float, 3, 4> Wf = random_matrix<Eigen::Matrix<float, 3, 4>>();
  const Eigen::Matrix4f Qf = matdiff_test::well_conditioned<Eigen::Matrix4f>(4);
  const Eigen::MatrixXf Nf = matdiff_test::well_conditioned<Eigen::MatrixXf>(5);
  const auto expect_single_precision = [](const md::gradient_check& check) {
    INFO("max abs error " << check.max_abs_error << ", max rel error " << check.max_rel_error);
    REQUIRE(check.max_rel_error < 1e-2);
  };
  expect_single_precision(md::check_gradient(md::dot(W, md::tanh(A)), A, A = Af, W = Wf));
  expect_single_precision(md::check_gradient(md::sqnorm(A * Q), A, A = Af, Q = Qf));
  expect_single_precision(md::check_gradient(md::sqnorm(A * Q), Q, A = Af, Q = Qf));
  expect_single_precision(md::check_gradient(md::logdet(Q), Q, Q = Qf));
  expect_single_precision(md::check_gradient(md::logdet(N), N, N = Nf));
  expect_single_precision(md::check_gradient(md::trace(N * N * N), N, N = Nf));
  // The gradient itself is computed in single precision.
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::grad(md::logdet(Q), Q), Q = Qf)), Eigen::Matrix4f>);
}
