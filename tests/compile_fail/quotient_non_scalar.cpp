// expect: matdiff: quotient: the divisor is not 1x1
// expect-gcc: matdiff: quotient of 3x3 by 3x1: the divisor must be 1x1
// expect-first: matdiff: quotient: the divisor is not 1x1
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto y = md::vector<"y", 3>;
  constexpr auto q = X / y;
  return sizeof(q) > 0;
}
