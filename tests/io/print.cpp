// Printing: to_string, to_latex and operator<< on whole expressions.
#include <matdiff/matdiff.hpp>

#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace md = matdiff;

constexpr auto n = md::dim<"n">;
constexpr auto X = md::matrix<"X", n, 3>;
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto y = md::vector<"y", n>;
constexpr auto w = md::vector<"w", 3>;
constexpr auto S = md::matrix<"Sigma", 3, 3>;

TEST_CASE("the seeds' expressions print as written") {
  static_assert(md::to_string(md::trace(X * B * md::transpose(X))) == "tr(X*B*X')");
  static_assert(md::to_string(md::transpose(x) * A * x) == "x'*A*x");
  static_assert(md::to_string(md::trace(A * md::inv(B))) == "tr(A*inv(B))");
  static_assert(md::to_string(md::logdet(S)) == "logdet(Sigma)");
  static_assert(md::to_string(md::sum(md::softplus(-md::hadamard(y, X * w)))) ==
                "sum(softplus(-y.*(X*w)))");
  STATIC_REQUIRE(md::to_string(X * (B + md::transpose(B))) == "X*(B + B')");
}

TEST_CASE("LaTeX output") {
  static_assert(md::to_latex(X * (B + md::transpose(B))) == "X\\left(B + B^{\\top}\\right)");
  static_assert(md::to_latex(md::trace(A * md::inv(B))) == "\\operatorname{tr}\\left(A B^{-1}\\right)");
  static_assert(md::to_latex(md::transpose(md::inv(B))) == "B^{-\\top}");
  static_assert(md::to_latex(md::logdet(S)) == "\\log\\left|\\Sigma\\right|");
  static_assert(md::to_latex(md::sqnorm(x)) == "\\left\\lVert x\\right\\rVert_{2}^{2}");
  STATIC_REQUIRE(md::to_latex(md::kron(A, B)) == "A \\otimes B");
}

TEST_CASE("operator<< writes to_string, and text converts to std::string") {
  std::ostringstream out;
  out << md::trace(A * B) << " | " << md::to_latex(md::det(A));
  REQUIRE(out.str() == "tr(A*B) | \\det\\left(A\\right)");
  const std::string s = md::to_string(A - B);
  REQUIRE(s == "A - B");
}
