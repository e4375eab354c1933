// diag (vector to diagonal matrix) and diagonal (square matrix to vector) (ops/diag.hpp):
// shape rule, evaluation, printing.
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

constexpr auto x = md::vector<"x", 3>;
constexpr auto u = md::vector<"u", n>;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto N = md::matrix<"N", n, n>;
constexpr auto a = md::scalar<"a">;
constexpr auto s = md::matrix<"s", 1, 1>;

/// The diagonal matrix of v, by a loop.
Eigen::MatrixXd diagonal_matrix(const Eigen::VectorXd& v) {
  Eigen::MatrixXd D = Eigen::MatrixXd::Zero(v.size(), v.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) D(i, i) = v(i);
  return D;
}

/// The diagonal of a square m, by a loop.
Eigen::VectorXd diagonal_of(const Eigen::MatrixXd& m) {
  Eigen::VectorXd v(m.rows());
  for (Eigen::Index i = 0; i < m.rows(); ++i) v(i) = m(i, i);
  return v;
}

}  // namespace

TEST_CASE("diag of an n x 1 vector is n x n, diagonal of an n x n matrix is n x 1", "[diag][shape]") {
  STATIC_REQUIRE(shape_of(md::diag(x)) == shape(3, 3));
  STATIC_REQUIRE(shape_of(md::diag(u)) == shape(n, n));
  STATIC_REQUIRE(shape_of(md::diag(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::diagonal(A)) == shape(3, 1));
  STATIC_REQUIRE(shape_of(md::diagonal(N)) == shape(n, 1));
  STATIC_REQUIRE(shape_of(md::diagonal(a)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::diag(md::diagonal(N))) == shape(n, n));
  STATIC_REQUIRE(shape_of(md::diagonal(md::diag(x))) == shape(3, 1));
}

TEST_CASE("diag needs a column vector and diagonal a square matrix", "[diag][shape]") {
  STATIC_REQUIRE(md::diag_op::check(shape(3, 1)).ok());
  STATIC_REQUIRE(md::diag_op::check(shape(n, 1)).ok());
  STATIC_REQUIRE(md::diag_op::check(shape(3, 4)).view() == "matdiff: diag of 3x4: the argument must be a column vector");
  STATIC_REQUIRE(md::diag_op::check(shape(1, 3)).view() == "matdiff: diag of 1x3: the argument must be a column vector");
  STATIC_REQUIRE(!md::diag_op::check(shape(3, n)).ok());
  STATIC_REQUIRE(md::diagonal_op::check(shape(n, n)).ok());
  STATIC_REQUIRE(md::diagonal_op::check(shape(3, 4)).view() == "matdiff: diagonal of 3x4: the matrix is not square");
  STATIC_REQUIRE(!md::diagonal_op::check(shape(3, 1)).ok());
}

TEST_CASE("diag and diagonal evaluate to scalars or matrices of their shapes", "[diag][eval]") {
  // Only the types of these values matter here.
  const Eigen::Vector3d xv;
  const Eigen::VectorXd uv;
  const Eigen::Matrix3d Av;
  const Eigen::MatrixXd Nv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::diag(x), x = xv)), Eigen::Matrix3d>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::diag(u), u = uv)), Eigen::MatrixXd>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::diagonal(A), A = Av)), Eigen::Vector3d>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::diagonal(N), N = Nv)), Eigen::VectorXd>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::diag(a), a = 1.0)), double>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::diagonal(a), a = 1.0)), double>);
}

TEST_CASE("diag of a fixed-size vector puts it on the diagonal of a zero matrix", "[diag][eval]") {
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  const Eigen::Matrix3d D = md::eval(md::diag(x), x = xv);
  require_close(D, diagonal_matrix(xv));
  CHECK(D(0, 1) == 0.0);
  CHECK(D(2, 0) == 0.0);
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>();
  // diag(x) A scales the rows of A.
  require_close(md::eval(md::diag(x) * A, x = xv, A = Av), Eigen::Matrix3d(xv.asDiagonal() * Av));
  require_close(md::eval(md::diag(2 * x), x = xv), diagonal_matrix(2 * xv));
}

TEST_CASE("diagonal of a fixed-size matrix is the vector of its diagonal entries", "[diag][eval]") {
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(md::diagonal(A), A = Av), Eigen::Vector3d(Av(0, 0), Av(1, 1), Av(2, 2)));
  require_close(md::eval(md::diag(md::diagonal(A)), A = Av), diagonal_matrix(diagonal_of(Av)));
  const Eigen::Vector3d xv = random_matrix<Eigen::Vector3d>();
  require_close(md::eval(md::diagonal(md::diag(x)), x = xv), xv);
  // The sum of the diagonal is the trace.
  require_close(md::eval(md::sum(md::diagonal(A)), A = Av), Av.trace());
}

TEST_CASE("diag and diagonal of dynamic-size operands match loops", "[diag][eval]") {
  const Eigen::VectorXd uv = random_matrix<Eigen::VectorXd>(6, 1);
  const auto D = md::eval(md::diag(u), u = uv);
  REQUIRE(D.rows() == 6);
  REQUIRE(D.cols() == 6);
  require_close(D, diagonal_matrix(uv));
  const Eigen::MatrixXd Nv = random_matrix<Eigen::MatrixXd>(7, 7);
  require_close(md::eval(md::diagonal(N), N = Nv), diagonal_of(Nv));
  require_close(md::eval(md::diagonal(N * md::diag(md::diagonal(N))), N = Nv), Eigen::VectorXd(diagonal_of(Nv).array().square()));
}

TEST_CASE("diag and diagonal of a 1x1 value are the value itself", "[diag][eval]") {
  require_close(md::eval(md::diag(a), a = -2.5), -2.5);
  require_close(md::eval(md::diagonal(a), a = -2.5), -2.5);
  Eigen::Matrix<double, 1, 1> sv;
  sv << 4.0;
  require_close(md::eval(md::diag(s), s = sv), 4.0);
  require_close(md::eval(md::diagonal(s), s = sv), 4.0);
  require_close(md::eval(md::diag(u), u = Eigen::VectorXd::Constant(1, 3.0).eval()), Eigen::MatrixXd::Constant(1, 1, 3.0));
}

TEST_CASE("diag and diagonal print as function calls", "[diag][print]") {
  STATIC_REQUIRE(md::to_string(md::diag(x)) == "diag(x)");
  STATIC_REQUIRE(md::to_string(md::diagonal(A)) == "diagonal(A)");
  STATIC_REQUIRE(md::to_string(md::diag(md::diagonal(A))) == "diag(diagonal(A))");
  STATIC_REQUIRE(md::to_string(md::diag(2 * x)) == "diag(2*x)");
  STATIC_REQUIRE(md::to_string(md::diag(x) * A) == "diag(x)*A");
  STATIC_REQUIRE(md::to_string(md::diagonal(A * A)) == "diagonal(A*A)");

  CHECK(md::to_latex(md::diag(x)) == R"(\operatorname{diag}\left(x\right))");
  CHECK(md::to_latex(md::diagonal(A)) == R"(\operatorname{diagonal}\left(A\right))");
  CHECK(md::to_latex(md::diag(md::diagonal(A))) == R"(\operatorname{diag}\left(\operatorname{diagonal}\left(A\right)\right))");
  CHECK(md::to_latex(md::diag(x) * A) == R"(\operatorname{diag}\left(x\right) A)");
  CHECK(md::to_latex(A * md::diag(x)) == R"(A\operatorname{diag}\left(x\right))");
}
