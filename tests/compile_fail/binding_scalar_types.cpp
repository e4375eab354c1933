// expect: matdiff: eval: the bound Eigen objects have different scalar types
// expect-first: matdiff: eval: the bound Eigen objects have different scalar types
// expect-count: 1 : error:
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  const Eigen::Matrix3d Xv = Eigen::Matrix3d::Identity();
  const Eigen::Matrix3f Bv = Eigen::Matrix3f::Identity();
  return md::eval(md::trace(X * B), X = Xv, B = Bv) > 0;
}
