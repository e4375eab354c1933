// Inverse (ops/inv.hpp): shape rule, evaluation, printing.
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>
#include <Eigen/QR>
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
constexpr auto N = md::matrix<"N", n, n>;
constexpr auto a = md::scalar<"a">;
constexpr auto s = md::matrix<"s", 1, 1>;

/// The inverse by a Householder QR solve, independent of the LU and closed forms. One
/// instantiation for every size, to keep compile time down.
Eigen::MatrixXd qr_inverse(const Eigen::MatrixXd& m) {
  return m.colPivHouseholderQr().solve(Eigen::MatrixXd::Identity(m.rows(), m.cols()));
}

/// inv(A) of a well-conditioned fixed-size K x K matrix against the QR inverse, and A inv(A) = I.
template <int K>
void check_fixed_inverse() {
  using M = Eigen::Matrix<double, K, K>;
  constexpr auto F = md::matrix<"F", K, K>;
  const M Fv = well_conditioned<M>(K);
  const auto inverse = md::eval(md::inv(F), F = Fv);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(inverse)>, M>);
  require_close(inverse, qr_inverse(Fv));
  require_close(M(Fv * inverse), M(M::Identity()));
}

}  // namespace

TEST_CASE("the inverse of a square matrix has its shape", "[inv][shape]") {
  STATIC_REQUIRE(shape_of(md::inv(A)) == shape(3, 3));
  STATIC_REQUIRE(shape_of(md::inv(N)) == shape(n, n));
  STATIC_REQUIRE(shape_of(md::inv(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::inv(A * B)) == shape(3, 3));
  STATIC_REQUIRE(shape_of(md::inv(md::transpose(md::matrix<"X", n, 3>) * md::matrix<"X", n, 3>)) == shape(3, 3));
}

TEST_CASE("the inverse of a non-square matrix is rejected", "[inv][shape]") {
  STATIC_REQUIRE(md::inv_op::check(shape(3, 3)).ok());
  STATIC_REQUIRE(md::inv_op::check(shape(n, n)).ok());
  STATIC_REQUIRE(md::inv_op::check(shape(3, 4)).view() == "matdiff: inv of 3x4: the matrix is not square");
  STATIC_REQUIRE(md::inv_op::check(shape(n, 1)).view() == "matdiff: inv of nx1: the matrix is not square");
}

TEST_CASE("an inverse evaluates to a scalar or a matrix of the operand shape", "[inv][eval]") {
  // Only the types of these values matter here.
  const Eigen::Matrix3d Av;
  const Eigen::MatrixXd Nv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::inv(A), A = Av)), Eigen::Matrix3d>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::inv(N), N = Nv)), Eigen::MatrixXd>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::inv(a), a = 2.0)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::inv(s), s = Eigen::Matrix<double, 1, 1>())), double>);
}

TEST_CASE("the inverse of a fixed-size matrix matches an independent QR solve", "[inv][eval]") {
  // 2x2 to 4x4 use closed forms, larger sizes an LU factorization.
  check_fixed_inverse<2>();
  check_fixed_inverse<3>();
  check_fixed_inverse<4>();
  check_fixed_inverse<6>();
}

TEST_CASE("the inverse of a dynamic-size matrix matches an independent QR solve", "[inv][eval]") {
  for (const Eigen::Index size : {1, 3, 40}) {
    const Eigen::MatrixXd Nv = well_conditioned<Eigen::MatrixXd>(size);
    const Eigen::MatrixXd inverse = md::eval(md::inv(N), N = Nv);
    require_close(inverse, qr_inverse(Nv));
    require_close(Eigen::MatrixXd(Nv * inverse), Eigen::MatrixXd::Identity(size, size));
  }
}

TEST_CASE("inverses inside expressions match Eigen", "[inv][eval]") {
  const Eigen::Matrix3d Av = well_conditioned<Eigen::Matrix3d>(3), Bv = well_conditioned<Eigen::Matrix3d>(3);
  // inv(A B) = inv(B) inv(A); inv(A') = inv(A)'.
  require_close(md::eval(md::inv(A * B), A = Av, B = Bv), Eigen::Matrix3d(qr_inverse(Bv) * qr_inverse(Av)));
  require_close(md::eval(md::inv(md::transpose(A)), A = Av), Eigen::Matrix3d(qr_inverse(Av).transpose()));
  require_close(md::eval(md::inv(A) * B, A = Av, B = Bv), Eigen::Matrix3d(qr_inverse(Av) * Bv));
  require_close(md::eval(md::inv(md::inv(A)), A = Av), Av);
  require_close(md::eval(md::inv(2 * A), A = Av), Eigen::Matrix3d(qr_inverse(Av) / 2));
}

TEST_CASE("the inverse of a 1x1 value is its reciprocal", "[inv][eval]") {
  require_close(md::eval(md::inv(a), a = -4.0), -0.25);
  require_close(md::eval(md::inv(a * a), a = 2.0), 0.25);
  Eigen::Matrix<double, 1, 1> sv;
  sv << 2.5;
  require_close(md::eval(md::inv(s), s = sv), 0.4);
}

TEST_CASE("the inverse of a single-precision matrix is single precision", "[inv][eval]") {
  const Eigen::Matrix3f Af = well_conditioned<Eigen::Matrix3f>(3);
  const auto inverse = md::eval(md::inv(A), A = Af);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(inverse)>, Eigen::Matrix3f>);
  require_close(inverse.cast<double>(), qr_inverse(Af.cast<double>()), 1e-5);
  require_close(Eigen::Matrix3f(Af * inverse), Eigen::Matrix3f(Eigen::Matrix3f::Identity()), 1e-5);
}

TEST_CASE("an inverse prints as inv(...) in text and ^{-1} in LaTeX", "[inv][print]") {
  STATIC_REQUIRE(md::to_string(md::inv(A)) == "inv(A)");
  STATIC_REQUIRE(md::to_string(md::inv(A * B)) == "inv(A*B)");
  STATIC_REQUIRE(md::to_string(md::inv(A + B)) == "inv(A + B)");
  STATIC_REQUIRE(md::to_string(md::inv(md::transpose(A))) == "inv(A')");
  STATIC_REQUIRE(md::to_string(md::transpose(md::inv(A))) == "inv(A)'");
  STATIC_REQUIRE(md::to_string(md::inv(A) * B) == "inv(A)*B");
  STATIC_REQUIRE(md::to_string(md::inv(A) * md::inv(B)) == "inv(A)*inv(B)");
  STATIC_REQUIRE(md::to_string(md::inv(-A)) == "inv(-A)");

  CHECK(md::to_latex(md::inv(A)) == "A^{-1}");
  CHECK(md::to_latex(md::inv(A * B)) == R"(\left(A B\right)^{-1})");
  CHECK(md::to_latex(md::inv(A + B)) == R"(\left(A + B\right)^{-1})");
  CHECK(md::to_latex(md::inv(md::transpose(A))) == R"(\left(A^{\top}\right)^{-1})");
  CHECK(md::to_latex(md::inv(A) * B) == "A^{-1} B");
  CHECK(md::to_latex(md::inv(-A)) == R"(\left(-A\right)^{-1})");
  CHECK(md::to_latex(md::inv(2 * A)) == R"(\left(2 A\right)^{-1})");
  CHECK(md::to_latex(md::inv(A / 2)) == R"(\left(\frac{A}{2}\right)^{-1})");
  CHECK(md::to_latex(md::inv(md::matrix<"Sigma", 3, 3>)) == R"(\Sigma^{-1})");
}
