// expect: matdiff: derivative: not taken with respect to a variable
// expect-gcc: matdiff: grad: differentiate with respect to a variable
// expect-first: subject<4>."grad".
// expect-first-gcc: matdiff: grad: differentiate with respect to a variable
// expect-first-clang: matdiff: derivative: not taken with respect to a variable
// expect-count: 1 : error:
// 2*X is an expression, not a variable.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto g = md::grad(md::trace(X * X), 2 * X);
  return sizeof(g) > 0;
}
