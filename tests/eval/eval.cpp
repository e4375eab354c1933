// md::eval(e, bindings...) and e(bindings...): result types, and values of variables,
// constants, numbers and nested expressions against hand-written Eigen.
#include <cmath>
#include <type_traits>

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;
using matdiff_test::well_conditioned;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto m = md::dim<"m">;
constexpr auto X = md::matrix<"X", n, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto A = md::matrix<"A", n, n>;
constexpr auto W = md::matrix<"W", n, m>;
constexpr auto C = md::matrix<"C", 2, 3>;
constexpr auto x = md::vector<"x", n>;
constexpr auto y = md::vector<"y", 3>;
constexpr auto a = md::scalar<"a">;

}  // namespace

TEST_CASE("md::eval and the call syntax agree") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(4, 3);
  const Eigen::Matrix3d Bv = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd Av = well_conditioned<Eigen::MatrixXd>(4);
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(4, 1);

  constexpr auto f = md::trace(X * B * md::transpose(X));
  constexpr auto G = X * (B + md::transpose(B));
  constexpr auto h = md::logdet(A) + md::dot(x, md::inv(A) * x) / a;

  REQUIRE(md::eval(f, X = Xv, B = Bv) == f(X = Xv, B = Bv));
  REQUIRE(md::eval(G, X = Xv, B = Bv) == G(B = Bv, X = Xv));
  REQUIRE(md::eval(h, A = Av, x = xv, a = 3.0) == h(A = Av, x = xv, a = 3.0));
  REQUIRE(md::eval(X, X = Xv) == X(X = Xv));
  static_assert(std::is_same_v<decltype(md::eval(f, X = Xv, B = Bv)), decltype(f(X = Xv, B = Bv))>);
  static_assert(std::is_same_v<decltype(md::eval(G, X = Xv, B = Bv)), decltype(G(X = Xv, B = Bv))>);
}

TEST_CASE("the result type follows the shape") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(4, 3);
  const Eigen::MatrixXd Wv = random_matrix<Eigen::MatrixXd>(4, 2);
  const Eigen::Matrix3d Bv = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix<double, 2, 3> Cv = random_matrix<Eigen::Matrix<double, 2, 3>>();
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(4, 1);
  const Eigen::Vector3d yv = random_matrix<Eigen::Vector3d>();

  // 1x1: a scalar.
  static_assert(std::is_same_v<decltype(md::eval(md::trace(B), B = Bv)), double>);
  static_assert(std::is_same_v<decltype(md::eval(md::transpose(y) * y, y = yv)), double>);
  static_assert(std::is_same_v<decltype(md::eval(a, a = 2.0)), double>);
  // Fixed shapes: fixed sizes.
  static_assert(std::is_same_v<decltype(md::eval(B, B = Bv)), Eigen::Matrix3d>);
  static_assert(
      std::is_same_v<decltype(md::eval(C * B, C = Cv, B = Bv)), Eigen::Matrix<double, 2, 3>>);
  static_assert(
      std::is_same_v<decltype(md::eval(md::transpose(C), C = Cv)), Eigen::Matrix<double, 3, 2>>);
  static_assert(std::is_same_v<decltype(md::eval(B * y, B = Bv, y = yv)), Eigen::Vector3d>);
  static_assert(std::is_same_v<decltype(md::eval(md::transpose(y), y = yv)), Eigen::RowVector3d>);
  static_assert(std::is_same_v<decltype(md::eval(md::kron(C, B), C = Cv, B = Bv)),
                               Eigen::Matrix<double, 6, 9>>);
  static_assert(
      std::is_same_v<decltype(md::eval(md::vec(C), C = Cv)), Eigen::Matrix<double, 6, 1>>);
  // Symbolic dimensions: Dynamic where the shape is symbolic, fixed elsewhere.
  static_assert(std::is_same_v<decltype(md::eval(X * B, X = Xv, B = Bv)),
                               Eigen::Matrix<double, Eigen::Dynamic, 3>>);
  static_assert(std::is_same_v<decltype(md::eval(md::transpose(X), X = Xv)),
                               Eigen::Matrix<double, 3, Eigen::Dynamic>>);
  static_assert(std::is_same_v<decltype(md::eval(md::transpose(X) * X, X = Xv)),
                               Eigen::Matrix<double, 3, 3>>);
  static_assert(std::is_same_v<decltype(md::eval(W, W = Wv)), Eigen::MatrixXd>);
  static_assert(std::is_same_v<decltype(md::eval(X * md::transpose(X), X = Xv)), Eigen::MatrixXd>);
  static_assert(std::is_same_v<decltype(md::eval(x, x = xv)), Eigen::VectorXd>);
  static_assert(std::is_same_v<decltype(md::eval(md::vec(X), X = Xv)), Eigen::VectorXd>);
  static_assert(
      std::is_same_v<decltype(md::eval(md::transpose(x) * X * md::transpose(X), x = xv, X = Xv)),
                     Eigen::RowVectorXd>);

  // And the sizes are those of the bound values.
  const auto product = md::eval(X * md::transpose(X), X = Xv);
  REQUIRE(product.rows() == 4);
  REQUIRE(product.cols() == 4);
  REQUIRE(md::eval(md::vec(X), X = Xv).size() == 12);
  REQUIRE(md::eval(md::kron(W, X), W = Wv, X = Xv).rows() == 16);
  REQUIRE(md::eval(md::kron(W, X), W = Wv, X = Xv).cols() == 6);
}

