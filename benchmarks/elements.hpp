/// @file
/// Shared by the units of bench_elements: per-element energies evaluated over a batch of
/// `element_count` elements per timed call (each element its own data, every output written to
/// an array), matdiff against careful hand-written Eigen, Eigen's AutoDiffScalar and the
/// straight-line code SymPy generates (benchmarks/sympy_peer.py, built when SymPy is found; see
/// CMakeLists.txt).
///
///   batch_inverse_energy   ‖J‖² + ‖J⁻¹‖²,           J N×N                          n = N
///   batch_logdet_trace     log|det X| + tr(AX⁻¹),    X, A N×N                       n = N
///   triangle_dirichlet     area·(‖PB‖² + ‖(PB)⁻¹‖²), P 2×3 in, B 3×2               n = 6 coordinates
///   tet_neo_hookean        μ/2(‖F‖² − 3) − μ log det F + λ/2 (log det F)², F = PB,
///                          P 3×4 in, B 4×3                                         n = 12 coordinates
///
/// Next to each value + gradient case, value + gradient + Hessian-vector product ∇²f[V] in one
/// kernel (task grad_hvp), along a direction V of the variable's shape, each element its own.
///
/// A case's time is that of the whole batch; the time per element is it over element_count
/// (recorded in the JSON context as `elements per call`, which report.py reads).
#pragma once

#include <cmath>
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

/// The second-order output of an element: none, its Hessian (K×K) or a Hessian-vector product (K).
template <int K, bool H>
inline constexpr int hessian_size = H ? K * K : 0;

/// The outputs of one implementation over the batch, contiguous: values, gradients (K each,
/// the column-major vec of the variable) and, when S > 0, S second-order entries each
/// (Hessians column-major, S = K·K, or Hessian-vector products, S = K).
template <int K, int S>
struct outputs {
  std::vector<double> value = std::vector<double>(element_count);
  std::vector<double> gradient = std::vector<double>(std::size_t{element_count} * K);
  std::vector<double> hessian = std::vector<double>(std::size_t{element_count} * S);

  using view = Eigen::Map<const Eigen::VectorXd>;
  auto views() const {
    if constexpr (S > 0)
      return std::tuple{view(value.data(), element_count), view(gradient.data(), element_count * K),
                        view(hessian.data(), element_count * S)};
    else
      return std::tuple{view(value.data(), element_count), view(gradient.data(), element_count * K)};
  }
};

/// A case's run: `compute(e, value, gradient, hessian)` for every element e, writing element
/// e's outputs through the pointers; returns the views of all outputs.
template <int K, int S, class Compute>
auto batch(Compute compute) {
  return [out = std::make_shared<outputs<K, S>>(), compute] {
    double* value = out->value.data();
    double* gradient = out->gradient.data();
    double* hessian = out->hessian.data();
    for (int e = 0; e < element_count; ++e)
      compute(e, value + e, gradient + std::size_t(e) * K, S > 0 ? hessian + std::size_t(e) * S : nullptr);
    return out->views();
  };
}

