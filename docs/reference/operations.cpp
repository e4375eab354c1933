// Prints the example column of docs/reference.md: for each operation an expression over
// X (3x3 unless stated), its shape and its differential in X, as matdiff computes them.
#include <iostream>
#include <string_view>

#include <matdiff/matdiff.hpp>

namespace md = matdiff;

namespace {
template <class E, class V>
void row(std::string_view name, const E& e, const V& x) {
  std::cout << "| `" << name << "` | `" << md::to_string(e) << "` | " << E::shape_v.to_text() << " | `"
            << md::to_string(md::differential(e, x)) << "` |\n";
}
}  // namespace

int main() {
  constexpr auto n = md::dim<"n">;
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto A = md::matrix<"A", 3, 3>;
  constexpr auto R = md::matrix<"R", 2, 3>;
  constexpr auto x = md::vector<"x", n>;
  constexpr auto a = md::vector<"a", n>;
  constexpr auto s = md::scalar<"s">;
  std::cout << "| operation | example | shape | differential in X (x, s) |\n| --- | --- | --- | --- |\n";
  row("+", X + A, X);
  row("-", X - A, X);
  row("- (negation)", -X, X);
  row("+ number", X + 1, X);
  row("number -", 2 - X, X);
  row("* (product)", A * X, X);
  row("* (scaling by 1x1)", s * X, s);
  row("number *", 2 * X, X);
  row("/ (by 1x1)", X / md::trace(X), X);
  row("transpose", md::transpose(X), X);
  row("trace", md::trace(X), X);
  row("inv", md::inv(X), X);
  row("det", md::det(X), X);
  row("adj", md::adj(X), X);
  row("logdet", md::logdet(X), X);
  row("hadamard", md::hadamard(A, X), X);
  row("hadamard_div", md::hadamard_div(A, X), X);
  row("kron", md::kron(R, X), X);
  row("exp", md::exp(X), X);
  row("log", md::log(X), X);
  row("sin", md::sin(X), X);
  row("cos", md::cos(X), X);
  row("tan", md::tan(X), X);
  row("asin", md::asin(X), X);
  row("acos", md::acos(X), X);
  row("atan", md::atan(X), X);
  row("tanh", md::tanh(X), X);
  row("sqrt", md::sqrt(X), X);
  row("abs", md::abs(X), X);
  row("sigmoid", md::sigmoid(X), X);
  row("softplus", md::softplus(X), X);
  row("relu", md::relu(X), X);
  row("maximum", md::maximum(X, A), X);
  row("minimum", md::minimum(X, A), X);
  row("pow", md::pow(X, 3), X);
  row("pow (expression exponent)", md::pow(X, A), X);
  row("pow (1x1 exponent)", md::pow(X, s), s);
  row("matrix_power", md::matrix_power<3>(X), X);
  row("solve", md::solve(X, A), X);
  row("sum", md::sum(X), X);
  row("dot", md::dot(A, X), X);
  row("dot (vectors)", md::dot(a, x), x);
  row("logsumexp", md::logsumexp(x), x);
  row("softmax", md::softmax(x), x);
  row("norm2", md::norm2(x), x);
  row("sqnorm", md::sqnorm(X), X);
  row("norm1", md::norm1(X), X);
  row("vec", md::vec(R * X), X);
  row("diag", md::diag(x), x);
  row("diagonal", md::diagonal(X), X);
  row("identity", md::identity<3> + X, X);
  row("zeros", md::zeros<3, 3> + X, X);
  row("ones", md::hadamard(md::ones<3, 3>, X), X);
}
