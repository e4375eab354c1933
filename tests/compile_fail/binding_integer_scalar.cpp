// expect: matdiff: eval: the value bound has an integer scalar type
// expect-gcc: matdiff: eval: the value bound to variable X has an integer scalar type. bind a double or float value
// expect-first: subject<1>."X".
// expect-first-gcc: matdiff: eval: the value bound to variable X has an integer scalar type
// expect-first-clang: matdiff: eval: the value bound has an integer scalar type
// expect-count: 1 : error:
// An integer matrix would be evaluated in integer arithmetic (sigmoid would give 0).
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", 3, 3>;
  const Eigen::Matrix3i Xv = Eigen::Matrix3i::Identity();
  return md::eval(md::sum(md::sigmoid(X)), X = Xv) > 0;
}
