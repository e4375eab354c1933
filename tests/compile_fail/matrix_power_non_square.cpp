// expect: matdiff: matrix_power: the matrix is not square
// expect-gcc: matdiff: matrix_power of 2x3: the matrix is not square
// expect-first: matdiff: matrix_power: the matrix is not square
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 2, 3>;
  constexpr auto p = md::matrix_power<0>(A);
  return sizeof(p) > 0;
}
