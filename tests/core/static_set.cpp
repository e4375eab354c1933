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

TEST_CASE("a list that repeats items is collected into a set that holds each once") {
  // As the symbols of an n x n shape, {n, n}: sets are made distinct, since a union compares
  // an item only with the items of the sets before its own.
  constexpr auto repeats = [] {
    md::detail::union_items<int, 4> all{};
    for (int x : {2, 2, 5, 2}) all.add(x);
    return all;
  }();
  constexpr auto set = md::detail::set_of<repeats.count>(repeats);
  static_assert(set.size == 2 && set.items[0] == 2 && set.items[1] == 5);
  constexpr auto v = md::set_union<b, set, a>;
  static_assert(v.size == 5 && v.items[0] == 3 && v.items[1] == 4 && v.items[2] == 2 && v.items[3] == 5 &&
                v.items[4] == 1);
  STATIC_REQUIRE(md::set_union<set, set>.size == 2);
}

TEST_CASE("difference keeps the first set's order") {
  constexpr md::static_set<int, 4> c{{4, 1, 3, 2}};
  constexpr auto d = md::set_difference<c, b>;
  static_assert(d.size == 2 && d.items[0] == 1 && d.items[1] == 2);
  static_assert(md::set_difference<c, none>.size == 4 && md::set_difference<c, none>.items[3] == 2);
  static_assert(md::set_difference<a, c>.size == 0 && md::set_difference<none, a>.size == 0);
  // What a derivative's type keeps (core/expression.hpp): the signature is its variables, then
  // the difference, so union(variables, signature - variables) is the signature in its order.
  constexpr auto signature = md::set_union<b, c>;
  constexpr auto kept = md::set_union<b, md::set_difference<signature, b>>;
  STATIC_REQUIRE(kept.size == signature.size && kept.items[0] == 3 && kept.items[1] == 4 && kept.items[2] == 1 &&
                 kept.items[3] == 2);
}
