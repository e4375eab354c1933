// Where evaluation planning pays: a matrix chain ending in a vector (multiplied from the
// right, n² per factor, not n³), and one matrix under inv, det and logdet (one LU, not one
// per occurrence). matdiff against careful and naive hand-written Eigen.
#include <matdiff/matdiff.hpp>

#include <memory>

#include "problems.hpp"
#include "support.hpp"

namespace md = matdiff;
using namespace bench;

namespace {

template <class M, class V>
V chain_value(const chain_data<M, V>& d) {
  V t = d.D * d.x;
  t = d.C * t;
  t = d.B * t;
  return d.A * t;
}

template <class M, class V>
V chain_value_naive(const chain_data<M, V>& d) {
  const M P = d.A * d.B * d.C * d.D;
  return P * d.x;
}

/// The chain ABCDx with n×n factors, of type M (fixed or dynamic) and vector type V.
template <class M, class V, auto Size>
void add_chain(const char* problem, long size) {
  static constexpr auto A = md::matrix<"A", Size, Size>;
  static constexpr auto B = md::matrix<"B", Size, Size>;
  static constexpr auto C = md::matrix<"C", Size, Size>;
  static constexpr auto D = md::matrix<"D", Size, Size>;
  static constexpr auto x = md::vector<"x", Size>;
  static constexpr auto F = A * B * C * D * x;
  static constexpr auto f = md::sqnorm(F);
  const auto d = std::make_shared<chain_data<M, V>>(size);
  const auto name = [&](const char* task, const char* who) { return case_name(problem, task, who, size); };

  const auto value_reference = std::tuple<V>(chain_value(*d));
  add_case(name("value", "hand"), [d] { return std::tuple<V>(chain_value(*d)); }, value_reference);
  add_case(name("value", "naive"), [d] { return std::tuple<V>(chain_value_naive(*d)); }, value_reference);
  add_case(name("value", "matdiff"),
           [d] { return md::kernel(F)(A = d->A, B = d->B, C = d->C, D = d->D, x = d->x); }, value_reference);

  const auto grad_reference = chain_grad(*d);
  add_case(name("grad", "hand"), [d] { return chain_grad(*d); }, grad_reference);
  add_case(name("grad", "naive"), [d] { return chain_grad_naive(*d); }, grad_reference);
  add_case(name("grad", "matdiff"),
           [d] { return md::kernel(f, md::grad(f, x))(A = d->A, B = d->B, C = d->C, D = d->D, x = d->x); },
           grad_reference);
}

void add_inv_det_logdet(long size) {
  static constexpr auto n = md::dim<"n">;
  static constexpr auto X = md::matrix<"X", n, n>;
  static constexpr auto A = md::matrix<"A", n, n>;
  static constexpr auto f = md::logdet(X) + md::det(X) + md::trace(A * md::inv(X));
  const auto d = std::make_shared<inv_det_logdet_data>(size);
  const auto name = [&](const char* who) { return case_name("inv_det_logdet", "grad", who, size); };

  const auto reference = inv_det_logdet_grad(*d);
  add_case(name("hand"), [d] { return inv_det_logdet_grad(*d); }, reference);
  add_case(name("naive"), [d] { return inv_det_logdet_grad_naive(*d); }, reference);
  add_case(name("matdiff"), [d] { return md::kernel(f, md::grad(f, X))(X = d->X, A = d->A); }, reference);
}

}  // namespace

int main(int argc, char** argv) {
  return run_main(argc, argv, [] {
    for (const long size : {10, 100, 1000})
      add_chain<Eigen::MatrixXd, Eigen::VectorXd, md::dim<"n">>("chain", size);
    add_chain<square<4>, Eigen::Matrix<double, 4, 1>, 4>("chain_fixed", 4);
    add_chain<square<16>, Eigen::Matrix<double, 16, 1>, 16>("chain_fixed", 16);
    for (const long size : {10, 100, 1000}) add_inv_det_logdet(size);
  });
}
