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
  constexpr auto H = md::hessian(f, x);
  // The Hessian-vector product: the directional derivative of the gradient, without H.
  constexpr auto Hv = md::directional(g, x, v);
  std::cout << "f = " << f << "\ngrad = " << g << "\nhessian = " << H << "\nH v = " << Hv << "\n";

  Eigen::Matrix3d Av;
  Av << 1, 2, 0,
        0, 1, 3,
        4, 0, 1;
  // (H does not depend on x for a quadratic f, so x needs no binding.)
  std::cout << "H =\n" << md::eval(H, A = Av) << "\n";

  // A non-quadratic f: the log-sum-exp, whose Hessian is diag(p) - pp' with p = softmax(x).
  constexpr auto lse = md::log(md::sum(md::exp(x)));
  std::cout << "grad(lse)    = " << md::grad(lse, x) << "\n"
            << "hessian(lse) = " << md::hessian(lse, x) << "\n"
            << "H v          = " << md::directional(md::grad(lse, x), x, v) << "\n";

  // A matrix variable: the Hessian is (rows * cols) square, in Kronecker form.
  constexpr auto X = md::matrix<"X", 2, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  std::cout << "hessian(tr(XBX'), X) = " << md::hessian(md::trace(X * B * md::transpose(X)), X) << "\n";
}
