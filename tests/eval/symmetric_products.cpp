// Products whose result is symmetric by type (eval/ops/product.hpp, planned_symmetric_chain):
// a chain Z Zᵀ or Z M Zᵀ with M symmetric computes Z once and one triangle of the last
// product, mirrored. The result equals the plain product to rounding and is exactly
// symmetric; small fixed sizes and chains that are not mirror images keep the plain plan.
#include <type_traits>
#include <utility>

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
constexpr auto m = md::dim<"m">;
constexpr auto A = md::matrix<"A", n, n>;
constexpr auto B = md::matrix<"B", n, n>;
constexpr auto P = md::symmetric<"P", n>;
constexpr auto Q = md::symmetric<"Q", n>;
constexpr auto S = md::spd<"S", n>;
constexpr auto V = md::symmetric<"V", n>;
constexpr auto Y = md::matrix<"Y", n, m>;
constexpr auto N = md::scalar<"N">;
constexpr auto A3 = md::matrix<"A", 3, 3>;
constexpr auto P3 = md::symmetric<"P", 3>;

template <class E>
using type_of = std::remove_cvref_t<E>;
template <class E>
using planned = md::planned_t<type_of<E>>;
template <class E>
inline constexpr bool one_triangle = md::is_node_of<planned<E>, md::symmetric_product_op<false, true>> ||
                                     md::is_node_of<planned<E>, md::symmetric_product_op<false, false>>;

void require_exactly_symmetric(const Eigen::MatrixXd& r) { CHECK(r == r.transpose()); }

}  // namespace

TEST_CASE("a product symmetric by type is planned as one triangle", "[plan][symmetric]") {
  STATIC_REQUIRE(one_triangle<decltype(A * P * md::transpose(A))>);
  STATIC_REQUIRE(one_triangle<decltype(md::transpose(A) * P * A)>);
  STATIC_REQUIRE(one_triangle<decltype(A * md::transpose(A))>);
  STATIC_REQUIRE(one_triangle<decltype(A * B * P * md::transpose(B) * md::transpose(A))>);
  STATIC_REQUIRE(one_triangle<decltype(md::inv(S) * Y * md::transpose(Y) * md::inv(S))>);
  // AᵀA stays gram (the same one triangle).
  STATIC_REQUIRE(md::is_node_of<planned<decltype(md::transpose(A) * A)>, md::gram_op>);
  // Z Zᵀ evaluates Z once: Z = A B is an operand twice, so the kernel remembers it.
  using zz = planned<decltype(A * B * md::transpose(B) * md::transpose(A))>;
  STATIC_REQUIRE(std::is_same_v<zz, md::node<md::symmetric_product_op<false, true>, md::node<md::product_op, type_of<decltype(A)>, type_of<decltype(B)>>,
                                             md::node<md::product_op, type_of<decltype(A)>, type_of<decltype(B)>>>>);
  STATIC_REQUIRE(std::is_same_v<md::shared_nodes_t<zz>, md::type_list<md::node<md::product_op, type_of<decltype(A)>, type_of<decltype(B)>>>>);
  // Not symmetric by type: a middle factor that is not symmetric, factors that are not each
  // other's transpose; and at 3 x 3 the plain product is cheaper.
  STATIC_REQUIRE(!one_triangle<decltype(A * B * md::transpose(A))>);
  STATIC_REQUIRE(!one_triangle<decltype(A * P * md::transpose(B))>);
  STATIC_REQUIRE(!one_triangle<decltype(A * P * Q)>);
  STATIC_REQUIRE(!one_triangle<decltype(A3 * P3 * md::transpose(A3))>);
}

TEST_CASE("one triangle of a symmetric product is the product, exactly symmetric", "[eval][symmetric]") {
  // Below 48 rows the whole product is computed and mirrored, from 48 one triangle.
  const Eigen::Index k = GENERATE(23, 60);
  INFO("size " << k);
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(k, k), Bv = random_matrix<Eigen::MatrixXd>(k, k),
                        Pv = random_symmetric(k), Qv = random_symmetric(k);
  const Eigen::MatrixXd apa = md::eval(A * P * md::transpose(A), A = Av, P = Pv);
  require_close(apa, Eigen::MatrixXd(Av * Pv * Av.transpose()));
  require_exactly_symmetric(apa);
  const Eigen::MatrixXd atpa = md::eval(md::transpose(A) * P * A, A = Av, P = Pv);
  require_close(atpa, Eigen::MatrixXd(Av.transpose() * Pv * Av));
  require_exactly_symmetric(atpa);
  const Eigen::MatrixXd aat = md::eval(A * md::transpose(A), A = Av);
  require_close(aat, Eigen::MatrixXd(Av * Av.transpose()));
  require_exactly_symmetric(aat);
  const Eigen::MatrixXd ata = md::eval(md::transpose(A) * A, A = Av);  // gram
  require_close(ata, Eigen::MatrixXd(Av.transpose() * Av));
  require_exactly_symmetric(ata);
  const Eigen::MatrixXd abpba = md::eval(A * B * P * md::transpose(B) * md::transpose(A), A = Av, B = Bv, P = Pv);
  require_close(abpba, Eigen::MatrixXd(Av * Bv * Pv * Bv.transpose() * Av.transpose()), 1e-11);
  require_exactly_symmetric(abpba);
  // A Kalman filter's covariance prediction A P Aᵀ + Q: the triangle is a term of the sum.
  const Eigen::MatrixXd predicted = md::eval(A * P * md::transpose(A) + Q, A = Av, P = Pv, Q = Qv);
  require_close(predicted, Eigen::MatrixXd(Av * Pv * Av.transpose() + Qv));
  require_exactly_symmetric(predicted);
  // Empty: a 0 x 0 result.
  const Eigen::MatrixXd empty = md::eval(A * P * md::transpose(A), A = Eigen::MatrixXd(0, 0), P = Eigen::MatrixXd(0, 0));
  CHECK(empty.size() == 0);
}

