// Per-element energies of small fixed-size matrices (2x2, 3x3, 4x4), value + gradient and
// value + gradient + Hessian: matdiff against careful hand-written Eigen and Eigen's
// AutoDiffScalar with fixed-size (nested) derivative vectors.
#include <matdiff/matdiff.hpp>

#include <memory>

#include "autodiff.hpp"
#include "peer_functions.hpp"
#include "problems.hpp"
#include "support.hpp"

namespace md = matdiff;
using namespace bench;

namespace {

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
}

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
}

}  // namespace

int main(int argc, char** argv) {
  return run_main(argc, argv, [] {
    add_inverse_energy<2>();
    add_inverse_energy<3>();
    add_inverse_energy<4>();
    add_logdet_trace<2>();
    add_logdet_trace<3>();
    add_logdet_trace<4>();
  });
}
