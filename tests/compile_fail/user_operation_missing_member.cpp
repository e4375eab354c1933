// expect: matdiff: operation: missing member `static constexpr shape result_shape
// expect-first: matdiff: operation: missing member `static constexpr shape result_shape
// expect-count: 1 : error:
// An operation that lacks a member of the protocol (docs/user_operations.md) is told which.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

struct half_op {
  static consteval md::diagnostic check(const md::shape&) { return {}; }
  static constexpr int precedence(md::notation) { return md::precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const { p.call("half", a); }
};

int main() {
  constexpr auto A = md::matrix<"A", 3, 2>;
  constexpr auto h = md::make_expression(half_op{}, A);
  return sizeof(h) > 0;
}
