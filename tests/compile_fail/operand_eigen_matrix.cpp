// expect: matdiff: an operand is not a matdiff expression
// expect-first: matdiff: an operand is not a matdiff expression
// expect-count: 1 : error:
// An Eigen matrix is a value to bind, not an operand.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  const Eigen::Matrix3d M = Eigen::Matrix3d::Identity();
  const auto t = md::transpose(M);
  return sizeof(t) > 0;
}