TEST_CASE("variables evaluate to their bound values") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(4, 3);
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(4, 1);
  REQUIRE(md::eval(X, X = Xv) == Xv);
  REQUIRE(md::eval(x, x = xv) == xv);
  REQUIRE(md::eval(a, a = 2.5) == 2.5);
  REQUIRE(md::eval(a, a = Eigen::Matrix<double, 1, 1>::Constant(-1.5)) == -1.5);
}

TEST_CASE("constants") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(4, 3);
  REQUIRE(md::eval(md::identity<3>) == Eigen::Matrix3d::Identity());
  REQUIRE(md::eval(md::zeros<2, 3>) == Eigen::Matrix<double, 2, 3>::Zero());
  REQUIRE(md::eval(md::ones<3, 2>) == Eigen::Matrix<double, 3, 2>::Ones());
  REQUIRE(md::eval(md::identity<1>) == 1.0);
  REQUIRE(md::eval(md::zeros<1, 1>) == 0.0);
  REQUIRE(md::eval(md::ones<1, 1>) == 1.0);

  // Symbolic sizes take their values from the variables.
  const auto ones_n = md::eval(md::ones<n, 1> + X * md::zeros<3, 1>, X = Xv);
  REQUIRE(ones_n == Eigen::VectorXd::Ones(4));
  REQUIRE(md::eval(md::identity<n> * X, X = Xv) == Xv);
  REQUIRE(md::eval(X + md::zeros<n, 3>, X = Xv) == Xv);
  // A zeros matrix of run-time size that survives simplification is formed, +0 everywhere:
  // the gradient of a function that is constant in X.
  const auto constant_in_X = md::grad(md::sum(X) - md::sum(X), X);
  const Eigen::MatrixXd Z = md::eval(constant_in_X, X = Xv);
  REQUIRE((Z.rows() == 4 && Z.cols() == 3));
  REQUIRE((Z.array() == 0.0 && !Z.array().unaryExpr([](double z) { return std::signbit(z); })).all());
  REQUIRE(md::eval(constant_in_X, X = Eigen::MatrixXd(0, 3)).size() == 0);
  require_close(md::eval(md::transpose(md::ones<n, 1>) * X, X = Xv),
                Eigen::RowVector3d(Xv.colwise().sum()));
}

TEST_CASE("constant matrices in sums are added without being formed") {
  // In a planned sum, an identity adds to the diagonal, ones to every entry, in place; the
  // values are those of the formed constants, first, second or later term, scaled or not.
  constexpr auto P = md::matrix<"P", 3, 3>;
  constexpr auto Q = md::matrix<"Q", 3, 3>;
  const Eigen::Matrix3d Pv = random_matrix<Eigen::Matrix3d>(), Qv = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix3d I = Eigen::Matrix3d::Identity(), ones = Eigen::Matrix3d::Ones();
  require_close(md::eval(2 * md::identity<3> + P * Q, P = Pv, Q = Qv), Eigen::Matrix3d(2 * I + Pv * Qv));
  require_close(md::eval(P - 3 * md::identity<3> + Q, P = Pv, Q = Qv), Eigen::Matrix3d(Pv - 3 * I + Qv));
  require_close(md::eval(P + Q - md::ones<3, 3>, P = Pv, Q = Qv), Eigen::Matrix3d(Pv + Qv - ones));
  require_close(md::eval(md::ones<3, 3> / 2 - md::kron(md::identity<1>, P), P = Pv), Eigen::Matrix3d(ones / 2 - Pv));
  // A Hessian of that form, 2(I + …), is filled in place with its identity at run-time sizes.
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(4, 4);
  require_close(md::eval(md::identity<n> - 2 * A, A = Av), Eigen::MatrixXd(Eigen::MatrixXd::Identity(4, 4) - 2 * Av));
  Eigen::MatrixXd kron_plus_identity = Eigen::MatrixXd::Identity(16, 16);
  for (int j = 0; j < 4; ++j)
    for (int i = 0; i < 4; ++i) kron_plus_identity.block(4 * i, 4 * j, 4, 4) += Av(i, j) * Av;
  require_close(md::eval(md::kron(A, A) + md::identity<n * n>, A = Av), kron_plus_identity);
}

