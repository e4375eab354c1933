#include <iostream>

#include <Eigen/Dense>
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 2, 2>;
  constexpr auto X = md::matrix<"X", 2, 3>;
  constexpr auto B = md::matrix<"B", 3, 2>;
  constexpr auto V = md::matrix<"V", 2, 3>;
  Eigen::Matrix2d Av;
  Av << 1, 2,
        0, 1;
  Eigen::Matrix<double, 2, 3> Xv;
  Xv << 1, 0, 2,
        -1, 1, 0;
  Eigen::Matrix<double, 3, 2> Bv;
  Bv << 1, 1,
        0, 2,
        1, 0;

  // vec(AXB) = (B' kron A) vec(X)
  constexpr auto left = md::vec(A * X * B);
  constexpr auto right = md::kron(md::transpose(B), A) * md::vec(X);
  std::cout << left << " = " << md::eval(left, A = Av, X = Xv, B = Bv).transpose() << "'\n"
            << right << " = " << md::eval(right, A = Av, X = Xv, B = Bv).transpose() << "'\n";

  // The differential of a matrix-valued function, and dX replaced by a direction V.
  std::cout << "d(AXB) = " << md::differential(A * X * B, X) << "\n"
            << "directional(AXB, X, V) = " << md::directional(A * X * B, X, V) << "\n"
            << "d vec(AXB) = " << md::differential(left, X) << "\n";

  // The Jacobian d vec(F) / d vec(X)', read off the differential by the vec rules.
  std::cout << "jacobian(AXB, X) = " << md::jacobian(A * X * B, X) << "\n"
            << "jacobian(X', X)  = " << md::jacobian(md::transpose(X), X) << "\n"
            << "jacobian(X.*X, X) = " << md::jacobian(md::hadamard(X, X), X) << "\n";
  const Eigen::Matrix<double, 4, 6> J = md::eval(md::jacobian(A * X * B, X), A = Av, B = Bv);
  std::cout << "J =\n" << J << "\n";
}
