// When every shape is fixed, a kernel call allocates nothing on the heap: not through
// operator new, and not through Eigen (EIGEN_RUNTIME_NO_MALLOC, its allocation check counted
// here instead of asserted). Kernels: value and gradient of functions using inv, det, logdet,
// solves, product chains, element-wise functions and the special forms.
#include "../support/allocation_count.hpp"

#include <cmath>
#include <tuple>

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

constexpr auto A = md::matrix<"A", 5, 5>;  // LU path
constexpr auto B = md::matrix<"B", 5, 5>;
constexpr auto C = md::matrix<"C", 3, 3>;  // closed forms
constexpr auto X = md::matrix<"X", 8, 3>;
constexpr auto w = md::vector<"w", 3>;
constexpr auto y = md::vector<"y", 8>;

using allocation_count::allocations_during;

}  // namespace

TEST_CASE("the counters see heap allocations") {
  REQUIRE(allocations_during([] { ::operator delete(::operator new(16)); }) == 1);
  REQUIRE(allocations_during([] { Eigen::MatrixXd m(4, 4); m.setZero(); }) >= 1);
}

TEST_CASE("kernels of fixed shapes allocate nothing") {
  const Eigen::Matrix<double, 5, 5> Av = matdiff_test::well_conditioned<Eigen::Matrix<double, 5, 5>>(5);
  const Eigen::Matrix<double, 5, 5> Bv = random_matrix<Eigen::Matrix<double, 5, 5>>();
  const Eigen::Matrix3d Cv = matdiff_test::well_conditioned<Eigen::Matrix3d>(3);
  const Eigen::Matrix<double, 8, 3> Xv = random_matrix<Eigen::Matrix<double, 8, 3>>();
  const Eigen::Vector3d wv = random_matrix<Eigen::Vector3d>();
  const Eigen::Matrix<double, 8, 1> yv = random_matrix<Eigen::Matrix<double, 8, 1>>(0.0, 1.0);

  SECTION("logdet, inverse and solve of a 5x5 matrix") {
    constexpr auto f = md::logdet(A) + md::trace(md::inv(A) * B) + md::det(A);
    constexpr auto k = md::kernel(f, md::grad(f, A), md::grad(f, B));
    double value = 0;
    REQUIRE(allocations_during([&] { value = std::get<0>(k(A = Av, B = Bv)); }) == 0);
    require_close(value, std::log(std::abs(Av.determinant())) + (Av.inverse() * Bv).trace() + Av.determinant(), 1e-9);
  }
  SECTION("determinant and inverse of a 3x3 matrix") {
    constexpr auto f = md::det(C) * md::trace(C * C) + md::dot(w, md::inv(C) * w);
    constexpr auto k = md::kernel(f, md::grad(f, C), md::grad(f, w));
    double value = 0;
    REQUIRE(allocations_during([&] { value = std::get<0>(k(C = Cv, w = wv)); }) == 0);
    require_close(value, Cv.determinant() * (Cv * Cv).trace() + wv.dot(Cv.inverse() * wv), 1e-10);
  }
  SECTION("least squares and logistic regression with their Hessians") {
    constexpr auto squares = md::sqnorm(X * w - y);
    constexpr auto logistic = md::sum(md::softplus(X * w)) - md::dot(y, X * w);
    constexpr auto weights = md::hadamard(md::sigmoid(X * w), md::ones<8, 1> - md::sigmoid(X * w));
    constexpr auto k = md::kernel(squares, md::grad(squares, w), md::transpose(X) * X, logistic,
                                  md::grad(logistic, w), md::transpose(X) * md::diag(weights) * X);
    double value = 0;
    REQUIRE(allocations_during([&] { value = std::get<3>(k(X = Xv, w = wv, y = yv)); }) == 0);
    const Eigen::Matrix<double, 8, 1> z = Xv * wv;
    require_close(value, z.unaryExpr([](double t) { return std::log1p(std::exp(t)); }).sum() - yv.dot(z), 1e-12);
  }
  SECTION("element-wise functions, chains, scalings and transposed products") {
    constexpr auto f = md::sum(md::exp(md::hadamard(A, B))) + md::trace(A * B * md::transpose(A)) +
                       md::sum(md::diag(md::diagonal(A)) * B);
    constexpr auto k = md::kernel(f, md::grad(f, A));
    double value = 0;
    REQUIRE(allocations_during([&] { value = std::get<0>(k(A = Av, B = Bv)); }) == 0);
    require_close(value, Av.cwiseProduct(Bv).array().exp().sum() + (Av * Bv * Av.transpose()).trace() +
                             (Av.diagonal().asDiagonal() * Bv).sum(), 1e-12);
  }
}

