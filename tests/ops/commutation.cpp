// The commutation matrix (ops/commutation.hpp): shape, printing, its rules (K(m,n)ᵀ = K(n,m),
// K(n,m)K(m,n) = I, K(m,1) = I) and its value, K vec(A) = vec(Aᵀ).
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {
constexpr auto m = md::dim<"m">;
constexpr auto K23 = md::commutation<2, 3>;
constexpr auto Km3 = md::commutation_matrix<m, md::to_dimension(3)>{};
constexpr auto A = md::matrix<"A", 2, 3>;
constexpr auto M = md::matrix<"M", m, 3>;
}  // namespace

TEST_CASE("K(m,n) is mn x mn, and K(m,1) and K(1,n) are identities", "[commutation][shape]") {
  static_assert(decltype(K23)::shape_v == md::shape{md::to_dimension(6), md::to_dimension(6)});
  static_assert(decltype(Km3)::shape_v == md::shape{m * 3, m * 3});
  static_assert(md::to_string(md::commutation<4, 1>) == "I");
  STATIC_REQUIRE(md::to_string(md::commutation<1, 4>) == "I");
}

TEST_CASE("K(m,n) prints as K(m,n) in text and K_{m,n} in LaTeX", "[commutation][print]") {
  static_assert(md::to_string(K23) == "K(2,3)");
  static_assert(md::to_latex(K23) == "K_{2,3}");
  STATIC_REQUIRE(md::to_string(Km3) == "K(m,3)");
}

TEST_CASE("K(m,n)' is K(n,m), and K(n,m) K(m,n) is the identity", "[commutation][rules]") {
  static_assert(md::to_string(md::simplify(md::transpose(K23))) == "K(3,2)");
  static_assert(md::to_string(md::simplify(md::commutation<3, 2> * K23)) == "I");
  static_assert(decltype(md::simplify(md::commutation<3, 2> * K23))::shape_v == decltype(K23)::shape_v);
  static_assert(md::to_string(md::simplify(md::transpose(K23) * K23 * md::vec(A))) == "vec(A)");
  STATIC_REQUIRE(md::to_string(md::simplify(K23 * K23)) == "K(2,3)*K(2,3)");
}

TEST_CASE("K vec(A) is vec(A'), at fixed and run-time sizes", "[commutation][eval]") {
  const Eigen::Matrix<double, 2, 3> Av = random_matrix<Eigen::Matrix<double, 2, 3>>();
  require_close(md::eval(K23 * md::vec(A), A = Av), Eigen::VectorXd(Av.transpose().reshaped()), 0);
  const Eigen::MatrixXd Mv = random_matrix<Eigen::MatrixXd>(4, 3);
  require_close(md::eval(Km3 * md::vec(M), M = Mv), Eigen::VectorXd(Mv.transpose().reshaped()), 0);
  // The transposed permutation undoes it.
  require_close(md::eval(md::transpose(Km3) * (Km3 * md::vec(M)), M = Mv), Eigen::VectorXd(Mv.reshaped()), 0);
}
