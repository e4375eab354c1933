// Evaluation planning, part 3: a chain of + and − is one planned sum (eval/ops/add.hpp):
// its terms in the written order, products added into it, a term that is another's
// transpose read from that term's value. Part 1 (plan.cpp): shared subexpressions,
// factorizations and solves; part 2 (plan_forms.cpp): chains and special forms.
#include <tuple>
#include <type_traits>

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto x = md::vector<"x", n>;

template <class E>
using planned = md::planned_t<E>;
template <class E>
using type_of = std::remove_cvref_t<E>;
/// The planned type of term I of planned sum P.
template <std::size_t I, class P>
using term = std::remove_cvref_t<decltype(std::declval<const P&>().template arg<I>())>;

}  // namespace

TEST_CASE("a sum of matrices times a vector is two matrix-vector products, the second into the first") {
  constexpr auto S = md::matrix<"S", n, n>;
  constexpr auto T = md::matrix<"T", n, n>;
  using Sb = type_of<decltype(S)>;
  using xb = type_of<decltype(x)>;
  using product = md::node<md::product_op, Sb, xb>;
  // (S + S')x = Sx + S'x, S'x multiplied into Sx's vector; x'Sx = x'(Sx) shares Sx with it.
  using plus = md::planned_sum_op<md::term_kind::plus, md::term_kind::plus_product>;
  using minus = md::planned_sum_op<md::term_kind::plus, md::term_kind::minus_product>;
  STATIC_REQUIRE(md::is_node_of<planned<decltype((S + md::transpose(S)) * x)>, plus>);
  STATIC_REQUIRE(md::is_node_of<planned<decltype((S - T) * x)>, minus>);
  STATIC_REQUIRE(std::is_same_v<
                 std::remove_cvref_t<decltype(std::declval<planned<decltype((S + md::transpose(S)) * x)>>().template arg<0>())>,
                 product>);
  const Eigen::MatrixXd Sv = random_matrix<Eigen::MatrixXd>(6, 6), Tv = random_matrix<Eigen::MatrixXd>(6, 6);
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(6, 1);
  const auto [value, gradient, difference] =
      md::kernel(md::transpose(x) * S * x, (S + md::transpose(S)) * x, (S - T) * x)(S = Sv, T = Tv, x = xv);
  require_close(value, xv.dot(Sv * xv));
  require_close(gradient, Eigen::VectorXd((Sv + Sv.transpose()) * xv));
  require_close(difference, Eigen::VectorXd((Sv - Tv) * xv));
}

TEST_CASE("C - AB' adds the product into a copy of C") {
  constexpr auto m = md::dim<"m">;
  constexpr auto T = md::matrix<"T", m, n>;
  constexpr auto U = md::matrix<"U", m, 3>;
  constexpr auto V = md::matrix<"V", n, 3>;
  constexpr auto residual = T - U * md::transpose(V);
  using md::term_kind;
  STATIC_REQUIRE(md::is_node_of<planned<decltype(residual)>, md::planned_sum_op<term_kind::plus, term_kind::minus_product>>);
  STATIC_REQUIRE(md::is_node_of<planned<decltype(T + U * md::transpose(V))>,
                                md::planned_sum_op<term_kind::plus, term_kind::plus_product>>);
  // A fixed-size sum adds the product's value: Eigen's lazy product is as fast there.
  constexpr auto F = md::matrix<"F", 3, 3>;
  STATIC_REQUIRE(md::is_node_of<planned<decltype(F - F * md::transpose(F))>, md::planned_sum_op<term_kind::plus, term_kind::minus>>);
  const Eigen::MatrixXd Tv = random_matrix<Eigen::MatrixXd>(7, 5), Uv = random_matrix<Eigen::MatrixXd>(7, 3),
                        Vv = random_matrix<Eigen::MatrixXd>(5, 3);
  const auto [value, gradient] = md::kernel(md::sqnorm(residual), md::grad(md::sqnorm(residual), U))(T = Tv, U = Uv, V = Vv);
  const Eigen::MatrixXd R = Tv - Uv * Vv.transpose();
  require_close(value, R.squaredNorm());
  require_close(gradient, Eigen::MatrixXd(-2 * R * Vv));
  require_close(md::eval(T + U * md::transpose(V), T = Tv, U = Uv, V = Vv), Eigen::MatrixXd(Tv + Uv * Vv.transpose()));
}

