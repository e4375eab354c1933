// ADOL-C (taped reverse mode) on the NeurIPS 2018 problems and the small fixed-size
// energies, the same functions as for AutoDiffScalar (peer_functions.hpp) on adouble.
// Two ways of using it: `adolc_tape_once` records the tape when the case is set up and only
// runs the drivers per call (valid because the functions have no value-dependent branch),
// `adolc_retape` records the tape again in every call, as a program whose control flow
// depends on the data must. Value and gradient are the two sweeps of ADOL-C's gradient()
// driver (zos_forward keeping the values, fos_reverse), which also give f; Hessians are the
// hessian() driver. Results are checked against the hand-written code before timing.
#include <adolc/adolc.h>

#include <memory>
#include <vector>

#include <Eigen/Core>

#include "peer_functions.hpp"
#include "problems.hpp"
#include "support.hpp"

namespace Eigen {
/// Enough for Eigen matrices of adouble (storage and element access).
template <>
struct NumTraits<adouble> : NumTraits<double> {
  using Real = adouble;
  using NonInteger = adouble;
  using Nested = adouble;
  using Literal = adouble;
  enum { IsComplex = 0, IsInteger = 0, IsSigned = 1, RequireInitialization = 1, ReadCost = 1, AddCost = 1, MulCost = 1 };
};
}  // namespace Eigen

using namespace bench;

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;
using taped_function = std::function<adouble(const std::vector<adouble>&)>;

/// A function recorded on an ADOL-C tape of its own, and the drivers run on it.
class tape {
 public:
  tape(taped_function f, VectorXd x) : f_(std::move(f)), x_(std::move(x)), tag_(next_tag++) {}

  void record() const {
    trace_on(tag_);
    std::vector<adouble> ax(static_cast<std::size_t>(x_.size()));
    for (std::size_t i = 0; i < ax.size(); ++i) ax[i] <<= x_[static_cast<Eigen::Index>(i)];
    adouble y = f_(ax);
    double value;
    y >>= value;
    trace_off();
  }

  /// Frees the tape and its buffers (ADOL-C keeps only a few tapes' buffers at a time).
  void remove() const { removeTape(tag_, ADOLC_REMOVE_COMPLETELY); }

  /// (f, ∇f): the two sweeps of gradient().
  std::tuple<double, VectorXd> value_and_gradient() const {
    const int n = static_cast<int>(x_.size());
    double y = 0, weight = 1;
    VectorXd g(n);
    zos_forward(tag_, 1, n, 1, x_.data(), &y);
    fos_reverse(tag_, 1, n, &weight, g.data());
    return {y, std::move(g)};
  }

  /// ∇²f from hessian() (its lower triangle), mirrored.
  MatrixXd hessian_matrix() const {
    const int n = static_cast<int>(x_.size());
    VectorXd x = x_;
    double** lower = myalloc2(static_cast<std::size_t>(n), static_cast<std::size_t>(n));
    ::hessian(tag_, n, x.data(), lower);
    MatrixXd H(n, n);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j <= i; ++j) H(i, j) = H(j, i) = lower[i][j];
    myfree2(lower);
    return H;
  }

 private:
  static inline short next_tag = 1;
  taped_function f_;
  VectorXd x_;
  short tag_;
};

/// Registers the tape-once and the retape variant of case (problem, task, n); `drivers`
/// turns a tape into the results in the hand-written code's shapes. The tape-once variant
/// records its tape before the timing loop.
template <class Drivers, class Reference>
void add_adolc_cases(const std::string& problem, const std::string& task, long n, const taped_function& f,
                     const VectorXd& x, Drivers drivers, const Reference& reference) {
  const auto once = std::make_shared<tape>(f, x);
  add_case(case_name(problem, task, "adolc_tape_once", n), [once, drivers] { return drivers(*once); }, reference,
           [once] { once->record(); }, [once] { once->remove(); });
  const auto again = std::make_shared<tape>(f, x);
  add_case(case_name(problem, task, "adolc_retape", n),
           [again, drivers] {
             again->record();
             return drivers(*again);
           },
           reference, [] {}, [again] { again->remove(); });
}

const auto value_and_gradient = [](const tape& t) { return t.value_and_gradient(); };
const auto hessian_only = [](const tape& t) { return std::tuple<MatrixXd>(t.hessian_matrix()); };

