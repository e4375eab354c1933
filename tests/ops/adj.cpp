// Adjugate (ops/adj.hpp): shape rule, printing, evaluation (cofactors at 2x2 and 3x3, the LU
// form elsewhere) against long double cofactors, at invertible, singular and badly scaled
// matrices; the derivative of det through it, finite at singular matrices.
#include <cmath>
#include <limits>
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

using ld = long double;
using matrix_ld = Eigen::Matrix<ld, Eigen::Dynamic, Eigen::Dynamic>;

/// The adjugate by its definition, each cofactor a long double determinant.
template <class M>
Eigen::MatrixXd reference_adjugate(const M& m) {
  const Eigen::Index size = m.rows();
  const matrix_ld a = m.template cast<ld>();
  Eigen::MatrixXd r(size, size);
  if (size == 1) return Eigen::MatrixXd::Ones(1, 1);
  for (Eigen::Index i = 0; i < size; ++i)
    for (Eigen::Index j = 0; j < size; ++j) {
      matrix_ld minor(size - 1, size - 1);
      for (Eigen::Index r2 = 0, mr = 0; r2 < size; ++r2) {
        if (r2 == j) continue;
        for (Eigen::Index c2 = 0, mc = 0; c2 < size; ++c2)
          if (c2 != i) minor(mr, mc++) = a(r2, c2);
        ++mr;
      }
      const ld cofactor = ((i + j) % 2 ? -1 : 1) * minor.partialPivLu().determinant();
      r(i, j) = static_cast<double>(cofactor);
    }
  return r;
}

/// Small-integer matrices of rank `rank`: products of integer factors, exact in double.
template <class M>
M integer_matrix_of_rank(Eigen::Index size, Eigen::Index rank) {
  const Eigen::MatrixXd left = (3 * random_matrix<Eigen::MatrixXd>(size, rank)).array().round().matrix();
  const Eigen::MatrixXd right = (3 * random_matrix<Eigen::MatrixXd>(rank, size)).array().round().matrix();
  return M(left * right);
}

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

TEST_CASE("grad det = adj(A)', against finite differences, also at singular matrices", "[adj][derivative]") {
  const auto check = [](const auto& A, const auto& value) {
    INFO("size " << value.rows() << "\n" << value);
    const auto g = md::check_gradient(md::det(A), A, A = value);
    INFO(g.message);
    CHECK(g.ok);
    require_close(md::eval(md::grad(md::det(A), A), A = value), Eigen::MatrixXd(reference_adjugate(value).transpose()), 1e-13);
  };
  check(A2, random_matrix<Eigen::Matrix2d>());
  check(A3, random_matrix<Eigen::Matrix3d>());
  check(A4, random_matrix<Eigen::Matrix4d>());
  check(N, random_matrix<Eigen::MatrixXd>(5, 5));
  // Singular: det(A) inv(A)' was NaN or 0 there.
  check(A2, integer_matrix_of_rank<Eigen::Matrix2d>(2, 1));
  check(A3, integer_matrix_of_rank<Eigen::Matrix3d>(3, 2));
  check(A4, integer_matrix_of_rank<Eigen::Matrix4d>(4, 3));
  check(N, integer_matrix_of_rank<Eigen::MatrixXd>(5, 4));
  check(N, integer_matrix_of_rank<Eigen::MatrixXd>(5, 3));  // rank n-2: the gradient is 0
}

TEST_CASE("the Jacobian of adj and the Hessian of det agree with finite differences", "[adj][derivative]") {
  const Eigen::Matrix3d A3v = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix4d A4v = random_matrix<Eigen::Matrix4d>();
  const Eigen::MatrixXd Nv = random_matrix<Eigen::MatrixXd>(4, 4);
  CHECK(md::check_jacobian(md::adj(A3), A3, A3 = A3v).ok);
  CHECK(md::check_jacobian(md::adj(A4), A4, A4 = A4v).ok);
  CHECK(md::check_jacobian(md::adj(N), N, N = Nv).ok);
  CHECK(md::check_hessian(md::det(A3), A3, A3 = A3v).ok);
  CHECK(md::check_hessian(md::det(N), N, N = Nv).ok);
  CHECK(md::check_gradient(md::trace(B * md::adj(A3)), A3, A3 = A3v, B = random_matrix<Eigen::Matrix3d>()).ok);
  // d adj divides by det: at a singular matrix the second derivative of det is NaN (and
  // reported as such), while the gradient is finite.
  Eigen::Matrix3d singular;
  singular << 1, 2, 3,
              0, 0, 0,
              4, 5, 7;  // det exactly 0
  REQUIRE(md::eval(md::det(A3), A3 = singular) == 0.0);
  CHECK(md::check_gradient(md::det(A3), A3, A3 = singular).ok);
  const auto hessian = md::check_hessian(md::det(A3), A3, A3 = singular);
  CHECK_FALSE(hessian.ok);
  CHECK_FALSE(hessian.finite);
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
