// expect: matdiff: eval: a dimension is not the size of any bound variable
// expect-gcc: matdiff: eval: dimension n is not the size of any bound variable, so its value is unknown
// expect-first: subject<1>."n".
// expect-first: matdiff: eval: dimension n is not
// expect-first-gcc: matdiff: eval: dimension n is not the size of any bound variable, so its value is unknown
// expect-first-clang: matdiff: eval: a dimension is not the size of any bound variable
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto a = md::scalar<"a">;
  return md::eval(a * md::trace(md::identity<md::dim<"n">>), a = 2.0) > 0;
}
