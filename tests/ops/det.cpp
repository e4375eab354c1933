// Determinant (ops/det.hpp): shape rule, evaluation, printing.
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;
using matdiff_test::well_conditioned;

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

constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto D = md::matrix<"D", 2, 2>;
constexpr auto F = md::matrix<"F", 4, 4>;
constexpr auto N = md::matrix<"N", n, n>;
constexpr auto a = md::scalar<"a">;
constexpr auto s = md::matrix<"s", 1, 1>;

/// The rule of Sarrus.
double det3(const Eigen::Matrix3d& m) {
  return m(0, 0) * m(1, 1) * m(2, 2) + m(0, 1) * m(1, 2) * m(2, 0) + m(0, 2) * m(1, 0) * m(2, 1) -
         m(0, 2) * m(1, 1) * m(2, 0) - m(0, 0) * m(1, 2) * m(2, 1) - m(0, 1) * m(1, 0) * m(2, 2);
}

/// Laplace expansion along the first row.
double det4(const Eigen::Matrix4d& m) {
  double sum = 0;
  for (int j = 0; j < 4; ++j) {
    Eigen::Matrix3d minor;
    for (int r = 1; r < 4; ++r)
      for (int c = 0, k = 0; c < 4; ++c)
        if (c != j) minor(r - 1, k++) = m(r, c);
    sum += (j % 2 == 0 ? 1 : -1) * m(0, j) * det3(minor);
  }
  return sum;
}

}  // namespace

TEST_CASE("the determinant of a square matrix is 1x1", "[det][shape]") {
  STATIC_REQUIRE(shape_of(md::det(A)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::det(N)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::det(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::det(A) * A) == shape(3, 3));
}

TEST_CASE("the determinant of a non-square matrix is rejected", "[det][shape]") {
  STATIC_REQUIRE(md::det_op::check(shape(3, 3)).ok());
  STATIC_REQUIRE(md::det_op::check(shape(n, n)).ok());
  STATIC_REQUIRE(md::det_op::check(shape(2, 3)).view() == "matdiff: det of 2x3: the matrix is not square");
  STATIC_REQUIRE(!md::det_op::check(shape(n, 3)).ok());
}

TEST_CASE("a determinant evaluates to a scalar of the bound scalar type", "[det][eval]") {
  // Only the types of these values matter here.
  const Eigen::Matrix3d Av;
  const Eigen::Matrix3f Af;
  const Eigen::MatrixXd Nv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::det(A), A = Av)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::det(A), A = Af)), float>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::det(N), N = Nv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::det(a), a = 1.0)), double>);
}

TEST_CASE("the determinant of a fixed-size matrix matches the cofactor expansion", "[det][eval]") {
  const Eigen::Matrix2d Dv = random_matrix<Eigen::Matrix2d>();
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix4d Fv = random_matrix<Eigen::Matrix4d>();
  require_close(md::eval(md::det(D), D = Dv), Dv(0, 0) * Dv(1, 1) - Dv(0, 1) * Dv(1, 0));
  require_close(md::eval(md::det(A), A = Av), det3(Av));
  require_close(md::eval(md::det(F), F = Fv), det4(Fv));
}

TEST_CASE("determinants can be negative or zero", "[det][eval]") {
  Eigen::Matrix3d Av = well_conditioned<Eigen::Matrix3d>(3);
  Av.row(0).swap(Av.row(1));
  REQUIRE(det3(Av) < 0);
  require_close(md::eval(md::det(A), A = Av), det3(Av));
  Av.row(2).setZero();
  CHECK(md::eval(md::det(A), A = Av) == 0.0);
}

TEST_CASE("the determinant of a dynamic-size matrix matches a full-pivoting LU", "[det][eval]") {
  const Eigen::MatrixXd Nv = well_conditioned<Eigen::MatrixXd>(8);
  require_close(md::eval(md::det(N), N = Nv), Nv.fullPivLu().determinant());
  Eigen::MatrixXd swapped = Nv;
  swapped.row(3).swap(swapped.row(5));
  require_close(md::eval(md::det(N), N = swapped), -Nv.fullPivLu().determinant());
}

TEST_CASE("determinants inside expressions obey the product rules", "[det][eval]") {
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(md::det(A * B), A = Av, B = Bv), det3(Av) * det3(Bv));
  require_close(md::eval(md::det(md::transpose(A)), A = Av), det3(Av));
  require_close(md::eval(md::det(2 * A), A = Av), 8 * det3(Av));
  require_close(md::eval(md::det(A) * md::det(B), A = Av, B = Bv), det3(Av) * det3(Bv));
}

TEST_CASE("the determinant of a 1x1 value is the value itself", "[det][eval]") {
  require_close(md::eval(md::det(a), a = -1.75), -1.75);
  Eigen::Matrix<double, 1, 1> sv;
  sv << 3.0;
  require_close(md::eval(md::det(s), s = sv), 3.0);
  require_close(md::eval(md::det(N), N = Eigen::MatrixXd::Constant(1, 1, -2.0).eval()), -2.0);
}

TEST_CASE("the determinant of a single-precision matrix is a float", "[det][eval]") {
  const Eigen::Matrix3f Af = random_matrix<Eigen::Matrix3f>();
  const auto d = md::eval(md::det(A), A = Af);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(d)>, float>);
  require_close(d, det3(Af.cast<double>()), 1e-5);
}

TEST_CASE("a determinant prints as det(...)", "[det][print]") {
  STATIC_REQUIRE(md::to_string(md::det(A)) == "det(A)");
  STATIC_REQUIRE(md::to_string(md::det(A + B)) == "det(A + B)");
  STATIC_REQUIRE(md::to_string(md::det(A * B)) == "det(A*B)");
  STATIC_REQUIRE(md::to_string(md::det(A) * md::det(B)) == "det(A)*det(B)");
  STATIC_REQUIRE(md::to_string(md::det(A) * md::inv(A)) == "det(A)*inv(A)");

  CHECK(md::to_latex(md::det(A)) == R"(\det\left(A\right))");
  CHECK(md::to_latex(md::det(A * B)) == R"(\det\left(A B\right))");
  CHECK(md::to_latex(md::det(A) * md::inv(A)) == R"(\det\left(A\right) A^{-1})");
  CHECK(md::to_latex(A * md::det(B)) == R"(A\det\left(B\right))");
}
