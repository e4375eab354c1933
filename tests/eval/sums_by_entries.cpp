// A Hessian's sum of Kronecker terms at a small fixed size is filled entry by entry, each
// entry written once, where the kernel returns it (eval/plan/special_forms.hpp:
// `fill_by_entries`; a scaled sum, eval/ops/product.hpp): it equals the same Hessian over
// run-time sizes, summed term by term, and central differences of the gradient. Part 2
// (sums_by_entries_elements.cpp): the per-element energies of docs/benchmarks.md.
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
}  // namespace

TEST_CASE("the 9x9 Hessian of log|det X| + tr(AX⁻¹) is filled entry by entry", "[plan][sum][eval]") {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto A = md::matrix<"A", 3, 3>;
  constexpr auto f = md::logdet(X) + md::trace(A * md::inv(X));
  constexpr auto Xn = md::matrix<"X", n, n>;
  constexpr auto An = md::matrix<"A", n, n>;
  constexpr auto fn = md::logdet(Xn) + md::trace(An * md::inv(Xn));
  const Eigen::Matrix3d Xv = near(Eigen::Matrix3d(2 * Eigen::Matrix3d::Identity()));
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix<double, 9, 9> hessian = md::eval(md::hessian(f, X), X = Xv, A = Av);
  check_filled(hessian, md::eval(md::hessian(fn, Xn), Xn = Eigen::MatrixXd(Xv), An = Eigen::MatrixXd(Av)),
               matdiff_test::jacobian_by_differences(md::grad(f, X), X, X = Xv, A = Av));
  // Bound to values of run-time size, the same kernel adds its terms block by block
  // (binds_fixed_sizes, eval/value.hpp): the same Hessian.
  matdiff_test::require_close(Eigen::MatrixXd(hessian),
                              md::eval(md::hessian(f, X), X = Eigen::MatrixXd(Xv), A = Eigen::MatrixXd(Av)), 1e-14);
}

TEST_CASE("the 9x9 Hessian of ‖J‖² + ‖J⁻¹‖², nested sums of Kronecker terms, is filled entry by entry",
          "[plan][sum][eval]") {
  constexpr auto J = md::matrix<"J", 3, 3>;
  constexpr auto f = md::sqnorm(J) + md::sqnorm(md::inv(J));
  constexpr auto Jn = md::matrix<"J", n, n>;
  constexpr auto fn = md::sqnorm(Jn) + md::sqnorm(md::inv(Jn));
  const Eigen::Matrix3d Jv = near(Eigen::Matrix3d(Eigen::Matrix3d::Identity()));
  const Eigen::Matrix<double, 9, 9> hessian = md::eval(md::hessian(f, J), J = Jv);
  check_filled(hessian, md::eval(md::hessian(fn, Jn), Jn = Eigen::MatrixXd(Jv)),
               matdiff_test::jacobian_by_differences(md::grad(f, J), J, J = Jv));
}
