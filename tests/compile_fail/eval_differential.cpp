// expect: matdiff: eval: the expression contains a differential dX
// expect: md::directional
// expect-first: matdiff: eval: the expression contains a differential dX
// expect-count: 1 : error:
// A differential has no value until dX is replaced by a direction.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  const Eigen::Matrix3d dF = md::eval(md::differential(X * X, X), X = Xv);
  return dF(0, 0) > 0;
}
