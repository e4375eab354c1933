// Adjugate (ops/adj.hpp): shape rule, printing, evaluation (cofactors at 2x2 and 3x3, the LU
// form elsewhere) against long double cofactors, at invertible, singular and badly scaled
// matrices. Its derivatives and the derivative of det through it: adj_derivatives.cpp.
#include <cmath>
#include <limits>
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/adjugate.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::integer_matrix_of_rank;
using matdiff_test::random_matrix;
using matdiff_test::reference_adjugate;
using matdiff_test::require_close;
using matdiff_test::well_conditioned;

namespace {

consteval md::shape shape(auto rows, auto cols) { return {md::to_dimension(rows), md::to_dimension(cols)}; }
template <class E>
constexpr md::shape shape_of(const E&) {
  return E::shape_v;
}

constexpr auto n = md::dim<"n">;
constexpr auto A2 = md::matrix<"A", 2, 2>;
constexpr auto A3 = md::matrix<"A", 3, 3>;
constexpr auto A4 = md::matrix<"A", 4, 4>;
constexpr auto N = md::matrix<"A", n, n>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto a = md::scalar<"a">;

/// The relative error, entry-wise largest, against the largest reference entry.
double relative_error(const Eigen::MatrixXd& value, const Eigen::MatrixXd& reference) {
  const double size = reference.cwiseAbs().maxCoeff();
  return (value - reference).cwiseAbs().maxCoeff() / (size > 0 ? size : 1.0);
}

}  // namespace

TEST_CASE("the adjugate of a square matrix has its shape", "[adj][shape]") {
  STATIC_REQUIRE(shape_of(md::adj(A3)) == shape(3, 3));
  STATIC_REQUIRE(shape_of(md::adj(N)) == shape(n, n));
  STATIC_REQUIRE(shape_of(md::adj(a)) == shape(1, 1));
  STATIC_REQUIRE(md::adj_op::check(shape(n, n)).ok());
  STATIC_REQUIRE(md::adj_op::check(shape(2, 3)).view() == "matdiff: adj of 2x3: the matrix is not square");
  STATIC_REQUIRE(!md::adj_op::check(shape(n, 3)).ok());
}

TEST_CASE("the adjugate prints as adj(...); the gradient of det is adj'", "[adj][print]") {
  STATIC_REQUIRE(md::to_string(md::adj(A3)) == "adj(A)");
  STATIC_REQUIRE(md::to_string(md::adj(A3 * B)) == "adj(A*B)");
  STATIC_REQUIRE(md::to_string(md::differential(md::det(A3), A3)) == "tr(adj(A)*dA)");
  STATIC_REQUIRE(md::to_string(md::grad(md::det(A3), A3)) == "adj(A)'");
  STATIC_REQUIRE(md::to_string(md::differential(md::adj(A3), A3)) == "(tr(adj(A)*dA)*adj(A) - adj(A)*dA*adj(A))/det(A)");
  CHECK(md::to_latex(md::adj(A3)) == R"(\operatorname{adj}\left(A\right))");
  CHECK(md::to_latex(md::grad(md::det(A3), A3)) == R"(\operatorname{adj}\left(A\right)^{\top})");
}

TEST_CASE("the adjugate of an invertible matrix is det(A) inv(A)", "[adj][eval]") {
  const auto check = [](const auto& A, const auto& value) {
    INFO("size " << value.rows());
    const Eigen::MatrixXd adjugate = md::eval(md::adj(A), A = value);
    CHECK(relative_error(adjugate, reference_adjugate(value)) < 1e-14);
    // A adj(A) = adj(A) A = det(A) I
    const Eigen::MatrixXd product = value * adjugate;
    require_close(product, Eigen::MatrixXd(value.determinant() * Eigen::MatrixXd::Identity(value.rows(), value.cols())), 1e-12);
  };
  check(A2, random_matrix<Eigen::Matrix2d>());
  check(A3, random_matrix<Eigen::Matrix3d>());
  check(A4, random_matrix<Eigen::Matrix4d>());
  check(N, random_matrix<Eigen::MatrixXd>(3, 3));
  check(N, random_matrix<Eigen::MatrixXd>(6, 6));
  check(N, well_conditioned<Eigen::MatrixXd>(9));
  // 1x1: adj(a) = 1, also for a = 0.
  CHECK(md::eval(md::adj(a), a = 0.0) == 1.0);
  CHECK(md::eval(md::adj(N), N = Eigen::MatrixXd::Constant(1, 1, 5.0).eval()) == Eigen::MatrixXd::Ones(1, 1));
  // Single precision.
  const Eigen::Matrix4f Af = random_matrix<Eigen::Matrix4f>();
  const Eigen::Matrix4f adjugate_f = md::eval(md::adj(A4), A4 = Af);
  CHECK(relative_error(adjugate_f.cast<double>(), reference_adjugate(Af.cast<double>())) < 1e-5);
}

