// Stress test of the inverse-type operations (inv, det, logdet, inv(A)*b, adj and the
// gradients of logdet, tr(B inv(A)) and det) on ill-conditioned, singular and badly scaled matrices, fixed
// 2x2, 3x3, 4x4 and dynamic, against references in long double. Each error is compared
// with that of a partial-pivoting LU in double (Eigen::PartialPivLU), the accuracy a
// backward-stable method gives: matdiff must be within 10 times of it.
//
// `test_eval_stress "[.table]"` prints the table of docs/numerics.md: per operation and size
// the largest error of matdiff, of the LU, and of Eigen's fixed-size closed forms (what
// matdiff used for 2x2..4x4 before), over random matrices at each condition and scale.
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

namespace md = matdiff;

namespace {

using ld = long double;
using matrix_ld = Eigen::Matrix<ld, Eigen::Dynamic, Eigen::Dynamic>;
using matrix_d = Eigen::MatrixXd;

constexpr double eps = std::numeric_limits<double>::epsilon();
constexpr double inf = std::numeric_limits<double>::infinity();

std::mt19937_64& rng() {
  static std::mt19937_64 g(20261201);
  return g;
}

matrix_ld gaussian(Eigen::Index rows, Eigen::Index cols) {
  std::normal_distribution<double> normal;
  matrix_ld m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = normal(rng());
  return m;
}

/// A random orthogonal matrix: Q of the QR factorization of a Gaussian matrix.
matrix_ld random_orthogonal(Eigen::Index n) {
  const Eigen::HouseholderQR<matrix_ld> qr(gaussian(n, n));
  return qr.householderQ();
}

/// scale · U diag(σ) Vᵀ rounded to double, U and V random orthogonal, σ from 1 down to
/// 1/condition evenly in the logarithm; with `singular`, σ_n = 0 instead (rank n-1 before
/// rounding).
matrix_d conditioned(Eigen::Index n, double condition, double scale, bool singular = false) {
  Eigen::Matrix<ld, Eigen::Dynamic, 1> sigma(n);
  for (Eigen::Index i = 0; i < n; ++i) sigma(i) = n == 1 ? 1 : std::pow(static_cast<ld>(condition), -static_cast<ld>(i) / (n - 1));
  if (singular) sigma(n - 1) = 0;
  const matrix_ld a = static_cast<ld>(scale) * random_orthogonal(n) * sigma.asDiagonal() * random_orthogonal(n).transpose();
  return a.cast<double>();
}

/// A matrix of small integers of rank n - 1 (or less): a product of n x (n-1) and
/// (n-1) x n integer matrices, exact in double, so singular in floating point too.
matrix_d rank_deficient(Eigen::Index n) {
  std::uniform_int_distribution<int> digit(-3, 3);
  matrix_d left(n, n - 1), right(n - 1, n);
  for (double& v : left.reshaped()) v = digit(rng());
  for (double& v : right.reshaped()) v = digit(rng());
  return left * right;
}

/// The adjugate by its definition, each cofactor a long double determinant.
matrix_ld cofactor_adjugate(const matrix_d& m) {
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
double error(double x, ld reference) {
  const double r = static_cast<double>(reference);
  if (x == r) return 0;  // also the same infinity or 0 from underflow
  if (!std::isfinite(x) || !std::isfinite(r)) return inf;
  return std::abs(x - r) / std::max(std::abs(r), std::numeric_limits<double>::min());
}
/// logdet: the absolute error, which is the relative error of |det|.
double absolute_error(double x, ld reference) {
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
void require_as_accurate_as_lu(const errors& e, const std::string& what) {
  for (std::size_t op = 0; op < op_count; ++op) {
    INFO(what << ", " << operations[op] << ": matdiff " << e.matdiff[op] << ", LU " << e.lu[op]);
    CHECK(e.matdiff[op] <= 10 * std::max(e.lu[op], 8 * eps));
  }
}

template <int N>
void stress(Eigen::Index n, int trials) {
  for (const input_case& c : input_cases) require_as_accurate_as_lu(measure_case<N>(n, c, trials), c.name + ", n = " + std::to_string(n));
}

}  // namespace

TEST_CASE("inverse-type operations are as accurate as an LU solve at fixed sizes", "[stress]") {
  stress<2>(2, 200);
  stress<3>(3, 200);
  stress<4>(4, 200);
}

TEST_CASE("inverse-type operations are as accurate as an LU solve at dynamic sizes", "[stress]") {
  stress<Eigen::Dynamic>(3, 200);
  stress<Eigen::Dynamic>(8, 100);
}

TEST_CASE("at 1e200 and 1e-200 times I the inverse and grad logdet are 1e-200 and 1e200 times I", "[stress]") {
  // Eigen's closed forms divide by the determinant, which over- or underflows: 0 and inf.
  constexpr auto A = md::matrix<"A", 2, 2>;
  for (double scale : {1e200, 1e-200}) {
    const Eigen::Matrix2d a = scale * Eigen::Matrix2d::Identity();
    const Eigen::Matrix2d expected = (1 / scale) * Eigen::Matrix2d::Identity();
    CHECK(md::eval(md::inv(A), A = a) == expected);
    CHECK(md::eval(md::grad(md::logdet(A), A), A = a) == expected);
    CHECK(md::eval(md::logdet(A), A = a) == 2 * std::log(scale));
  }
}

TEST_CASE("det is exactly 0 exactly when logdet is -inf, at every size", "[stress][singular]") {
  // Rank-deficient integer matrices: singular in floating point. Rounding in the
  // elimination may leave a tiny pivot instead of 0; either way det and logdet, from one
  // LU, say the same.
  const auto agree = [](const auto& A, auto n, int trials) {
    int zero = 0;
    for (int t = 0; t < trials; ++t) {
      const matrix_d a = rank_deficient(n);
      const auto [det, logdet] = md::kernel(md::det(A), md::logdet(A))(A = a);
      // Each alone, as a user evaluating one of them gets it.
      const double det_alone = md::eval(md::det(A), A = a), logdet_alone = md::eval(md::logdet(A), A = a);
      INFO("n = " << n << "\n" << a << "\ndet " << det << ", logdet " << logdet);
      REQUIRE((det == 0) == (logdet == -inf));
      REQUIRE((det_alone == 0) == (logdet_alone == -inf));
      REQUIRE(det_alone == det);
      REQUIRE(logdet_alone == logdet);
      if (std::isfinite(logdet)) REQUIRE(std::abs(std::log(std::abs(det)) - logdet) < 1e-12);
      zero += det == 0;
    }
    return zero;
  };
  constexpr auto n = md::dim<"n">;
  // Most of them reach an exact zero pivot; all of them agree.
  CHECK(agree(md::matrix<"A", 2, 2>, 2, 20000) > 0);
  CHECK(agree(md::matrix<"A", 3, 3>, 3, 20000) > 0);
  CHECK(agree(md::matrix<"A", 4, 4>, 4, 20000) > 0);
  CHECK(agree(md::matrix<"A", n, n>, 3, 5000) > 0);
  CHECK(agree(md::matrix<"A", n, n>, 6, 5000) > 0);
}

namespace {

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

}  // namespace

TEST_CASE("adj and grad det are right at matrices of rank n-1", "[stress][singular]") {
  // The singular values 1 .. 1e-2 and 0, rounded: the smallest is of the order of ε, and
  // adj(A) is the rank-one term of the others, well determined. det(A) inv(A) is off there.
  const auto check = [](const singular_errors& e, Eigen::Index n) {
    INFO("n = " << n << ": matdiff " << e.matdiff << ", det(A) inv(A) by LU " << e.lu);
    CHECK(e.matdiff < 1e-13);
  };
  check(measure_singular<2>(2, 200), 2);
  check(measure_singular<3>(3, 200), 3);
  check(measure_singular<4>(4, 200), 4);
  check(measure_singular<Eigen::Dynamic>(3, 200), 3);
  check(measure_singular<Eigen::Dynamic>(8, 50), 8);
}

TEST_CASE("print the error table of docs/numerics.md", "[.table]") {
  const auto row = [](const std::string& size, auto run) {
    std::vector<errors> columns;
    for (const input_case& c : input_cases) columns.push_back(run(c));
    for (std::size_t op = 0; op < op_count; ++op) {
      std::printf("| %s | %s |", operations[op].c_str(), size.c_str());
      for (const errors& e : columns) {
        if (e.measured[op] == 0) std::printf(" overflow |");
        else if (e.has_closed) std::printf(" %.1e / %.1e / %.1e |", e.matdiff[op], e.lu[op], e.closed[op]);
        else std::printf(" %.1e / %.1e |", e.matdiff[op], e.lu[op]);
      }
      std::printf("\n");
    }
  };
  std::printf("| operation | size |");
  for (const input_case& c : input_cases) std::printf(" %s |", c.name.c_str());
  std::printf("\n| --- | --- |");
  for (std::size_t i = 0; i < input_cases.size(); ++i) std::printf(" ---: |");
  std::printf("\n");
  constexpr int trials = 1000;
  row("2x2", [](const input_case& c) { return measure_case<2>(2, c, trials); });
  row("3x3", [](const input_case& c) { return measure_case<3>(3, c, trials); });
  row("4x4", [](const input_case& c) { return measure_case<4>(4, c, trials); });
  row("n = 3", [](const input_case& c) { return measure_case<Eigen::Dynamic>(3, c, trials); });
  row("n = 8", [](const input_case& c) { return measure_case<Eigen::Dynamic>(8, c, trials / 4); });

  std::printf("\n| size | adj(A), grad det(A) at rank n-1: matdiff | det(A) inv(A) by LU |\n| --- | ---: | ---: |\n");
  const auto singular_row = [](const char* size, const singular_errors& e) {
    std::printf("| %s | %.1e | %.1e |\n", size, e.matdiff, e.lu);
  };
  singular_row("2x2", measure_singular<2>(2, trials));
  singular_row("3x3", measure_singular<3>(3, trials));
  singular_row("4x4", measure_singular<4>(4, trials));
  singular_row("n = 3", measure_singular<Eigen::Dynamic>(3, trials));
  singular_row("n = 8", measure_singular<Eigen::Dynamic>(8, trials / 4));
}
