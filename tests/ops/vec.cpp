// vec, column-major stacking (ops/vec.hpp): shape rule, evaluation, printing.
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

/// rows x cols, each an integer or a symbolic md::dim.
consteval md::shape shape(auto rows, auto cols) {
  return {md::to_dimension(rows), md::to_dimension(cols)};
}
template <class E>
constexpr md::shape shape_of(const E&) {
  return E::shape_v;
}

constexpr md::dimension n = md::dim<"n">;
constexpr md::dimension m = md::dim<"m">;

constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto A = md::matrix<"A", 2, 3>;
constexpr auto B = md::matrix<"B", 4, 5>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto N = md::matrix<"N", n, m>;
constexpr auto a = md::scalar<"a">;

using Matrix34 = Eigen::Matrix<double, 3, 4>;

/// Column-major stacking by its definition: entry i + rows*j is m(i, j).
Eigen::VectorXd stack_columns(const Eigen::MatrixXd& m) {
  Eigen::VectorXd v(m.size());
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i) v(i + m.rows() * j) = m(i, j);
  return v;
}

}  // namespace

TEST_CASE("vec of an m x n matrix is an mn x 1 vector", "[vec][shape]") {
  STATIC_REQUIRE(shape_of(md::vec(X)) == shape(12, 1));
  STATIC_REQUIRE(shape_of(md::vec(md::transpose(X))) == shape(12, 1));
  STATIC_REQUIRE(shape_of(md::vec(x)) == shape(3, 1));
  STATIC_REQUIRE(shape_of(md::vec(md::transpose(x))) == shape(3, 1));
  STATIC_REQUIRE(shape_of(md::vec(Y)) == shape(md::to_dimension(3) * n, 1));
  STATIC_REQUIRE(shape_of(md::vec(N)) == shape(m * n, 1));
  STATIC_REQUIRE(shape_of(md::vec(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::vec(Y)).to_text() == "(3*n)x1");
  STATIC_REQUIRE(shape_of(md::vec(N)).to_text() == "(m*n)x1");
  STATIC_REQUIRE(md::vec_op::check(shape(n, m)).ok());
}

TEST_CASE("vec evaluates to a scalar or a column of fixed or dynamic length", "[vec][eval]") {
  // Only the types of these values matter here.
  const Matrix34 Xv;
  const Eigen::MatrixXd Yv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::vec(X), X = Xv)), Eigen::Matrix<double, 12, 1>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::vec(Y), Y = Yv)), Eigen::VectorXd>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::vec(a), a = 1.0)), double>);
}

TEST_CASE("vec stacks the columns of a fixed-size matrix", "[vec][eval]") {
  Matrix34 Xv;
  Xv << 1, 4, 7, 10,  //
      2, 5, 8, 11,    //
      3, 6, 9, 12;
  Eigen::Matrix<double, 12, 1> expected;
  expected << 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;
  CHECK(md::eval(md::vec(X), X = Xv) == expected);
  const Matrix34 Rv = random_matrix<Matrix34>();
  require_close(md::eval(md::vec(X), X = Rv), stack_columns(Rv));
  require_close(md::eval(md::vec(md::transpose(X)), X = Rv), stack_columns(Rv.transpose()));
}

TEST_CASE("vec is column-major whatever the storage of the bound value", "[vec][eval]") {
  const Eigen::Matrix<double, 3, 4, Eigen::RowMajor> row_major = random_matrix<Eigen::Matrix<double, 3, 4, Eigen::RowMajor>>();
  require_close(md::eval(md::vec(X), X = row_major), stack_columns(row_major));
  // A block of a larger matrix: its columns are not contiguous.
  const Eigen::MatrixXd big = random_matrix<Eigen::MatrixXd>(6, 7);
  require_close(md::eval(md::vec(X), X = big.block(1, 2, 3, 4)), stack_columns(big.block(1, 2, 3, 4)));
}

TEST_CASE("vec stacks the columns of a dynamic-size matrix", "[vec][eval]") {
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(5, 3);
  const Eigen::VectorXd v = md::eval(md::vec(Y), Y = Yv);
  REQUIRE(v.size() == 15);
  require_close(v, stack_columns(Yv));
  const Eigen::MatrixXd Nv = random_matrix<Eigen::MatrixXd>(2, 6);
  require_close(md::eval(md::vec(N), N = Nv), stack_columns(Nv));
}

TEST_CASE("vec of a vector or a 1x1 value is the value itself", "[vec][eval]") {
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(md::vec(x), x = xv), xv);
  require_close(md::eval(md::vec(md::transpose(x)), x = xv), xv);
  require_close(md::eval(md::vec(a), a = -1.5), -1.5);
}

TEST_CASE("vec(A X B) is (B' kron A) vec(X)", "[vec][eval]") {
  const Eigen::Matrix<double, 2, 3> Av = random_matrix<Eigen::Matrix<double, 2, 3>>();
  const Matrix34 Xv = random_matrix<Matrix34>();
  const Eigen::Matrix<double, 4, 5> Bv = random_matrix<Eigen::Matrix<double, 4, 5>>();
  const auto left = md::eval(md::vec(A * X * B), A = Av, X = Xv, B = Bv);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(left)>, Eigen::Matrix<double, 10, 1>>);
  require_close(left, md::eval(md::kron(md::transpose(B), A) * md::vec(X), A = Av, X = Xv, B = Bv));
  require_close(left, stack_columns(Av * Xv * Bv));
}

TEST_CASE("vec prints as vec(...)", "[vec][print]") {
  STATIC_REQUIRE(md::to_string(md::vec(X)) == "vec(X)");
  STATIC_REQUIRE(md::to_string(md::vec(A * X)) == "vec(A*X)");
  STATIC_REQUIRE(md::to_string(md::vec(md::transpose(X))) == "vec(X')");
  STATIC_REQUIRE(md::to_string(md::transpose(md::vec(X))) == "vec(X)'");
  STATIC_REQUIRE(md::to_string(md::kron(md::transpose(B), A) * md::vec(X)) == "kron(B', A)*vec(X)");

  CHECK(md::to_latex(md::vec(X)) == R"(\operatorname{vec}\left(X\right))");
  CHECK(md::to_latex(md::vec(A * X)) == R"(\operatorname{vec}\left(A X\right))");
  CHECK(md::to_latex(md::transpose(md::vec(X))) == R"(\operatorname{vec}\left(X\right)^{\top})");
  CHECK(md::to_latex(md::kron(md::transpose(B), A) * md::vec(X)) ==
        R"(\left(B^{\top} \otimes A\right)\operatorname{vec}\left(X\right))");
}
