// expect: matdiff: diagonal: the matrix is not square
// expect-gcc: matdiff: diagonal of 2x3: the matrix is not square
// expect-first: matdiff: diagonal: the matrix is not square
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 2, 3>;
  constexpr auto e = md::diagonal(A);
  return sizeof(e) > 0;
}
