#include <iostream>

#include <Eigen/Dense>
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto x = md::vector<"x", 3>;
  constexpr auto v = md::vector<"v", 3>;
  constexpr auto A = md::matrix<"A", 3, 3>;
  constexpr auto f = md::transpose(x) * A * x;
  constexpr auto g = md::grad(f, x);
  // The Hessian-vector product: the directional derivative of the gradient.
  constexpr auto Hv = md::directional(g, x, v);
  std::cout << "f = " << f << "\ngrad = " << g << "\nH v = " << Hv << "\n";

  // Column j of the Hessian is H e_j.
  Eigen::Matrix3d Av;
  Av << 1, 2, 0,
        0, 1, 3,
        4, 0, 1;
  // (H v does not depend on x for a quadratic f, so x needs no binding.)
  Eigen::Matrix3d H;
  for (int j = 0; j < 3; ++j) H.col(j) = md::eval(Hv, v = Eigen::Vector3d::Unit(j), A = Av);
  std::cout << "H =\n" << H << "\n";

  // A non-quadratic f: the log-sum-exp, whose Hessian is diag(p) - pp' with p = softmax(x).
  constexpr auto lse = md::log(md::sum(md::exp(x)));
  std::cout << "grad(lse) = " << md::grad(lse, x) << "\n"
            << "H v       = " << md::directional(md::grad(lse, x), x, v) << "\n";
}
