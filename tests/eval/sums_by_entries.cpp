// A Hessian's sum of Kronecker terms at a small fixed size is filled entry by entry, each
// entry written once, where the kernel returns it (eval/plan/special_forms.hpp:
// `fill_by_entries`; a scaled sum, eval/ops/product.hpp): it equals the same Hessian over
// run-time sizes, summed term by term, and central differences of the gradient.
//
// The checking builds define MATDIFF_INLINE_KERNEL_ENTRIES as 16, and a sum is filled this
// way from 17 entries: this unit sets the default, 144, for itself (and so is compiled
// without the build's precompiled headers, which come before its first line).
#undef MATDIFF_INLINE_KERNEL_ENTRIES
#define MATDIFF_INLINE_KERNEL_ENTRIES 144

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

constexpr md::dimension n = md::dim<"n">;

/// value + tol·random, an invertible point near a well-conditioned matrix.
template <class M>
M near(const M& value, double tol = 0.2) {
  return value + tol * random_matrix<M>();
}

/// A Hessian at fixed sizes against the same Hessian at run-time sizes (by_terms) and central
/// differences of the gradient (1e-6).
template <class H, class D>
void check_filled(const H& by_entries, const Eigen::MatrixXd& by_terms, const D& differences) {
  STATIC_REQUIRE(H::SizeAtCompileTime != Eigen::Dynamic);
  require_close(Eigen::MatrixXd(by_entries), by_terms, 1e-14);
  require_close(Eigen::MatrixXd(by_entries), differences, 1e-6);
}

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
