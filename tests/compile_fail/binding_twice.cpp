// expect: matdiff: eval: variable bound twice
// expect-gcc: matdiff: eval: variable X is bound twice
// expect-first: subject<1>."X".
// expect-first: matdiff: eval: variable X is boun
// expect-first-gcc: matdiff: eval: variable X is bound twice
// expect-first-clang: matdiff: eval: variable bound twice
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  return md::eval(md::trace(X), X = Xv, X = Xv) > 0;
}
