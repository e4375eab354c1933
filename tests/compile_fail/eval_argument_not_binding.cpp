// expect: matdiff: eval: an argument is not a binding
// expect-gcc: matdiff: eval: argument 2 of the bindings is not a binding. write variable = value
// expect-first: subject<10>."argument 2".
// expect-first: matdiff: eval: argument 2 of the 
// expect-first-gcc: matdiff: eval: argument 2 of the bindings is not a binding. write variable = value
// expect-first-clang: matdiff: eval: an argument is not a binding
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  return md::eval(md::trace(X), X = Xv, Xv) > 0;
}
