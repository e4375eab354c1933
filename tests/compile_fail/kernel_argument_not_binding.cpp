// expect: matdiff: eval: an argument is not a binding
// expect-gcc: matdiff: eval: argument 1 of the bindings is not a binding. write variable = value
// expect-first: subject<10>."argument 1".
// expect-first: matdiff: eval: argument 1 of the 
// expect-first-gcc: matdiff: eval: argument 1 of the bindings is not a binding. write variable = value
// expect-first-clang: matdiff: eval: an argument is not a binding
// expect-count: 1 : error:
// Arguments are counted from the first binding, in a kernel call as in md::eval.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  const auto [value] = md::kernel(md::trace(X))(Xv, X = Xv);
  return value > 0;
}
