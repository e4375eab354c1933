// Cookbook section: derivatives with respect to symmetric and positive definite matrices
// (the likelihoods in symmetric_likelihoods.cpp, a unit of its own to keep compile time down).
#include "cookbook.hpp"

namespace cookbook {

void symmetric_variables(page& p) {
  constexpr auto n = md::dim<"n">;
  constexpr auto S = md::symmetric<"S", n>;
  constexpr auto Sigma = md::spd<"Sigma", n>;
  constexpr auto A = md::matrix<"A", n, n>;
  constexpr auto B = md::matrix<"B", n, n>;
  constexpr auto x = md::vector<"x", n>;
  const auto Sv = spd(p, n_value), Sigmav = spd(p, n_value);
  const auto Av = random(p, n_value, n_value), Bv = random(p, n_value, n_value), xv = random(p, n_value, 1);

  section(p, "Symmetric and positive definite variables",
          "`md::symmetric<\"S\", n>` and `md::spd<\"Sigma\", n>` are variables known to be symmetric "
          "(Sᵀ = S; `md::spd` also positive definite, evaluated by one Cholesky factorization). "
          "The gradient in a symmetric S is the symmetric G with df = tr(G dS) for every "
          "symmetric dS: the symmetric part (G₀ + G₀ᵀ)/2 of the gradient G₀ in an unstructured "
          "matrix, not G₀ + G₀ᵀ - diag(G₀). The Hessians act on symmetric directions (H(I + K)/2 = H). "
          "Every entry here is checked against central differences along symmetric directions "
          "Eᵢⱼ + Eⱼᵢ.");
  gradient_and_hessian(p, "Log-determinant ln|Σ|", md::logdet(Sigma), Sigma, Sigma = Sigmav);
  gradient(p, "Determinant det(S)", md::det(S), S, S = Sv);
  gradient(p, "Trace form tr(AS)", md::trace(A * S), S, S = Sv, A = Av);
  gradient(p, "Trace form tr(ASBS)", md::trace(A * S * B * S), S, S = Sv, A = Av, B = Bv);
  gradient(p, "Trace of the inverse tr(AΣ^-1)", md::trace(A * md::inv(Sigma)), Sigma, Sigma = Sigmav, A = Av);
  gradient(p, "Quadratic form x'Sx", md::transpose(x) * S * x, S, S = Sv, x = xv);
  gradient(p, "Quadratic form in the inverse x'Σ^-1x", md::transpose(x) * md::inv(Sigma) * x, Sigma, Sigma = Sigmav,
           x = xv);
}

}  // namespace cookbook
