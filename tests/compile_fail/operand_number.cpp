// expect: matdiff: an operand is not a matdiff expression
// expect-first: matdiff: an operand is not a matdiff expression
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto t = md::trace(42);
  return sizeof(t) > 0;
}
