#include <iostream>

#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto A = md::matrix<"A", 3, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  std::cout << "d(AXB)     = " << md::differential(A * X * B, X) << "\n"
            << "d(XX)      = " << md::differential(X * X, X) << "\n"
            << "d(X')      = " << md::differential(md::transpose(X), X) << "\n"
            << "d tr(X)    = " << md::differential(md::trace(X), X) << "\n"
            << "d inv(X)   = " << md::differential(md::inv(X), X) << "\n"
            << "d det(X)   = " << md::differential(md::det(X), X) << "\n"
            << "d ln|X|    = " << md::differential(md::logdet(X), X) << "\n"
            << "d exp(X)   = " << md::differential(md::exp(X), X) << "\n"
            << "d (A.*X)   = " << md::differential(md::hadamard(A, X), X) << "\n"
            << "d kron(A,X)= " << md::differential(md::kron(A, X), X) << "\n";
}