TEST_CASE("numbers in expressions") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(4, 3);
  const Eigen::Matrix3d Bv = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(2 * X, X = Xv), Eigen::MatrixXd(2 * Xv));
  require_close(md::eval(X * 0.5, X = Xv), Eigen::MatrixXd(0.5 * Xv));
  require_close(md::eval(X / 4, X = Xv), Eigen::MatrixXd(Xv / 4));
  require_close(md::eval(-X, X = Xv), Eigen::MatrixXd(-Xv));
  require_close(md::eval(B / 3 + 1.5 * md::identity<3>, B = Bv),
                Eigen::Matrix3d(Bv / 3 + 1.5 * Eigen::Matrix3d::Identity()));
  require_close(md::eval(a + 1, a = 2.0), 3.0);
  require_close(md::eval(1 - a, a = 2.0), -1.0);
  require_close(md::eval(2 / a, a = 8.0), 0.25);
  require_close(md::eval(md::trace(B) * 2 - 1, B = Bv), 2 * Bv.trace() - 1);
  require_close(md::eval((1.0 / 3) * md::sum(B), B = Bv), Bv.sum() / 3);
}

TEST_CASE("nested expressions") {
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(5, 3);
  const Eigen::Matrix3d Bv = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd Av = well_conditioned<Eigen::MatrixXd>(5);
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(5, 1);
  const Eigen::Vector3d yv = random_matrix<Eigen::Vector3d>();

  require_close(md::eval(md::trace(X * B * md::transpose(X)), X = Xv, B = Bv),
                (Xv * Bv * Xv.transpose()).trace());
  require_close(md::eval(md::inv(A) * X * B, A = Av, X = Xv, B = Bv),
                Eigen::MatrixXd(Av.inverse() * Xv * Bv), 1e-10);
  require_close(md::eval(md::transpose(X) * md::inv(A + md::transpose(A)) * X, A = Av, X = Xv),
                Eigen::Matrix3d(Xv.transpose() * (Av + Av.transpose()).inverse() * Xv), 1e-10);
  require_close(md::eval(md::logdet(A) - md::log(md::det(A)), A = Av), 0.0, 1e-10);
  require_close(md::eval(md::hadamard(md::exp(X), X) / md::sum(md::abs(X)), X = Xv),
                Eigen::MatrixXd(Xv.array().exp() * Xv.array() / Xv.array().abs().sum()));
  require_close(md::eval(md::dot(x, A * x) + md::sqnorm(X * y) - md::norm2(x), x = xv, A = Av,
                         X = Xv, y = yv),
                xv.dot(Av * xv) + (Xv * yv).squaredNorm() - xv.norm());
  require_close(md::eval(md::diag(md::diagonal(A)) * x, A = Av, x = xv),
                Eigen::VectorXd(Av.diagonal().cwiseProduct(xv)));
  require_close(
      md::eval(md::pow(md::sigmoid(X), 2) - md::softplus(-X), X = Xv),
      Eigen::MatrixXd((1 / (1 + (-Xv.array()).exp())).square() - (1 + (-Xv.array()).exp()).log()));
  require_close(md::eval(md::transpose(md::transpose(X) * x) * md::transpose(X), X = Xv, x = xv),
                Eigen::RowVectorXd((Xv.transpose() * xv).transpose() * Xv.transpose()));
}

TEST_CASE("expressions without variables") {
  REQUIRE(md::eval(md::trace(md::identity<3>) * 2) == 6.0);
  REQUIRE((md::trace(md::identity<3>) * 2)() == 6.0);
  REQUIRE(md::eval(md::sum(md::ones<2, 3>)) == 6.0);
  REQUIRE(md::eval(md::identity<3> * 2 + md::ones<3, 3>) ==
          Eigen::Matrix3d(2 * Eigen::Matrix3d::Identity() + Eigen::Matrix3d::Ones()));
  REQUIRE(md::eval(md::kron(md::identity<2>, md::ones<1, 2>)) ==
          (Eigen::Matrix<double, 2, 4>() << 1, 1, 0, 0, 0, 0, 1, 1).finished());
  require_close(md::eval(md::logdet(3 * md::identity<4>)), 4 * std::log(3.0));
  constexpr auto six = md::trace(md::identity<3>) * 2;
  static_assert(std::is_same_v<decltype(six()), double>);
}
