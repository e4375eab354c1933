/// @file
/// What every benchmark program shares: deterministic data (the same numbers in C++ and in
/// peers_torch.py), the agreement check run before timing, checksums that compare results
/// across programs, and the registration of cases under the names the report reads,
///
///     <problem>/<task>/<implementation>/<n>      e.g. logistic/grad/matdiff/100
///
/// with task `grad` (value and gradient), `hessian` (the Hessian alone), `grad_hessian`
/// (value, gradient and Hessian) or `grad_hvp` (value, gradient and a Hessian-vector
/// product). A case left out is recorded with its reason in the JSON context (key
/// `skipped <name>`), so the report lists it.
#pragma once

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <functional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

namespace bench {

/// Entry k of data set `seed`, uniform in [-1, 1): splitmix64 of seed·2⁴⁰ + k, top 53 bits.
/// peers_torch.py computes the same numbers.
inline double data_entry(std::uint64_t seed, std::uint64_t k) {
  std::uint64_t z = (seed << 40) + k + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return 2.0 * static_cast<double>(z >> 11) * 0x1.0p-53 - 1.0;
}

/// A rows x cols matrix (fixed or dynamic type M) filled column-major from data set `seed`.
template <class M>
M data_matrix(std::uint64_t seed, Eigen::Index rows, Eigen::Index cols) {
  M m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index i = 0; i < rows; ++i)
      m(i, j) = data_entry(seed, static_cast<std::uint64_t>(i + j * rows));
  return m;
}

/// Σ_k r_k·(1 + (k mod 7)/8) over the column-major entries: one number per result that
/// differs when any entry differs, the same formula as in peers_torch.py.
inline double checksum(double r) { return r; }
template <class Derived>
double checksum(const Eigen::MatrixBase<Derived>& r) {
  double s = 0;
  Eigen::Index k = 0;
  for (Eigen::Index j = 0; j < r.cols(); ++j)
    for (Eigen::Index i = 0; i < r.rows(); ++i, ++k) s += r(i, j) * (1.0 + static_cast<double>(k % 7) / 8.0);
  return s;
}

inline double relative_difference(double a, double b) {
  return std::abs(a - b) / std::max(std::abs(b), 1e-300);
}
template <class A, class B>
double relative_difference(const Eigen::MatrixBase<A>& a, const Eigen::MatrixBase<B>& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return INFINITY;
  return (a - b).norm() / std::max(b.norm(), 1e-300);
}

/// A part of a reference known only to `tolerance` (relative): central differences, whose
/// truncation and rounding errors are far above the 1e-8 the exact parts are held to.
template <class T>
struct approximately {
  T value;
  double tolerance;
};
template <class T>
const T& exact_part(const T& e) { return e; }
template <class T>
const T& exact_part(const approximately<T>& e) { return e.value; }
template <class T>
double tolerance_of(const T&) { return 1e-8; }
template <class T>
double tolerance_of(const approximately<T>& e) { return e.tolerance; }

/// Aborts the program unless `result` agrees with `reference` to 1e-8 relative (per part,
/// in the Frobenius norm; an `approximately` part to its own tolerance): a benchmark of a
/// wrong result is not timed.
template <class... T, class... U>
void require_agreement(const std::string& what, const std::tuple<T...>& result,
                       const std::tuple<U...>& reference) {
  static_assert(sizeof...(T) == sizeof...(U), "a case and its reference give the same parts");
  std::apply(
      [&](const auto&... r) {
        std::apply(
            [&](const auto&... e) {
              int part = 0;
              ((++part, relative_difference(r, exact_part(e)) <= tolerance_of(e)
                            ? void()
                            : (std::fprintf(stderr, "%s: part %d differs from the reference (relative %g)\n",
                                            what.c_str(), part, relative_difference(r, exact_part(e))),
                               std::abort())),
               ...);
            },
            reference);
      },
      result);
}

/// The whole tuple's checksum.
template <class... T>
double tuple_checksum(const std::tuple<T...>& t) {
  return std::apply([](const auto&... r) { return (0.0 + ... + checksum(r)); }, t);
}

inline std::string case_name(const std::string& problem, const std::string& task,
                             const std::string& implementation, long n) {
  return problem + "/" + task + "/" + implementation + "/" + std::to_string(n);
}

/// Registers case `name` timing `run` (which returns the results as a tuple). Before timing,
/// its results are checked against `reference` (the hand-written code's results) and their
/// checksum is recorded in the JSON context as `checksum <name>`. `prepare` and `release`
/// run around every timing loop, untimed (ADOL-C records and frees its tapes there).
template <class Run, class Reference, class Prepare, class Release>
void add_case(const std::string& name, Run run, const Reference& reference, Prepare prepare, Release release) {
  prepare();
  const auto result = run();
  release();
  require_agreement(name, result, reference);
  char text[64];
  std::snprintf(text, sizeof text, "%.17g", tuple_checksum(result));
  benchmark::AddCustomContext("checksum " + name, text);
  benchmark::RegisterBenchmark(name.c_str(), [run, prepare, release](benchmark::State& state) {
    prepare();
    for (auto _ : state) {
      auto r = run();
      benchmark::DoNotOptimize(r);
      benchmark::ClobberMemory();
    }
    release();
  })->Unit(benchmark::kMicrosecond);
}

template <class Run, class Reference>
void add_case(const std::string& name, Run run, const Reference& reference) {
  add_case(name, std::move(run), reference, [] {}, [] {});
}

/// Records that case `name` is not run, and why.
inline void skip_case(const std::string& name, const std::string& reason) {
  benchmark::AddCustomContext("skipped " + name, reason);
}

/// The main of every program: register the cases (`add_cases`), then run them.
inline int run_main(int argc, char** argv, const std::function<void()>& add_cases) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  add_cases();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace bench
