// Evaluation planning, part 1: shared subexpressions are evaluated once per call, and
// inverses become shared LU factorizations and solves, with the values of hand-written
// Eigen. Part 2 (plan_forms.cpp): product chains and special forms; part 3
// (planned_sums.cpp): sums.
#include <cmath>
#include <tuple>
#include <type_traits>

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;
using matdiff_test::well_conditioned;

// counted(A) = A, counting its evaluations: what evaluating a node costs, made visible.
struct counted_op {
  static consteval md::diagnostic check(const md::shape&) { return {}; }
  static constexpr md::shape result_shape(const md::shape& a) { return a; }
  static constexpr int precedence(md::notation) { return md::precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.write("counted(").operand(a, 0).write(")");
  }
};

namespace {
int evaluations = 0;

template <class A>
constexpr auto counted(const A& a) {
  return md::make_expression(counted_op{}, a);
}
}  // namespace

namespace matdiff {
template <>
struct evaluator<counted_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    ++evaluations;
    return finish<typename Ctx::scalar, E>(a);
  }
};
}  // namespace matdiff

// twice(A) = 2A, an operation whose evaluator plans it as the product 2A (`plan`, the
// planning hook of eval/evaluate.hpp): an operation defined outside matdiff takes a form of
// its own in a kernel, and `apply` is only the unplanned rule.
struct twice_op {
  static consteval md::diagnostic check(const md::shape&) { return {}; }
  static constexpr md::shape result_shape(const md::shape& a) { return a; }
  static constexpr int precedence(md::notation) { return md::precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call("twice", a);
  }
};

namespace {
int unplanned_twice = 0;

template <class A>
constexpr auto twice(const A& a) {
  return md::make_expression(twice_op{}, a);
}
}  // namespace

namespace matdiff {
template <>
struct evaluator<twice_op> {
  template <class A>
  static constexpr auto plan(const node<twice_op, A>& e) {
    return planned_node<product_op>(rational<2>{}, e.template arg<0>());
  }
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    ++unplanned_twice;
    return finish<typename Ctx::scalar, E>(2 * a);
  }
};
}  // namespace matdiff

// upper(A), the upper triangle of A, an operation defined outside matdiff whose products are
// triangular products: `left_factor_form` and `right_factor_form` next to it (eval/evaluate.hpp)
// give the product's planner the form upper(A)·M and M·upper(A) take, and what it saves.
struct upper_op {
  static consteval md::diagnostic check(const md::shape&) { return {}; }
  static constexpr md::shape result_shape(const md::shape& a) { return a; }
  static constexpr int precedence(md::notation) { return md::precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    p.call("upper", a);
  }
};
/// op(A) op(M) with op(A) = A's upper triangle on the side UpperLeft says.
template <bool UpperLeft>
struct triangular_product_op {
  static constexpr md::shape result_shape(const md::shape& a, const md::shape& b) { return {a.rows, b.cols}; }
};

namespace {
int triangular_products = 0;

template <class A>
constexpr auto upper(const A& a) {
  return md::make_expression(upper_op{}, a);
}
}  // namespace

namespace matdiff {
template <>
struct evaluator<upper_op> {
  template <class Ctx, class E, class A>
  static auto apply(const Ctx&, const E&, const A& a) {
    return finish<typename Ctx::scalar, E>(a.template triangularView<Eigen::Upper>().toDenseMatrix());
  }
};
template <bool UpperLeft>
struct evaluator<triangular_product_op<UpperLeft>> {
  template <class Ctx, class E, class A, class B>
  static auto apply(const Ctx&, const E&, const A& a, const B& b) {
    ++triangular_products;
    result_t<Ctx, E> r;
    if constexpr (UpperLeft) r.noalias() = a.template triangularView<Eigen::Upper>() * b;
    else r.noalias() = a * b.template triangularView<Eigen::Upper>();
    return r;
  }
};
template <class A, class R>
constexpr auto left_factor_form(const node<upper_op, A>& u, const R& m) {
  return saving<product_saving::operand_in_place>(planned_node<triangular_product_op<true>>(u.template arg<0>(), m));
}
template <class L, class A>
constexpr auto right_factor_form(const L& m, const node<upper_op, A>& u) {
  return saving<product_saving::operand_in_place>(planned_node<triangular_product_op<false>>(m, u.template arg<0>()));
}
}  // namespace matdiff

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto X = md::matrix<"X", n, 4>;
constexpr auto w = md::vector<"w", 4>;
constexpr auto A = md::matrix<"A", n, n>;
constexpr auto B = md::matrix<"B", n, n>;
constexpr auto x = md::vector<"x", n>;

