// expect: matdiff: product: an operand is an Eigen object, not a matdiff expression
// expect-first: matdiff: product: an operand is an Eigen object
// expect-count: 1 : error:
// An Eigen matrix is a value to bind, not a factor: X * M names the product.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  const Eigen::Matrix3d M = Eigen::Matrix3d::Identity();
  const auto product = X * M;
  return md::eval(md::trace(product), X = M) > 0;
}
