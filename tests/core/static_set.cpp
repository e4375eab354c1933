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

TEST_CASE("union of sets that may repeat items keeps each item once") {
  constexpr md::static_set<int, 4> repeats{{2, 2, 5, 2}};  // as the symbols of an n x n shape, {n, n}
  constexpr auto u = md::set_union<repeats>;
  static_assert(u.size == 2 && u.items[0] == 2 && u.items[1] == 5);
  constexpr auto v = md::set_union<b, repeats, a>;
  static_assert(v.size == 5 && v.items[0] == 3 && v.items[1] == 4 && v.items[2] == 2 && v.items[3] == 5 &&
                v.items[4] == 1);
  STATIC_REQUIRE(md::set_union<repeats, repeats>.size == 2);
}
