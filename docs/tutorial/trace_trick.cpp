#include <iostream>

#include <Eigen/Dense>
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto n = md::dim<"n">;
  constexpr auto X = md::matrix<"X", n, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  constexpr auto f = md::trace(X * B * md::transpose(X));
  std::cout << "f      = " << md::to_string(f) << "\n"
            << "df     = " << md::to_string(md::differential(f, X)) << "\n"
            << "grad f = " << md::to_string(md::grad(f, X)) << "\n";

  // The same for tr(B inv(Y)) and ln|det Y|.
  constexpr auto Y = md::matrix<"Y", 3, 3>;
  std::cout << "d tr(B inv(Y)) = " << md::differential(md::trace(B * md::inv(Y)), Y) << "\n"
            << "grad           = " << md::grad(md::trace(B * md::inv(Y)), Y) << "\n"
            << "d ln|Y|        = " << md::differential(md::logdet(Y), Y) << "\n"
            << "grad           = " << md::grad(md::logdet(Y), Y) << "\n";

  // Check the first gradient against central finite differences at a 4 x 3 point.
  Eigen::MatrixXd Xv(4, 3);
  Xv << 1, 2, 0,
        0, 1, -1,
        2, 0, 1,
        1, 1, 1;
  Eigen::Matrix3d Bv;
  Bv << 2, 1, 0,
        0, 1, 3,
        1, 0, 1;
  const auto check = md::check_gradient(f, X, X = Xv, B = Bv);
  std::cout << "grad f at X:\n" << md::eval(md::grad(f, X), X = Xv, B = Bv) << "\n"
            << "agrees with finite differences: " << (check.ok ? "yes" : "no") << "\n";
  return check.ok ? 0 : 1;
}