TEST_CASE("a sum reads a transposed term in place: A + A' allocates only its result") {
  // The Hessian of x'Ax. A planned sum computes t0 + t1 in one pass and adds later terms
  // into it, reading a transpose's operand transposed instead of forming it.
  constexpr auto n = md::dim<"n">;
  constexpr auto D = md::matrix<"D", n, n>;
  constexpr auto E = md::matrix<"E", n, n>;
  const Eigen::MatrixXd Dv = random_matrix<Eigen::MatrixXd>(6, 6), Ev = random_matrix<Eigen::MatrixXd>(6, 6);
  Eigen::MatrixXd sum;
  REQUIRE(allocations_during([&] { sum = md::eval(D + md::transpose(D), D = Dv); }) == 1);
  CHECK(sum == Eigen::MatrixXd(Dv + Dv.transpose()));
  REQUIRE(allocations_during([&] { sum = md::eval(md::transpose(E) - D + md::transpose(D), D = Dv, E = Ev); }) == 1);
  CHECK(sum == Eigen::MatrixXd((Ev.transpose() - Dv) + Dv.transpose()));
}

TEST_CASE("a sum times a vector is a sum of products into one result: (D + D')v allocates only its result") {
  // The gradient (A + A')x of x'Ax: Dv is the result, D'v is multiplied into it, not formed.
  constexpr auto n = md::dim<"n">;
  constexpr auto D = md::matrix<"D", n, n>;
  constexpr auto v = md::vector<"v", n>;
  const Eigen::MatrixXd Dv = random_matrix<Eigen::MatrixXd>(6, 6);
  const Eigen::VectorXd vv = random_matrix<Eigen::VectorXd>(6, 1);
  Eigen::VectorXd product;
  REQUIRE(allocations_during([&] { product = md::eval((D + md::transpose(D)) * v, D = Dv, v = vv); }) == 1);
  require_close(product, Eigen::VectorXd((Dv + Dv.transpose()) * vv));
  REQUIRE(allocations_during([&] { product = md::eval((D - md::transpose(D)) * v, D = Dv, v = vv); }) == 1);
  require_close(product, Eigen::VectorXd((Dv - Dv.transpose()) * vv));
  // Value and gradient of x'Ax: Dv, shared by both, and the gradient.
  const auto value_and_gradient = md::kernel(md::transpose(v) * D * v, md::grad(md::transpose(v) * D * v, v));
  double value = 0;
  REQUIRE(allocations_during([&] { std::tie(value, product) = value_and_gradient(D = Dv, v = vv); }) == 2);
  require_close(product, Eigen::VectorXd((Dv + Dv.transpose()) * vv));
  require_close(value, vv.dot(Dv * vv));
}

