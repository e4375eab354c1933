// expect: matdiff: eval: the bound Eigen object has another fixed size
// expect-gcc: matdiff: eval: variable X is 4x4 but the bound Eigen object is Dynamicx3
// expect-first: subject<1>."X".
// expect-first: matdiff: eval: variable X is 4x4 
// expect-first-gcc: matdiff: eval: variable X is 4x4 but the bound Eigen object is Dynamicx3
// expect-first-clang: matdiff: eval: the bound Eigen object has another fixed size
// expect-count: 1 : error:
// The fixed number of columns of a partly dynamic Eigen object is checked at compile time.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 4, 4>;
  const Eigen::Matrix<double, Eigen::Dynamic, 3> Xv(4, 3);
  return md::eval(md::trace(X), X = Xv) > 0;
}
