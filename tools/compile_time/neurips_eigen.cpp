// The kernels of neurips_matdiff.cpp written by hand in Eigen (the logistic Hessian as one
// triangle of a rank update, as careful code does): the baseline of the
// compile-time ratio measured by compile_time.cmake.
#include <cmath>
#include <cstdio>
#include <tuple>

#include <Eigen/Core>

namespace {

// x'Ax, (A + A')x and A + A'
std::tuple<double, Eigen::VectorXd, Eigen::MatrixXd> quadratic_kernel(const Eigen::MatrixXd& A,
                                                                      const Eigen::VectorXd& x) {
  Eigen::MatrixXd hessian = A + A.transpose();
  return {x.dot(A * x), hessian * x, hessian};
}

// sum(softplus(-y.*(Xw))), -X'(y.*sigmoid(-y.*(Xw))) and X' diag(y.^2 σ(1 - σ)) X
std::tuple<double, Eigen::VectorXd, Eigen::MatrixXd> logistic_kernel(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                                   const Eigen::VectorXd& w) {
  const Eigen::ArrayXd z = -(y.array() * (X * w).array());
  const Eigen::ArrayXd softplus = z.max(0.0) + (-z.abs()).exp().log1p();
  const Eigen::ArrayXd sigmoid = z.unaryExpr([](double t) {
    return t >= 0 ? 1.0 / (1.0 + std::exp(-t)) : std::exp(t) / (1.0 + std::exp(t));
  });
  const Eigen::VectorXd weights = (y.array().square() * sigmoid * (1 - sigmoid)).matrix();
  Eigen::MatrixXd hessian = Eigen::MatrixXd::Zero(X.cols(), X.cols());
  hessian.selfadjointView<Eigen::Lower>().rankUpdate(X.transpose() * weights.cwiseSqrt().asDiagonal());
  hessian.triangularView<Eigen::StrictlyUpper>() = hessian.transpose();
  return {softplus.sum(), -X.transpose() * (y.array() * sigmoid).matrix(), hessian};
}

// ||T - UV'||², -2(T - UV')V and 2 (V'V ⊗ I)
std::tuple<double, Eigen::MatrixXd, Eigen::MatrixXd> factorisation_kernel(const Eigen::MatrixXd& T, const Eigen::MatrixXd& U,
                                                        const Eigen::MatrixXd& V) {
  const Eigen::MatrixXd residual = T - U * V.transpose();
  const Eigen::MatrixXd gram = 2.0 * V.transpose() * V;
  const Eigen::Index m = U.rows();
  Eigen::MatrixXd hessian = Eigen::MatrixXd::Zero(gram.rows() * m, gram.cols() * m);
  for (Eigen::Index j = 0; j < gram.cols(); ++j)
    for (Eigen::Index i = 0; i < gram.rows(); ++i) hessian.block(i * m, j * m, m, m).diagonal().setConstant(gram(i, j));
  return {residual.squaredNorm(), -2.0 * residual * V, hessian};
}

}  // namespace

int main() {
  const Eigen::MatrixXd Av = Eigen::MatrixXd::Random(5, 5), Xv = Eigen::MatrixXd::Random(7, 5),
                        Tv = Eigen::MatrixXd::Random(7, 5), Uv = Eigen::MatrixXd::Random(7, 2),
                        Vv = Eigen::MatrixXd::Random(5, 2);
  const Eigen::VectorXd xv = Eigen::VectorXd::Random(5), wv = Eigen::VectorXd::Random(5),
                        yv = Eigen::VectorXd::Random(7).cwiseSign();

  const auto [q, gq, hq] = quadratic_kernel(Av, xv);
  const auto [l, gl, hl] = logistic_kernel(Xv, yv, wv);
  const auto [f, gf, hf] = factorisation_kernel(Tv, Uv, Vv);
  std::printf("%.12g %.12g %.12g\n%.12g %.12g %.12g\n%.12g %.12g %.12g\n", q, gq.sum(), hq.sum(), l, gl.sum(),
              hl.sum(), f, gf.sum(), hf.sum());
}
