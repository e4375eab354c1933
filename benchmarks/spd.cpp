// An md::spd variable: log-determinant, gradient and Hessian-vector product of
// f(S) = log|S| + tr(AS) in one kernel call, against hand-written Eigen with one Cholesky
// (LLT), and against the same expression in an unstructured matrix (which goes through an LU).
//   f = 2 Σ log Lᵢᵢ + tr(AS),  ∇f = S⁻¹ + (A + Aᵀ)/2,  ∇²f[V] = -S⁻¹ V S⁻¹  (V symmetric)
#include <matdiff/matdiff.hpp>

#include <cmath>
#include <memory>

#include <Eigen/Cholesky>

#include "problems.hpp"
#include "support.hpp"

namespace md = matdiff;
using namespace bench;
using Eigen::Index;
using Eigen::MatrixXd;

namespace {

struct spd_data {
  MatrixXd S, A, V;
  explicit spd_data(Index n) : A(data_matrix<MatrixXd>(32, n, n)) {
    const MatrixXd r = data_matrix<MatrixXd>(31, n, n);
    S = r * r.transpose() / static_cast<double>(n) + MatrixXd::Identity(n, n);
    const MatrixXd v = data_matrix<MatrixXd>(33, n, n);
    V = v + v.transpose();
  }
};

/// One LLT: log|S| from the diagonal of L, S⁻¹ by the solve with I, S⁻¹V by a solve too and
/// S⁻¹VS⁻¹ (symmetric) as one triangle of its product with S⁻¹, mirrored; tr(AS) as a sum of
/// entries.
std::tuple<double, MatrixXd, MatrixXd> spd_hand(const spd_data& d) {
  const Eigen::LLT<MatrixXd> llt(d.S);
  const double logdet = 2 * llt.matrixLLT().diagonal().array().log().sum();
  const double trace = d.A.transpose().cwiseProduct(d.S).sum();
  MatrixXd Si = MatrixXd::Identity(d.S.rows(), d.S.cols());
  llt.solveInPlace(Si);
  MatrixXd g = (d.A + d.A.transpose()) / 2;
  g += Si;
  MatrixXd t = d.V;
  llt.solveInPlace(t);  // S⁻¹V
  MatrixXd hv(d.S.rows(), d.S.cols());
  hv.triangularView<Eigen::Lower>() = -t * Si;  // S⁻¹ V S⁻¹
  hv.triangularView<Eigen::StrictlyUpper>() = hv.transpose();
  return {logdet + trace, std::move(g), std::move(hv)};
}

void add_spd(long size) {
  static constexpr auto n = md::dim<"n">;
  static constexpr auto S = md::spd<"S", n>;
  static constexpr auto X = md::matrix<"S", n, n>;  // the same function in an unstructured matrix
  static constexpr auto A = md::matrix<"A", n, n>;
  static constexpr auto V = md::symmetric<"V", n>;  // a symmetric direction
  static constexpr auto f = md::logdet(S) + md::trace(A * S);
  static constexpr auto g = md::grad(f, S);
  static constexpr auto fx = md::logdet(X) + md::trace(A * X);
  static constexpr auto gx = md::grad(fx, X);
  const auto d = std::make_shared<spd_data>(size);
  const auto name = [&](const char* who) { return case_name("spd_logdet", "grad_hvp", who, size); };
  const auto reference = spd_hand(*d);
  add_case(name("hand"), [d] { return spd_hand(*d); }, reference);
  add_case(name("matdiff"), [d] { return md::kernel(f, g, md::directional(g, S, V))(S = d->S, A = d->A, V = d->V); },
           reference);
  // Unstructured: the gradient in X is X⁻ᵀ + Aᵀ, not symmetric; compared with its own value.
  const auto unstructured = [d] { return md::kernel(fx, gx, md::directional(gx, X, V))(X = d->S, A = d->A, V = d->V); };
  add_case(name("matdiff_unstructured"), unstructured, unstructured());
}

}  // namespace

int main(int argc, char** argv) {
  return run_main(argc, argv, [] {
    for (const long size : {10, 100, 1000}) add_spd(size);
  });
}
