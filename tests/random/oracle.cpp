// The oracle's operations (oracle.hpp), compiled once for all the generated units.
#include "oracle.hpp"

#include <cmath>

#include <Eigen/LU>

namespace random_oracle {
namespace {

matrix one_by_one(const autodiff& x) {
  matrix out(1, 1);
  out(0, 0) = x;
  return out;
}

template <class F>
matrix map(const matrix& a, F f) {
  matrix out(a.rows(), a.cols());
  for (Eigen::Index j = 0; j < a.cols(); ++j)
    for (Eigen::Index i = 0; i < a.rows(); ++i) out(i, j) = f(a(i, j));
  return out;
}

}  // namespace

matrix identity(Eigen::Index n) { return matrix::Identity(n, n); }
matrix ones(Eigen::Index rows, Eigen::Index cols) { return matrix::Constant(rows, cols, autodiff(1.0)); }

matrix add(const matrix& a, const matrix& b) { return a + b; }
matrix sub(const matrix& a, const matrix& b) { return a - b; }
matrix neg(const matrix& a) { return -a; }
matrix scale(double k, const matrix& a) { return a * autodiff(k); }
matrix divide(const matrix& a, const matrix& s) { return a / s(0, 0); }
matrix multiply(const matrix& a, const matrix& b) {
  if (a.cols() == b.rows()) return a * b;
  if (a.size() == 1) return b * a(0, 0);
  return a * b(0, 0);
}
matrix transpose(const matrix& a) { return a.transpose(); }
matrix trace(const matrix& a) { return one_by_one(a.trace()); }
matrix inv(const matrix& a) { return a.partialPivLu().inverse(); }
matrix det(const matrix& a) { return one_by_one(a.partialPivLu().determinant()); }
matrix logdet(const matrix& a) {
  using std::abs, std::log;
  return one_by_one(log(abs(a.partialPivLu().determinant())));
}
matrix hadamard(const matrix& a, const matrix& b) { return a.cwiseProduct(b); }
matrix hadamard_div(const matrix& a, const matrix& b) { return a.cwiseQuotient(b); }
matrix kron(const matrix& a, const matrix& b) {
  matrix out(a.rows() * b.rows(), a.cols() * b.cols());
  for (Eigen::Index j = 0; j < a.cols(); ++j)
    for (Eigen::Index i = 0; i < a.rows(); ++i)
      out.block(i * b.rows(), j * b.cols(), b.rows(), b.cols()) = b * a(i, j);
  return out;
}

matrix exp(const matrix& a) {
  return map(a, [](const autodiff& x) { using std::exp; return autodiff(exp(x)); });
}
matrix log(const matrix& a) {
  return map(a, [](const autodiff& x) { using std::log; return autodiff(log(x)); });
}
matrix sqrt(const matrix& a) {
  return map(a, [](const autodiff& x) { using std::sqrt; return autodiff(sqrt(x)); });
}
matrix tanh(const matrix& a) {
  return map(a, [](const autodiff& x) { using std::tanh; return autodiff(tanh(x)); });
}
matrix softplus(const matrix& a) {
  return map(a, [](const autodiff& x) {
    using std::exp, std::log;
    return x > 0 ? autodiff(x + log(1 + exp(-x))) : autodiff(log(1 + exp(x)));
  });
}
matrix sigmoid(const matrix& a) {
  return map(a, [](const autodiff& x) { using std::exp; return autodiff(1 / (1 + exp(-x))); });
}
matrix pow(const matrix& a, double k) {
  return map(a, [k](const autodiff& x) { using std::pow; return autodiff(pow(x, k)); });
}

matrix sum(const matrix& a) { return one_by_one(a.sum()); }
matrix dot(const matrix& a, const matrix& b) { return one_by_one(a.cwiseProduct(b).sum()); }
matrix sqnorm(const matrix& a) { return one_by_one(a.cwiseProduct(a).sum()); }
matrix norm2(const matrix& a) {
  using std::sqrt;
  return one_by_one(autodiff(sqrt(a.cwiseProduct(a).sum())));
}
matrix vec(const matrix& a) { return a.reshaped(); }
matrix diag(const matrix& v) { return v.col(0).asDiagonal(); }
matrix diagonal(const matrix& a) { return a.diagonal(); }

}  // namespace random_oracle
