// md::directional(F, X, V): the derivative of F at X in the direction V, against the
// central difference (F(X + hV) - F(X - hV))/2h, for matrix-valued F, and printing.
// Vector and 1x1 functions are in directional_vector.cpp, Hessian-vector products in
// hessian_vector_product.cpp.
#include <type_traits>

#include <Eigen/Core>
#include <Eigen/LU>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::directional_value;
using matdiff_test::expect_directional;
using matdiff_test::invertible;
using matdiff_test::random;
using matdiff_test::require_close;
using matdiff_test::with_rectangular_sizes;
using matdiff_test::with_square_sizes;

TEST_CASE("directional derivatives of matrix functions match central differences", "[directional]") {
  with_square_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::n, S::n>;
    constexpr auto V = md::matrix<"V", S::n, S::n>;
    constexpr auto A = md::matrix<"A", S::n, S::n>;
    const auto Xv = invertible<S::n>(s.cols);
    const auto Vv = random<S::n, S::n>(s.cols, s.cols);
    const auto Av = random<S::n, S::n>(s.cols, s.cols);
    expect_directional(X * X, X, V, Vv, X = Xv);
    expect_directional(md::inv(X), X, V, Vv, X = Xv);
    expect_directional(md::hadamard(X, X), X, V, Vv, X = Xv);
    expect_directional(md::transpose(X) * A * X, X, V, Vv, X = Xv, A = Av);
    expect_directional(md::exp(X) - md::inv(X) * A, X, V, Vv, X = Xv, A = Av);
    expect_directional(md::det(X) * X, X, V, Vv, X = Xv);
    // Closed forms: d(X²) = VX + XV, d(X⁻¹) = -X⁻¹VX⁻¹, d(X∘X) = 2X∘V.
    const Eigen::MatrixXd Xi = Xv.inverse();
    require_close(directional_value(X * X, X, V, X = Xv, V = Vv), Vv * Xv + Xv * Vv, 1e-10);
    require_close(directional_value(md::inv(X), X, V, X = Xv, V = Vv), -Xi * Vv * Xi, 1e-10);
    require_close(directional_value(md::hadamard(X, X), X, V, X = Xv, V = Vv), 2 * Xv.cwiseProduct(Vv), 1e-10);
  });
}

TEST_CASE("the directional derivative of a Kronecker product", "[directional][kron]") {
  with_rectangular_sizes([](auto s) {
    using S = decltype(s);
    constexpr auto X = md::matrix<"X", S::m, S::n>;
    constexpr auto V = md::matrix<"V", S::m, S::n>;
    constexpr auto B = md::matrix<"B", 2, 3>;
    const auto Xv = random<S::m, S::n>(s.rows, s.cols), Vv = random<S::m, S::n>(s.rows, s.cols);
    const Eigen::Matrix<double, 2, 3> Bv = matdiff_test::random_matrix<Eigen::Matrix<double, 2, 3>>();
    // d(X ⊗ B) = V ⊗ B: X is gone.
    STATIC_REQUIRE(md::to_string(md::directional(md::kron(X, B), X, V)) == "kron(V, B)");
    expect_directional(md::kron(X, B), X, V, Vv, X = Xv, B = Bv);
    expect_directional(md::kron(X, X), X, V, Vv, X = Xv);
  });
}

TEST_CASE("a direction may be any expression of the variable's shape", "[directional]") {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto U = md::matrix<"U", 3, 3>;
  constexpr auto W = md::matrix<"W", 3, 3>;
  const Eigen::Matrix3d Xv = matdiff_test::well_conditioned<Eigen::Matrix3d>(3);
  const Eigen::Matrix3d Uv = matdiff_test::random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix3d Wv = matdiff_test::random_matrix<Eigen::Matrix3d>();
  // Linear in the direction: d(X²)[U - 2W] = d(X²)[U] - 2 d(X²)[W].
  const Eigen::MatrixXd combined = directional_value(X * X, X, U - 2 * W, X = Xv, U = Uv, W = Wv);
  const Eigen::MatrixXd separate = directional_value(X * X, X, U, X = Xv, U = Uv) -
                                   2 * directional_value(X * X, X, W, X = Xv, W = Wv);
  require_close(combined, separate, 1e-12);
  // The identity direction: d(X²)[I] = 2X.
  require_close(md::eval(md::directional(X * X, X, md::identity<3>), X = Xv), Eigen::Matrix3d(2 * Xv), 1e-12);
  // A function free of X has the zero derivative.
  STATIC_REQUIRE(
      std::is_same_v<md::without_signature_t<decltype(md::directional(U * W, X, U))>, std::remove_const_t<decltype(md::zeros<3, 3>)>>);
}

TEST_CASE("directional derivatives and Hessian-vector products print in textbook form", "[directional][print]") {
  constexpr auto x = md::vector<"x", 3>;
  constexpr auto v = md::vector<"v", 3>;
  constexpr auto A = md::matrix<"A", 3, 3>;
  constexpr auto b = md::vector<"b", 3>;
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto V = md::matrix<"V", 3, 3>;
  STATIC_REQUIRE(md::to_string(md::directional(md::grad(md::transpose(x) * A * x, x), x, v)) == "(A + A')*v");
  STATIC_REQUIRE(md::to_string(md::directional(md::grad(md::sqnorm(A * x - b), x), x, v)) == "2*A'*A*v");
  STATIC_REQUIRE(md::to_string(md::directional(md::grad(md::logdet(X), X), X, V)) == "-inv(X)'*V'*inv(X)'");
  STATIC_REQUIRE(md::to_string(md::directional(X * X, X, V)) == "V*X + X*V");
  STATIC_REQUIRE(md::to_string(md::directional(md::inv(X), X, V)) == "-inv(X)*V*inv(X)");
  STATIC_REQUIRE(md::to_string(md::directional(A * x, x, v)) == "A*v");
  // TODO(simplify): textbook 2*X.*V (the Hadamard product commutes; the terms are not collected).
  STATIC_REQUIRE(md::to_string(md::directional(md::hadamard(X, X), X, V)) == "V.*X + X.*V");
}
