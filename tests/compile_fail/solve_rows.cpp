// expect: matdiff: solve: the matrix and the right-hand side have different rows
// expect-gcc: matdiff: solve of 3x3 and 4x2: the rows differ
// expect-first: matdiff: solve: the matrix and the right-hand side have different rows
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 3, 3>;
  constexpr auto B = md::matrix<"B", 4, 2>;
  constexpr auto X = md::solve(A, B);
  return sizeof(X) > 0;
}
