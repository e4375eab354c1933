/// @file
/// Per-element energies over batches of elements (see elements.hpp), value + gradient and
/// value + gradient + Hessian (and + Hessian-vector product, matdiff alone): matdiff against
/// careful hand-written Eigen, Eigen's AutoDiffScalar (elements_autodiff.cpp) and the
/// straight-line code SymPy generates. This unit: the symmetric Dirichlet energy of a triangle
/// and the Neo-Hookean energy of a tetrahedron in their vertex coordinates, and main.
#include "elements.hpp"

using namespace bench;
using namespace bench::elements;

namespace {

/// area·(‖PB‖² + ‖(PB)⁻¹‖²) of a triangle, in its 6 vertex coordinates P: hand-written
/// (elements.hpp), matdiff, SymPy.
template <bool H>
void add_triangle_dirichlet() {
  static constexpr auto P = md::matrix<"P", 2, 3>;
  static constexpr auto B = md::matrix<"B", 3, 2>;
  static constexpr auto area = md::scalar<"area">;
  static constexpr auto J = P * B;
  static constexpr auto f = area * (md::sqnorm(J) + md::sqnorm(md::inv(J)));
  constexpr int K = 6;
  const auto data = simplex_batch<3>(22);

  const auto reference = add_hand_and_matdiff<K, H>(
      "triangle_dirichlet", K,
      [data](int e) {
        if constexpr (H) return triangle_dirichlet_grad_hessian((*data)[e]);
        else return triangle_dirichlet_grad((*data)[e]);
      },
      [data](int e) {
        const auto& d = (*data)[e];
        if constexpr (H) return md::kernel(f, md::grad(f, P), md::hessian(f, P))(P = d.P, B = d.B, area = d.volume);
        else return md::kernel(f, md::grad(f, P))(P = d.P, B = d.B, area = d.volume);
      });
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
                 simplex<3> moved = (*data)[e];
                 moved.P += t * (*directions)[e];
                 return std::get<1>(triangle_dirichlet_grad(moved));
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

/// μ/2(‖F‖² − 3) − μ log det F + λ/2 (log det F)², F = PB, of a tetrahedron in its 12 vertex
/// coordinates P: hand-written (elements.hpp), matdiff, SymPy.
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
  const auto data = simplex_batch<4>(24);

  const auto reference = add_hand_and_matdiff<K, H>(
      "tet_neo_hookean", K,
      [data](int e) {
        if constexpr (H) return tet_neo_hookean_grad_hessian((*data)[e]);
        else return tet_neo_hookean_grad((*data)[e]);
      },
      [data](int e) {
        const auto& d = (*data)[e];
        if constexpr (H)
          return md::kernel(f, md::grad(f, P), md::hessian(f, P))(P = d.P, B = d.B, mu = mu_value, lambda = lambda_value);
        else return md::kernel(f, md::grad(f, P))(P = d.P, B = d.B, mu = mu_value, lambda = lambda_value);
      });
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
                 simplex<4> moved = (*data)[e];
                 moved.P += t * (*directions)[e];
                 return std::get<1>(tet_neo_hookean_grad(moved));
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
    add_autodiff_cases();
  });
}
