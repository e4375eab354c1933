#include <iostream>

#include <Eigen/Dense>
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 2, 3>;
  constexpr auto a = md::vector<"a", 2>;
  constexpr auto b = md::vector<"b", 3>;
  constexpr auto f = md::transpose(a) * X * b;
  constexpr auto gradient = md::grad(f, X);                  // 2 x 3, like X
  constexpr auto jacobian_form = md::transpose(gradient);    // 3 x 2: the form df/dX'
  // Both are constant here (f is linear in X), so they are evaluated from a and b alone.

  const Eigen::Vector2d av(1, 2);
  const Eigen::Vector3d bv(1, 0, -1);
  std::cout << "f = " << f << ", df = " << md::differential(f, X) << "\n"
            << "grad(f, X) = " << gradient << " (2x3, X's layout):\n"
            << md::eval(gradient, a = av, b = bv) << "\n"
            << "df/dX' = " << jacobian_form << " (3x2, the Jacobian form):\n"
            << md::eval(jacobian_form, a = av, b = bv) << "\n";

  // For a vector variable the gradient is a column; numerator layout writes its transpose.
  constexpr auto x = md::vector<"x", 3>;
  constexpr auto g = md::grad(md::transpose(b) * x, x);
  std::cout << "grad(b'x, x) = " << g << ", a column; df/dx' = " << md::transpose(g) << ", a row\n";
}
