// expect: matdiff: eval: the bound Eigen object has another fixed size
// expect-gcc: matdiff: eval: variable X is 4x4 but the bound Eigen object is 3x3
// expect-first: subject<1>."X".
// expect-first: matdiff: eval: variable X is 4x4 
// expect-first-gcc: matdiff: eval: variable X is 4x4 but the bound Eigen object is 3x3
// expect-first-clang: matdiff: eval: the bound Eigen object has another fixed size
// expect-count: 1 : error:
// A fixed-size Eigen object of another size is caught at compile time.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 4, 4>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  return md::eval(md::trace(X), X = Xv) > 0;
}
