/// @file
/// Per-element energies over batches (see elements.hpp) by Eigen's AutoDiffScalar: forward
/// mode with derivative vectors of the element's K coordinates (fixed size, no allocation),
/// nested for the Hessian, over the energies written with loops over entries
/// (peer_functions.hpp). Checked against the hand-written code of the same elements.
#include "autodiff.hpp"
#include "elements.hpp"
#include "peer_functions.hpp"

namespace bench::elements {

namespace {

/// Adds `<problem>/<task>/autodiff/<n>` and, first, the hand-written case's outputs as its
/// reference: `energy(e, x)` is element e's energy at its coordinates x (a K-vector of an
/// AutoDiffScalar), `hand(e)` the hand-written (f, ∇f[, ∇²f]) and `coordinates(e)` the point.
template <int K, bool H, class Energy, class Hand, class Coordinates>
void add_autodiff(const char* problem, int n, Energy energy, Hand hand, Coordinates coordinates) {
  auto reference_run = batch<K, hessian_size<K, H>>([hand](int e, double* v, double* g, double* h) {
    store<K>(hand(e), v, g, h);
  });
  const auto reference = reference_of(reference_run);
  add_case(name(problem, H, "autodiff", n), batch<K, hessian_size<K, H>>([=](int e, double* v, double* g, double* h) {
             const Eigen::Matrix<double, K, 1> x = coordinates(e);
             const auto f = [&](const auto& p) { return energy(e, p); };
             if constexpr (H) store<K>(autodiff::fixed_grad_hessian<K>(f, x), v, g, h);
             else store<K>(autodiff::fixed_grad<K>(f, x), v, g, h);
           }),
           reference);
}

/// A K-vector as the N×N matrix it is the column-major vec of, in the vector's scalar type.
template <int N, class VectorT>
Eigen::Matrix<typename VectorT::Scalar, N, N> as_square(const VectorT& x) {
  return x.template reshaped<Eigen::ColMajor>(N, N);
}

template <int N, bool H>
void add_inverse_energy_autodiff() {
  const auto data = inverse_energy_batch<N>();
  add_autodiff<N * N, H>(
      "batch_inverse_energy", N, [](int, const auto& x) { return peer::inverse_energy(as_square<N>(x)); },
      [data](int e) {
        if constexpr (H) return inverse_energy_grad_hessian((*data)[e]);
        else return inverse_energy_grad((*data)[e]);
      },
      [data](int e) { return (*data)[e].J.reshaped().eval(); });
}

template <int N, bool H>
void add_logdet_trace_autodiff() {
  const auto data = logdet_trace_batch<N>();
  add_autodiff<N * N, H>(
      "batch_logdet_trace", N,
      [data](int e, const auto& x) { return peer::logdet_trace(as_square<N>(x), (*data)[e].A); },
      [data](int e) {
        if constexpr (H) return logdet_trace_grad_hessian((*data)[e]);
        else return logdet_trace_grad((*data)[e]);
      },
      [data](int e) { return (*data)[e].X.reshaped().eval(); });
}

template <bool H>
void add_triangle_dirichlet_autodiff() {
  const auto data = simplex_batch<3>(22);
  add_autodiff<6, H>(
      "triangle_dirichlet", 6,
      [data](int e, const auto& x) { return peer::triangle_dirichlet(x, (*data)[e].B, (*data)[e].volume); },
      [data](int e) {
        if constexpr (H) return triangle_dirichlet_grad_hessian((*data)[e]);
        else return triangle_dirichlet_grad((*data)[e]);
      },
      [data](int e) { return (*data)[e].P.reshaped().eval(); });
}

template <bool H>
void add_tet_neo_hookean_autodiff() {
  const auto data = simplex_batch<4>(24);
  add_autodiff<12, H>(
      "tet_neo_hookean", 12,
      [data](int e, const auto& x) { return peer::tet_neo_hookean(x, (*data)[e].B, mu_value, lambda_value); },
      [data](int e) {
        if constexpr (H) return tet_neo_hookean_grad_hessian((*data)[e]);
        else return tet_neo_hookean_grad((*data)[e]);
      },
      [data](int e) { return (*data)[e].P.reshaped().eval(); });
}

}  // namespace

void add_autodiff_cases() {
  add_inverse_energy_autodiff<2, false>();
  add_inverse_energy_autodiff<3, false>();
  add_inverse_energy_autodiff<4, false>();
  add_inverse_energy_autodiff<2, true>();
  add_inverse_energy_autodiff<3, true>();
  add_inverse_energy_autodiff<4, true>();
  add_logdet_trace_autodiff<2, false>();
  add_logdet_trace_autodiff<3, false>();
  add_logdet_trace_autodiff<4, false>();
  add_logdet_trace_autodiff<2, true>();
  add_logdet_trace_autodiff<3, true>();
  add_logdet_trace_autodiff<4, true>();
  add_triangle_dirichlet_autodiff<false>();
  add_triangle_dirichlet_autodiff<true>();
  add_tet_neo_hookean_autodiff<false>();
  add_tet_neo_hookean_autodiff<true>();
}

}  // namespace bench::elements