template <class E>
using planned = md::planned_t<E>;
template <class E>
using type_of = std::remove_cvref_t<E>;

}  // namespace

TEST_CASE("a kernel evaluates the form an operation's evaluator plans") {
  constexpr auto f = twice(A) * x;
  static_assert(std::is_same_v<planned<decltype(twice(A))>, md::node<md::product_op, md::rational<2>, type_of<decltype(A)>>>);
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(5, 5);
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(5, 1);
  unplanned_twice = 0;
  const auto [value] = md::kernel(f)(A = Av, x = xv);
  CHECK(unplanned_twice == 0);
  require_close(value, Eigen::VectorXd(2 * Av * xv), 1e-14);
}

TEST_CASE("an operation defined outside matdiff gives its products a form of its own") {
  using Ab = type_of<decltype(A)>;
  using Bb = type_of<decltype(B)>;
  using upper_left = md::node<triangular_product_op<true>, Ab, Bb>;
  using upper_right = md::node<triangular_product_op<false>, Bb, Ab>;
  STATIC_REQUIRE(std::is_same_v<planned<decltype(upper(A) * B)>, upper_left>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(B * upper(A))>, upper_right>);
  // The larger saving wins, the left factor's on a tie: a solve with B's factorization (no
  // inverse) and a diagonal's scaling before the triangle read in place; of two triangles,
  // the left one's.
  STATIC_REQUIRE(md::is_node_of<planned<decltype(md::inv(B) * upper(A))>, md::lu_solve_op>);
  STATIC_REQUIRE(md::is_node_of<planned<decltype(upper(A) * md::inv(B))>, md::lu_solve_right_op>);
  STATIC_REQUIRE(md::is_node_of<planned<decltype(upper(A) * md::diag(x))>, md::scale_cols_op>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(upper(A) * upper(B))>,
                                md::node<triangular_product_op<true>, Ab, md::node<upper_op, Bb>>>);
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(5, 5), Bv = random_matrix<Eigen::MatrixXd>(5, 5);
  const Eigen::MatrixXd Au = Av.triangularView<Eigen::Upper>();
  triangular_products = 0;
  const auto [left, right] = md::kernel(upper(A) * B, B * upper(A))(A = Av, B = Bv);
  CHECK(triangular_products == 2);
  require_close(left, Eigen::MatrixXd(Au * Bv), 1e-14);
  require_close(right, Eigen::MatrixXd(Bv * Au), 1e-14);
}

TEST_CASE("a subexpression shared by several outputs is evaluated once per call") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(6, 4);
  const Eigen::Vector4d wv = random_matrix<Eigen::Vector4d>();
  constexpr auto z = counted(X * w);
  constexpr auto value = md::sum(md::softplus(z));
  constexpr auto gradient = md::transpose(X) * md::sigmoid(z);
  constexpr auto k = md::kernel(value, gradient);

  evaluations = 0;
  const auto [f, g] = k(X = Xv, w = wv);
  REQUIRE(evaluations == 1);
  k(X = Xv, w = wv);
  REQUIRE(evaluations == 2);  // once per call, not once per kernel

  // The same values as unshared evaluation, which evaluates z once per expression.
  evaluations = 0;
  REQUIRE(f == md::eval(value, X = Xv, w = wv));
  REQUIRE(g == md::eval(gradient, X = Xv, w = wv));
  REQUIRE(evaluations == 2);

  const Eigen::VectorXd zv = Xv * wv;
  const Eigen::VectorXd s = zv.unaryExpr([](double t) { return 1 / (1 + std::exp(-t)); });
  require_close(f, zv.unaryExpr([](double t) { return std::log1p(std::exp(t)); }).sum());
  require_close(g, Eigen::Vector4d(Xv.transpose() * s));
}

TEST_CASE("a subexpression used twice by one node is evaluated once") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(5, 4);
  const Eigen::Vector4d wv = random_matrix<Eigen::Vector4d>();
  evaluations = 0;
  const Eigen::VectorXd r = md::eval(md::hadamard(counted(X * w), md::exp(counted(X * w))), X = Xv, w = wv);
  REQUIRE(evaluations == 1);
  const Eigen::VectorXd zv = Xv * wv;
  require_close(r, Eigen::VectorXd(zv.cwiseProduct(zv.array().exp().matrix())));
}

