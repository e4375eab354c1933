// softmax and log-sum-exp (ops/softmax.hpp): shape rules, printing, evaluation without
// overflow at entries of ±1000, derivatives against finite differences, and the written-out
// forms log(sum(exp(x))), exp(x)/sum(exp(x)) evaluated the same stable way.
#include <cmath>
#include <limits>
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

consteval md::shape shape(auto rows, auto cols) { return {md::to_dimension(rows), md::to_dimension(cols)}; }
template <class E>
constexpr md::shape shape_of(const E&) {
  return E::shape_v;
}

constexpr double inf = std::numeric_limits<double>::infinity();

constexpr auto n = md::dim<"n">;
constexpr auto x = md::vector<"x", 3>;
constexpr auto u = md::vector<"u", n>;
constexpr auto X = md::matrix<"X", 2, 3>;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto a = md::scalar<"a">;

/// log Σ exp(vᵢ) in long double, shifted by the largest entry: the reference.
template <class V>
long double reference_logsumexp(const V& v) {
  const long double m = v.template cast<long double>().maxCoeff();
  long double total = 0;
  for (Eigen::Index i = 0; i < v.size(); ++i) total += std::exp(static_cast<long double>(v.data()[i]) - m);
  return m + std::log(total);
}

template <class V>
Eigen::MatrixXd reference_softmax(const V& v) {
  const long double l = reference_logsumexp(v);
  Eigen::MatrixXd s(v.rows(), v.cols());
  for (Eigen::Index i = 0; i < v.size(); ++i) s.data()[i] = static_cast<double>(std::exp(static_cast<long double>(v.data()[i]) - l));
  return s;
}

double relative(double value, long double expected) {
  return static_cast<double>(std::abs((static_cast<long double>(value) - expected) / expected));
}

}  // namespace

TEST_CASE("logsumexp is 1x1 and softmax keeps the shape", "[softmax][shape]") {
  STATIC_REQUIRE(shape_of(md::logsumexp(x)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::logsumexp(X)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::logsumexp(u)) == shape(1, 1));
  STATIC_REQUIRE(shape_of(md::softmax(x)) == shape(3, 1));
  STATIC_REQUIRE(shape_of(md::softmax(X)) == shape(2, 3));
  STATIC_REQUIRE(shape_of(md::softmax(u)) == shape(n, 1));
  STATIC_REQUIRE(shape_of(md::softmax(a)) == shape(1, 1));
}

TEST_CASE("logsumexp and softmax print as calls", "[softmax][print]") {
  STATIC_REQUIRE(md::to_string(md::logsumexp(x)) == "logsumexp(x)");
  STATIC_REQUIRE(md::to_string(md::softmax(A * x)) == "softmax(A*x)");
  STATIC_REQUIRE(md::to_string(md::transpose(md::softmax(x))) == "softmax(x)'");
  CHECK(md::to_latex(md::logsumexp(x)) == R"(\operatorname{logsumexp}\left(x\right))");
  CHECK(md::to_latex(md::softmax(A * x)) == R"(\operatorname{softmax}\left(A x\right))");
}

TEST_CASE("the differentials and derivatives print in terms of softmax", "[softmax][print]") {
  STATIC_REQUIRE(md::to_string(md::differential(md::logsumexp(x), x)) == "softmax(x)'*dx");
  STATIC_REQUIRE(md::to_string(md::grad(md::logsumexp(x), x)) == "softmax(x)");
  STATIC_REQUIRE(md::to_string(md::hessian(md::logsumexp(x), x)) == "diag(softmax(x)) - softmax(x)*softmax(x)'");
  STATIC_REQUIRE(md::to_string(md::jacobian(md::softmax(x), x)) == "diag(softmax(x)) - softmax(x)*softmax(x)'");
  STATIC_REQUIRE(md::to_string(md::grad(md::logsumexp(A * x), x)) == "A'*softmax(A*x)");
}

