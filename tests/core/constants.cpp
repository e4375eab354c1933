// Constant matrices and numbers: shapes, printing and evaluation.
#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;

constexpr auto n = md::dim<"n">;
constexpr auto X = md::matrix<"X", n, 3>;

TEST_CASE("constants have the shapes they are given") {
  static_assert(decltype(md::identity<3>)::shape_v == md::shape{md::to_dimension(3), md::to_dimension(3)});
  static_assert(decltype(md::zeros<2, n>)::shape_v == md::shape{md::to_dimension(2), n});
  static_assert(decltype(md::ones<n, 1>)::symbols_v.size == 1);
  static_assert(decltype(md::ones<n, 1>)::variables_v.size == 0);
  STATIC_REQUIRE(decltype(2 * X)::shape_v == decltype(X)::shape_v);
}

TEST_CASE("constants and numbers print") {
  static_assert(md::to_string(md::identity<3> + md::zeros<3, 3>) == "I + 0");
  static_assert(md::to_latex(md::ones<3, 1>) == "\\mathbf{1}");
  static_assert(md::to_string(md::ones<3, 1>) == "ones");
  static_assert(md::to_string(2 * X) == "2*X");
  static_assert(md::to_string(0.5 * X) == "0.5*X");
  static_assert(md::to_string(X / 2) == "X/2");
  static_assert(md::to_string(-2 * X) == "-2*X");
  static_assert(md::to_string(X * -2) == "X*(-2)");
  static_assert(md::to_latex(X / 2) == "\\frac{X}{2}");
  STATIC_REQUIRE(md::to_latex(2 * X) == "2 X");
}

TEST_CASE("constants take symbolic sizes from the variables at evaluation") {
  const Eigen::MatrixXd Xv = matdiff_test::random_matrix<Eigen::MatrixXd>(5, 3);
  const Eigen::MatrixXd with_identity = md::eval(md::identity<n> * X, X = Xv);
  matdiff_test::require_close(with_identity, Xv);
  const Eigen::MatrixXd shifted = md::eval(X + md::ones<n, 3>, X = Xv);
  matdiff_test::require_close(shifted, (Xv.array() + 1.0).matrix());
  const double zero = md::eval(md::sum(md::zeros<n, 3> + 0 * X), X = Xv);
  REQUIRE(zero == 0.0);
  REQUIRE(md::eval(md::trace(md::identity<4>)) == 4.0);
  const auto I3 = md::eval(md::identity<3>);
  static_assert(std::is_same_v<std::remove_const_t<decltype(I3)>, Eigen::Matrix3d>);
  REQUIRE(I3.isIdentity());
}

TEST_CASE("numbers evaluate exactly as written") {
  const Eigen::Matrix3d Xv = matdiff_test::random_matrix<Eigen::Matrix3d>();
  constexpr auto Y = md::matrix<"Y", 3, 3>;
  matdiff_test::require_close(md::eval(Y / 4 + 0.5 * Y, Y = Xv), Eigen::Matrix3d(0.75 * Xv));
  REQUIRE(md::eval(md::scalar<"a"> + 1, md::scalar<"a"> = 2.0) == 3.0);
}
