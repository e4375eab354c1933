// log|det A| (ops/logdet.hpp): shape rule, evaluation, printing.
#include <cmath>
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

/// log|det M| from a Householder QR: Σᵢ log|Rᵢᵢ|, independent of the LU the library uses.
double qr_logdet(const Eigen::MatrixXd& m) {
  return m.householderQr().matrixQR().diagonal().cwiseAbs().array().log().sum();
}

}  // namespace

TEST_CASE("log|det| of a square matrix is 1x1", "[logdet][shape]") {
  STATIC_REQUIRE(shape_of(md::logdet(A)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::logdet(N)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::logdet(a)) == shape(1, 1));
}

TEST_CASE("log|det| of a non-square matrix is rejected", "[logdet][shape]") {
  STATIC_REQUIRE(md::logdet_op::check(shape(3, 3)).ok());
  STATIC_REQUIRE(md::logdet_op::check(shape(n, n)).ok());
  STATIC_REQUIRE(md::logdet_op::check(shape(3, 4)).view() == "matdiff: logdet of 3x4: the matrix is not square");
  STATIC_REQUIRE(!md::logdet_op::check(shape(n, md::dim<"m">)).ok());
}

TEST_CASE("log|det| evaluates to a scalar of the bound scalar type", "[logdet][eval]") {
  // Only the types of these values matter here.
  const Eigen::Matrix3d Av;
  const Eigen::Matrix3f Af;
  const Eigen::MatrixXd Nv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::logdet(A), A = Av)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::logdet(A), A = Af)), float>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::logdet(N), N = Nv)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::logdet(a), a = 1.0)), double>);
}

TEST_CASE("log|det| of a matrix with positive determinant is the log of the determinant", "[logdet][eval]") {
  const Eigen::Matrix3d Av = well_conditioned<Eigen::Matrix3d>(3);
  REQUIRE(Av.determinant() > 0);
  require_close(md::eval(md::logdet(A), A = Av), std::log(Av.determinant()));
  const Eigen::MatrixXd Nv = well_conditioned<Eigen::MatrixXd>(12);
  require_close(md::eval(md::logdet(N), N = Nv), std::log(std::abs(Nv.fullPivLu().determinant())));
}

TEST_CASE("log|det| of a matrix with negative determinant is the log of its absolute value", "[logdet][eval]") {
  Eigen::Matrix3d Av = well_conditioned<Eigen::Matrix3d>(3);
  Av.row(0).swap(Av.row(2));
  REQUIRE(Av.determinant() < 0);
  const double value = md::eval(md::logdet(A), A = Av);
  REQUIRE(std::isfinite(value));
  require_close(value, std::log(-Av.determinant()));
  require_close(md::eval(md::logdet(-A), A = Av), std::log(-Av.determinant()));  // det(-A) > 0
}

TEST_CASE("log|det| stays finite where the determinant overflows or underflows", "[logdet][eval]") {
  const Eigen::Index size = 400;
  const Eigen::MatrixXd tens = 10 * Eigen::MatrixXd::Identity(size, size);
  REQUIRE(std::isinf(md::eval(md::det(N), N = tens)));  // 10^400
  require_close(md::eval(md::logdet(N), N = tens), 400 * std::log(10.0));
  const Eigen::MatrixXd hundredths = 0.01 * Eigen::MatrixXd::Identity(size, size);
  REQUIRE(md::eval(md::det(N), N = hundredths) == 0.0);  // 10^-800
  require_close(md::eval(md::logdet(N), N = hundredths), -800 * std::log(10.0));
}

TEST_CASE("log|det| of a large dense matrix matches an independent QR factorization", "[logdet][eval]") {
  const Eigen::Index size = 400;
  const Eigen::MatrixXd Nv = 10 * Eigen::MatrixXd::Identity(size, size) +
                             random_matrix<Eigen::MatrixXd>(size, size, -0.1, 0.1);
  const double value = md::eval(md::logdet(N), N = Nv);
  REQUIRE(std::isfinite(value));
  require_close(value, qr_logdet(Nv));
  // Eigenvalues lie within 10 ± ||noise||₂ (about 1.2): a coarse check of the magnitude.
  CHECK(std::abs(value - 400 * std::log(10.0)) < 400 * std::log(1.25));
}

