// Cookbook section: trace, inverse and determinant identities of the Matrix Cookbook.
#include "cookbook.hpp"

namespace cookbook {

void traces_and_determinants(page& p) {
  constexpr auto n = md::dim<"n">;
  constexpr auto m = md::dim<"m">;
  constexpr auto X = md::matrix<"X", n, n>;
  constexpr auto A = md::matrix<"A", n, n>;
  constexpr auto B = md::matrix<"B", n, n>;
  constexpr auto a = md::vector<"a", n>;
  constexpr auto b = md::vector<"b", n>;
  const auto Xv = invertible(p, n_value), Av = invertible(p, n_value), Bv = invertible(p, n_value);
  const auto av = random(p, n_value, 1), bv = random(p, n_value, 1);

  section(p, "Traces",
          "With df = tr(G' dX) the gradient is G: the trace rules (linearity, tr(A') = tr(A), "
          "tr(ABC) = tr(CAB)) move dX to the right and what stands before it is G'.");
  gradient(p, "tr(X)", md::trace(X), X, X = Xv);
  gradient(p, "tr(AX)", md::trace(A * X), X, X = Xv, A = Av);
  gradient(p, "tr(X'A)", md::trace(md::transpose(X) * A), X, X = Xv, A = Av);
  gradient(p, "tr(AXB)", md::trace(A * X * B), X, X = Xv, A = Av, B = Bv);
  gradient(p, "tr(AX'B)", md::trace(A * md::transpose(X) * B), X, X = Xv, A = Av, B = Bv);
  gradient(p, "tr(X'X)", md::trace(md::transpose(X) * X), X, X = Xv);
  gradient_and_hessian(p, "tr(X'AX)", md::trace(md::transpose(X) * A * X), X, X = Xv, A = Av);
  gradient_and_hessian(p, "tr(XX)", md::trace(X * X), X, X = Xv);
  gradient(p, "tr(AXBX)", md::trace(A * X * B * X), X, X = Xv, A = Av, B = Bv);
  gradient(p, "tr(X'AXB)", md::trace(md::transpose(X) * A * X * B), X, X = Xv, A = Av, B = Bv);
  gradient(p, "dot(A, X) = tr(A'X)", md::dot(A, X), X, X = Xv, A = Av);

  section(p, "Inverses",
          "dX^-1 = -X^-1 dX X^-1 (differentiate X X^-1 = I), then the trace rules.");
  gradient_and_hessian(p, "tr(X^-1)", md::trace(md::inv(X)), X, X = Xv);
  gradient(p, "tr(AX^-1B)", md::trace(A * md::inv(X) * B), X, X = Xv, A = Av, B = Bv);
  gradient(p, "a'X^-1b", md::transpose(a) * md::inv(X) * b, X, X = Xv, a = av, b = bv);
  gradient(p, "tr((X + A)^-1)", md::trace(md::inv(X + A)), X, X = Xv, A = Av);

  section(p, "Determinants",
          "d|X| = |X| tr(X^-1 dX) and d ln|X| = tr(X^-1 dX).");
  gradient(p, "det(AXB)", md::det(A * X * B), X, X = Xv, A = Av, B = Bv);
  gradient(p, "det(X^-1)", md::det(md::inv(X)), X, X = Xv);
  gradient(p, "ln|det(AXB)|", md::logdet(A * X * B), X, X = Xv, A = Av, B = Bv);

  constexpr auto R = md::matrix<"X", m, n>;  // a tall m x n X, of full column rank
  constexpr auto S = md::matrix<"S", m, m>;
  const auto Rv = random(p, m_value, n_value), Sv = spd(p, m_value);
  gradient(p, "ln|det(X'X)| (X of full column rank)", md::logdet(md::transpose(R) * R), R, R = Rv);
  gradient(p, "det(X'X)", md::det(md::transpose(R) * R), R, R = Rv);
  gradient(p, "ln|det(X'SX)| (S symmetric positive definite)", md::logdet(md::transpose(R) * S * R), R, R = Rv, S = Sv);

  section(p, "Norms", "‖X‖² = tr(X'X), ‖X‖ = (tr(X'X))^(1/2); ‖·‖ is the Frobenius (for vectors, Euclidean) norm.");
  gradient(p, "‖X‖²", md::sqnorm(R), R, R = Rv);
  gradient(p, "‖X‖", md::norm2(R), R, R = Rv);
  gradient(p, "‖b - a‖", md::norm2(b - a), b, b = bv, a = av);
  gradient_and_hessian(p, "‖AXB - C‖²", md::sqnorm(A * X * B - md::matrix<"C", n, n>), X, X = Xv, A = Av, B = Bv,
           md::matrix<"C", n, n> = random(p, n_value, n_value));
  gradient(p, "Rayleigh quotient b'Ab / b'b", md::transpose(b) * A * b / (md::transpose(b) * b), b, b = bv, A = Av);
}

}  // namespace cookbook
