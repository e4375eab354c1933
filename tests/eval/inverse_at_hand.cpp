// Solves with an inverse the kernel forms anyway (eval/plan/inverse_at_hand.hpp): in a kernel
// that evaluates inv(A), the products inv(A) B and B inv(A) are products with it; without
// inv(A) they stay solves; a solve the expression asks for, solve(S, B), stays a solve. The
// factorization is still computed once, and the forward error stays of the order of κ(A)·u.
#include <cmath>
#include <limits>
#include <type_traits>

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::hilbert;
using matdiff_test::random_matrix;
using matdiff_test::require_close;
using matdiff_test::well_conditioned;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto A = md::matrix<"A", n, n>;
constexpr auto B = md::matrix<"B", n, 3>;
constexpr auto C = md::matrix<"C", 3, n>;
constexpr auto S = md::spd<"S", n>;
constexpr auto V = md::matrix<"V", n, n>;
constexpr auto y = md::vector<"y", n>;

template <class E>
using type_of = std::remove_cvref_t<E>;
/// The nodes of a kernel of the expressions E..., and what it evaluates for one of them.
template <class... E>
using nodes = md::planning::nodes_of_t<md::planned_t<E>...>;
template <class Nodes, class E>
using evaluated = decltype(md::planning::using_inverses_at_hand<Nodes>(std::declval<const md::planned_t<E>&>()));

using LU = md::node<md::lu_op, type_of<decltype(A)>>;
using inverse = md::node<md::lu_inverse_op, LU>;

}  // namespace

TEST_CASE("a solve is a product with the inverse the kernel forms anyway", "[plan][kernel]") {
  using inv_a = type_of<decltype(md::inv(A))>;
  using left = type_of<decltype(md::inv(A) * B)>;
  using right = type_of<decltype(C * md::inv(A))>;
  STATIC_REQUIRE(std::is_same_v<md::planned_t<left>, md::node<md::lu_solve_op, LU, type_of<decltype(B)>>>);
  using with_inverse = nodes<inv_a, left, right>;
  STATIC_REQUIRE(std::is_same_v<evaluated<with_inverse, left>, md::node<md::product_op, inverse, type_of<decltype(B)>>>);
  STATIC_REQUIRE(std::is_same_v<evaluated<with_inverse, right>, md::node<md::product_op, type_of<decltype(C)>, inverse>>);
  STATIC_REQUIRE(std::is_same_v<evaluated<with_inverse, inv_a>, md::planned_t<inv_a>>);
  // A node above the solve takes the form it plans for the product: tr(V·A⁻¹) forms no product.
  using trace = type_of<decltype(md::trace(V * md::inv(A)))>;
  STATIC_REQUIRE(std::is_same_v<evaluated<nodes<inv_a, trace>, trace>,
                                md::node<md::trace_product_op<false, false>, type_of<decltype(V)>, inverse>>);
  // Without inv(A) the solves are left as planned.
  using without_inverse = nodes<left, right>;
  STATIC_REQUIRE(std::is_same_v<evaluated<without_inverse, left>, md::planned_t<left>>);
  STATIC_REQUIRE(std::is_same_v<evaluated<without_inverse, right>, md::planned_t<right>>);

  const Eigen::MatrixXd Av = well_conditioned<Eigen::MatrixXd>(6), Bv = random_matrix<Eigen::MatrixXd>(6, 3),
                        Cv = random_matrix<Eigen::MatrixXd>(3, 6);
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu(Av);
  md::factorization_count = {};
  const Eigen::MatrixXd Vv = random_matrix<Eigen::MatrixXd>(6, 6);
  const auto [Ai, AiB, CAi, trace_VAi] =
      md::kernel(md::inv(A), md::inv(A) * B, C * md::inv(A), md::trace(V * md::inv(A)))(A = Av, B = Bv, C = Cv, V = Vv);
  require_close(trace_VAi, (Vv * lu.inverse()).trace(), 1e-12);
  CHECK(md::factorization_count.lu == 1);
  require_close(Ai, lu.inverse());
  require_close(AiB, Eigen::MatrixXd(lu.solve(Bv)));
  Eigen::MatrixXd CAi_t(6, 3);
  CAi_t = lu.transpose().solve(Cv.transpose());  // Eigen solves with a transposed LU into a plain matrix only
  require_close(CAi, Eigen::MatrixXd(CAi_t.transpose()));
}

