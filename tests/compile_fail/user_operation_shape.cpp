// expect: matdiff: normalize: the operand is not a column vector
// expect-gcc: matdiff: normalize of 3x2: the operand is not a column vector
// expect-first: matdiff: normalize: the operand is not a column vector
// expect-count: 1 : error:
// A user-defined operation (docs/examples/user_operations/normalize.hpp) states its shape
// rule like a built-in one.
#include "../../docs/examples/user_operations/normalize.hpp"

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 3, 2>;
  constexpr auto u = user::normalize(A);
  return sizeof(u) > 0;
}
