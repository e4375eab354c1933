// expect: matdiff: minimum: the shapes differ
// expect-gcc: matdiff: minimum of nx3 and 3x3: shapes differ
// expect-first: matdiff: minimum: the shapes differ
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", md::dim<"n">, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  constexpr auto m = md::minimum(A, B);
  return sizeof(m) > 0;
}
