// Per-element energies of small fixed-size matrices (2x2, 3x3, 4x4), value + gradient and
// value + gradient + Hessian: matdiff against careful hand-written Eigen and Eigen's
// AutoDiffScalar with fixed-size (nested) derivative vectors, and the straight-line code SymPy
// generates (sympy_peer.py; when SymPy is found at configure time). This unit: ‖J‖² + ‖J⁻¹‖²;
// logdet(X) + tr(A X⁻¹) is in small.hpp, instantiated by small_logdet_trace*.cpp.
#include "small.hpp"

using namespace bench;

namespace {

template <int N>
void add_inverse_energy() {
  static constexpr auto J = md::matrix<"J", N, N>;
  static constexpr auto f = md::sqnorm(J) + md::sqnorm(md::inv(J));
  const auto d = std::make_shared<inverse_energy_data<N>>();
  const auto name = [](const char* task, const char* who) { return case_name("inverse_energy", task, who, N); };
  const Eigen::Matrix<double, N * N, 1> j = d->J.reshaped();

  const auto grad_reference = inverse_energy_grad(*d);
  add_case(name("grad", "hand"), [d] { return inverse_energy_grad(*d); }, grad_reference);
  add_case(name("grad", "matdiff"), [d] { return md::kernel(f, md::grad(f, J))(J = d->J); }, grad_reference);
  add_case(name("grad", "autodiff"),
           [j] {
             return grad_as_square<N>(autodiff::fixed_grad<N * N>(
                 [](const auto& v) { return peer::inverse_energy(as_square<N>(v)); }, j));
           },
           grad_reference);

  const auto hessian_reference = inverse_energy_grad_hessian(*d);
  add_case(name("grad_hessian", "hand"), [d] { return inverse_energy_grad_hessian(*d); }, hessian_reference);
  add_case(name("grad_hessian", "matdiff"),
           [d] { return md::kernel(f, md::grad(f, J), md::hessian(f, J))(J = d->J); }, hessian_reference);
  add_case(name("grad_hessian", "autodiff"),
           [j] {
             return grad_as_square<N>(autodiff::fixed_grad_hessian<N * N>(
                 [](const auto& v) { return peer::inverse_energy(as_square<N>(v)); }, j));
           },
           hessian_reference);

#if MATDIFF_BENCH_SYMPY
  add_case(name("grad", "sympy"), sympy_case<N, false>([d](double* v, double* g, double*) {
             sympy_peer::inverse_energy_grad<N>(d->J.data(), v, g);
           }),
           grad_reference);
  add_case(name("grad_hessian", "sympy"), sympy_case<N, true>([d](double* v, double* g, double* h) {
             sympy_peer::inverse_energy_grad_hessian<N>(d->J.data(), v, g, h);
           }),
           hessian_reference);
#else
  skip_case(name("grad", "sympy"), sympy_missing);
  skip_case(name("grad_hessian", "sympy"), sympy_missing);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  return run_main(argc, argv, [] {
    add_inverse_energy<2>();
    add_inverse_energy<3>();
    add_inverse_energy<4>();
    add_logdet_trace_2x2_3x3();
    add_logdet_trace_4x4();
  });
}
