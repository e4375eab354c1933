// Derivatives with respect to structured variables (API §2.2): md::symmetric and md::spd.
// Sᵀ = S in the simplifier and in the printed derivatives; the gradient is the symmetric
// part of the unconstrained one; Jacobians and Hessians act on symmetric directions,
// J (I + K)/2 = J and J vec(V) = directional(F, S, V) for symmetric V; the checkers move S
// along symmetric directions, and fail on an unsymmetrised gradient.
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto S = md::symmetric<"S", 3>;
constexpr auto P = md::spd<"Sigma", n>;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto X = md::matrix<"X", 3, 3>;
constexpr auto x = md::vector<"x", n>;

// The structure is part of the variable's type.
using S_t = std::remove_cvref_t<decltype(S)>;
using P_t = std::remove_cvref_t<decltype(P)>;
static_assert(md::is_variable<S_t> && md::is_symmetric_variable<S_t> && !md::is_spd_variable<S_t>);
static_assert(md::is_spd_variable<P_t> && md::is_symmetric_variable<P_t>);
static_assert(!md::is_symmetric_variable<std::remove_cvref_t<decltype(X)>>);
static_assert(S_t::structure_v == md::structure::symmetric && P_t::structure_v == md::structure::spd);
static_assert(S_t::shape_v == md::shape{md::dimension::fixed(3), md::dimension::fixed(3)});

// The simplifier knows Sᵀ = S; a plain matrix keeps its transpose.
static_assert(md::to_string(md::simplify(S + md::transpose(S))) == "2*S");
static_assert(md::to_string(md::simplify(md::transpose(S))) == "S");
static_assert(md::to_string(md::simplify(md::transpose(md::inv(P)))) == "inv(Sigma)");
static_assert(md::to_string(md::simplify(X + md::transpose(X))) == "X + X'");
// Textbook gradients: the symmetric part of the unconstrained one.
static_assert(md::to_string(md::grad(md::logdet(S), S)) == "inv(S)");
static_assert(md::to_string(md::grad(md::logdet(P), P)) == "inv(Sigma)");
static_assert(md::to_string(md::grad(md::trace(A * S), S)) == "(A + A')/2");
static_assert(md::to_string(md::grad(md::trace(A * X), X)) == "A'");  // unchanged for a plain matrix
static_assert(md::to_string(md::grad(md::trace(S * S), S)) == "2*S");
static_assert(md::to_string(md::grad(md::transpose(x) * md::inv(P) * x, P)) == "-inv(Sigma)*x*x'*inv(Sigma)");
static_assert(md::to_string(md::grad(md::det(S), S)) == "adj(S)");
static_assert(md::to_string(md::directional(md::grad(md::logdet(S), S), S, B)) == "-inv(S)*B*inv(S)");
// A term that holds a number is kept when its operations make it symmetric (inv of a
// symmetric matrix, diag), not written as (T + T')/2.
static_assert(md::to_string(md::grad(md::logdet(2.5 * P), P)) == "2.5*inv(2.5*Sigma)");
static_assert(md::to_string(md::grad(md::trace(md::diag(2.5 * x) * P), P)) == "2.5*diag(x)");
// So are element-wise functions and products of symmetric matrices, and their powers:
// S.^2.5 once, not (S.^1.5 + S.^1.5)/2; S² once, not S^2 + S^2'.
static_assert(md::to_string(md::grad(md::sum(md::pow(S, 2.5)), S)) == "2.5*S.^1.5");
static_assert(md::to_string(md::grad(md::trace(md::matrix_power<3>(S)), S)) == "2*S^2 + S*S");
static_assert(md::to_string(md::grad(md::trace(md::exp(S) * A), S)) == "(exp(S).*A + exp(S).*A')/2");

Eigen::Matrix3d symmetric_value() {
  const Eigen::Matrix3d r = random_matrix<Eigen::Matrix3d>();
  return r + r.transpose();
}

Eigen::MatrixXd spd_value(Eigen::Index size) {
  const Eigen::MatrixXd r = random_matrix<Eigen::MatrixXd>(size, size);
  return r * r.transpose() + static_cast<double>(size) * Eigen::MatrixXd::Identity(size, size);
}

// (I + K)/2 for vec of an m x m matrix: the projection onto symmetric directions.
Eigen::MatrixXd symmetrizer(Eigen::Index m) {
  Eigen::MatrixXd p = Eigen::MatrixXd::Zero(m * m, m * m);
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = 0; j < m; ++j) {
      p(i + j * m, i + j * m) += 0.5;
      p(i + j * m, j + i * m) += 0.5;  // K vec(X) = vec(Xᵀ)
    }
  return p;
}

Eigen::VectorXd vec(const Eigen::MatrixXd& m) { return m.reshaped(); }

}  // namespace

