// Helpers of the stress tests of the inverse-type operations (tests/eval/stress.cpp: fixed
// 2x2 and 3x3, stress_4x4.cpp, stress_dynamic.cpp): random matrices of
// chosen condition and scale, long double references, and the largest errors of matdiff, of
// Eigen's PartialPivLU and of Eigen's fixed-size closed forms over many matrices. Each unit
// prints its rows of the table in docs/numerics.md when run with "[.table]".
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

namespace matdiff_stress {

namespace md = matdiff;

using ld = long double;
using matrix_ld = Eigen::Matrix<ld, Eigen::Dynamic, Eigen::Dynamic>;
using matrix_d = Eigen::MatrixXd;

constexpr double eps = std::numeric_limits<double>::epsilon();
constexpr double inf = std::numeric_limits<double>::infinity();

inline std::mt19937_64& rng() {
  static std::mt19937_64 g(20261201);
  return g;
}

inline matrix_ld gaussian(Eigen::Index rows, Eigen::Index cols) {
  std::normal_distribution<double> normal;
  matrix_ld m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = normal(rng());
  return m;
}

/// A random orthogonal matrix: Q of the QR factorization of a Gaussian matrix.
inline matrix_ld random_orthogonal(Eigen::Index n) {
  const Eigen::HouseholderQR<matrix_ld> qr(gaussian(n, n));
  return qr.householderQ();
}

/// scale · U diag(σ) Vᵀ rounded to double, U and V random orthogonal, σ from 1 down to
/// 1/condition evenly in the logarithm; with `singular`, σ_n = 0 instead (rank n-1 before
/// rounding).
inline matrix_d conditioned(Eigen::Index n, double condition, double scale, bool singular = false) {
  Eigen::Matrix<ld, Eigen::Dynamic, 1> sigma(n);
  for (Eigen::Index i = 0; i < n; ++i) sigma(i) = n == 1 ? 1 : std::pow(static_cast<ld>(condition), -static_cast<ld>(i) / (n - 1));
  if (singular) sigma(n - 1) = 0;
  const matrix_ld a = static_cast<ld>(scale) * random_orthogonal(n) * sigma.asDiagonal() * random_orthogonal(n).transpose();
  return a.cast<double>();
}

/// A matrix of small integers of rank n - 1 (or less): a product of n x (n-1) and
/// (n-1) x n integer matrices, exact in double, so singular in floating point too.
inline matrix_d rank_deficient(Eigen::Index n) {
  std::uniform_int_distribution<int> digit(-3, 3);
  matrix_d left(n, n - 1), right(n - 1, n);
  for (double& v : left.reshaped()) v = digit(rng());
  for (double& v : right.reshaped()) v = digit(rng());
  return left * right;
}

/// The adjugate by its definition, each cofactor a long double determinant.
inline matrix_ld cofactor_adjugate(const matrix_d& m) {
  const Eigen::Index n = m.rows();
  if (n == 1) return matrix_ld::Ones(1, 1);
  matrix_ld r(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) {
      matrix_ld minor(n - 1, n - 1);
      for (Eigen::Index row = 0, mr = 0; row < n; ++row) {
        if (row == j) continue;
        for (Eigen::Index col = 0, mc = 0; col < n; ++col)
          if (col != i) minor(mr, mc++) = m(row, col);
        ++mr;
      }
      r(i, j) = ((i + j) % 2 ? -1 : 1) * minor.partialPivLu().determinant();
    }
  return r;
}

/// Marks an error not measured: the reference itself is not representable in double.
constexpr double not_representable = -1;

/// max |x - r| / max |r|, with the reference rounded to double (so a result that underflows
/// where the reference does is exact); inf when x is not finite but r is.
template <class X>
double error(const X& x, const matrix_ld& reference) {
  const matrix_d r = reference.cast<double>();
  const matrix_d v = x;
  if (!r.allFinite()) return not_representable;
  if (!v.allFinite()) return inf;
  const double size = r.cwiseAbs().maxCoeff();
  if (size == 0) return v.cwiseAbs().maxCoeff() == 0 ? 0.0 : inf;
  return (v - r).cwiseAbs().maxCoeff() / size;
}
inline double error(double x, ld reference) {
  const double r = static_cast<double>(reference);
  if (x == r) return 0;  // also the same infinity or 0 from underflow
  if (!std::isfinite(x) || !std::isfinite(r)) return inf;
  return std::abs(x - r) / std::max(std::abs(r), std::numeric_limits<double>::min());
}
/// logdet: the absolute error, which is the relative error of |det|.
inline double absolute_error(double x, ld reference) {
  if (x == static_cast<double>(reference)) return 0;
  return std::isfinite(x) ? static_cast<double>(std::abs(x - reference)) : inf;
}

/// The operations measured, in order.
const std::vector<std::string> operations = {"inv(A)", "det(A)", "logdet(A)", "inv(A)*b", "grad logdet(A) = inv(A)'",
                                             "grad tr(B inv(A)) = -inv(A)'B'inv(A)'", "adj(A)", "grad det(A) = adj(A)'"};
constexpr std::size_t op_count = 8;

/// The largest errors over a set of matrices: matdiff, LU in double, closed form in double.
struct errors {
  double matdiff[op_count] = {};
  double lu[op_count] = {};
  double closed[op_count] = {};
  int measured[op_count] = {};  // the matrices whose reference is representable
  bool has_closed = false;
  void add(double* into, std::size_t op, double e) {
    if (e == not_representable) return;
    into[op] = std::max(into[op], e);
    if (into == matdiff) ++measured[op];
  }
};

/// Long double references of the operations at A (B, b given).
struct references {
  matrix_ld inverse, solve, gradient_trace, adjugate;
  ld det, logdet;
  references(const matrix_d& a, const matrix_d& b_matrix, const Eigen::VectorXd& b) {
    const matrix_ld al = a.cast<ld>();
    const Eigen::PartialPivLU<matrix_ld> lu(al);
    inverse = lu.inverse();
    det = lu.determinant();
    logdet = lu.matrixLU().diagonal().cwiseAbs().array().log().sum();
    solve = lu.solve(b.cast<ld>());
    gradient_trace = -inverse.transpose() * b_matrix.cast<ld>().transpose() * inverse.transpose();
    adjugate = det * inverse;
  }
};

/// Measures every operation on the matrices `make()` returns (`trials` of them), matdiff
/// with the variable A of its fixed size N (or dynamic) and the references. B is of the
/// scale of A, so that the gradient of tr(B inv(A)), of the scale of inv(A), is representable.
template <int N>
errors measure(Eigen::Index n, int trials, double scale, const auto& make) {
  constexpr auto size = [] {
    if constexpr (N == Eigen::Dynamic) return md::dim<"n">;
    else return N;
  }();
  constexpr auto A = md::matrix<"A", size, size>;
  constexpr auto B = md::matrix<"B", size, size>;
  constexpr auto b = md::vector<"b", size>;
  static constexpr auto k = md::kernel(md::inv(A), md::det(A), md::logdet(A), md::inv(A) * b, md::grad(md::logdet(A), A),
                                       md::grad(md::trace(B * md::inv(A)), A), md::adj(A), md::grad(md::det(A), A));
  using M = Eigen::Matrix<double, N, N>;
  using V = Eigen::Matrix<double, N, 1>;
  errors e;
  e.has_closed = N != Eigen::Dynamic && N <= 4;
  for (int t = 0; t < trials; ++t) {
    const M a = make(n);
    const M bm = (static_cast<ld>(scale) * gaussian(n, n)).cast<double>();
    const V bv = gaussian(n, 1).cast<double>();
    const references r(a, bm, bv);
    const auto [inverse, det, logdet, solve, grad_logdet, grad_trace, adjugate, grad_det] = k(A = a, B = bm, b = bv);
    e.add(e.matdiff, 0, error(inverse, r.inverse));
    e.add(e.matdiff, 1, error(det, r.det));
    e.add(e.matdiff, 2, absolute_error(logdet, r.logdet));
    e.add(e.matdiff, 3, error(solve, r.solve));
    e.add(e.matdiff, 4, error(grad_logdet, r.inverse.transpose()));
    e.add(e.matdiff, 5, error(grad_trace, r.gradient_trace));
    e.add(e.matdiff, 6, error(adjugate, r.adjugate));
    e.add(e.matdiff, 7, error(grad_det, r.adjugate.transpose()));

    const Eigen::PartialPivLU<M> lu(a);
    const M lu_inverse = lu.inverse();
    e.add(e.lu, 0, error(lu_inverse, r.inverse));
    e.add(e.lu, 1, error(lu.determinant(), r.det));
    e.add(e.lu, 2, absolute_error(lu.matrixLU().diagonal().cwiseAbs().array().log().sum(), r.logdet));
    e.add(e.lu, 3, error(V(lu.solve(bv)), r.solve));
    e.add(e.lu, 4, error(M(lu_inverse.transpose()), r.inverse.transpose()));
    e.add(e.lu, 5, error(M(-lu_inverse.transpose() * bm.transpose() * lu_inverse.transpose()), r.gradient_trace));
    e.add(e.lu, 6, error(M(lu.determinant() * lu_inverse), r.adjugate));
    e.add(e.lu, 7, error(M(lu.determinant() * lu_inverse.transpose()), r.adjugate.transpose()));

    if constexpr (N != Eigen::Dynamic && N <= 4) {
      const M closed = a.inverse();
      e.add(e.closed, 0, error(closed, r.inverse));
      e.add(e.closed, 1, error(a.determinant(), r.det));
      e.add(e.closed, 2, absolute_error(lu.matrixLU().diagonal().cwiseAbs().array().log().sum(), r.logdet));
      e.add(e.closed, 3, error(V(closed * bv), r.solve));
      e.add(e.closed, 4, error(M(closed.transpose()), r.inverse.transpose()));
      e.add(e.closed, 5, error(M(-closed.transpose() * bm.transpose() * closed.transpose()), r.gradient_trace));
      // grad det was det(A) inv(A)', both in closed form.
      e.add(e.closed, 6, error(M(a.determinant() * closed), r.adjugate));
      e.add(e.closed, 7, error(M(a.determinant() * closed.transpose()), r.adjugate.transpose()));
    }
  }
  return e;
}

/// The inputs measured: a condition number at scale 1, or a scale at condition 1e4.
struct input_case {
  std::string name;
  double condition, scale;
};
const std::vector<input_case> input_cases = {
    {"cond 1e4", 1e4, 1}, {"cond 1e8", 1e8, 1}, {"cond 1e12", 1e12, 1}, {"scale 1e-200", 1e4, 1e-200}, {"scale 1e200", 1e4, 1e200}};

template <int N>
errors measure_case(Eigen::Index n, const input_case& c, int trials) {
  return measure<N>(n, trials, c.scale, [&](Eigen::Index size) { return conditioned(size, c.condition, c.scale); });
}

/// matdiff within 10 times of the LU (and of 8 ε, below which both are rounding).
inline void require_as_accurate_as_lu(const errors& e, const std::string& what) {
  for (std::size_t op = 0; op < op_count; ++op) {
    INFO(what << ", " << operations[op] << ": matdiff " << e.matdiff[op] << ", LU " << e.lu[op]);
    CHECK(e.matdiff[op] <= 10 * std::max(e.lu[op], 8 * eps));
  }
}

template <int N>
void stress(Eigen::Index n, int trials) {
  for (const input_case& c : input_cases) require_as_accurate_as_lu(measure_case<N>(n, c, trials), c.name + ", n = " + std::to_string(n));
}

/// The largest errors of adj(A) and grad det(A) = adj(A)' of matdiff and of det(A) inv(A)
/// by LU in double, over matrices of rank n-1 (rounded to double, so nearly singular).
struct singular_errors {
  double matdiff = 0, lu = 0;
};

template <int N>
singular_errors measure_singular(Eigen::Index n, int trials) {
  constexpr auto size = [] {
    if constexpr (N == Eigen::Dynamic) return md::dim<"n">;
    else return N;
  }();
  constexpr auto A = md::matrix<"A", size, size>;
  static constexpr auto k = md::kernel(md::adj(A), md::grad(md::det(A), A));
  using M = Eigen::Matrix<double, N, N>;
  singular_errors e;
  for (int t = 0; t < trials; ++t) {
    const M a = conditioned(n, 1e2, 1, true);
    const matrix_ld reference = cofactor_adjugate(a);
    const auto [adjugate, gradient] = k(A = a);
    e.matdiff = std::max({e.matdiff, error(adjugate, reference), error(gradient, matrix_ld(reference.transpose()))});
    const Eigen::PartialPivLU<M> lu(a);
    const double by_inverse = error(M(lu.determinant() * lu.inverse()), reference);
    e.lu = std::max(e.lu, std::isnan(by_inverse) ? inf : by_inverse);
  }
  return e;
}

/// The header of the error table.
inline void print_table_header() {
  std::printf("| operation | size |");
  for (const input_case& c : input_cases) std::printf(" %s |", c.name.c_str());
  std::printf("\n| --- | --- |");
  for (std::size_t i = 0; i < input_cases.size(); ++i) std::printf(" ---: |");
  std::printf("\n");
}

/// The rows of one size: per operation, matdiff / LU (/ closed form) in each input case.
template <int N>
void print_rows(const std::string& size, Eigen::Index n, int trials) {
  std::vector<errors> columns;
  for (const input_case& c : input_cases) columns.push_back(measure_case<N>(n, c, trials));
  for (std::size_t op = 0; op < op_count; ++op) {
    std::printf("| %s | %s |", operations[op].c_str(), size.c_str());
    for (const errors& e : columns) {
      if (e.measured[op] == 0) std::printf(" overflow |");
      else if (e.has_closed) std::printf(" %.1e / %.1e / %.1e |", e.matdiff[op], e.lu[op], e.closed[op]);
      else std::printf(" %.1e / %.1e |", e.matdiff[op], e.lu[op]);
    }
    std::printf("\n");
  }
}

/// One row of the rank n-1 table.
inline void print_singular_row(const char* size, const singular_errors& e) {
  std::printf("| %s | %.1e | %.1e |\n", size, e.matdiff, e.lu);
}

/// det(A) == 0 exactly when logdet(A) == -inf, for rank-deficient integer matrices of size n
/// bound to variable A; returns how many had det exactly 0.
template <class A>
int det_and_logdet_agree(const A& a_variable, Eigen::Index n, int trials) {
  const auto& A_ = a_variable;
  int zero = 0;
  for (int t = 0; t < trials; ++t) {
    const matrix_d a = rank_deficient(n);
    const auto [det, logdet] = md::kernel(md::det(A_), md::logdet(A_))(A_ = a);
    // Each alone, as a user evaluating one of them gets it.
    const double det_alone = md::eval(md::det(A_), A_ = a), logdet_alone = md::eval(md::logdet(A_), A_ = a);
    INFO("n = " << n << "\n" << a << "\ndet " << det << ", logdet " << logdet);
    REQUIRE((det == 0) == (logdet == -inf));
    REQUIRE((det_alone == 0) == (logdet_alone == -inf));
    REQUIRE(det_alone == det);
    REQUIRE(logdet_alone == logdet);
    if (std::isfinite(logdet)) REQUIRE(std::abs(std::log(std::abs(det)) - logdet) < 1e-12);
    zero += det == 0;
  }
  return zero;
}

/// adj and grad det at rank n-1 within 1e-13 of the cofactors.
inline void require_accurate_adjugate(const singular_errors& e, Eigen::Index n) {
  INFO("n = " << n << ": matdiff " << e.matdiff << ", det(A) inv(A) by LU " << e.lu);
  CHECK(e.matdiff < 1e-13);
}

}  // namespace matdiff_stress