TEST_CASE("the adjugate of a singular matrix is finite and right", "[adj][eval][singular]") {
  // Rank n-1: adj is the rank-one matrix of the null vectors; rank n-2 and below: 0.
  const auto check = [](const auto& A, auto matrix_type, Eigen::Index size) {
    using M = decltype(matrix_type);
    for (int t = 0; t < 200; ++t) {
      const M rank_n1 = integer_matrix_of_rank<M>(size, size - 1);
      const Eigen::MatrixXd reference = reference_adjugate(rank_n1);
      const Eigen::MatrixXd adjugate = md::eval(md::adj(A), A = rank_n1);
      INFO("size " << size << "\n" << rank_n1 << "\nadj\n" << adjugate << "\nreference\n" << reference);
      REQUIRE(adjugate.allFinite());
      // Cofactors of integers are integers: |error| below rounding of the largest.
      REQUIRE((adjugate - reference).cwiseAbs().maxCoeff() <= 1e-12 * std::max(1.0, reference.cwiseAbs().maxCoeff()));
      if (size > 2) {
        const M rank_n2 = integer_matrix_of_rank<M>(size, size - 2);
        const Eigen::MatrixXd zero = md::eval(md::adj(A), A = rank_n2);
        INFO("rank n-2\n" << rank_n2 << "\nadj\n" << zero);
        REQUIRE(zero.allFinite());
        REQUIRE(zero.cwiseAbs().maxCoeff() <= 1e-12 * std::pow(rank_n2.cwiseAbs().maxCoeff(), double(size - 1)));
      }
    }
  };
  check(A2, Eigen::Matrix2d{}, 2);
  check(A3, Eigen::Matrix3d{}, 3);
  check(A4, Eigen::Matrix4d{}, 4);
  check(N, Eigen::MatrixXd{}, 3);
  check(N, Eigen::MatrixXd{}, 5);
  // Two zero pivots but rank n-1: the shift matrix (ones above the diagonal).
  Eigen::Matrix4d shift = Eigen::Matrix4d::Zero();
  shift.diagonal(1).setOnes();
  require_close(md::eval(md::adj(A4), A4 = shift), reference_adjugate(shift), 1e-15);
  require_close(md::eval(md::adj(N), N = Eigen::MatrixXd(shift)), reference_adjugate(shift), 1e-15);
  CHECK(md::eval(md::adj(N), N = Eigen::MatrixXd::Zero(4, 4).eval()) == Eigen::MatrixXd::Zero(4, 4));
  // NaN entries give NaN.
  Eigen::Matrix4d with_nan = random_matrix<Eigen::Matrix4d>();
  with_nan(1, 2) = std::nan("");
  CHECK(md::eval(md::adj(A4), A4 = with_nan).array().isNaN().any());
}

TEST_CASE("the adjugate does not over- or underflow where det(A) inv(A) would", "[adj][eval][scale]") {
  // adj(sA) = s^(n-1) adj(A): for 4x4 at s = 1e100 it is of order 1e300, and det = 1e400 is not.
  const Eigen::Matrix4d base = well_conditioned<Eigen::Matrix4d>(4);
  const Eigen::MatrixXd reference = reference_adjugate(base);
  for (double s : {1e100, 1e-100}) {
    INFO("scale " << s);
    const Eigen::Matrix4d scaled = s * base;
    const Eigen::MatrixXd expected = std::pow(s, 3.0) * reference;
    CHECK(relative_error(md::eval(md::adj(A4), A4 = scaled), expected) < 1e-14);
    CHECK(relative_error(md::eval(md::adj(N), N = Eigen::MatrixXd(scaled)), expected) < 1e-14);
  }
}

TEST_CASE("adj, det and inv of one matrix share one LU beyond 3x3", "[adj][plan]") {
  using Nb = std::remove_cvref_t<decltype(N)>;
  using LU = md::lu_node<Nb>;
  STATIC_REQUIRE(std::is_same_v<md::planned_t<decltype(md::adj(N))>, md::node<md::lu_adjugate_op, LU>>);
  STATIC_REQUIRE(std::is_same_v<md::shared_nodes_t<md::planned_t<decltype(md::adj(N))>, md::planned_t<decltype(md::det(N))>>,
                                md::type_list<LU>>);
  // Cofactors at 2x2 and 3x3.
  STATIC_REQUIRE(md::is_node_of<md::planned_t<decltype(md::adj(A3))>, md::adj_op>);
  const Eigen::MatrixXd Nv = well_conditioned<Eigen::MatrixXd>(5);
  const auto [value, gradient] = md::kernel(md::det(N), md::grad(md::det(N), N))(N = Nv);
  require_close(value, Nv.determinant(), 1e-12);
  require_close(gradient, Eigen::MatrixXd(Nv.determinant() * Nv.inverse().transpose()), 1e-12);
}