void add_neurips(long n) {
  const auto skip_hessian = [n](const char* problem, const std::string& reason) {
    for (const char* who : {"adolc_tape_once", "adolc_retape"}) skip_case(case_name(problem, "hessian", who, n), reason);
  };
  const std::string memory = "hessian() keeps n directions per tape entry: too much memory (gigabytes)";

  const auto q = std::make_shared<quadratic_data>(n);
  const taped_function quadratic = [q](const std::vector<adouble>& x) { return peer::quadratic<adouble>(q->A, x); };
  add_adolc_cases("quadratic", "grad", n, quadratic, q->x, value_and_gradient, quadratic_grad(*q));
  if (n <= 100) add_adolc_cases("quadratic", "hessian", n, quadratic, q->x, hessian_only, quadratic_hessian(*q));
  else skip_hessian("quadratic", memory);

  const auto l = std::make_shared<logistic_data>(n);
  const taped_function logistic = [l](const std::vector<adouble>& w) { return peer::logistic<adouble>(l->X, l->y, w); };
  add_adolc_cases("logistic", "grad", n, logistic, l->w, value_and_gradient, logistic_grad(*l));
  if (n <= 100) add_adolc_cases("logistic", "hessian", n, logistic, l->w, hessian_only, logistic_hessian(*l));
  else skip_hessian("logistic", memory);

  const auto m = std::make_shared<factorization_data>(n);
  const taped_function factorization = [m](const std::vector<adouble>& u) {
    return peer::factorization<adouble>(m->T, u, m->V);
  };
  const VectorXd u = m->U.reshaped();
  const Eigen::Index rows = m->U.rows();
  add_adolc_cases("factorization", "grad", n, factorization, u,
                  [rows](const tape& t) {
                    auto [f, g] = t.value_and_gradient();
                    return std::tuple<double, MatrixXd>(f, g.reshaped(rows, factorization_rank));
                  },
                  factorization_grad(*m));
  if (n <= 10) add_adolc_cases("factorization", "hessian", n, factorization, u, hessian_only, factorization_hessian(*m));
  else if (n <= 100) skip_hessian("factorization", memory);
  else skip_hessian("factorization", "the dense Hessian 2(V'V ⊗ I) is nk × nk = 5000 × 5000 (200 MB)");
}

/// An adouble N×N matrix from the entries of vec(J).
template <int N>
Eigen::Matrix<adouble, N, N> as_square(const std::vector<adouble>& v) {
  Eigen::Matrix<adouble, N, N> J;
  for (int j = 0; j < N; ++j)
    for (int i = 0; i < N; ++i) J(i, j) = v[static_cast<std::size_t>(i + j * N)];
  return J;
}

template <int N>
void add_small() {
  const auto grad = [](const tape& t) {
    auto [f, g] = t.value_and_gradient();
    return std::tuple<double, square<N>>(f, g.reshaped(N, N));
  };
  const auto grad_hessian = [](const tape& t) {
    auto [f, g] = t.value_and_gradient();
    return std::tuple<double, square<N>, hessian_of<N>>(f, g.reshaped(N, N), t.hessian_matrix());
  };

  const auto e = std::make_shared<inverse_energy_data<N>>();
  const taped_function energy = [](const std::vector<adouble>& v) { return peer::inverse_energy(as_square<N>(v)); };
  const VectorXd j = e->J.reshaped();
  add_adolc_cases("inverse_energy", "grad", N, energy, j, grad, inverse_energy_grad(*e));
  add_adolc_cases("inverse_energy", "grad_hessian", N, energy, j, grad_hessian, inverse_energy_grad_hessian(*e));

  const auto l = std::make_shared<logdet_trace_data<N>>();
  const taped_function logdet_trace = [l](const std::vector<adouble>& v) {
    return peer::logdet_trace(as_square<N>(v), l->A);
  };
  const VectorXd x = l->X.reshaped();
  add_adolc_cases("logdet_trace", "grad", N, logdet_trace, x, grad, logdet_trace_grad(*l));
  add_adolc_cases("logdet_trace", "grad_hessian", N, logdet_trace, x, grad_hessian, logdet_trace_grad_hessian(*l));
}

}  // namespace

int main(int argc, char** argv) {
  return run_main(argc, argv, [] {
    for (const long n : {10, 100, 1000}) add_neurips(n);
    add_small<2>();
    add_small<3>();
    add_small<4>();
  });
}
