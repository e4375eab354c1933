// expect: matdiff: directional: invalid arguments
// expect-gcc: matdiff: directional: the direction is 3x1 but the variable is 3x3
// expect-first: matdiff: directional: invalid arguments
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