/// Stores a kernel's or hand-written function's tuple (f, ∇f[, ∇²f or ∇²f[V]]) through the
/// pointers, the third part column-major.
template <int K, class Result>
void store(const Result& r, double* value, double* gradient, double* hessian) {
  *value = std::get<0>(r);
  Eigen::Map<Eigen::Matrix<double, K, 1>>{gradient} = std::get<1>(r).reshaped();
  if constexpr (std::tuple_size_v<Result> == 3) {
    using second = std::decay_t<std::tuple_element_t<2, Result>>;
    Eigen::Map<Eigen::Matrix<double, second::SizeAtCompileTime, 1>>{hessian} = std::get<2>(r).reshaped();
  } else {
    static_cast<void>(hessian);
  }
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

/// The direction of element e's Hessian-vector product: entries in [-1, 1), shape M.
template <class M>
auto element_directions() {
  auto directions = std::make_shared<std::vector<M>>();
  directions->reserve(element_count);
  for (int e = 0; e < element_count; ++e) directions->push_back(element_matrix<M>(37, e));
  return directions;
}

/// The matrices J of batch_inverse_energy: 2I plus entries in [-0.3, 0.3), one per element.
template <int N>
auto inverse_energy_batch() {
  auto data = std::make_shared<std::vector<inverse_energy_data<N>>>(element_count);
  for (int e = 0; e < element_count; ++e) (*data)[e].J = 2 * square<N>::Identity() + 0.3 * element_matrix<square<N>>(19, e);
  return data;
}

/// The matrices X (2I plus entries in [-0.3, 0.3)) and A of batch_logdet_trace, one pair per element.
template <int N>
auto logdet_trace_batch() {
  auto data = std::make_shared<std::vector<logdet_trace_data<N>>>(element_count);
  for (int e = 0; e < element_count; ++e) {
    (*data)[e].X = 2 * square<N>::Identity() + 0.3 * element_matrix<square<N>>(20, e);
    (*data)[e].A = element_matrix<square<N>>(21, e);
  }
  return data;
}

/// The edge matrix D (vertices → edge vectors from vertex 0) of a simplex with `vertices`
/// vertices in `vertices - 1` dimensions: PD are the edges of the vertex positions P.
template <int V>
Eigen::Matrix<double, V, V - 1> edges() {
  Eigen::Matrix<double, V, V - 1> d = Eigen::Matrix<double, V, V - 1>::Zero();
  d.row(0).setConstant(-1);
  d.template bottomRows<V - 1>().setIdentity();
  return d;
}

/// A simplex element: rest vertices R (the unit simplex, moved by up to 0.1 per coordinate),
/// B = D(RD)⁻¹ (so that PB is the deformation gradient of positions P), the rest volume
/// |det RD|/(V - 1)!, and deformed positions P (R moved by up to 0.1 per coordinate again).
template <int V>
struct simplex {
  static constexpr int dim = V - 1;
  Eigen::Matrix<double, dim, V> P;
  Eigen::Matrix<double, V, dim> B;
  double volume;

  simplex(std::uint64_t seed, int e) {
    Eigen::Matrix<double, dim, V> R = Eigen::Matrix<double, dim, V>::Zero();
    R.template rightCols<dim>().setIdentity();
    R += 0.1 * element_matrix<Eigen::Matrix<double, dim, V>>(seed, e);
    const Eigen::Matrix<double, dim, dim> rest_edges = R * edges<V>();
    B = edges<V>() * rest_edges.inverse();
    volume = std::abs(rest_edges.determinant()) / (dim == 2 ? 2 : 6);
    P = R + 0.1 * element_matrix<Eigen::Matrix<double, dim, V>>(seed + 1, e);
  }
};

/// The triangles of triangle_dirichlet (seed 22) or the tetrahedra of tet_neo_hookean (seed 24).
template <int V>
auto simplex_batch(std::uint64_t seed) {
  auto data = std::make_shared<std::vector<simplex<V>>>();
  data->reserve(element_count);
  for (int e = 0; e < element_count; ++e) data->emplace_back(seed, e);
  return data;
}

inline constexpr double mu_value = 0.7, lambda_value = 2.3;

// --- hand-written Eigen for the triangle and the tetrahedron --------------------------------
// Written the way a finite-element code is: the energy's derivatives in J = PB (or F = PB)
// in closed form, then pulled back to the vertex coordinates P entry by entry, with vec(P)
// indexed r + dim·v (coordinate r of vertex v), the Hessians assembled from small products.
// Templates (of simplex<3> and simplex<4>), so that only the units that call them compile
// them: as inline functions they took each unit of bench_elements 100 MB more.

/// (f, ∇f) of area·(‖J‖² + ‖J⁻¹‖²), J = PB: with M = J⁻¹, ∇_J f = 2·area·(J − MᵀMMᵀ) and
/// ∇_P f = ∇_J f Bᵀ.
template <class Triangle>
std::tuple<double, Eigen::Matrix<double, 2, 3>> triangle_dirichlet_grad(const Triangle& d) {
  const Eigen::Matrix2d J = d.P * d.B;
  const Eigen::Matrix2d M = J.inverse();
  const Eigen::Matrix2d W = M.transpose() * M;
  const Eigen::Matrix2d gradient_J = 2 * d.volume * (J - W * M.transpose());
  return {d.volume * (J.squaredNorm() + M.squaredNorm()), gradient_J * d.B.transpose()};
}

/// (f, ∇f, ∇²f). With dJ = dP·B, R = BM and W = MᵀM, the second differential is
/// 2·area·(‖dP B‖² + ‖M dP R‖² + 2 tr(W dP R dP R)), so that entry (a + 2v, b + 2w) of ∇²f is
/// 2·area·((BBᵀ)_vw δ_ab + (RRᵀ)_vw W_ab + R_vb (RW)_wa + R_wa (RW)_vb).
template <class Triangle>
std::tuple<double, Eigen::Matrix<double, 2, 3>, Eigen::Matrix<double, 6, 6>> triangle_dirichlet_grad_hessian(
    const Triangle& d) {
  const Eigen::Matrix2d J = d.P * d.B;
  const Eigen::Matrix2d M = J.inverse();
  const Eigen::Matrix2d W = M.transpose() * M;
  const Eigen::Matrix<double, 3, 2> R = d.B * M;
  const Eigen::Matrix<double, 3, 2> RW = R * W;
  const Eigen::Matrix3d BB = d.B * d.B.transpose(), RR = R * R.transpose();
  const double scale = 2 * d.volume;
  Eigen::Matrix<double, 6, 6> H;
  for (int w = 0; w < 3; ++w)
    for (int b = 0; b < 2; ++b)
      for (int v = 0; v < 3; ++v)
        for (int a = 0; a < 2; ++a)
          H(a + 2 * v, b + 2 * w) = scale * ((a == b ? BB(v, w) : 0.0) + RR(v, w) * W(a, b) + R(v, b) * RW(w, a) +
                                             R(w, a) * RW(v, b));
  const Eigen::Matrix2d gradient_J = scale * (J - W * M.transpose());
  return {d.volume * (J.squaredNorm() + M.squaredNorm()), gradient_J * d.B.transpose(), H};
}

/// (f, ∇f) of μ/2(‖F‖² − 3) − μ log|det F| + λ/2 (log|det F|)², F = PB: ∇_F f = μF + c F⁻ᵀ with
/// c = λ log|det F| − μ, and ∇_P f = ∇_F f Bᵀ = μFBᵀ + c Qᵀ, Q = BF⁻¹.
template <class Tetrahedron>
std::tuple<double, Eigen::Matrix<double, 3, 4>> tet_neo_hookean_grad(const Tetrahedron& d) {
  const Eigen::Matrix3d F = d.P * d.B;
  const Eigen::Matrix3d Fi = F.inverse();
  const double log_j = std::log(std::abs(F.determinant()));
  const double c = lambda_value * log_j - mu_value;
  const Eigen::Matrix<double, 4, 3> Q = d.B * Fi;
  return {mu_value * (F.squaredNorm() - 3) / 2 - mu_value * log_j + lambda_value * log_j * log_j / 2,
          mu_value * F * d.B.transpose() + c * Q.transpose()};
}

/// (f, ∇f, ∇²f). d(F⁻ᵀ) = −F⁻ᵀdFᵀF⁻ᵀ and d log|det F| = tr(F⁻¹dF), so with dF = dP·B and
/// Q = BF⁻¹, entry (r + 3v, s + 3w) of ∇²f is μ(BBᵀ)_vw δ_rs + λ Q_vr Q_ws − c Q_vs Q_wr.
template <class Tetrahedron>
std::tuple<double, Eigen::Matrix<double, 3, 4>, Eigen::Matrix<double, 12, 12>> tet_neo_hookean_grad_hessian(
    const Tetrahedron& d) {
  const Eigen::Matrix3d F = d.P * d.B;
  const Eigen::Matrix3d Fi = F.inverse();
  const double log_j = std::log(std::abs(F.determinant()));
  const double c = lambda_value * log_j - mu_value;
  const Eigen::Matrix<double, 4, 3> Q = d.B * Fi;
  const Eigen::Matrix4d BB = d.B * d.B.transpose();
  Eigen::Matrix<double, 12, 12> H;
  for (int w = 0; w < 4; ++w)
    for (int s = 0; s < 3; ++s)
      for (int v = 0; v < 4; ++v)
        for (int r = 0; r < 3; ++r)
          H(r + 3 * v, s + 3 * w) = (r == s ? mu_value * BB(v, w) : 0.0) + lambda_value * Q(v, r) * Q(w, s) -
                                    c * Q(v, s) * Q(w, r);
  return {mu_value * (F.squaredNorm() - 3) / 2 - mu_value * log_j + lambda_value * log_j * log_j / 2,
          mu_value * F * d.B.transpose() + c * Q.transpose(), H};
}

/// Adds `<problem>/grad_hvp/matdiff/<n>`: `compute(e, value, gradient, hvp)` stores element
/// e's value, gradient and ∇²f[Vₑ]. Value and gradient are checked against `reference` (the
/// value + gradient case's) to 1e-8; ∇²f[Vₑ] against central differences of the gradient
/// (`gradient(e, t)` at Xₑ + tVₑ), step 1e-5: truncation O(h²) and rounding O(ε/h) errors near
/// 1e-10 relative for these well-conditioned elements, so to 1e-6.
template <int K, class Compute, class Gradient>
void add_hvp(const char* problem, int n, const std::tuple<Eigen::VectorXd, Eigen::VectorXd>& reference,
             Compute compute, Gradient gradient) {
  constexpr double step = 1e-5;
  Eigen::VectorXd differences(Eigen::Index{element_count} * K);
  for (int e = 0; e < element_count; ++e) {
    const auto change = (gradient(e, step) - gradient(e, -step)).eval();
    differences.segment<K>(Eigen::Index{e} * K) = change.reshaped() / (2 * step);
  }
  add_case(case_name(problem, "grad_hvp", "matdiff", n), batch<K, K>(compute),
           std::tuple{std::get<0>(reference), std::get<1>(reference), approximately<Eigen::VectorXd>{differences, 1e-6}});
}

/// Adds `<problem>/<task>/hand/<n>` and `<problem>/<task>/matdiff/<n>` (task grad_hessian
/// when H, else grad): `hand(e)` and `mine(e)` are element e's (f, ∇f[, ∇²f]), written by
/// hand and by a matdiff kernel. Returns the hand-written case's outputs, the reference of
/// both and of the other peers.
template <int K, bool H, class Hand, class Mine>
auto add_hand_and_matdiff(const char* problem, int n, Hand hand, Mine mine) {
  auto hand_run = batch<K, hessian_size<K, H>>([hand](int e, double* v, double* g, double* h) { store<K>(hand(e), v, g, h); });
  const auto reference = reference_of(hand_run);
  add_case(name(problem, H, "hand", n), hand_run, reference);
  add_case(name(problem, H, "matdiff", n),
           batch<K, hessian_size<K, H>>([mine](int e, double* v, double* g, double* h) { store<K>(mine(e), v, g, h); }),
           reference);
  return reference;
}

/// ‖J‖² + ‖J⁻¹‖² over the batch: hand-written (problems.hpp), matdiff, SymPy.
template <int N, bool H>
void add_inverse_energy() {
  static constexpr auto J = md::matrix<"J", N, N>;
  static constexpr auto f = md::sqnorm(J) + md::sqnorm(md::inv(J));
  constexpr int K = N * N;
  const auto data = inverse_energy_batch<N>();

  const auto reference = add_hand_and_matdiff<K, H>(
      "batch_inverse_energy", N,
      [data](int e) {
        if constexpr (H) return inverse_energy_grad_hessian((*data)[e]);
        else return inverse_energy_grad((*data)[e]);
      },
      [data](int e) {
        if constexpr (H) return md::kernel(f, md::grad(f, J), md::hessian(f, J))(J = (*data)[e].J);
        else return md::kernel(f, md::grad(f, J))(J = (*data)[e].J);
      });
  if constexpr (!H) {
    static constexpr auto V = md::matrix<"V", N, N>;
    static constexpr auto gradient = md::grad(f, J);
    const auto directions = element_directions<square<N>>();
    add_hvp<K>("batch_inverse_energy", N, reference,
               [data, directions](int e, double* v, double* g, double* h) {
                 store<K>(md::kernel(f, gradient, md::directional(gradient, J, V))(J = (*data)[e].J, V = (*directions)[e]),
                          v, g, h);
               },
               [data, directions](int e, double t) {
                 return std::get<1>(inverse_energy_grad(inverse_energy_data<N>{(*data)[e].J + t * (*directions)[e]}));
               });
  }
#if MATDIFF_BENCH_SYMPY
  add_case(name("batch_inverse_energy", H, "sympy", N), batch<K, hessian_size<K, H>>([data](int e, double* v, double* g, double* h) {
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
  const auto data = logdet_trace_batch<N>();

  const auto reference = add_hand_and_matdiff<K, H>(
      "batch_logdet_trace", N,
      [data](int e) {
        if constexpr (H) return logdet_trace_grad_hessian((*data)[e]);
        else return logdet_trace_grad((*data)[e]);
      },
      [data](int e) {
        const auto& d = (*data)[e];
        if constexpr (H) return md::kernel(f, md::grad(f, X), md::hessian(f, X))(X = d.X, A = d.A);
        else return md::kernel(f, md::grad(f, X))(X = d.X, A = d.A);
      });
  if constexpr (!H) {
    static constexpr auto V = md::matrix<"V", N, N>;
    static constexpr auto gradient = md::grad(f, X);
    const auto directions = element_directions<square<N>>();
    add_hvp<K>("batch_logdet_trace", N, reference,
               [data, directions](int e, double* v, double* g, double* h) {
                 const auto& d = (*data)[e];
                 store<K>(md::kernel(f, gradient, md::directional(gradient, X, V))(X = d.X, A = d.A, V = (*directions)[e]),
                          v, g, h);
               },
               [data, directions](int e, double t) {
                 const auto& d = (*data)[e];
                 return std::get<1>(logdet_trace_grad(logdet_trace_data<N>{d.X + t * (*directions)[e], d.A}));
               });
  }
#if MATDIFF_BENCH_SYMPY
  add_case(name("batch_logdet_trace", H, "sympy", N), batch<K, hessian_size<K, H>>([data](int e, double* v, double* g, double* h) {
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
void add_autodiff_cases();            // elements_autodiff.cpp

}  // namespace bench::elements
