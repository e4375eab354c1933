// expect: matdiff: eval: invalid bindings
// expect-gcc: matdiff: eval: dimension n is not the size of any variable, so its value is unknown
// expect-first: matdiff: eval: invalid bindings
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto a = md::scalar<"a">;
  return md::eval(a * md::trace(md::identity<md::dim<"n">>), a = 2.0) > 0;
}
