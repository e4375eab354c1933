// Congruences Z P Zᵀ (P symmetric), Zᵀ P Z, Z Zᵀ and Zᵀ Z: chains symmetric by type, whose last
// product takes the form Z's operation plans for it (eval/ops/product.hpp,
// `symmetric_product_with_transpose`: a solve with S from the right for Z = S⁻¹, a gram for
// Z = Aᵀ) or one triangle of the product, each checked against Eigen for every kind of Z.
#include <type_traits>

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::random_spd;
using matdiff_test::random_symmetric;
using matdiff_test::require_close;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto A = md::matrix<"A", n, n>;
constexpr auto B = md::matrix<"B", n, n>;
constexpr auto P = md::symmetric<"P", n>;
constexpr auto S = md::spd<"S", n>;

template <class E>
using type_of = std::remove_cvref_t<E>;
template <class E>
using planned = md::planned_t<type_of<E>>;
template <class E>
inline constexpr bool one_triangle = md::is_node_of<planned<E>, md::symmetric_product_op<false, true>> ||
                                     md::is_node_of<planned<E>, md::symmetric_product_op<false, false>>;

void require_exactly_symmetric(const Eigen::MatrixXd& r) { CHECK(r == r.transpose()); }

}  // namespace

TEST_CASE("A⁻¹ P A⁻ᵀ with A not symmetric is solved with A⁻ᵀ, not A⁻¹, on the right", "[eval][symmetric]") {
  // The chain is symmetric by type (P symmetric, the outer factors each other's transpose),
  // but only a symmetric A has A⁻ᵀ = A⁻¹: the right solve with A itself is for S⁻¹ P S⁻¹.
  STATIC_REQUIRE(one_triangle<decltype(md::inv(A) * P * md::transpose(md::inv(A)))>);
  using solved_right = md::node<md::lu_solve_right_symmetric_op, md::node<md::lu_solve_op, md::node<md::llt_op, type_of<decltype(S)>>, type_of<decltype(P)>>,
                                md::node<md::llt_op, type_of<decltype(S)>>>;
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::inv(S) * P * md::inv(S))>, solved_right>);
  const Eigen::Index k = GENERATE(3, 23);
  INFO("size " << k);
  const Eigen::MatrixXd Av = matdiff_test::well_conditioned<Eigen::MatrixXd>(k);
  const Eigen::MatrixXd Pv = random_symmetric(k), Sv = random_spd(k);
  const Eigen::MatrixXd Ai = Av.inverse(), Si = Eigen::LLT<Eigen::MatrixXd>(Sv).solve(Eigen::MatrixXd::Identity(k, k));
  const Eigen::MatrixXd apa = md::eval(md::inv(A) * P * md::transpose(md::inv(A)), A = Av, P = Pv);
  require_close(apa, Eigen::MatrixXd(Ai * Pv * Ai.transpose()), 1e-12);
  require_exactly_symmetric(apa);
  const Eigen::MatrixXd atpa = md::eval(md::transpose(md::inv(A)) * P * md::inv(A), A = Av, P = Pv);
  require_close(atpa, Eigen::MatrixXd(Ai.transpose() * Pv * Ai), 1e-12);
  const Eigen::MatrixXd sps = md::eval(md::inv(S) * P * md::inv(S), S = Sv, P = Pv);
  require_close(sps, Eigen::MatrixXd(Si * Pv * Si), 1e-12);
}