TEST_CASE("logsumexp and softmax match long double references, also at ±1000", "[softmax][eval]") {
  const auto check = [](const Eigen::Vector3d& v) {
    INFO("x = " << v.transpose());
    const double l = md::eval(md::logsumexp(x), x = v);
    CHECK(relative(l, reference_logsumexp(v)) < 4e-16);
    const Eigen::Vector3d s = md::eval(md::softmax(x), x = v);
    require_close(s, reference_softmax(v), 4e-16);
    CHECK(std::abs(s.sum() - 1) < 4e-16);
  };
  check(Eigen::Vector3d(0.1, -0.4, 0.8));
  check(Eigen::Vector3d(1000, 999, -1000));   // exp(1000) overflows
  check(Eigen::Vector3d(-1000, -999, -1001));  // exp(-1000) underflows to 0
  check(Eigen::Vector3d(1e300, 0, -1e300));
  check(Eigen::Vector3d(5, 5, 5));
  // A matrix argument: over all entries.
  const Eigen::Matrix<double, 2, 3> Xv = random_matrix<Eigen::Matrix<double, 2, 3>>(-800.0, 800.0);
  CHECK(relative(md::eval(md::logsumexp(X), X = Xv), reference_logsumexp(Xv)) < 4e-16);
  require_close(md::eval(md::softmax(X), X = Xv), reference_softmax(Xv), 4e-16);
  // Dynamic size.
  const Eigen::VectorXd uv = random_matrix<Eigen::VectorXd>(50, 1, -2000.0, 2000.0);
  CHECK(relative(md::eval(md::logsumexp(u), u = uv), reference_logsumexp(uv)) < 4e-16);
  require_close(md::eval(md::softmax(u), u = uv), reference_softmax(uv), 4e-16);
}

TEST_CASE("logsumexp keeps the small terms that log(1 + ...) rounds away", "[softmax][eval]") {
  // log(e⁰ + e⁻⁴⁰) = log1p(e⁻⁴⁰) ≈ 4.25e-18, while 1 + e⁻⁴⁰ rounds to 1.
  const double l = md::eval(md::logsumexp(x), x = Eigen::Vector3d(0, -40, -45));
  CHECK(relative(l, std::exp(-40.0L) + std::exp(-45.0L)) < 1e-15);
}

TEST_CASE("logsumexp and softmax of 1x1, non-finite and single-precision values", "[softmax][eval]") {
  CHECK(md::eval(md::logsumexp(a), a = -3.5) == -3.5);
  CHECK(md::eval(md::softmax(a), a = 1e300) == 1.0);
  CHECK(std::isnan(md::eval(md::softmax(a), a = inf)));
  CHECK(md::eval(md::logsumexp(x), x = Eigen::Vector3d(inf, 0, 1)) == inf);
  CHECK(md::eval(md::logsumexp(x), x = Eigen::Vector3d(-inf, -inf, -inf)) == -inf);
  CHECK(md::eval(md::logsumexp(x), x = Eigen::Vector3d(-inf, 0, -inf)) == 0.0);
  CHECK(std::isnan(md::eval(md::logsumexp(x), x = Eigen::Vector3d(1, std::nan(""), 0))));
  CHECK(md::eval(md::softmax(x), x = Eigen::Vector3d(-inf, 0, -inf)) == Eigen::Vector3d(0, 1, 0));
  // Entries far below the largest: their exp underflows to exactly what std::exp gives.
  const Eigen::Vector3d spread = md::eval(md::softmax(x), x = Eigen::Vector3d(1000, -1000, 256));
  CHECK(spread(1) == 0.0);
  CHECK(spread(2) == std::exp(256.0 - 1000.0) / (1 + std::exp(256.0 - 1000.0)));
  CHECK(md::eval(md::softmax(x), x = Eigen::Vector3d(1, std::nan(""), 0)).array().isNaN().all());
  const Eigen::Vector3f vf(100.0f, 99.0f, -100.0f);  // exp(100) overflows a float
  const float lf = md::eval(md::logsumexp(x), x = vf);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(lf)>, float>);
  CHECK(relative(lf, reference_logsumexp(vf)) < 1e-7);
}

TEST_CASE("derivatives of logsumexp and softmax agree with finite differences", "[softmax][derivative]") {
  const Eigen::Vector3d vv(0.3, -1.2, 0.7);
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix<double, 2, 3> Xv = random_matrix<Eigen::Matrix<double, 2, 3>>();
  CHECK(md::check_gradient(md::logsumexp(x), x, x = vv).ok);
  CHECK(md::check_gradient(md::logsumexp(A * x), A, A = Av, x = vv).ok);
  CHECK(md::check_gradient(md::logsumexp(X), X, X = Xv).ok);
  CHECK(md::check_gradient(md::sum(md::hadamard(md::softmax(x), x)), x, x = vv).ok);
  CHECK(md::check_jacobian(md::softmax(x), x, x = vv).ok);
  CHECK(md::check_jacobian(md::softmax(X), X, X = Xv).ok);
  CHECK(md::check_hessian(md::logsumexp(x), x, x = vv).ok);
  // Far out, where exp overflows: the derivatives stay finite and right.
  const Eigen::Vector3d far(1000, 999.5, -1000);
  CHECK(md::check_gradient(md::logsumexp(x), x, x = far).ok);
  CHECK(md::check_jacobian(md::softmax(x), x, x = far).ok);
  CHECK(md::check_hessian(md::logsumexp(x), x, x = far).ok);
}

