// Sums filled entry by entry (tests/eval/sums_by_entries.cpp), part 2: the per-element
// energies of docs/benchmarks.md, a scaled sum and a sum with a product term. Two units: one
// took 1.47 GB to compile.
#undef MATDIFF_INLINE_KERNEL_ENTRIES  // 144, the default: see ../support/filled_by_entries.hpp
#define MATDIFF_INLINE_KERNEL_ENTRIES 144

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"
#include "../support/filled_by_entries.hpp"

namespace md = matdiff;
using matdiff_test::check_filled;
using matdiff_test::near;
using matdiff_test::random_matrix;

namespace {
constexpr md::dimension n = md::dim<"n">;
constexpr md::dimension m = md::dim<"m">;
}  // namespace

TEST_CASE("a triangle's 6x6 Hessian, a scaled sum, is filled entry by entry", "[plan][sum][eval]") {
  // area·(‖PB‖² + ‖(PB)⁻¹‖²): the Hessian is area times a sum of Kronecker terms.
  constexpr auto P = md::matrix<"P", 2, 3>;
  constexpr auto B = md::matrix<"B", 3, 2>;
  constexpr auto area = md::scalar<"area">;
  constexpr auto f = area * (md::sqnorm(P * B) + md::sqnorm(md::inv(P * B)));
  constexpr auto Pn = md::matrix<"P", n, m>;
  constexpr auto Bn = md::matrix<"B", m, n>;
  constexpr auto fn = area * (md::sqnorm(Pn * Bn) + md::sqnorm(md::inv(Pn * Bn)));
  Eigen::Matrix<double, 2, 3> Pv{{-1, 1, 0}, {-1, 0, 1}};
  Eigen::Matrix<double, 3, 2> Bv{{0, 0}, {1, 0}, {0, 1}};
  Pv = near(Pv, 0.1);
  Bv = near(Bv, 0.1);
  const Eigen::Matrix<double, 6, 6> hessian = md::eval(md::hessian(f, P), P = Pv, B = Bv, area = 0.5);
  check_filled(hessian,
               md::eval(md::hessian(fn, Pn), Pn = Eigen::MatrixXd(Pv), Bn = Eigen::MatrixXd(Bv), area = 0.5),
               matdiff_test::jacobian_by_differences(md::grad(f, P), P, P = Pv, B = Bv, area = 0.5));
}

TEST_CASE("a Neo-Hookean 9x9 Hessian, with a rank-one product term, is filled entry by entry", "[plan][sum][eval]") {
  // μ/2(‖F‖² − 3) − μ log|det F| + λ/2 (log|det F|)², F = PB (P, B 3x3, the tetrahedron's
  // energy of docs/benchmarks.md at a 9x9 Hessian): μ(BBᵀ ⊗ I), the outer product
  // λ vec(·)vec(·)ᵀ added from its factors, and −c(Q ⊗ Qᵀ)K.
  constexpr auto P = md::matrix<"P", 3, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  constexpr auto mu = md::scalar<"mu">;
  constexpr auto lambda = md::scalar<"lambda">;
  constexpr auto f = mu * (md::sqnorm(P * B) - 3) / 2 - mu * md::logdet(P * B) +
                     lambda * md::logdet(P * B) * md::logdet(P * B) / 2;
  constexpr auto Pn = md::matrix<"P", n, n>;
  constexpr auto Bn = md::matrix<"B", n, n>;
  constexpr auto fn = mu * (md::sqnorm(Pn * Bn) - 3) / 2 - mu * md::logdet(Pn * Bn) +
                      lambda * md::logdet(Pn * Bn) * md::logdet(Pn * Bn) / 2;
  const Eigen::Matrix3d Pv = near(Eigen::Matrix3d(Eigen::Matrix3d::Identity()), 0.1);
  const Eigen::Matrix3d Bv = near(Eigen::Matrix3d(Eigen::Matrix3d::Identity()), 0.3);
  const Eigen::Matrix<double, 9, 9> hessian = md::eval(md::hessian(f, P), P = Pv, B = Bv, mu = 0.7, lambda = 2.3);
  check_filled(
      hessian,
      md::eval(md::hessian(fn, Pn), Pn = Eigen::MatrixXd(Pv), Bn = Eigen::MatrixXd(Bv), mu = 0.7, lambda = 2.3),
      matdiff_test::jacobian_by_differences(md::grad(f, P), P, P = Pv, B = Bv, mu = 0.7, lambda = 2.3));
}
