// expect: matdiff: eval: binding for a variable of another shape
// expect-gcc: matdiff: eval: variable X is 3x3 in the expression but the binding is for a 4x4 variable X
// expect-first: subject<1>."X".
// expect-first: matdiff: eval: variable X is 3x3 
// expect-first-gcc: matdiff: eval: variable X is 3x3 in the expression but the binding is for a 4x4 variable X
// expect-first-clang: matdiff: eval: binding for a variable of another shape
// expect-count: 1 : error:
// A binding for another variable of the same name.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto X4 = md::matrix<"X", 4, 4>;
  const Eigen::Matrix4d Xv = Eigen::Matrix4d::Identity();
  return md::eval(md::trace(X), X4 = Xv) > 0;
}
