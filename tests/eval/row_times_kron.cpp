// A row vec(M)' times a Kronecker product (the planning hook of eval/ops/kron.hpp):
// vec(M)'(A ⊗ B) = vec(B'MA)', planned without the Kronecker product. A separate unit:
// tests/ops/kron.cpp is above the 1 GB a unit may take.
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::kronecker;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

constexpr md::dimension n = md::dim<"n">;
constexpr md::dimension m = md::dim<"m">;

constexpr auto G = md::matrix<"G", 2, 3>;
constexpr auto Q4 = md::matrix<"Q", 2, 4>;

/// Whether a planned expression has a Kronecker product anywhere.
template <class E>
struct contains_kron : std::false_type {};
template <class Op, class... Args>
struct contains_kron<md::node<Op, Args...>>
    : std::bool_constant<md::is_node_of<md::node<Op, Args...>, md::kron_op> || (contains_kron<Args>::value || ...)> {};

}  // namespace

TEST_CASE("a row vec(M)' times a Kronecker product is planned as vec(B'MA)', without the Kronecker product",
          "[kron][plan][eval]") {
  // vec(M)'(A ⊗ B) = vec(B'MA)' for M of rows(B) x rows(A): A 2x3, B 4x2, M 4x2.
  constexpr auto M = md::matrix<"M", 4, 2>;
  constexpr auto row_times_kron = md::transpose(md::vec(M)) * md::kron(G, md::transpose(Q4));
  using planned = md::planned_t<decltype(row_times_kron)>;
  STATIC_REQUIRE(md::is_node_of<planned, md::transpose_op>);
  STATIC_REQUIRE(!contains_kron<planned>::value);
  const Eigen::MatrixXd Gv = random_matrix<Eigen::MatrixXd>(2, 3), Qv = random_matrix<Eigen::MatrixXd>(2, 4),
                        Mv = random_matrix<Eigen::MatrixXd>(4, 2);
  const Eigen::MatrixXd expected = Mv.reshaped().transpose() * kronecker(Gv, Eigen::MatrixXd(Qv.transpose()));
  require_close(md::eval(row_times_kron, G = Gv, Q4 = Qv, M = Mv), expected);
  // With M an identity (the Hessian of (log|det F|)²: vec(I)'(B' ⊗ F⁻¹)), at run-time sizes.
  constexpr auto Bn = md::matrix<"B", n, m>;
  constexpr auto Fn = md::matrix<"F", n, n>;
  constexpr auto identity_row = md::transpose(md::vec(md::identity<n>)) * md::kron(Bn, Fn);
  STATIC_REQUIRE(!contains_kron<md::planned_t<decltype(identity_row)>>::value);
  const Eigen::MatrixXd Bd = random_matrix<Eigen::MatrixXd>(3, 2), Fd = random_matrix<Eigen::MatrixXd>(3, 3);
  require_close(md::eval(identity_row, Bn = Bd, Fn = Fd),
                Eigen::MatrixXd(Eigen::MatrixXd::Identity(3, 3).reshaped().transpose() * kronecker(Bd, Fd)));
  // A row that does not conform factor by factor (M 2x4: rows(B) x rows(A) is 4x2) keeps
  // the product: vec(M)' has 8 entries as A ⊗ B has 8 rows.
  constexpr auto M24 = md::matrix<"M", 2, 4>;
  constexpr auto other = md::transpose(md::vec(M24)) * md::kron(G, md::transpose(Q4));
  STATIC_REQUIRE(contains_kron<md::planned_t<decltype(other)>>::value);
  const Eigen::MatrixXd M24v = random_matrix<Eigen::MatrixXd>(2, 4);
  require_close(md::eval(other, G = Gv, Q4 = Qv, M24 = M24v),
                Eigen::MatrixXd(M24v.reshaped().transpose() * kronecker(Gv, Eigen::MatrixXd(Qv.transpose()))));
}

namespace {

/// Whether a planned expression forms a Kronecker product of two matrices, neither an
/// identity (A ⊗ I only spreads A's entries over diagonals).
template <class E>
struct kron_of_matrices_in : std::false_type {};
template <class Op, class... Args>
struct kron_of_matrices_in<md::node<Op, Args...>> : std::bool_constant<(kron_of_matrices_in<Args>::value || ...)> {};
template <class A, class B>
struct kron_of_matrices_in<md::node<md::kron_op, A, B>>
    : std::bool_constant<(!md::is_identity_constant<A> && !md::is_identity_constant<B>) ||
                         kron_of_matrices_in<A>::value || kron_of_matrices_in<B>::value> {};

}  // namespace

TEST_CASE("the Hessian of (log|det PB|)² in P has its rank-one term without a Kronecker product", "[kron][plan][eval]") {
  // ∇²f = 2 vec(F⁻ᵀB')vec(I)'(B' ⊗ F⁻¹) + ..., F = PB: the row vec(I)' times B' ⊗ F⁻¹ is
  // planned as vec(F⁻ᵀB')', as in the Neo-Hookean energy of docs/benchmarks.md.
  constexpr auto P = md::matrix<"P", 3, 4>;
  constexpr auto B = md::matrix<"B", 4, 3>;
  constexpr auto f = md::logdet(P * B) * md::logdet(P * B);
  constexpr auto hessian = md::hessian(f, P);
  STATIC_REQUIRE(!kron_of_matrices_in<md::planned_t<decltype(hessian)>>::value);
  Eigen::Matrix<double, 3, 4> Pv = Eigen::Matrix<double, 3, 4>::Zero();
  Pv.rightCols<3>().setIdentity();
  Pv += 0.2 * random_matrix<Eigen::Matrix<double, 3, 4>>();
  Eigen::Matrix<double, 4, 3> Bv = Eigen::Matrix<double, 4, 3>::Zero();
  Bv.row(0).setConstant(-1);
  Bv.bottomRows<3>().setIdentity();
  const Eigen::MatrixXd expected = matdiff_test::jacobian_by_differences(md::grad(f, P), P, P = Pv, B = Bv);
  require_close(Eigen::MatrixXd(md::eval(hessian, P = Pv, B = Bv)), expected, 1e-6);
}
