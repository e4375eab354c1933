// expect: matdiff: derivative: the function is not 1x1
// expect-gcc: matdiff: grad of a 3x4 expression: the function must be 1x1
// expect-first: subject<22>."grad of a 3x4 function".
// expect-first-gcc: matdiff: grad of a 3x4 expression: the function must be 1x1
// expect-first-clang: matdiff: derivative: the function is not 1x1
// expect-count: 1 : error:
// A gradient is of a 1x1 function; X*B is a matrix.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 4>;
  constexpr auto B = md::matrix<"B", 4, 4>;
  constexpr auto g = md::grad(X * B, X);
  return sizeof(g) > 0;
}
