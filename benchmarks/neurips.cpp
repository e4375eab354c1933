// The three problems of Laue, Mitterreiter and Giesen (NeurIPS 2018), n ∈ {10, 100, 1000}:
// matdiff (one kernel per task) against careful hand-written Eigen and Eigen's AutoDiffScalar.
// The Hessian-vector products (task grad_hvp: value, gradient and ∇²f[v] in one kernel, v of
// the variable's shape) are checked against the hand-written ∇²f[v] of problems.hpp.
#include <matdiff/matdiff.hpp>

#include <memory>

#include "autodiff.hpp"
#include "peer_functions.hpp"
#include "problems.hpp"
#include "support.hpp"

namespace md = matdiff;
using namespace bench;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto m = md::dim<"m">;
constexpr auto k = md::dim<"k">;

constexpr long sizes[] = {10, 100, 1000};

void add_quadratic(long size) {
  static constexpr auto A = md::matrix<"A", n, n>;
  static constexpr auto x = md::vector<"x", n>;
  static constexpr auto f = md::transpose(x) * A * x;
  const auto d = std::make_shared<quadratic_data>(size);
  const auto name = [&](const char* task, const char* who) { return case_name("quadratic", task, who, size); };

  const auto grad_reference = quadratic_grad(*d);
  add_case(name("grad", "hand"), [d] { return quadratic_grad(*d); }, grad_reference);
  add_case(name("grad", "matdiff"), [d] { return md::kernel(f, md::grad(f, x))(A = d->A, x = d->x); },
           grad_reference);
  add_case(name("grad", "autodiff"),
           [d] {
             return autodiff::value_and_gradient(
                 [&](const autodiff::first_vector& v) { return peer::quadratic<autodiff::first>(d->A, v); }, d->x);
           },
           grad_reference);

  static constexpr auto v = md::vector<"v", n>;
  static constexpr auto g = md::grad(f, x);
  const auto hvp_reference = quadratic_grad_hvp(*d);
  add_case(name("grad_hvp", "hand"), [d] { return quadratic_grad_hvp(*d); }, hvp_reference);
  add_case(name("grad_hvp", "matdiff"),
           [d] { return md::kernel(f, g, md::directional(g, x, v))(A = d->A, x = d->x, v = d->v); }, hvp_reference);

  const auto hessian_reference = quadratic_hessian(*d);
  add_case(name("hessian", "hand"), [d] { return quadratic_hessian(*d); }, hessian_reference);
  // The Hessian A + A' does not contain x, so x is not bound.
  add_case(name("hessian", "matdiff"), [d] { return md::kernel(md::hessian(f, x))(A = d->A); }, hessian_reference);
  if (size <= 100)
    add_case(name("hessian", "autodiff"),
             [d] {
               return autodiff::hessian(
                   [&](const autodiff::second_vector& v) { return peer::quadratic<autodiff::second>(d->A, v); }, d->x);
             },
             hessian_reference);
  else
    skip_case(name("hessian", "autodiff"), "nested forward mode carries n² = 10⁶ second derivatives through each of the n² operations");
}

void add_logistic(long size) {
  static constexpr auto X = md::matrix<"X", m, n>;
  static constexpr auto y = md::vector<"y", m>;
  static constexpr auto w = md::vector<"w", n>;
  static constexpr auto f = md::sum(md::softplus(-md::hadamard(y, X * w)));
  const auto d = std::make_shared<logistic_data>(size);
  const auto name = [&](const char* task, const char* who) { return case_name("logistic", task, who, size); };

  const auto grad_reference = logistic_grad(*d);
  add_case(name("grad", "hand"), [d] { return logistic_grad(*d); }, grad_reference);
  add_case(name("grad", "matdiff"), [d] { return md::kernel(f, md::grad(f, w))(X = d->X, y = d->y, w = d->w); },
           grad_reference);
  add_case(name("grad", "autodiff"),
           [d] {
             return autodiff::value_and_gradient(
                 [&](const autodiff::first_vector& v) { return peer::logistic<autodiff::first>(d->X, d->y, v); }, d->w);
           },
           grad_reference);

  static constexpr auto v = md::vector<"v", n>;
  static constexpr auto g = md::grad(f, w);
  const auto hvp_reference = logistic_grad_hvp(*d);
  add_case(name("grad_hvp", "hand"), [d] { return logistic_grad_hvp(*d); }, hvp_reference);
  add_case(name("grad_hvp", "matdiff"),
           [d] { return md::kernel(f, g, md::directional(g, w, v))(X = d->X, y = d->y, w = d->w, v = d->v); },
           hvp_reference);

  const auto hessian_reference = logistic_hessian(*d);
  add_case(name("hessian", "hand"), [d] { return logistic_hessian(*d); }, hessian_reference);
  add_case(name("hessian", "matdiff"), [d] { return md::kernel(md::hessian(f, w))(X = d->X, y = d->y, w = d->w); },
           hessian_reference);
  if (size <= 100)
    add_case(name("hessian", "autodiff"),
             [d] {
               return autodiff::hessian(
                   [&](const autodiff::second_vector& v) { return peer::logistic<autodiff::second>(d->X, d->y, v); },
                   d->w);
             },
             hessian_reference);
  else
    skip_case(name("hessian", "autodiff"), "nested forward mode carries n² = 10⁶ second derivatives through each of the 2n² operations");
}