TEST_CASE("gradients with respect to a symmetric variable are symmetric and pass the symmetric check", "[symmetric]") {
  const Eigen::Matrix3d Sv = symmetric_value(), Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  // tr(AS): the symmetric part of A'.
  const Eigen::Matrix3d g = md::eval(md::grad(md::trace(A * S), S), A = Av, S = Sv);
  CHECK((g - (Av + Av.transpose()) / 2).norm() < 1e-14);
  const auto f = md::trace(A * S * B * S) + md::sqnorm(S - A);
  const Eigen::Matrix3d gf = md::eval(md::grad(f, S), S = Sv, A = Av, B = Bv);
  CHECK((gf - gf.transpose()).norm() < 1e-13);
  CHECK(md::check_gradient(f, S, S = Sv, A = Av, B = Bv).ok);
  CHECK(md::check_gradient(md::trace(A * S), S, S = Sv, A = Av).ok);
  const Eigen::MatrixXd Pv = spd_value(4);
  const Eigen::MatrixXd gl = md::eval(md::grad(md::logdet(2.5 * P), P), P = Pv);
  CHECK((gl - Pv.inverse()).norm() < 1e-13);
  CHECK(md::check_gradient(md::logdet(2.5 * P), P, P = Pv).ok);
  // tr(S³) and Σ S.^2.5: 3S² and 2.5 S.^1.5 (S with positive entries for the power).
  const Eigen::Matrix3d g3 = md::eval(md::grad(md::trace(md::matrix_power<3>(S)), S), S = Sv);
  CHECK((g3 - 3 * Sv * Sv).norm() < 1e-13 * (1 + (Sv * Sv).norm()));
  const Eigen::Matrix3d Sp = (Sv.array().abs() + 0.5).matrix();
  const Eigen::Matrix3d gp = md::eval(md::grad(md::sum(md::pow(S, 2.5)), S), S = Sp);
  CHECK((gp - 2.5 * Sp.array().pow(1.5).matrix()).norm() < 1e-13 * Sp.array().pow(1.5).matrix().norm());
  CHECK(md::check_gradient(md::sum(md::pow(S, 2.5)), S, S = Sp).ok);
}

TEST_CASE("the check moves a symmetric variable along symmetric directions, so it fails an unsymmetrised gradient",
          "[symmetric][check_gradient]") {
  const Eigen::Matrix3d Sv = symmetric_value(), Av = random_matrix<Eigen::Matrix3d>();
  const auto f = md::trace(A * S);
  const auto value_at = [&](const auto&... b) { return md::eval(f, b...); };
  // The unconstrained gradient A' (of tr(AX) in a plain X), and the symmetric one.
  const Eigen::MatrixXd unsymmetrised = Av.transpose().reshaped(1, 9);
  const Eigen::MatrixXd symmetric = ((Av + Av.transpose()) / 2).reshaped(1, 9);
  const auto wrong = md::detail::compare_jacobian<double, std::remove_cvref_t<decltype(S)>>(unsymmetrised, value_at, S = Sv, A = Av);
  const auto right = md::detail::compare_jacobian<double, std::remove_cvref_t<decltype(S)>>(symmetric, value_at, S = Sv, A = Av);
  CHECK_FALSE(wrong.ok);
  CHECK(wrong.max_abs_error > 1e-3);
  CHECK(right.ok);
  CHECK(right.max_abs_error < 1e-9);
}

TEST_CASE("Jacobians with respect to a symmetric variable act on symmetric directions", "[symmetric][jacobian]") {
  const Eigen::Matrix3d Sv = symmetric_value(), Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix3d Vv = symmetric_value();
  const auto F = A * S * B + S * S;
  const Eigen::MatrixXd J = md::eval(md::jacobian(F, S), S = Sv, A = Av, B = Bv);
  // J (I + K)/2 = J, and J vec(V) is the directional derivative for symmetric V.
  CHECK((J * symmetrizer(3) - J).norm() < 1e-12);
  const Eigen::Matrix3d dv = md::eval(md::directional(F, S, X), S = Sv, A = Av, B = Bv, X = Vv);
  CHECK((J * vec(Vv) - vec(dv)).norm() < 1e-12);
  CHECK(md::check_jacobian(F, S, S = Sv, A = Av, B = Bv).ok);
}

TEST_CASE("Hessians and Hessian-vector products with respect to an spd variable", "[symmetric][hessian]") {
  for (Eigen::Index size : {1, 4}) {
    const Eigen::MatrixXd Sv = spd_value(size), Vr = random_matrix<Eigen::MatrixXd>(size, size);
    const Eigen::MatrixXd Vv = Vr + Vr.transpose();
    const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(size, 1);
    const auto V = md::matrix<"V", n, n>;
    // Gaussian negative log-likelihood in Sigma (up to constants).
    const auto f = md::logdet(P) + md::transpose(x) * md::inv(P) * x;
    const Eigen::MatrixXd Si = Sv.inverse();
    const Eigen::MatrixXd g = md::eval(md::grad(f, P), P = Sv, x = xv);
    CHECK((g - (Si - Si * xv * xv.transpose() * Si)).norm() < 1e-10);
    const Eigen::MatrixXd H = md::eval(md::hessian(f, P), P = Sv, x = xv);
    CHECK((H * symmetrizer(size) - H).norm() < 1e-10);
    CHECK((H - H.transpose()).norm() < 1e-10);
    const Eigen::MatrixXd hv = md::eval(md::directional(md::grad(f, P), P, V), P = Sv, x = xv, V = Vv);
    CHECK((H * vec(Vv) - vec(hv)).norm() < 1e-10);
    CHECK(md::check_gradient(f, P, P = Sv, x = xv).ok);
    CHECK(md::check_hessian(f, P, P = Sv, x = xv).ok);
  }
}
