// Cookbook section: derivatives with respect to symmetric and positive definite matrices.
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
  gradient_and_hessian(p, "Trace form tr(ASBS)", md::trace(A * S * B * S), S, S = Sv, A = Av, B = Bv);
  gradient(p, "Trace of the inverse tr(AΣ^-1)", md::trace(A * md::inv(Sigma)), Sigma, Sigma = Sigmav, A = Av);
  gradient(p, "Quadratic form x'Sx", md::transpose(x) * S * x, S, S = Sv, x = xv);
  gradient(p, "Quadratic form in the inverse x'Σ^-1x", md::transpose(x) * md::inv(Sigma) * x, Sigma, Sigma = Sigmav,
           x = xv);

  constexpr auto C = md::symmetric<"C", n>;
  constexpr auto N = md::scalar<"N">;
  gradient(p, "Gaussian log-likelihood of N samples with scatter C, in the covariance",
           -N / 2 * md::logdet(Sigma) - md::trace(md::inv(Sigma) * C) / 2, Sigma, Sigma = Sigmav, C = spd(p, n_value),
           N = 10.0);
  // X ~ Wishart(V, ν), p x p: ln p(X) = (ν - p - 1)/2 ln|X| - tr(V⁻¹X)/2 - ν/2 ln|V| + const.
  constexpr auto X = md::spd<"X", n>;
  constexpr auto V = md::spd<"V", n>;
  constexpr auto nu = md::scalar<"nu">;
  constexpr auto dims = md::scalar<"p">;  // p = n, bound to a number
  constexpr auto wishart = (nu - dims - 1) / 2 * md::logdet(X) - md::trace(md::inv(V) * X) / 2 - nu / 2 * md::logdet(V);
  const auto Xv = spd(p, n_value), Vv = spd(p, n_value);
  gradient(p, "Wishart log-likelihood, in the sample X", wishart, X, X = Xv, V = Vv, nu = 7.0, dims = static_cast<double>(n_value));
  gradient(p, "Wishart log-likelihood, in the scale V", wishart, V, X = Xv, V = Vv, nu = 7.0, dims = static_cast<double>(n_value));
}

}  // namespace cookbook