TEST_CASE("Z P Zᵀ, Zᵀ P Z and Z Zᵀ are the products for every kind of factor Z", "[eval][symmetric]") {
  // The last product of a symmetric chain takes the form Z's operation plans (a solve, a
  // gram, a transposed read) or one triangle: each against Eigen, with Z general where it may be.
  constexpr auto v = md::vector<"v", n>;
  const Eigen::Index k = 23;
  const Eigen::MatrixXd Av = matdiff_test::well_conditioned<Eigen::MatrixXd>(k);
  const Eigen::MatrixXd Bv = random_matrix<Eigen::MatrixXd>(k, k), Pv = random_symmetric(k), Sv = random_spd(k);
  const Eigen::VectorXd vv = random_matrix<Eigen::VectorXd>(k, 1);
  const Eigen::MatrixXd Ai = Av.inverse(), Si = Sv.inverse();
  const auto congruences_of = [&](const auto& z, const Eigen::MatrixXd& zv, const auto&... bindings) {
    require_close(md::eval(z * P * md::transpose(z), P = Pv, bindings...), Eigen::MatrixXd(zv * Pv * zv.transpose()), 1e-11);
    require_close(md::eval(md::transpose(z) * P * z, P = Pv, bindings...), Eigen::MatrixXd(zv.transpose() * Pv * zv), 1e-11);
    require_close(md::eval(z * md::transpose(z), bindings...), Eigen::MatrixXd(zv * zv.transpose()), 1e-11);
    require_close(md::eval(md::transpose(z) * z, bindings...), Eigen::MatrixXd(zv.transpose() * zv), 1e-11);
  };
  SECTION("A") { congruences_of(A, Av, A = Av); }
  SECTION("Aᵀ") { congruences_of(md::transpose(A), Av.transpose(), A = Av); }
  SECTION("A⁻¹") { congruences_of(md::inv(A), Ai, A = Av); }
  SECTION("A⁻ᵀ") { congruences_of(md::transpose(md::inv(A)), Ai.transpose(), A = Av); }
  SECTION("S⁻¹") { congruences_of(md::inv(S), Si, S = Sv); }
  SECTION("AB") { congruences_of(A * B, Av * Bv, A = Av, B = Bv); }
  SECTION("A⁻¹B") { congruences_of(md::inv(A) * B, Ai * Bv, A = Av, B = Bv); }
  SECTION("BA⁻¹") { congruences_of(B * md::inv(A), Bv * Ai, A = Av, B = Bv); }
  SECTION("diag(v)A") { congruences_of(md::diag(v) * A, vv.asDiagonal() * Av, A = Av, v = vv); }
  SECTION("A + B") { congruences_of(A + B, Av + Bv, A = Av, B = Bv); }
}

TEST_CASE("a middle factor symmetric by its operation: Z σ(P) Zᵀ, Z (P ∘ Q) Zᵀ, Z Pᵏ Zᵀ", "[eval][symmetric]") {
  // An operation a transpose passes through builds a symmetric matrix from symmetric
  // operands, and so does a matrix power: the chains are symmetric by type, one triangle
  // (evaluated for an element-wise function and a power; ∘ takes the same path).
  constexpr auto Q = md::symmetric<"Q", n>;
  STATIC_REQUIRE(one_triangle<decltype(A * md::exp(P) * md::transpose(A))>);
  STATIC_REQUIRE(one_triangle<decltype(A * md::hadamard(P, Q) * md::transpose(A))>);
  STATIC_REQUIRE(one_triangle<decltype(A * md::matrix_power<3>(P) * md::transpose(A))>);
  STATIC_REQUIRE(!one_triangle<decltype(A * md::hadamard(P, B) * md::transpose(A))>);  // B general
  const Eigen::Index k = GENERATE(3, 23);
  INFO("size " << k);
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(k, k);
  const Eigen::MatrixXd Pv = random_symmetric(k);
  const Eigen::MatrixXd exp_p = md::eval(A * md::exp(P) * md::transpose(A), A = Av, P = Pv);
  require_close(exp_p, Eigen::MatrixXd(Av * Pv.array().exp().matrix() * Av.transpose()), 1e-12);
  require_exactly_symmetric(exp_p);
  const Eigen::MatrixXd p3 = md::eval(A * md::matrix_power<3>(P) * md::transpose(A), A = Av, P = Pv);
  require_close(p3, Eigen::MatrixXd(Av * Pv * Pv * Pv * Av.transpose()), 1e-11);
  require_exactly_symmetric(p3);
}
