// Cookbook section: factorisations, a two-layer network and the examples of the
// matrixcalculus.org front page.
#include "cookbook.hpp"

namespace cookbook {

void factorisations_and_networks(page& p) {
  constexpr auto n = md::dim<"n">;
  constexpr auto m = md::dim<"m">;
  constexpr auto k = md::dim<"k">;
  constexpr auto X = md::matrix<"X", m, n>;
  constexpr auto w = md::vector<"w", n>;
  constexpr auto y = md::vector<"y", m>;
  constexpr auto x = md::vector<"x", n>;
  const auto Xv = random(p, m_value, n_value), wv = random(p, n_value, 1);
  const Eigen::VectorXd yv = random(p, m_value, 1), signs = labels(p, m_value);
  const auto xv = random(p, n_value, 1);
  section(p, "Factorisations and networks", "Low-rank approximation, PCA and a two-layer network.");
  constexpr auto M = md::matrix<"M", m, n>;
  constexpr auto U = md::matrix<"U", m, k>;
  constexpr auto Vf = md::matrix<"V", n, k>;
  const auto Mv = random(p, m_value, n_value), Uv = random(p, m_value, k_value), Vv = random(p, n_value, k_value);
  gradient_and_hessian(p, "Matrix factorisation ‖M - UV'‖², in U", md::sqnorm(M - U * md::transpose(Vf)), U, M = Mv, U = Uv, Vf = Vv);
  gradient_and_hessian(p, "Matrix factorisation ‖M - UV'‖², in V", md::sqnorm(M - U * md::transpose(Vf)), Vf, M = Mv, U = Uv, Vf = Vv);
  constexpr auto S = md::matrix<"S", n, n>;
  constexpr auto P = md::matrix<"P", n, k>;
  gradient_and_hessian(p, "PCA objective tr(P'SP)", md::trace(md::transpose(P) * S * P), P, P = Vv, S = spd(p, n_value));
  constexpr auto W1 = md::matrix<"W1", k, n>;
  constexpr auto W2 = md::matrix<"W2", m, k>;
  constexpr auto target = md::vector<"y", m>;
  const auto W1v = random(p, k_value, n_value), W2v = random(p, m_value, k_value);
  const auto input = random(p, n_value, 1);
  constexpr auto network = md::sqnorm(W2 * md::tanh(W1 * x) - target);
  gradient(p, "Two-layer network ‖W2 tanh(W1 x) - y‖², in W1", network, W1, W1 = W1v, W2 = W2v, x = input, target = yv);
  gradient(p, "Two-layer network ‖W2 tanh(W1 x) - y‖², in W2", network, W2, W1 = W1v, W2 = W2v, x = input, target = yv);
  gradient(p, "Two-layer network, in the input x", network, x, W1 = W1v, W2 = W2v, x = input, target = yv);

  section(p, "The matrixcalculus.org examples",
          "The default example of matrixcalculus.org, x'Ax + c sin(y)'x, in x and in y, and its "
          "least-squares and logistic-regression examples in the data matrix.");
  constexpr auto A = md::matrix<"A", n, n>;
  constexpr auto c = md::scalar<"c">;
  constexpr auto yn = md::vector<"y", n>;
  const auto Av = random(p, n_value, n_value), ynv = random(p, n_value, 1);
  constexpr auto front_page = md::transpose(x) * A * x + c * md::transpose(md::sin(yn)) * x;
  gradient_and_hessian(p, "x'Ax + c sin(y)'x, in x", front_page, x, x = xv, A = Av, c = 0.5, yn = ynv);
  gradient_and_hessian(p, "x'Ax + c sin(y)'x, in y", front_page, yn, x = xv, A = Av, c = 0.5, yn = ynv);
  gradient(p, "Logistic loss, in X", md::sum(md::softplus(-md::hadamard(y, X * w))), X, X = Xv, w = wv, y = signs);
}

}  // namespace cookbook
