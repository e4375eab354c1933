// Cookbook section: losses and likelihoods of machine learning and statistics.
#include "cookbook.hpp"

namespace cookbook {

void machine_learning(page& p) {
  constexpr auto n = md::dim<"n">;  // features
  constexpr auto m = md::dim<"m">;  // samples
  constexpr auto k = md::dim<"k">;  // classes, outputs or rank
  constexpr auto X = md::matrix<"X", m, n>;
  constexpr auto w = md::vector<"w", n>;
  constexpr auto y = md::vector<"y", m>;
  constexpr auto lambda = md::scalar<"lambda">;
  const auto Xv = random(p, m_value, n_value), wv = random(p, n_value, 1);
  const Eigen::VectorXd yv = random(p, m_value, 1), signs = labels(p, m_value);
  const Eigen::VectorXd zero_one = (signs.array() + 1) / 2;
  const Eigen::VectorXd counts = random(p, m_value, 1, 0, 4).array().round();

  section(p, "Regression",
          "Losses of a linear model Xw with m samples (rows of X) and n features.");
  gradient_and_hessian(p, "Least squares ‖Xw - y‖²", md::sqnorm(X * w - y), w, X = Xv, w = wv, y = yv);
  gradient_and_hessian(p, "Ridge ‖Xw - y‖² + λ‖w‖²", md::sqnorm(X * w - y) + lambda * md::sqnorm(w), w, X = Xv, w = wv,
           y = yv, lambda = 0.1);
  constexpr auto Wm = md::matrix<"W", m, m>;
  gradient(p, "Weighted least squares (Xw - y)'W(Xw - y)",
           md::transpose(X * w - y) * Wm * (X * w - y), w, X = Xv, w = wv, y = yv, Wm = spd(p, m_value));
  constexpr auto W = md::matrix<"W", n, k>;
  constexpr auto Y = md::matrix<"Y", m, k>;
  gradient(p, "Multi-output least squares ‖XW - Y‖²", md::sqnorm(X * W - Y), W, X = Xv, W = random(p, n_value, k_value),
           Y = random(p, m_value, k_value));
  gradient(p, "Least squares in the data matrix ‖Xw - y‖² (in X)", md::sqnorm(X * w - y), X, X = Xv, w = wv, y = yv);

  section(p, "Classification and generalised linear models",
          "softplus(t) = log(1 + exp(t)) and its derivative σ(t) = 1/(1 + exp(-t)); labels y = ±1 "
          "for the margin form, y ∈ {0, 1} for the cross-entropy form, counts for Poisson.");
  gradient_and_hessian(p, "Logistic loss sum(softplus(-y ∘ Xw))", md::sum(md::softplus(-md::hadamard(y, X * w))), w, X = Xv,
           w = wv, y = signs);
  gradient_and_hessian(p, "L2-regularised logistic loss", md::sum(md::softplus(-md::hadamard(y, X * w))) + lambda / 2 * md::sqnorm(w), w,
           X = Xv, w = wv, y = signs, lambda = 0.1);
  gradient_and_hessian(p, "Binary cross-entropy sum(softplus(Xw)) - y'Xw", md::sum(md::softplus(X * w)) - md::transpose(y) * X * w, w,
           X = Xv, w = wv, y = zero_one);
  gradient_and_hessian(p, "Poisson regression sum(exp(Xw)) - y'Xw", md::sum(md::exp(X * w)) - md::transpose(y) * X * w, w, X = Xv,
           w = wv, y = counts);
  constexpr auto z = md::vector<"z", k>;
  gradient_and_hessian(p, "Log-sum-exp log(sum(exp(z)))", md::log(md::sum(md::exp(z))), z, z = random(p, k_value, 1));
  constexpr auto V = md::matrix<"W", k, n>;
  constexpr auto x = md::vector<"x", n>;
  constexpr auto t = md::vector<"t", k>;
  gradient(p, "Softmax cross-entropy log(sum(exp(Wx))) - t'Wx (t one-hot)",
           md::log(md::sum(md::exp(V * x))) - md::transpose(t) * V * x, V, V = random(p, k_value, n_value),
           x = random(p, n_value, 1), t = one_hot(k_value, 1));

  section(p, "Gaussian likelihoods",
          "The negative log-likelihood of x ~ N(μ, Σ) up to a constant is "
          "(1/2) ln|Σ| + (1/2)(x - μ)'Σ^-1(x - μ); for N samples with scatter matrix "
          "C = Σ (xᵢ - μ)(xᵢ - μ)' it is (N/2) ln|Σ| + (1/2) tr(Σ^-1 C). Σ and Λ are `md::spd` "
          "variables and C is `md::symmetric`, so the gradients in Σ and Λ are the symmetric ones "
          "of the textbooks (see the section on symmetric variables).");
  constexpr auto mu = md::vector<"mu", n>;
  constexpr auto Sigma = md::spd<"Sigma", n>;  // symmetric positive definite: textbook gradients
  constexpr auto C = md::symmetric<"C", n>;  // a scatter matrix is symmetric
  constexpr auto N = md::scalar<"N">;
  constexpr auto Lambda = md::spd<"Lambda", n>;
  const auto muv = random(p, n_value, 1), xv = random(p, n_value, 1);
  const auto Sigmav = spd(p, n_value), Cv = spd(p, n_value);
  constexpr auto nll = md::logdet(Sigma) / 2 + md::transpose(x - mu) * md::inv(Sigma) * (x - mu) / 2;
  gradient_and_hessian(p, "Gaussian negative log-likelihood, in the mean", nll, mu, x = xv, mu = muv, Sigma = Sigmav);
  gradient(p, "Gaussian negative log-likelihood, in the covariance", nll, Sigma, x = xv, mu = muv, Sigma = Sigmav);
  constexpr auto sample_nll = N / 2 * md::logdet(Sigma) + md::trace(md::inv(Sigma) * C) / 2;
  gradient(p, "N samples, in the covariance", sample_nll, Sigma, Sigma = Sigmav, C = Cv, N = 10.0);
  gradient_and_hessian(p, "N samples, in the precision Λ = Σ^-1", -N / 2 * md::logdet(Lambda) + md::trace(Lambda * C) / 2, Lambda,
           Lambda = Sigmav, C = Cv, N = 10.0);
  constexpr auto M = md::matrix<"Lambda", n, n>;  // a metric, here not declared symmetric
  gradient(p, "Mahalanobis distance ((x - μ)'Λ(x - μ))^(1/2)",
           md::sqrt(md::transpose(x - mu) * M * (x - mu)), x, x = xv, mu = muv, M = Sigmav);

}

}  // namespace cookbook
