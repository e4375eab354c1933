// expect: matdiff: product: inner dimensions differ
// expect-gcc: matdiff: product of nxm and nx1: inner dimensions differ
// expect-first: matdiff: product: inner dimensions differ
// expect-count: 1 : error:
// X*w with X n x m and w of length n: the symbolic inner dimensions m and n differ.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto n = md::dim<"n">;
  constexpr auto m = md::dim<"m">;
  constexpr auto X = md::matrix<"X", n, m>;
  constexpr auto w = md::vector<"w", n>;
  constexpr auto Xw = X * w;
  return sizeof(Xw) > 0;
}
