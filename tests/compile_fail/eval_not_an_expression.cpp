// expect: matdiff: eval: the first argument is not a matdiff expression
// expect-first: matdiff: eval: the first argument is not a matdiff expression
// expect-count: 1 : error:
// An Eigen matrix is not an expression to evaluate.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  return md::eval(Xv, X = Xv) > 0;
}
