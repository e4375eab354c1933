/// @file
/// Shared by the units of bench_elements: per-element energies evaluated over a batch of
/// `element_count` elements per timed call (each element its own data, every output written to
/// an array), matdiff against hand-written Eigen where it exists and the straight-line code
/// SymPy generates (benchmarks/sympy_peer.py, built when SymPy is found; see CMakeLists.txt).
///
///   batch_inverse_energy   ‖J‖² + ‖J⁻¹‖²,           J N×N                          n = N
///   batch_logdet_trace     log|det X| + tr(AX⁻¹),    X, A N×N                       n = N
///   triangle_dirichlet     area·(‖PB‖² + ‖(PB)⁻¹‖²), P 2×3 in, B 3×2               n = 6 coordinates
///   tet_neo_hookean        μ/2(‖F‖² − 3) − μ log det F + λ/2 (log det F)², F = PB,
///                          P 3×4 in, B 4×3                                         n = 12 coordinates
///
/// A case's time is that of the whole batch; the time per element is it over element_count
/// (recorded in the JSON context as `elements per call`, which report.py reads).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <Eigen/Core>
#include <Eigen/LU>

#include <matdiff/matdiff.hpp>

#include "problems.hpp"
#include "support.hpp"

#if MATDIFF_BENCH_SYMPY
#include "sympy_generated.hpp"
#endif

namespace bench::elements {

namespace md = matdiff;

inline constexpr int element_count = 10000;

/// Entries in [-1, 1) of element e of data set `seed`, column-major: each element its own numbers.
template <class M>
M element_matrix(std::uint64_t seed, int e) {
  M m;
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i)
      m(i, j) = data_entry(seed, static_cast<std::uint64_t>(e * m.size() + i + j * m.rows()));
  return m;
}

/// The outputs of one implementation over the batch, contiguous: values, gradients (K each,
/// the column-major vec of the variable) and Hessians (K×K each, column-major) when H.
template <int K, bool H>
struct outputs {
  std::vector<double> value = std::vector<double>(element_count);
  std::vector<double> gradient = std::vector<double>(std::size_t{element_count} * K);
  std::vector<double> hessian = std::vector<double>(H ? std::size_t{element_count} * K * K : 0);

  using view = Eigen::Map<const Eigen::VectorXd>;
  auto views() const {
    if constexpr (H)
      return std::tuple{view(value.data(), element_count), view(gradient.data(), element_count * K),
                        view(hessian.data(), element_count * K * K)};
    else
      return std::tuple{view(value.data(), element_count), view(gradient.data(), element_count * K)};
  }
};

/// A case's run: `compute(e, value, gradient, hessian)` for every element e, writing element
/// e's outputs through the pointers; returns the views of all outputs.
template <int K, bool H, class Compute>
auto batch(Compute compute) {
  return [out = std::make_shared<outputs<K, H>>(), compute] {
    double* value = out->value.data();
    double* gradient = out->gradient.data();
    double* hessian = out->hessian.data();
    for (int e = 0; e < element_count; ++e)
      compute(e, value + e, gradient + std::size_t(e) * K, H ? hessian + std::size_t(e) * K * K : nullptr);
    return out->views();
  };
}

/// Stores a kernel's or hand-written function's tuple (f, ∇f[, ∇²f]) through the pointers.
template <int K, class Result>
void store(const Result& r, double* value, double* gradient, double* hessian) {
  *value = std::get<0>(r);
  Eigen::Map<Eigen::Matrix<double, K, 1>>{gradient} = std::get<1>(r).reshaped();
  if constexpr (std::tuple_size_v<Result> == 3) Eigen::Map<Eigen::Matrix<double, K, K>>{hessian} = std::get<2>(r);
  else static_cast<void>(hessian);
}

inline std::string name(const char* problem, bool hessian, const char* who, int n) {
  return case_name(problem, hessian ? "grad_hessian" : "grad", who, n);
}

/// The reference of a case: a copy of the first implementation's outputs, after running it.
template <class Run>
auto reference_of(Run& run) {
  const auto views = run();
  return std::apply([](const auto&... v) { return std::tuple{Eigen::VectorXd(v)...}; }, views);
}

inline void skip_sympy(const std::string& name) {
  skip_case(name, "SymPy not found at configure time (Debian: python3-sympy)");
}

