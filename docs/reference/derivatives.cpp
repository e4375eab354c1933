// Prints the derivative examples of docs/reference.md.
#include <iostream>

#include <Eigen/Dense>
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto A = md::matrix<"A", 3, 3>;
  constexpr auto V = md::matrix<"V", 3, 3>;
  constexpr auto f = md::trace(A * X * X);
  std::cout << "d(X)                     = " << md::d(X) << "\n"
            << "differential(f, X)       = " << md::differential(f, X) << "\n"
            << "grad(f, X)               = " << md::grad(f, X) << "\n"
            << "directional(f, X, V)     = " << md::directional(f, X, V) << "\n"
            << "directional(X*X, X, V)   = " << md::directional(X * X, X, V) << "\n"
            << "directional(grad(f, X), X, V) = "
            << md::directional(md::grad(f, X), X, V) << "\n"
            << "jacobian(A*X, X)         = " << md::jacobian(A * X, X) << "\n"
            << "jacobian(X', X)          = " << md::jacobian(md::transpose(X), X) << "\n"
            << "hessian(f, X)            = " << md::hessian(f, X) << "\n"
            << "simplify(X*I + 0*A)      = " << md::simplify(X * md::identity<3> + 0 * A) << "\n";

  Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity(), Av;
  Av << 1, 2, 0,
        0, 1, 0,
        0, 0, 1;
  const auto check = md::check_gradient(f, X, X = Xv, A = Av);
  const auto hessian_check = md::check_hessian(f, X, X = Xv, A = Av);
  std::cout << "f(X = I, A)              = " << f(X = Xv, A = Av) << "\n"
            << "grad at X = I            =\n" << md::eval(md::grad(f, X), X = Xv, A = Av) << "\n"
            << "check_gradient(...).ok   = " << std::boolalpha << check.ok << "\n"
            << "check_hessian(...).ok    = " << hessian_check.ok << "\n";
  const auto [value, gradient] = md::kernel(f, md::grad(f, X))(X = Xv, A = Av);
  std::cout << "kernel(f, grad)          = " << value << " and a " << gradient.rows() << "x" << gradient.cols()
            << " matrix\n";
  return check.ok && hessian_check.ok ? 0 : 1;
}
