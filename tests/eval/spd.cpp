// Evaluation by structure (API §2.2): inv, det, logdet and solves with an md::spd variable
// share one Cholesky factorization per kernel call (counted by md::factorization_count); a
// value that is not positive definite is md::structure_error, and in debug builds so is a
// value bound to a symmetric variable that is visibly not symmetric.
#include <cmath>
#include <string>

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto S = md::spd<"S", n>;
constexpr auto T = md::symmetric<"T", n>;
constexpr auto M = md::matrix<"M", n, n>;
constexpr auto P = md::spd<"P", 2>;
constexpr auto s = md::spd<"s", 1>;
constexpr auto x = md::vector<"x", n>;

template <class Matrix>
Matrix spd_value(Eigen::Index size) {
  const Matrix r = random_matrix<Matrix>(size, size);
  return r * r.transpose() + static_cast<double>(size) * Matrix::Identity(size, size);
}

}  // namespace

TEST_CASE("inv, det, logdet, solves and gradients of an spd variable share one Cholesky", "[spd][kernel]") {
  const Eigen::MatrixXd Sv = spd_value<Eigen::MatrixXd>(5);
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(5, 1);
  const auto f = md::logdet(S) + md::transpose(x) * md::inv(S) * x + md::det(S);
  const auto k = md::kernel(f, md::grad(f, S), md::solve(S, x), md::transpose(x) * md::inv(S));
  md::factorization_count = {};
  const auto [value, gradient, solved, solved_right] = k(S = Sv, x = xv);
  CHECK(md::factorization_count.cholesky == 1);
  CHECK(md::factorization_count.lu == 0);
  k(S = Sv, x = xv);
  CHECK(md::factorization_count.cholesky == 2);  // one per call
  // Against Eigen's LLT and LU, written out.
  const Eigen::LLT<Eigen::MatrixXd> llt(Sv);
  const Eigen::MatrixXd Si = llt.solve(Eigen::MatrixXd::Identity(5, 5));
  const double det = Sv.determinant();
  CHECK(std::abs(value - (std::log(det) + xv.dot(Si * xv) + det)) < 1e-10 * std::abs(value));
  CHECK((gradient - (Si - Si * xv * xv.transpose() * Si + det * Si)).norm() < 1e-10 * gradient.norm());
  CHECK((solved - Si * xv).norm() < 1e-12);
  CHECK((solved_right.transpose() - Si * xv).norm() < 1e-12);
  // A plain matrix and a symmetric (not spd) variable keep the LU.
  md::factorization_count = {};
  md::kernel(md::logdet(M), md::inv(M))(M = Sv);
  md::kernel(md::logdet(T), md::inv(T))(T = Sv);
  CHECK(md::factorization_count.lu == 2);
  CHECK(md::factorization_count.cholesky == 0);
}

TEST_CASE("spd evaluation at fixed sizes and 1x1", "[spd]") {
  const Eigen::Matrix2d Pv = spd_value<Eigen::Matrix2d>(2);
  const auto [l, d, i] = md::kernel(md::logdet(P), md::det(P), md::inv(P))(P = Pv);
  CHECK(std::abs(l - std::log(Pv.determinant())) < 1e-13);
  CHECK(std::abs(d - Pv.determinant()) < 1e-13 * d);
  CHECK((i - Pv.inverse()).norm() < 1e-13);
  CHECK(md::check_gradient(md::logdet(P) + md::trace(md::inv(P)), P, P = Pv).ok);
  CHECK(std::abs(md::eval(md::logdet(s) + md::inv(s), s = 2.0) - (std::log(2.0) + 0.5)) < 1e-15);
  CHECK(md::check_gradient(md::logdet(s), s, s = 2.0).ok);
}

TEST_CASE("a value that is not positive definite is an error naming the spd variable", "[spd][errors]") {
  const Eigen::MatrixXd indefinite = Eigen::Vector3d(1.0, -2.0, 3.0).asDiagonal();
  try {
    (void)md::eval(md::logdet(S), S = indefinite);
    FAIL("no exception");
  } catch (const md::structure_error& e) {
    CHECK(std::string(e.what()).find("variable S: the bound value is not positive definite") != std::string::npos);
  }
  CHECK_THROWS_AS(md::eval(md::inv(S) * x, S = Eigen::MatrixXd(Eigen::MatrixXd::Zero(3, 3)), x = Eigen::VectorXd::Ones(3)),
                  md::dimension_error);
  const Eigen::Matrix2d singular = Eigen::Matrix2d::Ones();  // positive semidefinite only
  CHECK_THROWS_AS(md::eval(md::det(P), P = singular), md::structure_error);
}

#ifndef NDEBUG
TEST_CASE("debug builds: a value bound to a symmetric variable must be symmetric", "[spd][errors]") {
  Eigen::MatrixXd v = spd_value<Eigen::MatrixXd>(4);
  CHECK_NOTHROW(md::eval(md::trace(T), T = v));
  v(0, 3) += 1e-15 * v.norm();  // rounding-level asymmetry is accepted
  CHECK_NOTHROW(md::eval(md::trace(T), T = v));
  v(3, 0) += 1e-3 * v.norm();
  try {
    (void)md::eval(md::trace(T), T = v);
    FAIL("no exception");
  } catch (const md::dimension_error& e) {
    CHECK(std::string(e.what()).find("variable T: the bound value is not symmetric") != std::string::npos);
  }
  CHECK_THROWS_AS(md::kernel(md::logdet(S))(S = v), md::structure_error);
  // Also when the variable is only in the function a derivative was taken from.
  CHECK_THROWS_AS(md::eval(md::grad(md::trace(T), T), T = v), md::structure_error);
}
#endif
