// Cookbook section: the formulas of the classic matrix-calculus notes (vector and matrix
// variables), each with its textbook gradient in the comment.
#include "cookbook.hpp"

namespace cookbook {

void seed_formulas(page& p) {
  constexpr auto n = md::dim<"n">;
  constexpr auto m = md::dim<"m">;
  constexpr auto x = md::vector<"x", n>;
  constexpr auto a = md::vector<"a", n>;
  constexpr auto b = md::vector<"b", n>;
  constexpr auto A = md::matrix<"A", n, n>;
  const auto xv = random(p, n_value, 1), av = random(p, n_value, 1), bv = random(p, n_value, 1);
  const auto Av = random(p, n_value, n_value);

  section(p, "Scalar functions of a vector",
          "The four formulas of the notes on vector variables: with the gradient in the shape "
          "of x, d(a'x)/dx = a, d(x'x)/dx = 2x, d(x'Ax)/dx = (A + A')x and "
          "d(a'xx'b)/dx = ab'x + ba'x.");
  gradient(p, "Linear form a'x", md::transpose(a) * x, x, x = xv, a = av);
  gradient(p, "Linear form x'a", md::transpose(x) * a, x, x = xv, a = av);
  gradient_and_hessian(p, "Squared norm x'x", md::transpose(x) * x, x, x = xv);
  gradient_and_hessian(p, "Quadratic form x'Ax", md::transpose(x) * A * x, x, x = xv, A = Av);
  gradient_and_hessian(p, "a'xx'b", md::transpose(a) * x * md::transpose(x) * b, x, x = xv, a = av, b = bv);

  constexpr auto X = md::matrix<"X", m, n>;
  constexpr auto am = md::vector<"a", m>;
  constexpr auto bm = md::vector<"b", m>;
  const auto Xv = random(p, m_value, n_value);
  const auto amv = random(p, m_value, 1), bmv = random(p, m_value, 1);
  section(p, "Scalar functions of a matrix",
          "The formulas of the notes on an m x n matrix variable X: d(a'Xb)/dX = ab', "
          "d(a'X'b)/dX = ba', d(a'XX'b)/dX = ab'X + ba'X, d(a'X'Xb)/dX = Xba' + Xab', "
          "d tr(XBX')/dX = X(B + B'), d tr(AX^-1)/dX = -(X^-1 A X^-1)', d ln|X|/dX = (X^-1)'.");
  gradient(p, "Bilinear form a'Xb", md::transpose(am) * X * b, X, X = Xv, am = amv, b = bv);
  gradient(p, "Bilinear form a'X'b", md::transpose(a) * md::transpose(X) * bm, X, X = Xv, a = av, bm = bmv);
  gradient(p, "a'XX'b", md::transpose(am) * X * md::transpose(X) * bm, X, X = Xv, am = amv, bm = bmv);
  gradient(p, "a'X'Xb", md::transpose(a) * md::transpose(X) * X * b, X, X = Xv, a = av, b = bv);

  constexpr auto B = md::matrix<"B", n, n>;
  constexpr auto Y = md::matrix<"Y", n, n>;
  const auto Bv = random(p, n_value, n_value), Yv = invertible(p, n_value);
  gradient_and_hessian(p, "tr(XBX')", md::trace(X * B * md::transpose(X)), X, X = Xv, B = Bv);
  gradient_and_hessian(p, "tr(AY^-1)", md::trace(A * md::inv(Y)), Y, Y = Yv, A = Av);
  gradient_and_hessian(p, "ln|det Y|", md::logdet(Y), Y, Y = Yv);
  gradient(p, "det Y (d|Y| = |Y| tr(Y^-1 dY))", md::det(Y), Y, Y = Yv);
}

}  // namespace cookbook
