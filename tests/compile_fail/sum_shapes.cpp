// expect: matdiff: sum: the shapes differ
// expect-gcc: matdiff: sum of 3x4 and 4x3: shapes differ
// expect-first: matdiff: sum: the shapes differ
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 3, 4>;
  constexpr auto B = md::matrix<"B", 4, 3>;
  constexpr auto sum = A + B;
  return sizeof(sum) > 0;
}
