// expect: matdiff: eval: variable has no binding
// expect-gcc: matdiff: eval: variable a has no binding
// expect-first: subject<1>."a".
// expect-first-clang: matdiff: eval: variable has no binding
// expect-count: 1 : error:
// The gradient a of x'a needs a; the binding of x alone is not enough.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto x = md::vector<"x", 3>;
  constexpr auto a = md::vector<"a", 3>;
  const Eigen::Vector3d v = Eigen::Vector3d::Ones();
  const auto g = md::eval(md::grad(md::transpose(x) * a, x), x = v);
  return static_cast<int>(sizeof(g));
}
