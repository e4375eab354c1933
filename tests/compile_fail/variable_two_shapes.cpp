// expect: matdiff: one variable name with two shapes
// expect-gcc: matdiff: variable X is used with two shapes, 3x3 and 3x4
// expect-first: matdiff: one variable name with two shapes
// expect-count: 1 : error:
// Two variables named X with different shapes, in operations that accept both shapes.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto X_wide = md::matrix<"X", 3, 4>;
  constexpr auto f = md::trace(X) * md::sum(X_wide);
  return sizeof(f) > 0;
}
