// expect: matdiff: d: the argument must be a variable
// expect-first: matdiff: d: the argument must be a variable
// expect-count: 1 : error:
// The differential symbol dX exists for variables only.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto dY = md::d(md::transpose(X));
  return sizeof(dY) > 0;
}
