// Structured factors of products are applied, not formed: K(m,n), S(n), S(n)', A ⊗ I and
// I ⊗ A on either side of a product give the values of the dense products, and the largest
// heap block allocated while they run is far smaller than the dense factor would need.
// Hessian-vector products directional(grad(f, x), x, v) likewise never allocate n x n.
//
// The largest allocation is seen by wrapping malloc (Eigen's allocations go through it):
// this program's malloc records the size and calls glibc's. Under AddressSanitizer, which
// replaces malloc itself, the allocation checks are skipped.
#include <algorithm>
#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define MATDIFF_TEST_MALLOC_WRAPPED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define MATDIFF_TEST_MALLOC_WRAPPED 0
#endif
#endif
#if !defined(MATDIFF_TEST_MALLOC_WRAPPED) && defined(__GLIBC__) || !defined(MATDIFF_TEST_MALLOC_WRAPPED) && defined(__linux__)
#define MATDIFF_TEST_MALLOC_WRAPPED 1
#endif

namespace allocation_size {
inline std::size_t largest = 0;
}

#if MATDIFF_TEST_MALLOC_WRAPPED
extern "C" void* __libc_malloc(std::size_t);
extern "C" void* malloc(std::size_t size) {
  allocation_size::largest = std::max(allocation_size::largest, size);
  return __libc_malloc(size);
}
#endif

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::kronecker;
using matdiff_test::random;
using matdiff_test::require_close;

namespace {
Eigen::MatrixXd dense_of(const auto& e, const auto&... bindings) {
  return matdiff_test::dense(md::eval(e, bindings...));
}

/// The largest heap block allocated while f() runs, in bytes.
template <class F>
std::size_t largest_allocation_during(F&& f) {
  allocation_size::largest = 0;
  f();
  return allocation_size::largest;
}
}  // namespace

TEST_CASE("commutation and diagonal selection matrices as factors", "[eval][structure]") {
  constexpr auto m = md::dim<"m">;
  constexpr auto V = md::matrix<"V", m * 3, 4>;
  constexpr auto W = md::matrix<"W", 4, m * 3>;
  constexpr auto v = md::matrix<"v", 3, 2>;
  constexpr auto u = md::matrix<"u", 9, 2>;
  const auto Vv = random<m * 3, 4>(6, 4);
  const auto Wv = random<4, m * 3>(4, 6);
  const auto vv = random<3, 2>(3, 2);
  const auto uv = random<9, 2>(9, 2);
  constexpr auto K = md::commutation_matrix<m, md::to_dimension(3)>{};
  constexpr auto S = md::diagonal_selection<3>;
  // K alone (m = 2) is the permutation with K vec(A) = vec(A') for every 2 x 3 A.
  const Eigen::MatrixXd k_dense = dense_of(md::commutation<2, 3>);
  const Eigen::MatrixXd a = random<2, 3>(2, 3);
  require_close(Eigen::MatrixXd(k_dense * a.reshaped()), Eigen::MatrixXd(a.transpose().reshaped()), 0);
  require_close(dense_of(K * V, V = Vv), k_dense * Vv, 0);
  require_close(dense_of(W * K, W = Wv), Wv * k_dense, 0);
  // S alone: vec(diag(d)) = S d.
  const Eigen::MatrixXd s_dense = dense_of(S);
  const Eigen::Vector3d d(1, 2, 3);
  require_close(Eigen::MatrixXd(s_dense * d), Eigen::MatrixXd(Eigen::Matrix3d(d.asDiagonal()).reshaped()), 0);
  require_close(dense_of(S * v, v = vv), s_dense * vv, 0);
  require_close(dense_of(md::transpose(S) * u, u = uv), s_dense.transpose() * uv, 0);
  require_close(dense_of(md::transpose(v) * md::transpose(S), v = vv), vv.transpose() * s_dense.transpose(), 0);
  require_close(dense_of(md::transpose(u) * S, u = uv), uv.transpose() * s_dense, 0);
}

TEST_CASE("A kron I and I kron A as factors", "[eval][structure]") {
  constexpr auto n = md::dim<"n">;
  constexpr auto A = md::matrix<"A", 2, 3>;
  constexpr auto I = md::identity<n>;
  constexpr auto V = md::matrix<"V", 3 * n, 4>;
  constexpr auto W = md::matrix<"W", 4, 2 * n>;
  const auto Av = random<2, 3>(2, 3);
  const auto Vv = random<3 * n, 4>(15, 4);
  const auto Wv = random<4, 2 * n>(4, 10);
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(5, 5);
  require_close(dense_of(md::kron(A, I) * V, A = Av, V = Vv), kronecker(Av, identity) * Vv, 1e-14);
  require_close(dense_of(md::kron(I, A) * V, A = Av, V = Vv), kronecker(identity, Av) * Vv, 1e-14);
  require_close(dense_of(W * md::kron(A, I), A = Av, W = Wv), Wv * kronecker(Av, identity), 1e-14);
  require_close(dense_of(W * md::kron(I, A), A = Av, W = Wv), Wv * kronecker(identity, Av), 1e-14);
}

