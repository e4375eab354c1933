#include <iostream>

#include <Eigen/Dense>
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto S = md::spd<"S", 2>;    // symmetric positive definite: S' = S
  constexpr auto X = md::matrix<"X", 2, 2>;  // an unstructured matrix, for comparison
  constexpr auto A = md::matrix<"A", 2, 2>;
  std::cout << "S + S'          = " << md::simplify(S + md::transpose(S)) << "\n"
            << "grad(logdet(S)) = " << md::grad(md::logdet(S), S) << ",  in X: " << md::grad(md::logdet(X), X) << "\n"
            << "grad(tr(A*S))   = " << md::grad(md::trace(A * S), S) << ",  in X: " << md::grad(md::trace(A * X), X)
            << "\n";

  Eigen::Matrix2d Av, Sv;
  Av << 1, 2,
        0, 3;
  Sv << 2, 1,
        1, 3;
  // The symmetric gradient predicts the change of f along every symmetric direction dS;
  // check_gradient moves S along those (entries (i, j) and (j, i) together).
  std::cout << "G =\n" << md::eval(md::grad(md::trace(A * S), S), A = Av, S = Sv) << "\n"
            << "check_gradient ok: " << md::check_gradient(md::trace(A * S), S, A = Av, S = Sv).ok << "\n";
}