TEST_CASE("nodes of one type share a value only when the numbers written in them are equal") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(3, 4);
  evaluations = 0;
  const auto [two, three] = md::kernel(md::sum(counted(2 * X)), md::trace(md::transpose(X) * counted(3 * X)))(X = Xv);
  REQUIRE(evaluations == 2);
  require_close(two, 2 * Xv.sum());
  require_close(three, 3 * Xv.squaredNorm());

  evaluations = 0;
  const auto [a, b] = md::kernel(md::sum(counted(2 * X)), md::trace(md::transpose(X) * counted(2 * X)))(X = Xv);
  REQUIRE(evaluations == 1);
  require_close(a, 2 * Xv.sum());
  require_close(b, 2 * Xv.squaredNorm());

  // Both inside one node, with different numbers.
  evaluations = 0;
  const double c = md::eval(md::sum(md::hadamard(counted(2 * X), counted(3 * X))), X = Xv);
  REQUIRE(evaluations == 2);
  require_close(c, 6 * Xv.squaredNorm());
}

TEST_CASE("the shared nodes are those evaluated more than once") {
  using Xw = type_of<decltype(X * w)>;
  using S = type_of<decltype(md::sigmoid(X * w))>;
  constexpr auto value = md::sum(md::softplus(X * w));
  constexpr auto gradient = md::transpose(X) * md::sigmoid(X * w);
  constexpr auto hessian = md::transpose(X) * md::diag(md::hadamard(md::sigmoid(X * w), md::ones<n, 1> - md::sigmoid(X * w))) * X;
  // X*w is used by softplus and sigmoid; sigmoid(X*w) by the gradient and, twice, by the
  // Hessian's weights; softplus and the rest once.
  STATIC_REQUIRE(std::is_same_v<md::shared_nodes_t<planned<decltype(value)>, planned<decltype(gradient)>>,
                                md::type_list<Xw>>);
  STATIC_REQUIRE(std::is_same_v<md::shared_nodes_t<planned<decltype(value)>, planned<decltype(gradient)>,
                                                   planned<decltype(hessian)>>,
                                md::type_list<Xw, S>>);
  STATIC_REQUIRE(std::is_same_v<md::shared_nodes_t<planned<decltype(value)>>, md::type_list<>>);
}

TEST_CASE("inv, det and logdet of one matrix share one LU factorization") {
  using LU = md::lu_node<type_of<decltype(A)>>;
  using inverse = planned<decltype(md::inv(A))>;
  STATIC_REQUIRE(std::is_same_v<inverse, md::node<md::lu_inverse_op, LU>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::logdet(A))>, md::node<md::lu_logdet_op, LU>>);
  STATIC_REQUIRE(std::is_same_v<md::shared_nodes_t<inverse, planned<decltype(md::logdet(A))>,
                                                   planned<decltype(md::det(A))>>,
                                md::type_list<LU>>);

  const Eigen::MatrixXd Av = well_conditioned<Eigen::MatrixXd>(7);
  const auto [inverse_value, logdet_value, det_value] = md::kernel(md::inv(A), md::logdet(A), md::det(A))(A = Av);
  require_close(inverse_value, Eigen::MatrixXd(Av.inverse()), 1e-10);
  require_close(logdet_value, std::log(std::abs(Av.determinant())), 1e-10);
  require_close(det_value, Av.determinant(), 1e-10);
}

TEST_CASE("a product with an inverse is a solve") {
  using LU = md::lu_node<type_of<decltype(A)>>;
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::inv(A) * B)>,
                                md::node<md::lu_solve_op, LU, type_of<decltype(B)>>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(B * md::inv(A))>,
                                md::node<md::lu_solve_right_op, type_of<decltype(B)>, LU>>);
  // Small fixed sizes too: the LU is accurate where the closed forms are not (docs/numerics.md).
  constexpr auto C = md::matrix<"C", 3, 3>;
  constexpr auto x3 = md::vector<"x", 3>;
  using LU3 = md::lu_node<type_of<decltype(C)>>;
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::inv(C))>, md::node<md::lu_inverse_op, LU3>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::det(C))>, md::node<md::lu_determinant_op, LU3>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::inv(C) * x3)>, md::node<md::lu_solve_op, LU3, type_of<decltype(x3)>>>);

  const Eigen::MatrixXd Av = well_conditioned<Eigen::MatrixXd>(6);
  const Eigen::MatrixXd Bv = random_matrix<Eigen::MatrixXd>(6, 6);
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(6, 1);
  const auto [left, right, quadratic] =
      md::kernel(md::inv(A) * B, B * md::inv(A), md::transpose(x) * md::inv(A) * x)(A = Av, B = Bv, x = xv);
  require_close(left, Eigen::MatrixXd(Av.inverse() * Bv), 1e-10);
  require_close(right, Eigen::MatrixXd(Bv * Av.inverse()), 1e-10);
  require_close(quadratic, xv.dot(Av.inverse() * xv), 1e-10);
}
