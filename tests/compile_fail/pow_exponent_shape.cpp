// expect: matdiff: pow: the exponent is neither of the shape of the base nor 1x1
// expect-gcc: matdiff: pow of 3x4 and 3x1: the exponent is neither of the shape of the base nor 1x1
// expect-first: matdiff: pow: the exponent is neither of the shape of the base nor 1x1
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 4>;
  constexpr auto k = md::vector<"k", 3>;
  constexpr auto p = md::pow(X, k);
  return sizeof(p) > 0;
}
