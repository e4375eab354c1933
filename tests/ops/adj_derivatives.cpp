// Derivatives through the adjugate (ops/adj.hpp, ops/det.hpp): grad det = adj(A)' against
// finite differences and long double cofactors, also at singular matrices where
// det(A)*inv(A)' was NaN or 0; the Jacobian of adj and the Hessian of det.
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/adjugate.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::integer_matrix_of_rank;
using matdiff_test::random_matrix;
using matdiff_test::reference_adjugate;
using matdiff_test::require_close;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto A2 = md::matrix<"A", 2, 2>;
constexpr auto A3 = md::matrix<"A", 3, 3>;
constexpr auto A4 = md::matrix<"A", 4, 4>;
constexpr auto N = md::matrix<"A", n, n>;
constexpr auto B = md::matrix<"B", 3, 3>;

}  // namespace

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

