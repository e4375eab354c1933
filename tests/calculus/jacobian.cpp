// md::jacobian(F, X) = ∂vec(F)/∂vec(X)ᵀ: closed forms (Ax, x∘x, exp(Ax), sigmoid(Wx),
// vec(AXB) = B'⊗A, vec(X') = K, vec(inv(X)) = -inv(X)'⊗inv(X)) and central differences for
// every vec rule, fixed and symbolic sizes; the printed forms.
#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::expect_jacobian;
using matdiff_test::invertible;
using matdiff_test::kronecker;
using matdiff_test::jacobian_value;
using matdiff_test::random;
using matdiff_test::require_close;
using matdiff_test::with_rectangular_sizes;
using matdiff_test::with_square_sizes;

namespace {
/// The commutation matrix K(m,n), from its definition K vec(A) = vec(A') on the unit matrices.
Eigen::MatrixXd commutation_of(Eigen::Index m, Eigen::Index n) {
  Eigen::MatrixXd k = Eigen::MatrixXd::Zero(m * n, m * n);
  for (Eigen::Index c = 0; c < m * n; ++c) {
    Eigen::MatrixXd unit = Eigen::MatrixXd::Zero(m, n);
    unit.reshaped()(c) = 1;
    k.col(c) = Eigen::MatrixXd(unit.transpose()).reshaped();
  }
  return k;
}
}  // namespace

TEST_CASE("Jacobians of vector functions: Ax, x.*x, exp(Ax), sigmoid(Wx)", "[jacobian]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto x = md::vector<"x", S::n>;
    constexpr auto A = md::matrix<"A", S::m, S::n>;
    const auto xv = random<S::n, 1>(s.cols, 1);
    const auto Av = random<S::m, S::n>(s.rows, s.cols);

    static_assert(md::jacobian(A * x, x).shape_v == md::shape{A.shape_v.rows, x.shape_v.rows});
    require_close(jacobian_value(A * x, x, A = Av, x = xv), Av, 1e-14);
    expect_jacobian(A * x, x, A = Av, x = xv);

    require_close(jacobian_value(md::hadamard(x, x), x, x = xv), Eigen::MatrixXd(2 * xv.asDiagonal()), 1e-14);
    expect_jacobian(md::hadamard(x, x), x, x = xv);

    const Eigen::VectorXd e = (Av * xv).array().exp();
    require_close(jacobian_value(md::exp(A * x), x, A = Av, x = xv), e.asDiagonal() * Av, 1e-13);
    expect_jacobian(md::exp(A * x), x, A = Av, x = xv);

    const Eigen::VectorXd sig = (1 + (-(Av * xv).array()).exp()).inverse();
    const Eigen::VectorXd slope = sig.array() * (1 - sig.array());
    require_close(jacobian_value(md::sigmoid(A * x), x, A = Av, x = xv), slope.asDiagonal() * Av, 1e-13);
    expect_jacobian(md::sigmoid(A * x), x, A = Av, x = xv);
  });
}

TEST_CASE("Jacobians of matrix functions: vec(AXB) = B' kron A, vec(X') = K, vec(inv X)", "[jacobian]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto A = md::matrix<"A", 2, S::m>;
    constexpr auto B = md::matrix<"B", S::n, 3>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols);
    const auto Av = random<2, S::m>(2, s.rows);
    const auto Bv = random<S::n, 3>(s.cols, 3);
    constexpr auto F = A * X * B;
    static_assert(md::jacobian(F, X).shape_v == md::shape{md::to_dimension(6), X.shape_v.rows * X.shape_v.cols});
    require_close(jacobian_value(F, X, A = Av, B = Bv, X = Xv), kronecker(Bv.transpose(), Av), 1e-14);
    expect_jacobian(F, X, A = Av, B = Bv, X = Xv);
    // The commutation matrix, applied as a permutation and formed alone.
    require_close(jacobian_value(md::transpose(X), X, X = Xv), commutation_of(s.rows, s.cols), 0);
    expect_jacobian(md::transpose(X), X, X = Xv);
    expect_jacobian(md::transpose(B) * md::transpose(md::hadamard(X, X)) * md::transpose(A), X, A = Av, B = Bv, X = Xv);
  });
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    const auto Xv = invertible<S::n>(s.cols);
    const Eigen::MatrixXd inverse = Xv.inverse();
    require_close(jacobian_value(md::inv(X), X, X = Xv), -kronecker(inverse.transpose(), inverse), 1e-12);
    expect_jacobian(md::inv(X), X, X = Xv);
  });
}

TEST_CASE("Jacobians print with kron, K, S and diag", "[jacobian][print]") {
  constexpr auto n = md::dim<"n">;
  constexpr auto X = md::matrix<"X", 3, 4>;
  constexpr auto Y = md::matrix<"Y", n, n>;
  constexpr auto A = md::matrix<"A", 2, 3>;
  constexpr auto B = md::matrix<"B", 4, 2>;
  constexpr auto x = md::vector<"x", n>;
  static_assert(md::to_string(md::jacobian(A * X * B, X)) == "kron(B', A)");
  static_assert(md::to_latex(md::jacobian(A * X * B, X)) == "B^{\\top} \\otimes A");
  static_assert(md::to_string(md::jacobian(md::transpose(X), X)) == "K(3,4)");
  static_assert(md::to_latex(md::jacobian(md::transpose(X), X)) == "K_{3,4}");
  static_assert(md::to_string(md::jacobian(md::inv(Y), Y)) == "-kron(inv(Y)', inv(Y))");
  static_assert(md::to_latex(md::jacobian(md::inv(Y), Y)) == "-Y^{-\\top} \\otimes Y^{-1}");
  static_assert(md::to_string(md::jacobian(md::diag(x), x)) == "S(n)");
  static_assert(md::to_string(md::jacobian(md::diagonal(Y), Y)) == "S(n)'");
  static_assert(md::to_string(md::jacobian(md::exp(Y * x), x)) == "diag(exp(Y*x))*Y");
  static_assert(md::to_string(md::jacobian(md::hadamard(x, x), x)) == "2*diag(x)");
  static_assert(md::to_string(md::jacobian(md::sqnorm(x), x)) == "2*x'");
}
