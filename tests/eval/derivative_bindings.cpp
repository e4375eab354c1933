// A derivative keeps the variables of its function (API §4): it accepts a binding for every
// variable of the function it was taken from, also those it no longer contains, and takes
// dimension values from them. Bindings made from temporaries hold them.

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
constexpr auto a = md::vector<"a", n>;
constexpr auto T = md::matrix<"T", n, 3>;
constexpr auto U = md::matrix<"U", n, 2>;
constexpr auto V = md::matrix<"V", 3, 2>;
constexpr auto X = md::matrix<"X", 3, 3>;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;

/// The variable names bindings for E may name.
template <class E>
constexpr int signature_size = static_cast<int>(md::signature_of<E>.size);

}  // namespace

TEST_CASE("a gradient that lost a variable accepts the function's bindings") {
  constexpr auto f = md::transpose(x) * a;
  constexpr auto g = md::grad(f, x);
  static_assert(md::to_string(g) == "a");  // printing is unchanged
  static_assert(decltype(g)::variables_v.size == 1 && signature_size<decltype(g)> == 2);
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(5, 1), av = random_matrix<Eigen::VectorXd>(5, 1);

  require_close(md::eval(g, x = xv, a = av), av);
  require_close(g(a = av, x = xv), av);
  require_close(md::eval(g, a = av), av);  // x is accepted, not required
  const auto [value, gradient] = md::kernel(f, g)(x = xv, a = av);
  require_close(value, xv.dot(av));
  require_close(gradient, av);
}

TEST_CASE("a derivative's type names only the variables it lost, its signature is in the function's order") {
  // f's variables in first-seen order are Y, A, X; its gradient in X, I + A', has A alone.
  constexpr auto f = md::trace(md::transpose(Y) * Y) + md::trace(A * X) + md::trace(X);
  constexpr auto g = md::grad(f, X);
  static_assert(md::to_string(g) == "I + A'");
  using G = std::remove_cvref_t<decltype(g)>;
  constexpr auto lost = G::lost_v;
  STATIC_REQUIRE(lost.size == 2);
  STATIC_REQUIRE((lost.items[0]->name == md::name_string("Y") && lost.items[1]->name == md::name_string("X")));
  constexpr auto signature = md::signature_of<G>;
  STATIC_REQUIRE(signature.size == 3);
  STATIC_REQUIRE((signature.items[0]->name == md::name_string("A") && signature.items[1]->name == md::name_string("Y") &&
                  signature.items[2]->name == md::name_string("X")));
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Xv = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(4, 3);
  require_close(g(A = Av, X = Xv, Y = Yv), Eigen::Matrix3d(Av.transpose() + Eigen::Matrix3d::Identity()));
}

TEST_CASE("a Hessian without the variables of its function takes its sizes from their bindings") {
  // ‖T - UV'‖² in U: 2 kron(V'V, I), whose identity is n x n with n the rows of T and U.
  constexpr auto f = md::sqnorm(T - U * md::transpose(V));
  constexpr auto h = md::hessian(f, U);
  static_assert(md::to_string(h) == "2*kron(V'*V, I)");
  const Eigen::MatrixXd Tv = random_matrix<Eigen::MatrixXd>(4, 3), Uv = random_matrix<Eigen::MatrixXd>(4, 2),
                        Vv = random_matrix<Eigen::MatrixXd>(3, 2);
  const Eigen::MatrixXd VV = Vv.transpose() * Vv;
  Eigen::MatrixXd expected = Eigen::MatrixXd::Zero(8, 8);  // 2 kron(V'V, I4)
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) expected.block(4 * i, 4 * j, 4, 4) = 2 * VV(i, j) * Eigen::MatrixXd::Identity(4, 4);

  require_close(md::eval(h, T = Tv, U = Uv, V = Vv), expected);
  const auto [value, gradient, hessian] = md::kernel(f, md::grad(f, U), h)(T = Tv, U = Uv, V = Vv);
  require_close(value, (Tv - Uv * Vv.transpose()).squaredNorm());
  require_close(gradient, Eigen::MatrixXd(2 * (Uv * Vv.transpose() - Tv) * Vv));
  require_close(hessian, expected);
  // A size the result needs is still checked against the other bindings.
  const Eigen::MatrixXd T5 = random_matrix<Eigen::MatrixXd>(5, 3);
  REQUIRE_THROWS_AS(md::eval(h, T = T5, U = Uv, V = Vv), md::dimension_error);
}

TEST_CASE("the derivatives and simplify all keep the function's variables") {
  constexpr auto f = md::trace(A * X) + md::sum(md::exp(md::transpose(Y) * Y));
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Xv = random_matrix<Eigen::Matrix3d>(),
                        Vv = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(4, 3);

  // Each derivative in X no longer contains X or Y, and accepts all three bindings.
  constexpr auto g = md::grad(f, X);
  constexpr auto J = md::jacobian(f, X);
  constexpr auto H = md::hessian(f, X);
  constexpr auto D = md::directional(f, X, md::matrix<"V", 3, 3>);
  constexpr auto dX = md::differential(md::transpose(X) * A, X);
  static_assert(md::to_string(g) == "A'");
  static_assert(signature_size<decltype(g)> == 3 && signature_size<decltype(H)> == 3);
  static_assert(signature_size<decltype(md::simplify(g))> == 3);
  require_close(md::eval(g, A = Av, X = Xv, Y = Yv), Eigen::Matrix3d(Av.transpose()));
  require_close(md::eval(md::simplify(g), A = Av, X = Xv, Y = Yv), Eigen::Matrix3d(Av.transpose()));
  require_close(md::eval(J, A = Av, X = Xv, Y = Yv), Eigen::MatrixXd(Av.transpose().reshaped().transpose()));
  REQUIRE(md::eval(H, A = Av, X = Xv, Y = Yv).norm() == 0);
  require_close(md::eval(D, A = Av, X = Xv, Y = Yv, md::matrix<"V", 3, 3> = Vv), (Av * Vv).trace());
  static_assert(signature_size<decltype(dX)> == 2);  // dX' A: holds A and the symbol dX, not X
}

