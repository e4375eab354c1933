// matdiff demo: expressions from matrix-calculus notes, printed with their shapes and
// gradients, and evaluated on random Eigen data next to the same formula written by hand
// in Eigen; every gradient is also checked against central finite differences.
#include <matdiff/matdiff.hpp>

#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <string>

#include <Eigen/Dense>

namespace md = matdiff;

namespace {

int mismatches = 0;

template <class E, class Value, class Expected>
void show(const E& e, const Value& value, const Expected& expected);

/// f, its gradient in X (computed at compile time) and a finite-difference check of it.
template <class F, class V, class... B>
void show_gradient(const F& f, const V& x, const B&... bindings) {
  constexpr auto g = md::grad(F{}, V{});
  const auto check = md::check_gradient(f, x, bindings...);
  mismatches += check.ok ? 0 : 1;
  std::cout << "  gradient  " << md::to_string(g) << "   (LaTeX " << md::to_latex(g) << ")\n"
            << "  checked   against finite differences: max relative error "
            << check.max_rel_error << (check.ok ? "" : "  FAILED") << "\n";
}

template <class E, class Value, class Expected>
void show(const E& e, const Value& value, const Expected& expected) {
  double difference = 0;
  if constexpr (std::is_arithmetic_v<Value>) {
    difference = std::abs(value - expected);
    std::cout << "  value     " << value << '\n';
  } else {
    difference = (value - expected).cwiseAbs().maxCoeff();
    std::cout << "  value     " << value.rows() << "x" << value.cols() << " matrix, |value| = "
              << value.norm() << '\n';
  }
  const bool ok = difference <= 1e-10;
  mismatches += ok ? 0 : 1;
  std::cout << "  formula   " << md::to_string(e) << '\n'
            << "  LaTeX     " << md::to_latex(e) << '\n'
            << "  shape     " << E::shape_v.to_text() << '\n'
            << "  by hand   " << (ok ? "agrees" : "DIFFERS") << " (max difference "
            << difference << ")\n";
}

}  // namespace

int main() {
  std::cout << std::setprecision(6);
  constexpr auto n = md::dim<"n">;
  constexpr auto x = md::vector<"x", n>;
  constexpr auto a = md::vector<"a", n>;
  constexpr auto b = md::vector<"b", n>;
  constexpr auto A = md::matrix<"A", n, n>;
  constexpr auto X = md::matrix<"X", n, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  constexpr auto Y = md::matrix<"Y", 3, 3>;
  constexpr auto w = md::vector<"w", 3>;
  constexpr auto y = md::vector<"y", n>;

  const Eigen::Index rows = 6;
  Eigen::VectorXd xv = Eigen::VectorXd::Random(rows), av = Eigen::VectorXd::Random(rows),
                  bv = Eigen::VectorXd::Random(rows), yv = Eigen::VectorXd::Random(rows);
  Eigen::MatrixXd Av = Eigen::MatrixXd::Random(rows, rows), Xv = Eigen::MatrixXd::Random(rows, 3);
  Eigen::Matrix3d Bv = Eigen::Matrix3d::Random();
  Eigen::Matrix3d Yv = Eigen::Matrix3d::Random() + 3 * Eigen::Matrix3d::Identity();
  Eigen::Vector3d wv = Eigen::Vector3d::Random();
  yv = yv.array().sign();

  std::cout << "Quadratic form x'Ax\n";
  constexpr auto quadratic = md::transpose(x) * A * x;
  show(quadratic, quadratic(x = xv, A = Av), xv.dot(Av * xv));
  show_gradient(quadratic, x, x = xv, A = Av);
  std::cout << "  differential " << md::differential(quadratic, x) << "\n\n";

  std::cout << "a'xx'b\n";
  constexpr auto outer = md::transpose(a) * x * md::transpose(x) * b;
  show(outer, md::eval(outer, a = av, b = bv, x = xv), av.dot(xv) * xv.dot(bv));
  show_gradient(outer, x, a = av, b = bv, x = xv);
  std::cout << '\n';

  std::cout << "tr(XBX')\n";
  constexpr auto trace_form = md::trace(X * B * md::transpose(X));
  show(trace_form, trace_form(X = Xv, B = Bv), (Xv * Bv * Xv.transpose()).trace());
  show_gradient(trace_form, X, X = Xv, B = Bv);
  std::cout << "  differential " << md::differential(trace_form, X) << "\n\n";

  std::cout << "tr(B inv(Y))\n";
  constexpr auto trace_inverse = md::trace(B * md::inv(Y));
  show(trace_inverse, trace_inverse(B = Bv, Y = Yv), (Bv * Yv.inverse()).trace());
  show_gradient(trace_inverse, Y, B = Bv, Y = Yv);
  std::cout << '\n';

  std::cout << "log|det Y|\n";
  constexpr auto log_det = md::logdet(Y);
  show(log_det, log_det(Y = Yv), std::log(std::abs(Yv.determinant())));
  show_gradient(log_det, Y, Y = Yv);
  std::cout << '\n';

  std::cout << "Logistic loss sum(softplus(-y.*(Xw)))\n";
  constexpr auto logistic = md::sum(md::softplus(-md::hadamard(y, X * w)));
  const Eigen::VectorXd margins = -(yv.array() * (Xv * wv).array()).matrix();
  show(logistic, logistic(X = Xv, w = wv, y = yv), margins.array().exp().log1p().sum());
  show_gradient(logistic, w, X = Xv, w = wv, y = yv);
  std::cout << '\n';

  std::cout << "vec(XB)\n";
  constexpr auto vectorised = md::vec(X * B);
  show(vectorised, md::eval(vectorised, X = Xv, B = Bv), (Xv * Bv).reshaped().eval());
  std::cout << '\n';

  std::cout << "Several results from one kernel call\n";
  const auto [value, scaled, kronecker] =
      md::kernel(quadratic, (A + md::transpose(A)) * x, md::kron(B, md::identity<2>))(x = xv, A = Av, B = Bv);
  std::cout << "  x'Ax = " << value << ", |(A + A')x| = " << scaled.norm()
            << ", kron(B, I) is " << kronecker.rows() << "x" << kronecker.cols() << "\n\n";

  std::cout << (mismatches == 0 ? "All values agree with hand-written Eigen and all gradients with finite differences.\n"
                                : "Some values or gradients disagree!\n");
  return mismatches == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
