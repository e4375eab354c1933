// The kernels of neurips_matdiff.cpp written by hand in Eigen: the baseline of the
// compile-time ratio measured by compile_time.cmake.
#include <cmath>
#include <cstdio>
#include <utility>

#include <Eigen/Core>

namespace {

// x'Ax and (A + A')x
std::pair<double, Eigen::VectorXd> quadratic_kernel(const Eigen::MatrixXd& A, const Eigen::VectorXd& x) {
  return {x.dot(A * x), (A + A.transpose()) * x};
}

// sum(softplus(-y.*(Xw))) and -X'(y.*sigmoid(-y.*(Xw)))
std::pair<double, Eigen::VectorXd> logistic_kernel(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                                   const Eigen::VectorXd& w) {
  const Eigen::ArrayXd z = -(y.array() * (X * w).array());
  const Eigen::ArrayXd softplus = z.max(0.0) + (-z.abs()).exp().log1p();
  const Eigen::ArrayXd sigmoid = z.unaryExpr([](double t) {
    return t >= 0 ? 1.0 / (1.0 + std::exp(-t)) : std::exp(t) / (1.0 + std::exp(t));
  });
  return {softplus.sum(), -X.transpose() * (y.array() * sigmoid).matrix()};
}

// ||T - UV'||² and -2(T - UV')V
std::pair<double, Eigen::MatrixXd> factorisation_kernel(const Eigen::MatrixXd& T, const Eigen::MatrixXd& U,
                                                        const Eigen::MatrixXd& V) {
  const Eigen::MatrixXd residual = T - U * V.transpose();
  return {residual.squaredNorm(), -2.0 * residual * V};
}

}  // namespace

int main() {
  const Eigen::MatrixXd Av = Eigen::MatrixXd::Random(5, 5), Xv = Eigen::MatrixXd::Random(7, 5),
                        Tv = Eigen::MatrixXd::Random(7, 5), Uv = Eigen::MatrixXd::Random(7, 2),
                        Vv = Eigen::MatrixXd::Random(5, 2);
  const Eigen::VectorXd xv = Eigen::VectorXd::Random(5), wv = Eigen::VectorXd::Random(5),
                        yv = Eigen::VectorXd::Random(7).cwiseSign();

  const auto [q, gq] = quadratic_kernel(Av, xv);
  const auto [l, gl] = logistic_kernel(Xv, yv, wv);
  const auto [f, gf] = factorisation_kernel(Tv, Uv, Vv);
  std::printf("%.12g %.12g\n%.12g %.12g\n%.12g %.12g\n", q, gq.sum(), l, gl.sum(), f, gf.sum());
}
