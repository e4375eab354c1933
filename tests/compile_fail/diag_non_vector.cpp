// expect: matdiff: diag: the argument is not a column vector
// expect-gcc: matdiff: diag of 3x2: the argument must be a column vector
// expect-first: matdiff: diag: the argument is not a column vector
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 3, 2>;
  constexpr auto D = md::diag(A);
  return sizeof(D) > 0;
}
