// md::kernel(e1, e2, ...): one call evaluates several expressions on one set of bindings and
// returns a std::tuple of what separate md::eval calls return.
#include <tuple>
#include <type_traits>
#include <utility>

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;
using matdiff_test::well_conditioned;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto X = md::matrix<"X", n, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto A = md::matrix<"A", n, n>;
constexpr auto x = md::vector<"x", n>;
constexpr auto a = md::scalar<"a">;

constexpr auto f = md::trace(X * B * md::transpose(X));    // 1x1
constexpr auto G = X * (B + md::transpose(B));             // n x 3
constexpr auto h = md::logdet(A) + a * md::dot(x, A * x);  // 1x1
constexpr auto Ax = md::inv(A) * x;                        // n x 1

constexpr auto k = md::kernel(f, G, h, Ax);

}  // namespace

TEST_CASE("a kernel returns the values of separate evaluations") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(5, 3);
  const Eigen::Matrix3d Bv = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd Av = well_conditioned<Eigen::MatrixXd>(5);
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(5, 1);

  const auto results = k(X = Xv, B = Bv, A = Av, x = xv, a = 0.5);
  static_assert(std::is_same_v<decltype(results),
                               const std::tuple<double, Eigen::Matrix<double, Eigen::Dynamic, 3>,
                                                double, Eigen::VectorXd>>);
  REQUIRE(std::get<0>(results) == md::eval(f, X = Xv, B = Bv));
  REQUIRE(std::get<1>(results) == md::eval(G, X = Xv, B = Bv));
  REQUIRE(std::get<2>(results) == md::eval(h, A = Av, x = xv, a = 0.5));
  REQUIRE(std::get<3>(results) == md::eval(Ax, A = Av, x = xv));

  // And those are the values of plain Eigen.
  require_close(std::get<0>(results), (Xv * Bv * Xv.transpose()).trace());
  require_close(std::get<1>(results), Eigen::MatrixXd(Xv * (Bv + Bv.transpose())));
  require_close(std::get<2>(results), std::log(std::abs(Av.determinant())) + 0.5 * xv.dot(Av * xv));
  require_close(std::get<3>(results), Eigen::VectorXd(Av.lu().solve(xv)), 1e-10);
}

TEST_CASE("a kernel's results unpack with structured bindings") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(4, 3);
  const Eigen::Matrix3d Bv = random_matrix<Eigen::Matrix3d>();
  const auto [value, gradient] = md::kernel(f, G)(X = Xv, B = Bv);
  static_assert(std::is_same_v<decltype(value), const double>);
  static_assert(std::is_same_v<decltype(gradient), const Eigen::Matrix<double, Eigen::Dynamic, 3>>);
  REQUIRE(value == f(X = Xv, B = Bv));
  REQUIRE(gradient == G(X = Xv, B = Bv));
}

TEST_CASE("a kernel can be called again with other bindings and other sizes") {
  for (const Eigen::Index size : {2, 5, 1, 8}) {
    const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(size, 3);
    const Eigen::Matrix3d Bv = random_matrix<Eigen::Matrix3d>();
    const Eigen::MatrixXd Av = well_conditioned<Eigen::MatrixXd>(size);
    const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(size, 1);
    const auto [value, gradient, logdet_value, solution] =
        k(a = 2.0, x = xv, A = Av, B = Bv, X = Xv);
    REQUIRE(gradient.rows() == size);
    REQUIRE(solution.size() == size);
    REQUIRE(value == md::eval(f, X = Xv, B = Bv));
    REQUIRE(gradient == md::eval(G, X = Xv, B = Bv));
    REQUIRE(logdet_value == md::eval(h, A = Av, x = xv, a = 2.0));
    REQUIRE(solution == md::eval(Ax, A = Av, x = xv));
  }
}