TEST_CASE("the gradient of logsumexp is softmax, the Jacobian of softmax diag(s) - s s'", "[softmax][derivative]") {
  const Eigen::Vector3d far(-1000, -1000.5, -1003);
  const Eigen::Vector3d s = reference_softmax(far);
  require_close(md::eval(md::grad(md::logsumexp(x), x), x = far), s, 4e-16);
  const Eigen::Matrix3d J = Eigen::Matrix3d(s.asDiagonal()) - s * s.transpose();
  require_close(md::eval(md::jacobian(md::softmax(x), x), x = far), J, 1e-15);
  require_close(md::eval(md::hessian(md::logsumexp(x), x), x = far), J, 1e-15);
}

TEST_CASE("log(sum(exp(x))) and exp(x)/sum(exp(x)) are evaluated as logsumexp and softmax", "[softmax][plan]") {
  using xb = std::remove_cvref_t<decltype(x)>;
  using written_lse = decltype(md::log(md::sum(md::exp(x))));
  using written_softmax = decltype(md::exp(x) / md::sum(md::exp(x)));
  STATIC_REQUIRE(std::is_same_v<md::planned_t<written_lse>, md::node<md::logsumexp_op, xb>>);
  STATIC_REQUIRE(std::is_same_v<md::planned_t<written_softmax>, md::node<md::softmax_op, xb>>);
  // They print and differentiate as written.
  STATIC_REQUIRE(md::to_string(md::log(md::sum(md::exp(x)))) == "log(sum(exp(x)))");
  STATIC_REQUIRE(md::to_string(md::grad(md::log(md::sum(md::exp(x))), x)) == "exp(x)/sum(exp(x))");

  const Eigen::Vector3d far(1000, 999, -1000), low(-1000, -999, -1001);
  for (const Eigen::Vector3d& v : {far, low}) {
    INFO("x = " << v.transpose());
    const auto f = md::log(md::sum(md::exp(x)));
    CHECK(relative(md::eval(f, x = v), reference_logsumexp(v)) < 4e-16);
    require_close(md::eval(md::exp(x) / md::sum(md::exp(x)), x = v), reference_softmax(v), 4e-16);
    // The gradient (1/sum(exp(x)))*exp(x), the Jacobian of the quotient and the Hessian.
    require_close(md::eval(md::grad(f, x), x = v), reference_softmax(v), 4e-16);
    const Eigen::Vector3d s = reference_softmax(v);
    const Eigen::Matrix3d J = Eigen::Matrix3d(s.asDiagonal()) - s * s.transpose();
    require_close(md::eval(md::hessian(f, x), x = v), J, 1e-15);
    require_close(md::eval(md::jacobian(md::exp(x) / md::sum(md::exp(x)), x), x = v), J, 1e-15);
    CHECK(md::check_gradient(f, x, x = v).ok);
    CHECK(md::check_hessian(f, x, x = v).ok);
  }
  // The same forms with other arguments: exp(A x), A x near (1000, 999.5, -1000).
  const Eigen::Matrix3d Av = Eigen::Matrix3d::Identity() + 1e-4 * random_matrix<Eigen::Matrix3d>();
  const Eigen::Vector3d xv(1000, 999.5, -1000);
  const Eigen::Vector3d Axv = Av * xv;
  CHECK(relative(md::eval(md::log(md::sum(md::exp(A * x))), A = Av, x = xv), reference_logsumexp(Axv)) < 1e-15);
  const auto in_a = md::check_gradient(md::log(md::sum(md::exp(A * x))), A, A = Av, x = xv);
  INFO(in_a.message);  // the gradient exp(A*x)*x'/sum(exp(A*x)) is evaluated with softmax(A*x)
  CHECK(in_a.ok);
}
