// Compile-time sets: the variables and symbols of an expression.
#include <matdiff/core/static_set.hpp>

#include <catch2/catch.hpp>

namespace md = matdiff;

constexpr md::static_set<int, 3> a{{1, 2, 3}};
constexpr md::static_set<int, 2> b{{3, 4}};
constexpr md::static_set<int, 0> none{};

TEST_CASE("union keeps first-seen order without duplicates") {
  constexpr auto u = md::set_union<a, b>;
  static_assert(u.size == 4);
  static_assert(u.items[0] == 1 && u.items[3] == 4);
  static_assert(u.contains(4) && !u.contains(5));
  static_assert(u.index_of(3) == 2 && u.index_of(9) == 4);
  static_assert(md::set_union<none, none>.size == 0);
  STATIC_REQUIRE(md::set_union<b, a, b>.size == 4);
}
