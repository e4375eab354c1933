// Cookbook section on symmetric variables, continued: Gaussian and Wishart log-likelihoods.
#include "cookbook.hpp"

namespace cookbook {

void symmetric_likelihoods(page& p) {
  constexpr auto n = md::dim<"n">;
  constexpr auto Sigma = md::spd<"Sigma", n>;
  const auto Sigmav = spd(p, n_value);
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
