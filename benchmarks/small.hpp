// Shared by the units of bench_small: AutoDiffScalar results in the shapes of the
// hand-written ones, and the logdet + trace cases. The cases are spread over three units
// (small.cpp: ‖J‖² + ‖J⁻¹‖²; small_logdet_trace.cpp: logdet(X) + tr(A X⁻¹) at 2x2 and 3x3;
// small_logdet_trace_4x4.cpp: at 4x4) so that none needs 1.5 GB of compiler memory.
#pragma once

#include <memory>
#include <tuple>

#include <Eigen/Core>

#include <matdiff/matdiff.hpp>

#include "autodiff.hpp"
#include "peer_functions.hpp"
#include "problems.hpp"
#include "support.hpp"

#if MATDIFF_BENCH_SYMPY
#include "sympy_generated.hpp"
#endif

namespace bench {

namespace md = matdiff;

/// A K-vector x viewed as the N×N matrix vec⁻¹(x), in the scalar type of x.
template <int N, class Scalar>
Eigen::Matrix<Scalar, N, N> as_square(const Eigen::Matrix<Scalar, N * N, 1>& x) {
  return x.template reshaped<Eigen::ColMajor>(N, N);
}

/// AutoDiffScalar results (gradient as a vector) in the shapes of the hand-written ones.
template <int N>
std::tuple<double, square<N>> grad_as_square(const std::tuple<double, Eigen::Matrix<double, N * N, 1>>& r) {
  return {std::get<0>(r), as_square<N>(std::get<1>(r))};
}
template <int N>
std::tuple<double, square<N>, hessian_of<N>> grad_as_square(
    const std::tuple<double, Eigen::Matrix<double, N * N, 1>, hessian_of<N>>& r) {
  return {std::get<0>(r), as_square<N>(std::get<1>(r)), std::get<2>(r)};
}

/// A case running the SymPy peer's straight-line code (sympy_peer.py) for one element:
/// `generated(value, gradient, hessian)` writes the results, returned in the shapes of the
/// hand-written ones (the Hessian when H).
template <int N, bool H, class Generated>
auto sympy_case(Generated generated) {
  return [generated] {
    double value;
    square<N> gradient;
    if constexpr (H) {
      hessian_of<N> hessian;
      generated(&value, gradient.data(), hessian.data());
      return std::tuple{value, gradient, hessian};
    } else {
      generated(&value, gradient.data(), nullptr);
      return std::tuple{value, gradient};
    }
  };
}

inline const char* sympy_missing = "SymPy not found at configure time (Debian: python3-sympy)";

/// logdet(X) + tr(A X⁻¹) for N x N matrices: gradient and Hessian, matdiff against
/// hand-written Eigen, AutoDiffScalar and SymPy's code.
template <int N>
void add_logdet_trace() {
  static constexpr auto X = md::matrix<"X", N, N>;
  static constexpr auto A = md::matrix<"A", N, N>;
  static constexpr auto f = md::logdet(X) + md::trace(A * md::inv(X));
  const auto d = std::make_shared<logdet_trace_data<N>>();
  const auto name = [](const char* task, const char* who) { return case_name("logdet_trace", task, who, N); };
  const Eigen::Matrix<double, N * N, 1> x = d->X.reshaped();

  const auto grad_reference = logdet_trace_grad(*d);
  add_case(name("grad", "hand"), [d] { return logdet_trace_grad(*d); }, grad_reference);
  add_case(name("grad", "matdiff"), [d] { return md::kernel(f, md::grad(f, X))(X = d->X, A = d->A); },
           grad_reference);
  add_case(name("grad", "autodiff"),
           [d, x] {
             return grad_as_square<N>(autodiff::fixed_grad<N * N>(
                 [&](const auto& v) { return peer::logdet_trace(as_square<N>(v), d->A); }, x));
           },
           grad_reference);

  const auto hessian_reference = logdet_trace_grad_hessian(*d);
  add_case(name("grad_hessian", "hand"), [d] { return logdet_trace_grad_hessian(*d); }, hessian_reference);
  add_case(name("grad_hessian", "matdiff"),
           [d] { return md::kernel(f, md::grad(f, X), md::hessian(f, X))(X = d->X, A = d->A); },
           hessian_reference);
  add_case(name("grad_hessian", "autodiff"),
           [d, x] {
             return grad_as_square<N>(autodiff::fixed_grad_hessian<N * N>(
                 [&](const auto& v) { return peer::logdet_trace(as_square<N>(v), d->A); }, x));
           },
           hessian_reference);

#if MATDIFF_BENCH_SYMPY
  add_case(name("grad", "sympy"), sympy_case<N, false>([d](double* v, double* g, double*) {
             sympy_peer::logdet_trace_grad<N>(d->X.data(), d->A.data(), v, g);
           }),
           grad_reference);
  add_case(name("grad_hessian", "sympy"), sympy_case<N, true>([d](double* v, double* g, double* h) {
             sympy_peer::logdet_trace_grad_hessian<N>(d->X.data(), d->A.data(), v, g, h);
           }),
           hessian_reference);
#else
  skip_case(name("grad", "sympy"), sympy_missing);
  skip_case(name("grad_hessian", "sympy"), sympy_missing);
#endif
}

void add_logdet_trace_2x2_3x3();  // small_logdet_trace.cpp
void add_logdet_trace_4x4();      // small_logdet_trace_4x4.cpp

}  // namespace bench