TEST_CASE("log|det| of a block-diagonal matrix is the sum over the blocks", "[logdet][eval]") {
  // Eight 50x50 blocks of 10 I + noise: each determinant (about 10^50) is a double, their
  // product (about 10^400) is not.
  const Eigen::Index block = 50, blocks = 8;
  Eigen::MatrixXd Nv = Eigen::MatrixXd::Zero(block * blocks, block * blocks);
  double expected = 0;
  for (Eigen::Index k = 0; k < blocks; ++k) {
    Eigen::MatrixXd b = 10 * Eigen::MatrixXd::Identity(block, block) +
                        random_matrix<Eigen::MatrixXd>(block, block, -0.5, 0.5);
    if (k % 3 == 0) b.row(0).swap(b.row(1));  // some blocks with negative determinant
    Nv.block(k * block, k * block, block, block) = b;
    expected += std::log(std::abs(b.determinant()));
  }
  require_close(md::eval(md::logdet(N), N = Nv), expected);
}

TEST_CASE("log|det| of a singular matrix is -infinity", "[logdet][eval]") {
  Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>();
  Av.col(2) = Av.col(0);
  Av.row(1).setZero();
  const double value = md::eval(md::logdet(A), A = Av);
  CHECK(std::isinf(value));
  CHECK(value < 0);
}

TEST_CASE("log|det| of a 1x1 value is log of its absolute value", "[logdet][eval]") {
  require_close(md::eval(md::logdet(a), a = -2.0), std::log(2.0));
  require_close(md::eval(md::logdet(a), a = 0.5), std::log(0.5));
  Eigen::Matrix<double, 1, 1> sv;
  sv << -3.0;
  require_close(md::eval(md::logdet(s), s = sv), std::log(3.0));
  require_close(md::eval(md::logdet(N), N = Eigen::MatrixXd::Constant(1, 1, -3.0).eval()), std::log(3.0));
}

TEST_CASE("log|det| inside expressions obeys the product rule", "[logdet][eval]") {
  const Eigen::Matrix3d Av = well_conditioned<Eigen::Matrix3d>(3), Bv = well_conditioned<Eigen::Matrix3d>(3);
  const double la = std::log(std::abs(Av.determinant())), lb = std::log(std::abs(Bv.determinant()));
  require_close(md::eval(md::logdet(A * B), A = Av, B = Bv), la + lb);
  require_close(md::eval(md::logdet(md::inv(A)), A = Av), -la);
  require_close(md::eval(md::logdet(A) - md::logdet(B), A = Av, B = Bv), la - lb);
}

TEST_CASE("log|det| of a single-precision matrix is a float", "[logdet][eval]") {
  const Eigen::Matrix3f Af = well_conditioned<Eigen::Matrix3f>(3);
  const auto value = md::eval(md::logdet(A), A = Af);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(value)>, float>);
  require_close(value, std::log(std::abs(Af.cast<double>().determinant())), 1e-5);
}

TEST_CASE("log|det| prints as logdet(...) in text and log|A| in LaTeX", "[logdet][print]") {
  STATIC_REQUIRE(md::to_string(md::logdet(A)) == "logdet(A)");
  STATIC_REQUIRE(md::to_string(md::logdet(A * B)) == "logdet(A*B)");
  STATIC_REQUIRE(md::to_string(md::logdet(A) - md::logdet(B)) == "logdet(A) - logdet(B)");
  STATIC_REQUIRE(md::to_string(-md::logdet(A)) == "-logdet(A)");
  STATIC_REQUIRE(md::to_string(2 * md::logdet(A)) == "2*logdet(A)");

  CHECK(md::to_latex(md::logdet(A)) == R"(\log\left|A\right|)");
  CHECK(md::to_latex(md::logdet(A * B)) == R"(\log\left|A B\right|)");
  CHECK(md::to_latex(md::logdet(A) - md::logdet(B)) == R"(\log\left|A\right| - \log\left|B\right|)");
  CHECK(md::to_latex(md::logdet(md::inv(A))) == R"(\log\left|A^{-1}\right|)");
  CHECK(md::to_latex(md::logdet(md::matrix<"Sigma", 3, 3>)) == R"(\log\left|\Sigma\right|)");
}
