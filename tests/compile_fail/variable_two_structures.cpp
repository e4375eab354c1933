// expect: matdiff: one variable name with two shapes or structures
// expect-gcc: matdiff: variable S is used with two structures
// expect-first: matdiff: one variable name with two shapes or structures
// expect-count: 1 : error:
// A symmetric and a plain variable named S of one shape: derivatives in one would miss the other.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto S = md::symmetric<"S", 3>;
  constexpr auto S_plain = md::matrix<"S", 3, 3>;
  constexpr auto f = md::trace(S) * md::sum(S_plain);
  return sizeof(f) > 0;
}
