// expect: matdiff: eval: the value bound has an integer scalar type
// expect-gcc: matdiff: eval: the value bound to variable alpha has an integer scalar type. bind a double or float value .2.0, not 2
// expect-first: subject<5>."alpha".
// expect-first-clang: matdiff: eval: the value bound has an integer scalar type
// expect-count: 1 : error:
// A number bound to a 1x1 variable is a double or a float: 2.0, not 2.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto alpha = md::scalar<"alpha">;
  constexpr auto x = md::vector<"x", 3>;
  const Eigen::Vector3d xv = Eigen::Vector3d::Ones();
  return md::eval(alpha * md::sum(x), alpha = 2, x = xv) > 0;
}
