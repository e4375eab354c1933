// expect: matdiff: eval: a number bound to a matrix variable
// expect-gcc: matdiff: eval: variable X is 3x3. a number can be bound only to a 1x1 variable
// expect-first: subject<1>."X".
// expect-first: matdiff: eval: variable X is 3x3.
// expect-first-gcc: matdiff: eval: variable X is 3x3. a number can be bound only to a 1x1 variable
// expect-first-clang: matdiff: eval: a number bound to a matrix variable
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  return md::eval(md::trace(X), X = 2.0) > 0;
}