TEST_CASE("a chain of + and - is one planned sum, its terms in the written order") {
  using md::term_kind;
  constexpr auto A = md::matrix<"A", n, n>;
  constexpr auto B = md::matrix<"B", n, n>;
  constexpr auto C = md::matrix<"C", n, n>;
  constexpr auto chain = A + B - C * md::transpose(A) + md::transpose(B);
  using P = planned<decltype(chain)>;
  STATIC_REQUIRE(md::is_node_of<P, md::planned_sum_op<term_kind::plus, term_kind::plus, term_kind::minus_product,
                                                       term_kind::plus>>);
  // A sum on the right is a term of its own: A + (B - C) is not (A + B) - C in floating point.
  using nested = planned<decltype(A + (B - C))>;
  STATIC_REQUIRE(md::is_node_of<nested, md::planned_sum_op<term_kind::plus, term_kind::plus>>);
  STATIC_REQUIRE(md::is_node_of<std::remove_cvref_t<decltype(std::declval<nested>().template arg<1>())>,
                                md::planned_sum_op<term_kind::plus, term_kind::minus>>);
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(5, 5), Bv = random_matrix<Eigen::MatrixXd>(5, 5),
                        Cv = random_matrix<Eigen::MatrixXd>(5, 5);
  require_close(md::eval(chain, A = Av, B = Bv, C = Cv),
                Eigen::MatrixXd(Av + Bv - Cv * Av.transpose() + Bv.transpose()));
  require_close(md::eval(A + (B - C), A = Av, B = Bv, C = Cv), Eigen::MatrixXd(Av + (Bv - Cv)));
  // Scalars: ((a + b) - c) + d, and a product of a row and a column is a scalar term.
  constexpr auto a = md::scalar<"a">;
  constexpr auto u = md::vector<"u", n>;
  const Eigen::VectorXd uv = random_matrix<Eigen::VectorXd>(5, 1);
  const double value = md::eval(a + 2 * a - md::transpose(u) * u + a * a, a = 0.5, u = uv);
  CHECK(value == ((0.5 + 2 * 0.5) - uv.dot(uv)) + 0.25);
}