TEST_CASE("the gradient and Hessian-vector product of log|S| + tr(AS) multiply by the formed inverse",
          "[plan][kernel][spd]") {
  const auto f = md::logdet(S) + md::trace(A * S);
  const auto g = md::grad(f, S);
  const auto hv = md::directional(g, S, V);
  // -inv(S) V inv(S): two solves alone, two products next to the gradient's inv(S).
  using hv_t = type_of<decltype(md::without_signature(hv))>;
  using llt = md::node<md::llt_op, type_of<decltype(S)>>;
  using products = evaluated<nodes<type_of<decltype(md::without_signature(g))>, hv_t>, hv_t>;
  STATIC_REQUIRE(md::is_node_of<md::planned_t<hv_t>, md::negate_op>);
  STATIC_REQUIRE(std::is_same_v<products, md::node<md::negate_op, md::node<md::product_op, md::node<md::product_op,
                 md::node<md::lu_inverse_op, llt>, type_of<decltype(V)>>, md::node<md::lu_inverse_op, llt>>>>);

  const Eigen::MatrixXd r = random_matrix<Eigen::MatrixXd>(7, 7), v = random_matrix<Eigen::MatrixXd>(7, 7);
  const Eigen::MatrixXd Sv = r * r.transpose() + 7 * Eigen::MatrixXd::Identity(7, 7), Vv = v + v.transpose(),
                        Av = random_matrix<Eigen::MatrixXd>(7, 7);
  const Eigen::LLT<Eigen::MatrixXd> llt_s(Sv);
  const Eigen::MatrixXd Si = llt_s.solve(Eigen::MatrixXd::Identity(7, 7));
  md::factorization_count = {};
  const auto [fv, gv, hvv] = md::kernel(f, g, hv)(S = Sv, A = Av, V = Vv);
  CHECK(md::factorization_count.cholesky == 1);
  CHECK(md::factorization_count.lu == 0);
  require_close(fv, std::log(Sv.determinant()) + (Av * Sv).trace());
  require_close(gv, Eigen::MatrixXd(Si + (Av + Av.transpose()) / 2));
  require_close(hvv, Eigen::MatrixXd(-llt_s.solve(Vv) * Si));
}

TEST_CASE("solve(S, B) stays a backward-stable solve next to inv(S)", "[plan][kernel][spd][accuracy]") {
  using written = type_of<decltype(md::solve(S, y))>;
  using inv_s = type_of<decltype(md::inv(S))>;
  using kept = evaluated<nodes<inv_s, written>, written>;
  STATIC_REQUIRE(md::is_node_of<kept, md::lu_written_solve_op>);
  // The Hilbert matrix of size 10 is positive definite with condition 1.6e13: the solve leaves
  // a residual of the order of the rounding of S x, also in a kernel that forms S⁻¹.
  const Eigen::MatrixXd H = hilbert(10);
  const Eigen::VectorXd yv = H * Eigen::VectorXd::Ones(10);
  const auto [Hi, x] = md::kernel(md::inv(S), md::solve(S, y))(S = H, y = yv);
  CHECK((H * x - yv).norm() / (H.norm() * x.norm()) < 1e-15);
  CHECK(Hi.allFinite());
}

TEST_CASE("a product with the formed inverse keeps the forward error of the solve", "[plan][kernel][accuracy]") {
  // Hilbert 8, condition κ∞ ≈ 3.4e10: the solution of H x = y for x = 1 computed by the solve
  // (inv(A) y alone) and by the product with the formed inverse (next to inv(A)) are both
  // within the forward-error bound n·κ∞(H)·u of the exact one (measured: 4.2e-7 by the
  // solve, 2.7e-6 by the product, bound 3.0e-5).
  const Eigen::MatrixXd H = hilbert(8);
  const Eigen::VectorXd exact = Eigen::VectorXd::Ones(8);
  const Eigen::VectorXd yv = H * exact;
  const double kappa = H.cwiseAbs().colwise().sum().maxCoeff() *
                       Eigen::PartialPivLU<Eigen::MatrixXd>(H).inverse().cwiseAbs().colwise().sum().maxCoeff();
  const double bound = 8 * kappa * std::numeric_limits<double>::epsilon() / 2;
  const Eigen::VectorXd by_solve = md::eval(md::inv(A) * y, A = H, y = yv);
  const auto [Hi, by_product] = md::kernel(md::inv(A), md::inv(A) * y)(A = H, y = yv);
  CHECK(Hi.allFinite());
  const double solve_error = (by_solve - exact).lpNorm<Eigen::Infinity>();
  const double product_error = (by_product - exact).lpNorm<Eigen::Infinity>();
  INFO("kappa " << kappa << " bound " << bound << " solve " << solve_error << " product " << product_error);
  CHECK(solve_error <= bound);
  CHECK(product_error <= bound);
}
