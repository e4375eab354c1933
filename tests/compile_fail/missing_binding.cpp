// expect: matdiff: eval: variable has no binding
// expect-gcc: matdiff: eval: variable B has no binding
// expect-first: subject<1>."B".
// expect-first: matdiff: eval: variable B has no 
// expect-first-gcc: matdiff: eval: variable B has no binding
// expect-first-clang: matdiff: eval: variable has no binding
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  return md::eval(md::trace(X * B), X = Xv) > 0;
}
