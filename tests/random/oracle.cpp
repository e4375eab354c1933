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

matrix pow(const matrix& a, const matrix& b) {
  matrix r(a.rows(), a.cols());
  for (Eigen::Index j = 0; j < a.cols(); ++j)
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
      using std::exp, std::log;
      const autodiff& k = b.size() == 1 ? b(0, 0) : b(i, j);
      // Each step evaluated: a product of unevaluated derivative expressions of different
      // sizes (a constant base has none) is not made coherent by AutoDiffScalar.
      const autodiff log_a = autodiff(log(a(i, j)));
      const autodiff exponent = autodiff(k * log_a);
      r(i, j) = autodiff(exp(exponent));
    }
  return r;
}
matrix atan(const matrix& a) {
  return map(a, [](const autodiff& x) {
    using std::atan;
    return autodiff(atan(x.value()), x.derivatives() / (1 + x.value() * x.value()));
  });
}
matrix relu(const matrix& a) {
  return map(a, [](const autodiff& x) { return x.value() > 0 ? x : autodiff(x * 0.0); });
}
/// The picked entry, its derivatives as many as the other's (a constant has none).
autodiff pick(const autodiff& picked, const autodiff& other) {
  const autodiff zero = autodiff(other * 0.0);
  return autodiff(picked + zero);
}
matrix maximum(const matrix& a, const matrix& b) {
  matrix r = a;
  for (Eigen::Index k = 0; k < a.size(); ++k)
    r(k) = a(k).value() >= b(k).value() ? pick(a(k), b(k)) : pick(b(k), a(k));
  return r;
}
matrix minimum(const matrix& a, const matrix& b) {
  matrix r = a;
  for (Eigen::Index k = 0; k < a.size(); ++k)
    r(k) = a(k).value() <= b(k).value() ? pick(a(k), b(k)) : pick(b(k), a(k));
  return r;
}
matrix plus_number(const matrix& a, double c) {
  return map(a, [c](const autodiff& x) { return autodiff(x + c); });
}
matrix solve(const matrix& a, const matrix& b) { return a.partialPivLu().solve(b); }
matrix matrix_power(const matrix& a, int k) {
  matrix r = matrix::Identity(a.rows(), a.cols());
  for (int i = 0; i < k; ++i) r = (r * a).eval();
  return r;
}
matrix norm1(const matrix& a) {
  autodiff total = autodiff(a(0) * 0.0);
  for (Eigen::Index k = 0; k < a.size(); ++k) {
    const autodiff entry = a(k).value() < 0 ? autodiff(-a(k)) : a(k);
    total = autodiff(total + entry);
  }
  return one_by_one(total);
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
