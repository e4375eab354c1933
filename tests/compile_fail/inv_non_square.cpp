// expect: matdiff: inv: the matrix is not square
// expect-gcc: matdiff: inv of 2x3: the matrix is not square
// expect-first: matdiff: inv: the matrix is not square
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 2, 3>;
  constexpr auto e = md::inv(A);
  return sizeof(e) > 0;
}
