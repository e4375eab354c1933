// expect: matdiff: eval: the value bound is neither a number nor an Eigen object
// expect-gcc: matdiff: eval: the value bound to variable x is neither a number nor an Eigen dense object
// expect-first: subject<1>."x".
// expect-first: matdiff: eval: the value bound to
// expect-first-gcc: matdiff: eval: the value bound to variable x is neither a number nor an Eigen dense object
// expect-first-clang: matdiff: eval: the value bound is neither a number nor an Eigen object
// expect-count: 1 : error:
#include <vector>

#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto x = md::vector<"x", 3>;
  const std::vector<double> xv{1.0, 2.0, 3.0};
  return md::eval(md::sum(x), x = xv) > 0;
}