TEST_CASE("a term that is another's transpose is read from that term's value") {
  // −A⁻¹V − Vᵀ A⁻ᵀ (in the Hessian-vector product of ‖A⁻¹‖²): one solve, read transposed for
  // the second term, instead of a solve and a product.
  constexpr auto A = md::matrix<"A", n, n>;
  constexpr auto B = md::matrix<"B", n, n>;
  constexpr auto V = md::matrix<"V", n, n>;
  constexpr auto S = md::symmetric<"S", n>;
  constexpr auto solves = -(md::inv(A) * V) - md::transpose(V) * md::transpose(md::inv(A));
  using P = planned<decltype(solves)>;
  using solve = term<0, term<0, P>>;  // under the negation
  STATIC_REQUIRE(md::is_node_of<solve, md::lu_solve_op>);
  STATIC_REQUIRE(std::is_same_v<term<1, P>, md::node<md::transpose_op, solve>>);
  REQUIRE(md::to_string(md::plan_evaluation(solves)) == "-lu_solve(lu(A), V) - lu_solve(lu(A), V)'");
  // Unsigned terms, longer chains, a symmetric factor standing for its transpose.
  using sum = planned<decltype(A * B * V + md::transpose(V) * md::transpose(B) * md::transpose(A))>;
  STATIC_REQUIRE(std::is_same_v<term<1, sum>, md::node<md::transpose_op, term<0, sum>>>);
  using symmetric = planned<decltype(A * S - S * md::transpose(A))>;
  STATIC_REQUIRE(std::is_same_v<term<1, symmetric>, md::node<md::transpose_op, term<0, symmetric>>>);
  // Not a transpose: AB + AᵀBᵀ = AB + (BA)ᵀ.
  using other = planned<decltype(A * B + md::transpose(A) * md::transpose(B))>;
  STATIC_REQUIRE(!md::is_node_of<term<1, other>, md::transpose_op>);

  const Eigen::MatrixXd Av = matdiff_test::well_conditioned<Eigen::MatrixXd>(5),
                        Bv = random_matrix<Eigen::MatrixXd>(5, 5), Vv = random_matrix<Eigen::MatrixXd>(5, 5),
                        Sv = matdiff_test::random_symmetric(5);
  const Eigen::MatrixXd solved = Av.partialPivLu().solve(Vv);
  require_close(md::eval(solves, A = Av, V = Vv), Eigen::MatrixXd(-solved - solved.transpose()));
  require_close(md::eval(A * B * V + md::transpose(V) * md::transpose(B) * md::transpose(A), A = Av, B = Bv, V = Vv),
                Eigen::MatrixXd(Av * Bv * Vv + (Av * Bv * Vv).transpose()));
  require_close(md::eval(A * S - S * md::transpose(A), A = Av, S = Sv),
                Eigen::MatrixXd(Av * Sv - Sv * Av.transpose()));
  require_close(md::eval(A * B + md::transpose(A) * md::transpose(B), A = Av, B = Bv),
                Eigen::MatrixXd(Av * Bv + Av.transpose() * Bv.transpose()));

  // The Hessian-vector product of ‖J‖² + ‖J⁻¹‖² at a fixed 2x2 J, against its closed form
  // 2(V + WᵀVᵀWᵀWWᵀ + WᵀWVWWᵀ + WᵀWWᵀVᵀWᵀ), W = J⁻¹.
  constexpr auto J = md::matrix<"J", 2, 2>;
  constexpr auto D = md::matrix<"D", 2, 2>;
  constexpr auto f = md::sqnorm(J) + md::sqnorm(md::inv(J));
  constexpr auto gradient = md::grad(f, J);
  const Eigen::Matrix2d Jv = Eigen::Matrix2d::Identity() * 2 + 0.3 * random_matrix<Eigen::Matrix2d>(),
                        Dv = random_matrix<Eigen::Matrix2d>();
  const auto [value, g, hvp] = md::kernel(f, gradient, md::directional(gradient, J, D))(J = Jv, D = Dv);
  const Eigen::Matrix2d W = Jv.inverse();
  require_close(value, Jv.squaredNorm() + W.squaredNorm());
  require_close(g, Eigen::Matrix2d(2 * (Jv - W.transpose() * W * W.transpose())));
  const Eigen::Matrix2d expected = 2 * (Dv + W.transpose() * Dv.transpose() * W.transpose() * W * W.transpose() +
                                        W.transpose() * W * Dv * W * W.transpose() +
                                        W.transpose() * W * W.transpose() * Dv.transpose() * W.transpose());
  require_close(hvp, expected, 1e-11);
}

TEST_CASE("the signs of a long spine: each subtracted term where it was written") {
  // A - B + C - D - E + F: the spine's signs read off its nodes, left to right (spine_signs).
  constexpr auto A = md::matrix<"A", n, n>;
  constexpr auto B = md::matrix<"B", n, n>;
  constexpr auto C = md::matrix<"C", n, n>;
  constexpr auto D = md::matrix<"D", n, n>;
  constexpr auto E = md::matrix<"E", n, n>;
  constexpr auto F = md::matrix<"F", n, n>;
  constexpr auto f = A - B + C - D - E + F;
  using md::term_kind;
  STATIC_REQUIRE(md::is_node_of<planned<decltype(f)>,
                                md::planned_sum_op<term_kind::plus, term_kind::minus, term_kind::plus, term_kind::minus,
                                                   term_kind::minus, term_kind::plus>>);
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(3, 3), Bv = random_matrix<Eigen::MatrixXd>(3, 3),
                        Cv = random_matrix<Eigen::MatrixXd>(3, 3), Dv = random_matrix<Eigen::MatrixXd>(3, 3),
                        Ev = random_matrix<Eigen::MatrixXd>(3, 3), Fv = random_matrix<Eigen::MatrixXd>(3, 3);
  require_close(md::eval(f, A = Av, B = Bv, C = Cv, D = Dv, E = Ev, F = Fv),
                Eigen::MatrixXd(Av - Bv + Cv - Dv - Ev + Fv));
}
