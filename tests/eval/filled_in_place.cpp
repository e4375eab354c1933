// Nodes filled in place by their evaluator's add_to (eval/evaluate.hpp, formed_by_add_to):
// a scaling s·M of a sum of Kronecker terms, of a Kronecker product with a commutation or of
// a constant matrix is written by adding s·(each term) into zero, with the values of M formed
// and scaled. (A separate unit: tests/ops/product.cpp is near the 1 GB a unit may take.)
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::commutation;
using matdiff_test::kronecker;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

constexpr md::dimension n = md::dim<"n">;
constexpr auto a = md::scalar<"a">;

}  // namespace

TEST_CASE("a scaling of terms that add themselves is filled in place, with their values", "[eval][kron]") {
  // s·M where M is a sum of Kronecker terms, a Kronecker product with a commutation or a
  // constant matrix is filled by adding s·(each term) into zero, not formed and scaled.
  constexpr auto P2 = md::matrix<"P", 2, 2>;
  constexpr auto Q2 = md::matrix<"Q", 2, 2>;
  constexpr auto K = md::commutation<2, 2>;
  const Eigen::Matrix2d Pv = random_matrix<Eigen::Matrix2d>(), Qv = random_matrix<Eigen::Matrix2d>();
  const Eigen::MatrixXd PQ = kronecker(Pv, Qv), QP = kronecker(Qv, Pv);
  const Eigen::MatrixXd Kv = commutation(2, 2);
  const Eigen::MatrixXd I4 = Eigen::MatrixXd::Identity(4, 4);
  require_close(md::eval(a * (md::kron(P2, Q2) - md::kron(Q2, P2)), a = -1.5, P2 = Pv, Q2 = Qv), Eigen::MatrixXd(-1.5 * (PQ - QP)));
  require_close(md::eval(a * (md::kron(P2, Q2) * K), a = 0.5, P2 = Pv, Q2 = Qv), Eigen::MatrixXd(0.5 * PQ * Kv));
  require_close(md::eval(a * -md::kron(P2, Q2), a = 2.0, P2 = Pv, Q2 = Qv), Eigen::MatrixXd(-2 * PQ));
  require_close(md::eval(a * (2 * (md::kron(P2, Q2) + md::kron(Q2, P2) * K) - md::identity<4>), a = 3.0, P2 = Pv, Q2 = Qv),
                Eigen::MatrixXd(3 * (2 * (PQ + QP * Kv) - I4)));
  require_close(md::eval(2 * md::identity<3>), Eigen::Matrix3d(2 * Eigen::Matrix3d::Identity()));
  require_close(md::eval(a * md::ones<3, 4>, a = -0.25), Eigen::Matrix<double, 3, 4>(Eigen::Matrix<double, 3, 4>::Constant(-0.25)));
  // At run-time sizes.
  constexpr auto A = md::matrix<"A", n, n>;
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(4, 4);
  require_close(md::eval(a * (md::kron(A, A) + md::identity<n * n>), a = -2.0, A = Av),
                Eigen::MatrixXd(-2 * (kronecker(Av, Av) + Eigen::MatrixXd::Identity(16, 16))));
}

