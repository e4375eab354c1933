// expect: matdiff: eval: variable has no binding
// expect-gcc: matdiff: eval: variable B has no binding
// expect-first: subject<1>."B".
// expect-first: matdiff: eval: variable B has no 
// expect-first-gcc: matdiff: eval: variable B has no binding
// expect-first-clang: matdiff: eval: variable has no binding
// expect-count: 1 : error:
// A kernel call with a missing binding is one error, also when its results are unpacked.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  const auto [value, product] = md::kernel(md::trace(X * B), X * B)(X = Xv);
  return value + product > 0;
}
