// expect: matdiff: maximum: the shapes differ
// expect-gcc: matdiff: maximum of 3x4 and 4x3: shapes differ
// expect-first: matdiff: maximum: the shapes differ
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 3, 4>;
  constexpr auto B = md::matrix<"B", 4, 3>;
  constexpr auto m = md::maximum(A, B);
  return sizeof(m) > 0;
}
