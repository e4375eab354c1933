// expect: matdiff: solve: the matrix is not square
// expect-gcc: matdiff: solve of 2x3 and 2x1: the matrix is not square
// expect-first: matdiff: solve: the matrix is not square
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 2, 3>;
  constexpr auto b = md::vector<"b", 2>;
  constexpr auto x = md::solve(A, b);
  return sizeof(x) > 0;
}
