// Packs: the operands of a node and the terms of a sum.
#include <matdiff/core/pack.hpp>

#include <catch2/catch.hpp>

#include <type_traits>

namespace md = matdiff;

struct empty {};

TEST_CASE("a pack holds values of different types, in order") {
  constexpr auto p = md::make_pack(1, 2.5, empty{});
  STATIC_REQUIRE(p.size == 3);
  STATIC_REQUIRE(md::at<0>(p) == 1);
  STATIC_REQUIRE(md::at<1>(p) == 2.5);
  STATIC_REQUIRE(std::is_same_v<md::pack_element_t<2, decltype(p)>, empty>);
  STATIC_REQUIRE(std::is_same_v<decltype(p), const md::pack<int, double, empty>>);
  STATIC_REQUIRE(p.apply([](int a, double b, empty) { return a + b; }) == 3.5);
  STATIC_REQUIRE(md::pack<>::size == 0);
}

TEST_CASE("concat joins packs in order") {
  constexpr auto joined = md::concat(md::make_pack(1), md::pack<>{}, md::make_pack(2.0, 'c'));
  STATIC_REQUIRE(std::is_same_v<decltype(joined), const md::pack<int, double, char>>);
  STATIC_REQUIRE(md::at<0>(joined) == 1 && md::at<1>(joined) == 2.0 && md::at<2>(joined) == 'c');
  STATIC_REQUIRE(md::concat(md::pack<>{}, md::pack<>{}).size == 0);
}

TEST_CASE("equal values in a pack stay distinct slots") {
  constexpr auto p = md::make_pack(1, 1);
  STATIC_REQUIRE(md::at<0>(p) == 1 && md::at<1>(p) == 1);
  auto q = md::make_pack(3, 4);
  CHECK(q.apply([](int a, int b) { return a * 10 + b; }) == 34);
}

TEST_CASE("a type list has a length and positions") {
  STATIC_REQUIRE(md::list_length<md::type_list<>> == 0);
  STATIC_REQUIRE(md::list_length<md::type_list<int, double, int>> == 3);
  STATIC_REQUIRE(md::type_index<double, md::type_list<int, double, int>>::value == 1);
  STATIC_REQUIRE(md::type_index<char, md::type_list<int, double>>::value == 2);  // absent: the length
}