/// ‖J‖² + ‖J⁻¹‖² over the batch: hand-written (problems.hpp), matdiff, SymPy.
template <int N, bool H>
void add_inverse_energy() {
  static constexpr auto J = md::matrix<"J", N, N>;
  static constexpr auto f = md::sqnorm(J) + md::sqnorm(md::inv(J));
  constexpr int K = N * N;
  auto data = std::make_shared<std::vector<inverse_energy_data<N>>>(element_count);
  for (int e = 0; e < element_count; ++e) (*data)[e].J = 2 * square<N>::Identity() + 0.3 * element_matrix<square<N>>(19, e);

  auto hand = batch<K, H>([data](int e, double* v, double* g, double* h) {
    if constexpr (H) store<K>(inverse_energy_grad_hessian((*data)[e]), v, g, h);
    else store<K>(inverse_energy_grad((*data)[e]), v, g, h);
  });
  const auto reference = reference_of(hand);
  add_case(name("batch_inverse_energy", H, "hand", N), hand, reference);
  add_case(name("batch_inverse_energy", H, "matdiff", N), batch<K, H>([data](int e, double* v, double* g, double* h) {
             if constexpr (H) store<K>(md::kernel(f, md::grad(f, J), md::hessian(f, J))(J = (*data)[e].J), v, g, h);
             else store<K>(md::kernel(f, md::grad(f, J))(J = (*data)[e].J), v, g, h);
           }),
           reference);
#if MATDIFF_BENCH_SYMPY
  add_case(name("batch_inverse_energy", H, "sympy", N), batch<K, H>([data](int e, double* v, double* g, double* h) {
             if constexpr (H) sympy_peer::inverse_energy_grad_hessian<N>((*data)[e].J.data(), v, g, h);
             else sympy_peer::inverse_energy_grad<N>((*data)[e].J.data(), v, g);
           }),
           reference);
#else
  skip_sympy(name("batch_inverse_energy", H, "sympy", N));
#endif
}

/// log|det X| + tr(AX⁻¹) over the batch: hand-written (problems.hpp), matdiff, SymPy.
template <int N, bool H>
void add_logdet_trace() {
  static constexpr auto X = md::matrix<"X", N, N>;
  static constexpr auto A = md::matrix<"A", N, N>;
  static constexpr auto f = md::logdet(X) + md::trace(A * md::inv(X));
  constexpr int K = N * N;
  auto data = std::make_shared<std::vector<logdet_trace_data<N>>>(element_count);
  for (int e = 0; e < element_count; ++e) {
    (*data)[e].X = 2 * square<N>::Identity() + 0.3 * element_matrix<square<N>>(20, e);
    (*data)[e].A = element_matrix<square<N>>(21, e);
  }

  auto hand = batch<K, H>([data](int e, double* v, double* g, double* h) {
    if constexpr (H) store<K>(logdet_trace_grad_hessian((*data)[e]), v, g, h);
    else store<K>(logdet_trace_grad((*data)[e]), v, g, h);
  });
  const auto reference = reference_of(hand);
  add_case(name("batch_logdet_trace", H, "hand", N), hand, reference);
  add_case(name("batch_logdet_trace", H, "matdiff", N), batch<K, H>([data](int e, double* v, double* g, double* h) {
             const auto& d = (*data)[e];
             if constexpr (H) store<K>(md::kernel(f, md::grad(f, X), md::hessian(f, X))(X = d.X, A = d.A), v, g, h);
             else store<K>(md::kernel(f, md::grad(f, X))(X = d.X, A = d.A), v, g, h);
           }),
           reference);
#if MATDIFF_BENCH_SYMPY
  add_case(name("batch_logdet_trace", H, "sympy", N), batch<K, H>([data](int e, double* v, double* g, double* h) {
             const auto& d = (*data)[e];
             if constexpr (H) sympy_peer::logdet_trace_grad_hessian<N>(d.X.data(), d.A.data(), v, g, h);
             else sympy_peer::logdet_trace_grad<N>(d.X.data(), d.A.data(), v, g);
           }),
           reference);
#else
  skip_sympy(name("batch_logdet_trace", H, "sympy", N));
#endif
}

void add_inverse_energy_cases();      // elements_inverse_energy.cpp
void add_logdet_trace_cases();        // elements_logdet_trace.cpp
void add_logdet_trace_4x4_cases();    // elements_logdet_trace_4x4.cpp
void add_triangle_tet_cases();        // elements.cpp

}  // namespace bench::elements
