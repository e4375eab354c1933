/// @file
/// Per-element energies over batches of elements (see elements.hpp), value + gradient and
/// value + gradient + Hessian (and + Hessian-vector product, matdiff alone): matdiff against
/// hand-written Eigen (2x2 to 4x4 matrices) and the
/// straight-line code SymPy generates. This unit: the symmetric Dirichlet energy of a triangle
/// and the Neo-Hookean energy of a tetrahedron in their vertex coordinates, and main.
#include "elements.hpp"

using namespace bench;
using namespace bench::elements;

namespace {

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

/// area·(‖PB‖² + ‖(PB)⁻¹‖²) of a triangle, in its 6 vertex coordinates P: matdiff, SymPy.
template <bool H>
void add_triangle_dirichlet() {
  static constexpr auto P = md::matrix<"P", 2, 3>;
  static constexpr auto B = md::matrix<"B", 3, 2>;
  static constexpr auto area = md::scalar<"area">;
  static constexpr auto J = P * B;
  static constexpr auto f = area * (md::sqnorm(J) + md::sqnorm(md::inv(J)));
  constexpr int K = 6;
  auto data = std::make_shared<std::vector<simplex<3>>>();
  data->reserve(element_count);
  for (int e = 0; e < element_count; ++e) data->emplace_back(22, e);

  auto mine = batch<K, hessian_size<K, H>>([data](int e, double* v, double* g, double* h) {
    const auto& d = (*data)[e];
    if constexpr (H) store<K>(md::kernel(f, md::grad(f, P), md::hessian(f, P))(P = d.P, B = d.B, area = d.volume), v, g, h);
    else store<K>(md::kernel(f, md::grad(f, P))(P = d.P, B = d.B, area = d.volume), v, g, h);
  });
  const auto reference = reference_of(mine);
  add_case(name("triangle_dirichlet", H, "matdiff", K), mine, reference);
  if constexpr (!H) {
    static constexpr auto V = md::matrix<"V", 2, 3>;
    static constexpr auto gradient = md::grad(f, P);
    const auto directions = element_directions<Eigen::Matrix<double, 2, 3>>();
    add_hvp<K>("triangle_dirichlet", K, reference,
               [data, directions](int e, double* v, double* g, double* h) {
                 const auto& d = (*data)[e];
                 store<K>(md::kernel(f, gradient, md::directional(gradient, P, V))(P = d.P, B = d.B, area = d.volume,
                                                                                   V = (*directions)[e]),
                          v, g, h);
               },
               [data, directions](int e, double t) {
                 const auto& d = (*data)[e];
                 const Eigen::Matrix<double, 2, 3> moved = d.P + t * (*directions)[e];
                 return std::get<1>(md::kernel(f, md::grad(f, P))(P = moved, B = d.B, area = d.volume));
               });
  }
#if MATDIFF_BENCH_SYMPY
  add_case(name("triangle_dirichlet", H, "sympy", K), batch<K, hessian_size<K, H>>([data](int e, double* v, double* g, double* h) {
             const auto& d = (*data)[e];
             if constexpr (H) sympy_peer::triangle_dirichlet_grad_hessian(d.P.data(), d.B.data(), d.volume, v, g, h);
             else sympy_peer::triangle_dirichlet_grad(d.P.data(), d.B.data(), d.volume, v, g);
           }),
           reference);
#else
  skip_sympy(name("triangle_dirichlet", H, "sympy", K));
#endif
}

inline constexpr double mu_value = 0.7, lambda_value = 2.3;

/// μ/2(‖F‖² − 3) − μ log det F + λ/2 (log det F)², F = PB, of a tetrahedron in its 12 vertex
/// coordinates P: matdiff, SymPy.
template <bool H>
void add_tet_neo_hookean() {
  static constexpr auto P = md::matrix<"P", 3, 4>;
  static constexpr auto B = md::matrix<"B", 4, 3>;
  static constexpr auto mu = md::scalar<"mu">;
  static constexpr auto lambda = md::scalar<"lambda">;
  static constexpr auto F = P * B;
  static constexpr auto f =
      mu * (md::sqnorm(F) - 3) / 2 - mu * md::logdet(F) + lambda * md::logdet(F) * md::logdet(F) / 2;
  constexpr int K = 12;
  auto data = std::make_shared<std::vector<simplex<4>>>();
  data->reserve(element_count);
  for (int e = 0; e < element_count; ++e) data->emplace_back(24, e);

  auto mine = batch<K, hessian_size<K, H>>([data](int e, double* v, double* g, double* h) {
    const auto& d = (*data)[e];
    if constexpr (H)
      store<K>(md::kernel(f, md::grad(f, P), md::hessian(f, P))(P = d.P, B = d.B, mu = mu_value, lambda = lambda_value),
               v, g, h);
    else store<K>(md::kernel(f, md::grad(f, P))(P = d.P, B = d.B, mu = mu_value, lambda = lambda_value), v, g, h);
  });
  const auto reference = reference_of(mine);
  add_case(name("tet_neo_hookean", H, "matdiff", K), mine, reference);
  if constexpr (!H) {
    static constexpr auto V = md::matrix<"V", 3, 4>;
    static constexpr auto gradient = md::grad(f, P);
    const auto directions = element_directions<Eigen::Matrix<double, 3, 4>>();
    add_hvp<K>("tet_neo_hookean", K, reference,
               [data, directions](int e, double* v, double* g, double* h) {
                 const auto& d = (*data)[e];
                 store<K>(md::kernel(f, gradient, md::directional(gradient, P, V))(
                              P = d.P, B = d.B, mu = mu_value, lambda = lambda_value, V = (*directions)[e]),
                          v, g, h);
               },
               [data, directions](int e, double t) {
                 const auto& d = (*data)[e];
                 const Eigen::Matrix<double, 3, 4> moved = d.P + t * (*directions)[e];
                 return std::get<1>(
                     md::kernel(f, md::grad(f, P))(P = moved, B = d.B, mu = mu_value, lambda = lambda_value));
               });
  }
#if MATDIFF_BENCH_SYMPY
  add_case(name("tet_neo_hookean", H, "sympy", K), batch<K, hessian_size<K, H>>([data](int e, double* v, double* g, double* h) {
             const auto& d = (*data)[e];
             if constexpr (H)
               sympy_peer::tet_neo_hookean_grad_hessian(d.P.data(), d.B.data(), mu_value, lambda_value, v, g, h);
             else sympy_peer::tet_neo_hookean_grad(d.P.data(), d.B.data(), mu_value, lambda_value, v, g);
           }),
           reference);
#else
  skip_sympy(name("tet_neo_hookean", H, "sympy", K));
#endif
}

}  // namespace

namespace bench::elements {

void add_triangle_tet_cases() {
  add_triangle_dirichlet<false>();
  add_triangle_dirichlet<true>();
  add_tet_neo_hookean<false>();
  add_tet_neo_hookean<true>();
}

}  // namespace bench::elements

int main(int argc, char** argv) {
  return run_main(argc, argv, [] {
    benchmark::AddCustomContext("elements per call", std::to_string(element_count));
    add_inverse_energy_cases();
    add_logdet_trace_cases();
    add_logdet_trace_4x4_cases();
    add_triangle_tet_cases();
  });
}
