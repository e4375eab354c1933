// expect: matdiff: eval: binding for unknown variable
// expect-gcc: matdiff: eval: binding for unknown variable b: neither the expression nor the function it was derived from has it
// expect-first: subject<1>."b".
// expect-first-clang: matdiff: eval: binding for unknown variable
// expect-count: 1 : error:
// A gradient accepts the bindings of its function (x and a), and no others: b is a typo.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto x = md::vector<"x", 3>;
  constexpr auto a = md::vector<"a", 3>;
  constexpr auto b = md::vector<"b", 3>;
  const Eigen::Vector3d v = Eigen::Vector3d::Ones();
  const auto g = md::eval(md::grad(md::transpose(x) * a, x), x = v, b = v);
  return static_cast<int>(sizeof(g));
}
