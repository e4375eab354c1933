// The three problems of the matrix-calculus comparison (quadratic form, logistic
// regression, matrix factorisation): value, gradient and Hessian kernels derived by matdiff.
// Compiled by compile_time.cmake against neurips_eigen.cpp, the same kernels by hand.
#include <cstdio>

#include <Eigen/Core>

#include <matdiff/matdiff.hpp>

namespace md = matdiff;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto m = md::dim<"m">;
constexpr auto r = md::dim<"r">;

// x'Ax in x
constexpr auto A = md::matrix<"A", n, n>;
constexpr auto x = md::vector<"x", n>;
constexpr auto quadratic = md::transpose(x) * A * x;
constexpr auto quadratic_kernel = md::kernel(quadratic, md::grad(quadratic, x), md::hessian(quadratic, x));

// sum(softplus(-y.*(X*w))) in w
constexpr auto X = md::matrix<"X", m, n>;
constexpr auto y = md::vector<"y", m>;
constexpr auto w = md::vector<"w", n>;
constexpr auto logistic = md::sum(md::softplus(-md::hadamard(y, X * w)));
constexpr auto logistic_kernel = md::kernel(logistic, md::grad(logistic, w), md::hessian(logistic, w));

// ||T - UV'||² in U
constexpr auto T = md::matrix<"T", m, n>;
constexpr auto U = md::matrix<"U", m, r>;
constexpr auto V = md::matrix<"V", n, r>;
constexpr auto factorisation = md::sqnorm(T - U * md::transpose(V));
constexpr auto factorisation_kernel = md::kernel(factorisation, md::grad(factorisation, U), md::hessian(factorisation, U));

}  // namespace

int main() {
  const Eigen::MatrixXd Av = Eigen::MatrixXd::Random(5, 5), Xv = Eigen::MatrixXd::Random(7, 5),
                        Tv = Eigen::MatrixXd::Random(7, 5), Uv = Eigen::MatrixXd::Random(7, 2),
                        Vv = Eigen::MatrixXd::Random(5, 2);
  const Eigen::VectorXd xv = Eigen::VectorXd::Random(5), wv = Eigen::VectorXd::Random(5),
                        yv = Eigen::VectorXd::Random(7).cwiseSign();

  const auto [q, gq, hq] = quadratic_kernel(A = Av, x = xv);
  const auto [l, gl, hl] = logistic_kernel(X = Xv, y = yv, w = wv);
  const auto [f, gf, hf] = factorisation_kernel(T = Tv, U = Uv, V = Vv);
  std::printf("%.12g %.12g %.12g\n%.12g %.12g %.12g\n%.12g %.12g %.12g\n", q, gq.sum(), hq.sum(), l, gl.sum(),
              hl.sum(), f, gf.sum(), hf.sum());
}