TEST_CASE("a kernel can be called with bindings of other kinds") {
  const Eigen::MatrixXd big = random_matrix<Eigen::MatrixXd>(6, 6);
  const Eigen::Matrix3d Bv = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd Xv = big.topLeftCorner(4, 3);
  const auto from_plain = md::kernel(f, G)(X = Xv, B = Bv);
  const auto from_block = md::kernel(f, G)(X = big.topLeftCorner(4, 3), B = Eigen::MatrixXd(Bv));
  const auto from_fixed = md::kernel(f, G)(X = Eigen::Matrix<double, 4, 3>(Xv), B = Bv);
  REQUIRE(std::get<0>(from_block) == std::get<0>(from_plain));
  REQUIRE(std::get<1>(from_block) == std::get<1>(from_plain));
  REQUIRE(std::get<0>(from_fixed) == std::get<0>(from_plain));
  REQUIRE(std::get<1>(from_fixed) == std::get<1>(from_plain));
}

TEST_CASE("a kernel of one expression, of one expression twice, and of unrelated expressions") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(3, 3);
  const Eigen::Matrix3d Bv = random_matrix<Eigen::Matrix3d>();

  const auto one = md::kernel(f)(X = Xv, B = Bv);
  static_assert(std::is_same_v<decltype(one), const std::tuple<double>>);
  REQUIRE(std::get<0>(one) == md::eval(f, X = Xv, B = Bv));

  const auto [first, second] = md::kernel(G, G)(X = Xv, B = Bv);
  REQUIRE(first == second);
  REQUIRE(first == md::eval(G, X = Xv, B = Bv));

  // Every variable of every expression is bound once; a constant needs no binding.
  const auto [trace_B, sum_X, two] =
      md::kernel(md::trace(B), md::sum(X), md::trace(md::identity<2>))(X = Xv, B = Bv);
  require_close(trace_B, Bv.trace());
  require_close(sum_X, Xv.sum());
  REQUIRE(two == 2.0);
}

TEST_CASE("a kernel is one inlined function only when its results, bound values and plan are small and fixed") {
  constexpr auto Y = md::matrix<"Y", 2, 2>;
  constexpr auto K = md::matrix<"K", 2, 2>;
  constexpr auto f2 = md::trace(Y * K * md::transpose(Y));
  using fixed_y = decltype(Y = std::declval<const Eigen::Matrix2d&>());
  using dynamic_y = decltype(Y = std::declval<const Eigen::MatrixXd&>());
  using fixed_k = decltype(K = std::declval<const Eigen::Matrix2d&>());
  using small = decltype(md::kernel(f2, md::grad(f2, Y)));
  STATIC_REQUIRE(small::inlined_with<fixed_y, fixed_k>);
  STATIC_REQUIRE(!small::inlined_with<dynamic_y, fixed_k>);  // loops over run-time sizes
  STATIC_REQUIRE(small::planned_node_count <= MATDIFF_INLINE_KERNEL_NODES);

  // A 3x3 gradient whose plan has more nodes than the bound: inlined whole, g++ 12 -O1 took
  // 56 s and 2.0 GiB to compile it, 6.7 s not (eval/kernel.hpp).
  constexpr auto P = md::matrix<"P", 3, 3>;
  constexpr auto S = md::symmetric<"S", 3>;
  constexpr auto C = md::matrix<"C", 3, 4>;
  constexpr auto M = md::pow(md::softplus(P * S), 2.5);
  constexpr auto g = md::norm1(-2 * md::solve(M * md::transpose(M) + md::identity<3>, -C));
  using large = decltype(md::kernel(g, md::grad(g, S)));
  STATIC_REQUIRE(large::planned_node_count > MATDIFF_INLINE_KERNEL_NODES);
  STATIC_REQUIRE(!large::inlined_with<decltype(P = std::declval<const Eigen::Matrix3d&>()),
                                      decltype(S = std::declval<const Eigen::Matrix3d&>()),
                                      decltype(C = std::declval<const Eigen::Matrix<double, 3, 4>&>())>);
}
