// expect: matdiff: differential: the operation has no member `differential
// expect-first: matdiff: differential: the operation has no member `differential
// expect-count: 1 : error:
// An operation without a differential rule cannot be differentiated, and is told why.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

struct half_op {
  static consteval md::diagnostic check(const md::shape&) { return {}; }
  static constexpr md::shape result_shape(const md::shape& a) { return a; }
  static constexpr int precedence(md::notation) { return md::precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const { p.call("half", a); }
};

int main() {
  constexpr auto A = md::matrix<"A", 3, 2>;
  constexpr auto f = md::sum(md::make_expression(half_op{}, A));
  constexpr auto g = md::grad(f, A);
  return sizeof(g) > 0;
}
