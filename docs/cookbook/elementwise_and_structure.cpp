// Cookbook section: element-wise functions, Hadamard and Kronecker products, vec and diag.
#include "cookbook.hpp"

namespace cookbook {

void elementwise_and_structure(page& p) {
  constexpr auto n = md::dim<"n">;
  constexpr auto m = md::dim<"m">;
  constexpr auto X = md::matrix<"X", m, n>;
  constexpr auto A = md::matrix<"A", m, n>;
  constexpr auto x = md::vector<"x", n>;
  constexpr auto a = md::vector<"a", n>;
  constexpr auto b = md::vector<"b", n>;
  constexpr auto M = md::matrix<"M", n, n>;
  const auto Xv = random(p, m_value, n_value), Av = random(p, m_value, n_value);
  const auto xv = random(p, n_value, 1), av = random(p, n_value, 1), bv = random(p, n_value, 1);
  const auto positive = random(p, n_value, 1, 0.5, 2.0);
  const auto Mv = random(p, n_value, n_value);

  section(p, "Element-wise functions",
          "dσ(X) = σ'(X) ∘ dX, and tr(A'(B ∘ dX)) = tr((A ∘ B)' dX): the cotangent of an "
          "element-wise function is multiplied entry by entry with its derivative.");
  gradient(p, "sum(X)", md::sum(X), X, X = Xv);
  gradient(p, "sum(exp(X))", md::sum(md::exp(X)), X, X = Xv);
  gradient(p, "sum(log(x)) (x > 0)", md::sum(md::log(x)), x, x = positive);
  gradient(p, "sum(sqrt(x)) (x > 0)", md::sum(md::sqrt(x)), x, x = positive);
  gradient(p, "sum(x.^3)", md::sum(md::pow(x, 3)), x, x = xv);
  gradient(p, "sum(sin(X))", md::sum(md::sin(X)), X, X = Xv);
  gradient(p, "sum(cos(X) .* A)", md::sum(md::hadamard(md::cos(X), A)), X, X = Xv, A = Av);
  gradient(p, "a'tanh(x)", md::transpose(a) * md::tanh(x), x, x = xv, a = av);
  gradient(p, "sum(abs(x)) (x away from 0)", md::sum(md::abs(x)), x, x = positive);
  gradient(p, "sum(sigmoid(x))", md::sum(md::sigmoid(x)), x, x = xv);
  gradient(p, "sum(softplus(x))", md::sum(md::softplus(x)), x, x = xv);
  gradient(p, "exp(x)'M exp(x)", md::transpose(md::exp(x)) * M * md::exp(x), x, x = xv, M = Mv);

  section(p, "Hadamard products and quotients", "d(A ∘ B) = dA ∘ B + A ∘ dB.");
  gradient(p, "‖A ∘ X‖²", md::sqnorm(md::hadamard(A, X)), X, X = Xv, A = Av);
  gradient(p, "a'(x ∘ x)", md::transpose(a) * md::hadamard(x, x), x, x = xv, a = av);
  gradient(p, "sum(a ./ x) (x > 0)", md::sum(md::hadamard_div(a, x)), x, x = positive, a = av);
  gradient(p, "sum(x ./ b) (b away from 0)", md::sum(md::hadamard_div(x, b)), x, x = xv, b = positive);

  section(p, "Kronecker products, vec and diag",
          "d(A ⊗ B) = dA ⊗ B + A ⊗ dB; vec and diag are linear, so d vec(X) = vec(dX).");
  constexpr auto K = md::matrix<"K", 2, 2>;
  constexpr auto Y = md::matrix<"Y", 2, 3>;
  constexpr auto c = md::vector<"c", 6>;
  const Eigen::MatrixXd Kv = random(p, 2, 2), Yv = random(p, 2, 3), cv = random(p, 6, 1);
  gradient(p, "tr(K ⊗ M)", md::trace(md::kron(K, M)), M, M = Mv, K = Kv);
  gradient(p, "sum(K ⊗ Y)", md::sum(md::kron(K, Y)), Y, Y = Yv, K = Kv);
  gradient(p, "‖K ⊗ Y‖²", md::sqnorm(md::kron(K, Y)), Y, Y = Yv, K = Kv);
  gradient(p, "c' vec(Y)", md::transpose(c) * md::vec(Y), Y, Y = Yv, c = cv);
  gradient(p, "‖vec(Y) - c‖²", md::sqnorm(md::vec(Y) - c), Y, Y = Yv, c = cv);
  gradient(p, "a'diag(x)b", md::transpose(a) * md::diag(x) * b, x, x = xv, a = av, b = bv);
  gradient(p, "x'diag(a)x", md::transpose(x) * md::diag(a) * x, x, x = xv, a = av);
  gradient(p, "a'diagonal(M)", md::transpose(a) * md::diagonal(M), M, M = Mv, a = av);
  gradient(p, "‖diagonal(M)‖²", md::sqnorm(md::diagonal(M)), M, M = Mv);
}

}  // namespace cookbook
