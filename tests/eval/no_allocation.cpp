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
