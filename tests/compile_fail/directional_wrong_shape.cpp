// expect: matdiff: directional: the direction and the variable differ in shape
// expect-gcc: matdiff: directional: the direction is 3x1 but the variable is 3x3
// expect-first: subject<22>."3x1 for a 3x3 variable".
// expect-first-gcc: matdiff: directional: the direction is 3x1 but the variable is 3x3
// expect-first-clang: matdiff: directional: the direction and the variable differ in shape
// expect-count: 1 : error:
// The direction must have the shape of the variable.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto v = md::vector<"v", 3>;
  constexpr auto e = md::directional(X * X, X, v);
  return sizeof(e) > 0;
}
