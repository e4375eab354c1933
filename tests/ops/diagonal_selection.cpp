// The diagonal selection matrix (ops/diagonal_selection.hpp): shape, printing and its value,
// vec(diag(v)) = S v and diagonal(A) = Sᵀ vec(A).
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {
constexpr auto n = md::dim<"n">;
constexpr auto S3 = md::diagonal_selection<3>;
constexpr auto Sn = md::diagonal_selection<n>;
constexpr auto v = md::vector<"v", 3>;
constexpr auto A = md::matrix<"A", n, n>;
}  // namespace

TEST_CASE("S(n) is n² x n", "[diagonal_selection][shape]") {
  static_assert(decltype(S3)::shape_v == md::shape{md::to_dimension(9), md::to_dimension(3)});
  STATIC_REQUIRE(decltype(Sn)::shape_v == md::shape{n * n, n});
}

TEST_CASE("S(n) prints as S(n) in text and S_{n} in LaTeX", "[diagonal_selection][print]") {
  static_assert(md::to_string(S3) == "S(3)");
  static_assert(md::to_latex(Sn) == "S_{n}");
  STATIC_REQUIRE(md::to_string(md::transpose(Sn) * md::vec(A)) == "S(n)'*vec(A)");
}

TEST_CASE("S v is vec(diag(v)) and S' vec(A) is diagonal(A)", "[diagonal_selection][eval]") {
  const Eigen::Vector3d vv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(S3 * v, v = vv), Eigen::VectorXd(Eigen::Matrix3d(vv.asDiagonal()).reshaped()), 0);
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(4, 4);
  require_close(md::eval(md::transpose(Sn) * md::vec(A), A = Av), Eigen::VectorXd(Av.diagonal()), 0);
}
