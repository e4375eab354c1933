// expect: matdiff: product: inner dimensions differ
// expect-gcc: matdiff: product of 3xn and 3x3: inner dimensions differ
// expect-first: matdiff: product: inner dimensions differ
// expect-count: 1 : error:
// A symbolic dimension is never assumed to equal a fixed one, even if it may at run time.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 3, md::dim<"n">>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  constexpr auto P = A * B;
  return sizeof(P) > 0;
}
