#include <iostream>

#include <Eigen/Dense>
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto x = md::vector<"x", 2>;
  constexpr auto A = md::matrix<"A", 2, 2>;
  constexpr auto f = md::transpose(x) * A * x;  // the quadratic form x'Ax
  constexpr auto g = md::grad(f, x);            // derived during compilation

  Eigen::Vector2d xv(1, 2);
  Eigen::Matrix2d Av;
  Av << 1, 2,
        3, 4;
  std::cout << "f        = " << md::to_string(f) << "\n"
            << "grad f   = " << md::to_string(g) << "\n"
            << "LaTeX    : " << md::to_latex(g) << "\n"
            << "f(x)     = " << f(x = xv, A = Av) << "\n"
            << "grad f(x)= " << md::eval(g, x = xv, A = Av).transpose() << "'\n";
}