TEST_CASE("a scaled product is one product: -2(T - UV')V allocates its result and T - UV' only") {
  constexpr auto m = md::dim<"m">;
  constexpr auto n = md::dim<"n">;
  constexpr auto T = md::matrix<"T", m, n>;
  constexpr auto U = md::matrix<"U", m, 3>;
  constexpr auto V = md::matrix<"V", n, 3>;
  constexpr auto f = md::sqnorm(T - U * md::transpose(V));
  const Eigen::MatrixXd Tv = random_matrix<Eigen::MatrixXd>(8, 6);
  const Eigen::Matrix<double, Eigen::Dynamic, 3> Uv = random_matrix<Eigen::MatrixXd>(8, 3), Vv = random_matrix<Eigen::MatrixXd>(6, 3);
  const auto value_and_gradient = md::kernel(f, md::grad(f, U));
  double value = 0;
  Eigen::Matrix<double, Eigen::Dynamic, 3> gradient;  // the kernel's type: no conversion
  Eigen::MatrixXd sum;
  REQUIRE(allocations_during([&] { std::tie(value, gradient) = value_and_gradient(T = Tv, U = Uv, V = Vv); }) == 2);
  require_close(Eigen::MatrixXd(gradient), Eigen::MatrixXd(-2 * (Tv - Uv * Vv.transpose()) * Vv));
  // A scaled product added into a sum: only the sum's result.
  REQUIRE(allocations_during([&] { sum = md::eval(T - 2 * (U * md::transpose(V)), T = Tv, U = Uv, V = Vv); }) == 1);
  require_close(sum, Eigen::MatrixXd(Tv - 2 * Uv * Vv.transpose()));
}

TEST_CASE("a sum reads a scaled term in place: 2D - 3E' allocates only its result") {
  // The gradient 2J - 2M of ‖J‖² + ‖J⁻¹‖² has such terms: s·M is added without forming it.
  constexpr auto n = md::dim<"n">;
  constexpr auto D = md::matrix<"D", n, n>;
  constexpr auto E = md::matrix<"E", n, n>;
  constexpr auto s = md::scalar<"s">;
  const Eigen::MatrixXd Dv = random_matrix<Eigen::MatrixXd>(6, 6), Ev = random_matrix<Eigen::MatrixXd>(6, 6);
  Eigen::MatrixXd sum;
  REQUIRE(allocations_during([&] { sum = md::eval(2 * D - 3 * md::transpose(E), D = Dv, E = Ev); }) == 1);
  const Eigen::MatrixXd twice = 2 * Dv, thrice = 3 * Ev.transpose();
  CHECK(sum == Eigen::MatrixXd(twice - thrice));
  REQUIRE(allocations_during([&] { sum = md::eval(D + s * E - 0.5 * D, D = Dv, E = Ev, s = 1.5); }) == 1);
  const Eigen::MatrixXd scaled = 1.5 * Ev, half = 0.5 * Dv;
  CHECK(sum == Eigen::MatrixXd(Dv + scaled - half));
}

TEST_CASE("an identity factor of a Kronecker product is not formed: D ⊗ I allocates only its result") {
  // The Hessian 2(V'V ⊗ I) of ‖T - UV'‖² in U: the identity gives its size and its diagonal,
  // formed or added into a sum. (E gives n its value.)
  constexpr auto n = md::dim<"n">;
  constexpr auto D = md::matrix<"D", 3, 3>;
  constexpr auto E = md::matrix<"E", n, n>;
  const Eigen::Matrix3d Dv = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd Ev = random_matrix<Eigen::MatrixXd>(6, 6);
  Eigen::MatrixXd DI, E_copy, sum;
  // Two results, two allocations: D ⊗ I and the copy of E.
  REQUIRE(allocations_during([&] { std::tie(DI, E_copy) = md::kernel(md::kron(D, md::identity<n>), E)(D = Dv, E = Ev); }) == 2);
  REQUIRE(allocations_during([&] { sum = md::eval(md::kron(D, md::identity<n>) + md::kron(D, E), D = Dv, E = Ev); }) == 1);
  REQUIRE(DI.rows() == 18);
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 3; ++i) {
      CHECK(DI.block(6 * i, 6 * j, 6, 6) == Eigen::MatrixXd(Dv(i, j) * Eigen::MatrixXd::Identity(6, 6)));
      require_close(Eigen::MatrixXd(sum.block(6 * i, 6 * j, 6, 6)), Eigen::MatrixXd(Dv(i, j) * (Eigen::MatrixXd::Identity(6, 6) + Ev)));
    }
}
