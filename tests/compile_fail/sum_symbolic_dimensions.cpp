// expect: matdiff: sum: the shapes differ
// expect-gcc: matdiff: sum of nxn and mxm: shapes differ
// expect-first: matdiff: sum: the shapes differ
// expect-count: 1 : error:
// Two symbolic dimensions with different names are different sizes.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto n = md::dim<"n">;
  constexpr auto m = md::dim<"m">;
  constexpr auto A = md::matrix<"A", n, n>;
  constexpr auto B = md::matrix<"B", m, m>;
  constexpr auto sum = A + B;
  return sizeof(sum) > 0;
}