TEST_CASE("simplify keeps the variables it removes") {
  constexpr auto e = md::simplify(X * md::identity<3> + A - A);
  static_assert(md::to_string(e) == "X");
  static_assert(signature_size<decltype(e)> == 2);
  const Eigen::Matrix3d Xv = random_matrix<Eigen::Matrix3d>(), Av = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(e, X = Xv, A = Av), Xv);
  require_close(md::eval(e, X = Xv), Xv);
}

TEST_CASE("arithmetic on derivatives: the union of their functions' variables") {
  constexpr auto g1 = md::grad(md::transpose(x) * a, x);                    // a; function of x, a
  constexpr auto g2 = md::grad(md::sum(md::exp(md::transpose(Y) * a)), a);  // Y*exp(Y'a); of Y, a
  constexpr auto sum = g1 + g2;
  static_assert(signature_size<decltype(sum)> == 3);  // a, x, Y
  static_assert(signature_size<decltype(2 * md::transpose(g1))> == 2);
  static_assert(signature_size<decltype(md::simplify(g1 - g1))> == 2);  // 0, of x and a
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(4, 1), av = random_matrix<Eigen::VectorXd>(4, 1);
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(4, 3);
  const Eigen::VectorXd expected = av + Yv * (Yv.transpose() * av).array().exp().matrix();
  require_close(md::eval(sum, x = xv, a = av, Y = Yv), expected);
  require_close(md::eval(2 * md::transpose(g1), x = xv, a = av), Eigen::RowVectorXd(2 * av.transpose()));
  // The zero of g1 - g1 takes n from the bindings of its function.
  REQUIRE(md::eval(md::simplify(g1 - g1), x = xv, a = av).size() == 4);
}

TEST_CASE("a gradient in a variable the function does not have is a zero of that variable's size") {
  constexpr auto g = md::grad(md::trace(A), Y);  // n x 3 zeros: n from Y's binding
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(6, 3);
  const Eigen::MatrixXd G = md::eval(g, A = random_matrix<Eigen::Matrix3d>(), Y = Yv);
  REQUIRE(G.rows() == 6);
  REQUIRE(G.norm() == 0);
}

TEST_CASE("several gradients at once, evaluated in one kernel") {
  constexpr auto f = md::trace(A * X * md::transpose(X)) + md::sum(md::exp(A));
  constexpr auto gradients = md::grad(f, X, A);
  auto [gX, gA] = gradients;
  static_assert(std::is_same_v<decltype(gX), std::remove_const_t<decltype(md::grad(f, X))>>);
  static_assert(std::is_same_v<decltype(gA), std::remove_const_t<decltype(md::grad(f, A))>>);
  const Eigen::Matrix3d Xv = random_matrix<Eigen::Matrix3d>(), Av = random_matrix<Eigen::Matrix3d>();
  const auto [value, GX, GA] = md::kernel(f, gX, gA)(X = Xv, A = Av);
  require_close(value, (Av * Xv * Xv.transpose()).trace() + Av.array().exp().sum());
  require_close(GX, Eigen::Matrix3d((Av + Av.transpose()) * Xv));
  require_close(GA, Eigen::Matrix3d(Xv * Xv.transpose() + Eigen::Matrix3d(Av.array().exp())));
  static_assert(std::tuple_size_v<decltype(md::grad(f, X, A, X))> == 3);
}

TEST_CASE("a binding made from a temporary holds it; one of a named object refers to it") {
  constexpr auto f = md::sum(md::hadamard(X, X));
  const Eigen::Matrix3d Xv = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd big = random_matrix<Eigen::MatrixXd>(5, 3);

  // Each binding outlives the full expression that made its value; under AddressSanitizer a
  // binding that referred to the temporary would be a use after its end.
  const auto scaled = (X = 2.0 * Xv);
  const auto ones = (X = Eigen::MatrixXd::Ones(3, 3));
  const auto rows = (X = big.topRows(3));
  const auto copy = (X = Eigen::Matrix3d(Xv));
  require_close(md::eval(f, scaled), 4 * Xv.squaredNorm());
  require_close(md::eval(f, ones), 9.0);
  require_close(md::eval(f, rows), big.topRows(3).squaredNorm());
  require_close(md::eval(f, copy), Xv.squaredNorm());
  static_assert(!std::is_reference_v<decltype(copy.value)>);

  const auto named = (X = Xv);
  static_assert(std::is_reference_v<decltype(named.value)>);
  REQUIRE(&named.value == &Xv);
}
