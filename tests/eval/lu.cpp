// The LU factorization of eval/lu.hpp: at fixed sizes up to 4x4 it gives what Eigen's
// PartialPivLU gives (the same pivots, factors, permutation, determinant, inverse and
// solves, to rounding), also with row exchanges, zero columns and singular matrices; the
// factorization kernels use agrees with it.
#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

template <int N>
void compare_with_eigen(const Eigen::Matrix<double, N, N>& a) {
  using M = Eigen::Matrix<double, N, N>;
  INFO("A =\n" << a);
  const md::pivoted_lu_t<M> mine(a);
  const Eigen::PartialPivLU<M> eigen(a);
  // The same pivot rows, so the same factors (the arithmetic is the same but for its order).
  CHECK(mine.permutationP().indices() == eigen.permutationP().indices());
  require_close(mine.matrixLU(), eigen.matrixLU(), 1e-14);
  require_close(mine.determinant(), eigen.determinant(), 1e-14);
  require_close(mine.reconstructedMatrix(), eigen.reconstructedMatrix(), 1e-14);

  // The factorization kernels use (lu_t): at 2x2 to 4x4 the same LU for the factors and the
  // solves, the cofactors for the inverse and the determinant where they are safe, which
  // agree with the LU's to rounding times the condition number (their accuracy against
  // long double: tests/eval/cofactor_inverse.cpp).
  const md::lu_t<M> factorization(a);
  CHECK(factorization.matrixLU() == mine.matrixLU());
  CHECK(factorization.permutationP().indices() == mine.permutationP().indices());
  if (eigen.matrixLU().diagonal().cwiseAbs().minCoeff() == 0) return;  // no inverse
  const M inverse = eigen.inverse();
  const double condition = a.cwiseAbs().maxCoeff() * inverse.cwiseAbs().maxCoeff();
  require_close(factorization.inverse(), inverse, 1e-15 * std::max(condition, 100.0));
  require_close(factorization.determinant(), eigen.determinant(), 1e-15 * std::max(condition, 100.0));

  require_close(mine.inverse(), inverse, 1e-13);
  const Eigen::Matrix<double, N, 3> b = random_matrix<Eigen::Matrix<double, N, 3>>();
  require_close(mine.solve(b), Eigen::Matrix<double, N, 3>(eigen.solve(b)), 1e-13);
  require_close(mine.transpose().solve(b), Eigen::Matrix<double, N, 3>(eigen.transpose().solve(b)), 1e-13);
  CHECK(factorization.solve(b) == mine.solve(b));
  CHECK(factorization.transpose().solve(b) == mine.transpose().solve(b));
  const Eigen::MatrixXd dynamic_columns = random_matrix<Eigen::MatrixXd>(N, 2);
  require_close(mine.solve(dynamic_columns), Eigen::MatrixXd(eigen.solve(dynamic_columns)), 1e-13);
}

template <int N>
void compare_all() {
  using M = Eigen::Matrix<double, N, N>;
  for (int t = 0; t < 100; ++t) compare_with_eigen<N>(random_matrix<M>());
  // Row exchanges at every step: the largest entries below the diagonal.
  M exchanges = M::Identity() * 0.1;
  for (int i = 0; i < N; ++i) exchanges((i + 1) % N, i) = 1;
  compare_with_eigen<N>(exchanges);
  // Ties: the first of equal pivots, as Eigen.
  compare_with_eigen<N>(M::Ones() + M::Identity());
  // A zero column and a zero matrix: pivot 0, no division.
  M zero_column = random_matrix<M>();
  zero_column.col(0).setZero();
  compare_with_eigen<N>(zero_column);
  compare_with_eigen<N>(M::Zero());
}

}  // namespace

TEST_CASE("the fixed-size LU agrees with Eigen's PartialPivLU", "[lu]") {
  compare_all<1>();
  compare_all<2>();
  compare_all<3>();
  compare_all<4>();
}

TEST_CASE("fixed sizes up to 4 use small_lu or unrolled_lu, others PartialPivLU", "[lu]") {
  STATIC_REQUIRE(std::is_same_v<md::lu_t<Eigen::Matrix4d>, md::small_lu<double, 4>>);
  STATIC_REQUIRE(std::is_same_v<md::lu_t<Eigen::Matrix2f>, md::small_lu<float, 2>>);
  STATIC_REQUIRE(std::is_same_v<md::lu_t<Eigen::Matrix3d>, md::small_lu<double, 3>>);
  STATIC_REQUIRE(std::is_same_v<md::lu_t<Eigen::Matrix2i>, md::unrolled_lu<int, 2>>);
  STATIC_REQUIRE(std::is_same_v<md::lu_t<Eigen::Matrix<double, 1, 1>>, md::unrolled_lu<double, 1>>);
  STATIC_REQUIRE(std::is_same_v<md::lu_t<Eigen::Matrix4i>, md::unrolled_lu<int, 4>>);
  // Solves and the adjugate take the pivoted LU itself.
  STATIC_REQUIRE(std::is_same_v<md::pivoted_lu_t<Eigen::Matrix3d>, md::unrolled_lu<double, 3>>);
  STATIC_REQUIRE(std::is_same_v<md::pivoted_lu_t<Eigen::MatrixXd>, Eigen::PartialPivLU<Eigen::MatrixXd>>);
  STATIC_REQUIRE(std::is_same_v<md::lu_t<Eigen::Matrix<double, 5, 5>>, Eigen::PartialPivLU<Eigen::Matrix<double, 5, 5>>>);
  STATIC_REQUIRE(std::is_same_v<md::lu_t<Eigen::MatrixXd>, Eigen::PartialPivLU<Eigen::MatrixXd>>);
}

TEST_CASE("solves with an inverse on either side at fixed sizes", "[lu][eval]") {
  // inv(A)*B and B*inv(A) are planned as solves with the shared LU (small_lu at 3x3).
  constexpr auto A = md::matrix<"A", 3, 3>;
  constexpr auto B = md::matrix<"B", 2, 3>;
  constexpr auto C = md::matrix<"C", 3, 2>;
  const Eigen::Matrix3d Av = matdiff_test::well_conditioned<Eigen::Matrix3d>(3);
  const Eigen::Matrix<double, 2, 3> Bv = random_matrix<Eigen::Matrix<double, 2, 3>>();
  const Eigen::Matrix<double, 3, 2> Cv = random_matrix<Eigen::Matrix<double, 3, 2>>();
  const auto [right, left] = md::kernel(B * md::inv(A), md::inv(A) * C)(A = Av, B = Bv, C = Cv);
  require_close(right, Eigen::Matrix<double, 2, 3>(Bv * Av.inverse()), 1e-13);
  require_close(left, Eigen::Matrix<double, 3, 2>(Av.inverse() * Cv), 1e-13);
  // Single precision.
  const Eigen::Matrix3f Af = Av.cast<float>();
  const Eigen::Matrix<float, 3, 2> Cf = Cv.cast<float>();
  require_close(md::eval(md::inv(A) * C, A = Af, C = Cf).cast<double>().eval(), Eigen::Matrix<double, 3, 2>(Av.inverse() * Cv), 1e-5);
}
