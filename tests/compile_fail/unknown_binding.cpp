// expect: matdiff: eval: invalid bindings
// expect-gcc: matdiff: eval: binding for unknown variable Y: the expression has no variable of that name
// expect-first: matdiff: eval: invalid bindings
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto Y = md::matrix<"Y", 3, 3>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  return md::eval(md::trace(X), X = Xv, Y = Xv) > 0;
}