TEST_CASE("the Gaussian log-likelihood's gradient is S⁻¹Y (S⁻¹Y)ᵀ on one triangle", "[eval][symmetric][spd]") {
  // f(S) = N log|S| + tr(S⁻¹ Y Yᵀ), ∇f = N S⁻¹ - S⁻¹ Y Yᵀ S⁻¹ (S spd): one Cholesky, one
  // solve with Y, one triangle of the product of the solution with its transpose.
  const auto f = N * md::logdet(S) + md::trace(md::inv(S) * Y * md::transpose(Y));
  const auto g = md::grad(f, S);
  const Eigen::Index k = 12, samples = 30;
  const Eigen::MatrixXd Sv = random_spd(k), Yv = random_matrix<Eigen::MatrixXd>(k, samples);
  const Eigen::LLT<Eigen::MatrixXd> llt(Sv);
  const Eigen::MatrixXd Si = llt.solve(Eigen::MatrixXd::Identity(k, k)), SiY = llt.solve(Yv);
  md::factorization_count = {};
  const auto [fv, gv] = md::kernel(f, g)(S = Sv, Y = Yv, N = static_cast<double>(samples));
  CHECK(md::factorization_count.cholesky == 1);
  CHECK(md::factorization_count.lu == 0);
  require_close(fv, static_cast<double>(samples) * std::log(Sv.determinant()) + (Si * Yv * Yv.transpose()).trace(), 1e-11);
  require_close(gv, Eigen::MatrixXd(static_cast<double>(samples) * Si - SiY * SiY.transpose()), 1e-11);
  require_exactly_symmetric(gv);
}

TEST_CASE("the Hessian-vector product -S⁻¹VS⁻¹ next to S⁻¹ is one triangle of a product", "[eval][symmetric][spd]") {
  const auto f = md::logdet(S) + md::trace(A * S);
  const auto g = md::grad(f, S);
  const auto hv = md::directional(g, S, V);  // V symmetric: -S⁻¹ V S⁻¹ is symmetric by type
  using g_t = type_of<decltype(md::without_signature(g))>;
  using hv_t = type_of<decltype(md::without_signature(hv))>;
  using nodes = md::planning::nodes_of_t<md::planned_t<g_t>, md::planned_t<hv_t>>;
  using evaluated = decltype(md::planning::using_inverses_at_hand<nodes>(std::declval<const md::planned_t<hv_t>&>()));
  using inverse = md::node<md::lu_inverse_op, md::node<md::llt_op, type_of<decltype(S)>>>;
  using solved = type_of<decltype(std::declval<const md::planned_t<hv_t>&>().template arg<0>())>;
  STATIC_REQUIRE(md::is_node_of<solved, md::lu_solve_right_symmetric_op>);
  STATIC_REQUIRE(std::is_same_v<evaluated, md::node<md::negate_op, md::node<md::symmetric_product_op<false, false>,
                 md::node<md::product_op, inverse, type_of<decltype(V)>>, inverse>>>);
  const Eigen::Index k = 15;
  const Eigen::MatrixXd Sv = random_spd(k), Vv = random_symmetric(k), Av = random_matrix<Eigen::MatrixXd>(k, k);
  const Eigen::LLT<Eigen::MatrixXd> llt(Sv);
  const Eigen::MatrixXd Si = llt.solve(Eigen::MatrixXd::Identity(k, k));
  md::factorization_count = {};
  const auto [gv, hvv] = md::kernel(g, hv)(S = Sv, A = Av, V = Vv);
  CHECK(md::factorization_count.cholesky == 1);
  require_close(gv, Eigen::MatrixXd(Si + (Av + Av.transpose()) / 2));
  require_close(hvv, Eigen::MatrixXd(-Si * Vv * Si));
  require_exactly_symmetric(hvv);
  // Alone, without S⁻¹ at hand, it stays two solves, and is the same to rounding.
  const Eigen::MatrixXd alone = md::eval(hv, S = Sv, A = Av, V = Vv);
  require_close(alone, Eigen::MatrixXd(-Si * Vv * Si));
}