void add_factorization(long size) {
  static constexpr auto T = md::matrix<"T", m, n>;
  static constexpr auto U = md::matrix<"U", m, k>;
  static constexpr auto V = md::matrix<"V", n, k>;
  static constexpr auto f = md::sqnorm(T - U * md::transpose(V));
  const auto d = std::make_shared<factorization_data>(size);
  const auto name = [&](const char* task, const char* who) { return case_name("factorization", task, who, size); };
  const auto u = [](const Eigen::MatrixXd& Uv) { return Eigen::VectorXd(Uv.reshaped()); };
  const auto as_u_shape = [](const std::tuple<double, Eigen::VectorXd>& r, Eigen::Index rows) {
    return std::tuple<double, Eigen::MatrixXd>(std::get<0>(r), std::get<1>(r).reshaped(rows, factorization_rank));
  };

  const auto grad_reference = factorization_grad(*d);
  add_case(name("grad", "hand"), [d] { return factorization_grad(*d); }, grad_reference);
  add_case(name("grad", "matdiff"), [d] { return md::kernel(f, md::grad(f, U))(T = d->T, U = d->U, V = d->V); },
           grad_reference);
  if (size <= 100)
    add_case(name("grad", "autodiff"),
             [d, u, as_u_shape] {
               return as_u_shape(autodiff::value_and_gradient(
                                     [&](const autodiff::first_vector& v) {
                                       return peer::factorization<autodiff::first>(d->T, v, d->V);
                                     },
                                     u(d->U)),
                                 d->U.rows());
             },
             grad_reference);
  else
    skip_case(name("grad", "autodiff"), "forward mode carries nk = 5000 derivatives through each of the 2kn² = 10⁷ operations");

  // The direction is W: V is taken by the problem.
  static constexpr auto W = md::matrix<"W", m, k>;
  static constexpr auto g = md::grad(f, U);
  const auto hvp_reference = factorization_grad_hvp(*d);
  add_case(name("grad_hvp", "hand"), [d] { return factorization_grad_hvp(*d); }, hvp_reference);
  add_case(name("grad_hvp", "matdiff"),
           [d] { return md::kernel(f, g, md::directional(g, U, W))(T = d->T, U = d->U, V = d->V, W = d->W); },
           hvp_reference);

  if (size <= 100) {
    const auto hessian_reference = factorization_hessian(*d);
    add_case(name("hessian", "hand"), [d] { return factorization_hessian(*d); }, hessian_reference);
    // The Hessian 2(V'V ⊗ I) contains neither T nor U, the only variables of size m: the
    // kernel takes m from U, bound as a variable of the function it was derived from.
    add_case(name("hessian", "matdiff"),
             [d] { return md::kernel(md::hessian(f, U))(T = d->T, U = d->U, V = d->V); },
             hessian_reference);
    if (size <= 10)
      add_case(name("hessian", "autodiff"),
               [d, u] {
                 return autodiff::hessian(
                     [&](const autodiff::second_vector& v) { return peer::factorization<autodiff::second>(d->T, v, d->V); },
                     u(d->U));
               },
               hessian_reference);
    else
      skip_case(name("hessian", "autodiff"), "nested forward mode carries (nk)² = 2.5·10⁵ second derivatives through each of the 2kn² operations");
  } else {
    for (const char* who : {"hand", "matdiff", "autodiff"})
      skip_case(name("hessian", who), "the dense Hessian 2(V'V ⊗ I) is nk × nk = 5000 × 5000 (200 MB)");
  }
}

}  // namespace

int main(int argc, char** argv) {
  return run_main(argc, argv, [] {
    for (const long size : sizes) add_quadratic(size);
    for (const long size : sizes) add_logistic(size);
    for (const long size : sizes) add_factorization(size);
  });
}