#if MATDIFF_TEST_MALLOC_WRAPPED
TEST_CASE("structured factors are never formed", "[eval][structure][allocation]") {
  constexpr auto n = md::dim<"n">;
  constexpr auto A = md::matrix<"A", 2, 2>;
  constexpr auto v = md::vector<"v", 2 * n>;
  constexpr auto x = md::matrix<"x", n, 2>;
  const Eigen::Index size = 2000;
  const Eigen::Matrix2d Av = Eigen::Matrix2d::Random();
  const Eigen::VectorXd vv = Eigen::VectorXd::Random(2 * size);
  const Eigen::MatrixXd xv = Eigen::MatrixXd::Random(size, 2);
  const std::size_t dense_factor = sizeof(double) * std::size_t(2 * size) * std::size_t(2 * size);
  Eigen::VectorXd r;
  CHECK(largest_allocation_during([&] { r = md::eval(md::kron(A, md::identity<n>) * v, A = Av, v = vv); }) <
        dense_factor / 100);
  REQUIRE(r.size() == 2 * size);
  // vec(x') = K vec(x): a reshape-transpose, never the (2n)² permutation.
  CHECK(largest_allocation_during([&] { r = md::eval(md::commutation_matrix<n, md::to_dimension(2)>{} * md::vec(x), x = xv); }) <
        dense_factor / 100);
  require_close(Eigen::MatrixXd(r), Eigen::MatrixXd(xv.transpose().reshaped()), 0);
}

TEST_CASE("Hessian-vector products never allocate an n x n matrix", "[hessian][allocation]") {
  constexpr auto n = md::dim<"n">;
  constexpr auto m = md::dim<"m">;
  constexpr auto X = md::matrix<"X", m, n>;
  constexpr auto y = md::vector<"y", m>;
  constexpr auto w = md::vector<"w", n>;
  constexpr auto v = md::vector<"v", n>;
  const Eigen::Index rows = 3000, cols = 1000;
  const Eigen::MatrixXd Xv = Eigen::MatrixXd::Random(rows, cols) / 30;
  const Eigen::VectorXd yv = Eigen::VectorXd::Random(rows).array().sign();
  const Eigen::VectorXd wv = Eigen::VectorXd::Random(cols), vv = Eigen::VectorXd::Random(cols);
  constexpr auto f = md::sum(md::softplus(-md::hadamard(y, X * w)));
  constexpr auto hvp = md::directional(md::grad(f, w), w, v);
  const std::size_t n_by_n = sizeof(double) * std::size_t(cols) * std::size_t(cols);
  Eigen::VectorXd hv;
  CHECK(largest_allocation_during([&] { hv = md::eval(hvp, X = Xv, v = vv, w = wv, y = yv); }) < n_by_n / 10);
  // It is H v, with H formed here for comparison: X' diag(p(1 - p)) X.
  const Eigen::ArrayXd p = (1 + (yv.array() * (Xv * wv).array()).exp()).inverse();
  const Eigen::VectorXd weights = p * (1 - p);
  require_close(hv, Xv.transpose() * (weights.asDiagonal() * (Xv * vv)), 1e-10);
  const Eigen::MatrixXd H = md::eval(md::hessian(f, w), X = Xv, w = wv, y = yv);
  require_close(hv, H * vv, 1e-10);

  // Matrix factorization in U (m x k): H = 2 kron(V'V, I) is (mk)², H[D] = 2 D V'V.
  constexpr auto k = 3;
  constexpr auto T = md::matrix<"T", m, n>;
  constexpr auto U = md::matrix<"U", m, k>;
  constexpr auto V = md::matrix<"V", n, k>;
  constexpr auto D = md::matrix<"D", m, k>;
  const Eigen::MatrixXd Tv = Eigen::MatrixXd::Random(rows, 200), Uv = Eigen::MatrixXd::Random(rows, k);
  const Eigen::MatrixXd Vv = Eigen::MatrixXd::Random(200, k), Dv = Eigen::MatrixXd::Random(rows, k);
  constexpr auto g = md::sqnorm(T - U * md::transpose(V));
  Eigen::MatrixXd hd;
  CHECK(largest_allocation_during([&] {
          hd = md::eval(md::directional(md::grad(g, U), U, D), D = Dv, V = Vv);
        }) < sizeof(double) * std::size_t(rows * k) * std::size_t(rows * k) / 1000);
  require_close(hd, 2 * Dv * Vv.transpose() * Vv, 1e-10);
  static_cast<void>(Tv);
  static_cast<void>(Uv);
}
#endif
