// expect: matdiff: eval: binding for unknown variable
// expect-gcc: matdiff: eval: binding for unknown variable Y: neither the expression nor the function it was derived from has it
// expect-first: subject<1>."Y".
// expect-first: matdiff: eval: binding for unknow
// expect-first-gcc: matdiff: eval: binding for unknown variable Y: neither the expression nor the function it was derived from has it
// expect-first-clang: matdiff: eval: binding for unknown variable
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto Y = md::matrix<"Y", 3, 3>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  return md::eval(md::trace(X), X = Xv, Y = Xv) > 0;
}
