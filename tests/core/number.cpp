// Numbers in expressions: exact rationals, doubles, and their shortest printing.
#include <matdiff/core/number.hpp>

#include <catch2/catch.hpp>

namespace md = matdiff;

TEST_CASE("integers and integral doubles are exact") {
  static_assert(md::number(2).is(2));
  static_assert(md::number(2.0).is(2));
  static_assert(md::number(-7L).exact);
  static_assert(!md::number(0.5).exact);
  static_assert(md::number(0.5).value() == 0.5);
  STATIC_REQUIRE(md::number(3).to_text() == "3");
}

TEST_CASE("rational arithmetic stays exact and reduced") {
  constexpr auto sixth = md::number(1) / md::number(2) - md::number(1) / md::number(3);
  static_assert(sixth.exact && sixth.numerator == 1 && sixth.denominator == 6);
  static_assert((md::number(1) / md::number(2) + md::number(1) / md::number(2)).is(1));
  static_assert((md::number(2) * md::number(3) / md::number(4)).to_text() == "3/2");
  static_assert((md::number(-4) / md::number(6)).to_text() == "-2/3");
  static_assert((md::number(1) / md::number(-3)).to_text() == "-1/3");
  static_assert(-md::number(5) == md::number(-5));
  REQUIRE((md::number(10) / md::number(4)).value() == 2.5);
}

TEST_CASE("mixing with an inexact number gives a double") {
  constexpr auto x = md::number(1) / md::number(3) + md::number(0.25);
  static_assert(!x.exact);
  REQUIRE(x.value() == Approx(1.0 / 3.0 + 0.25));
  REQUIRE(!(md::number(1) / md::number(0)).exact);  // no exact division by zero
}

TEST_CASE("doubles print with the fewest digits that round-trip") {
  static_assert(md::number(0.5).to_text() == "0.5");
  static_assert(md::number(0.1).to_text() == "0.1");
  static_assert(md::number(-0.25).to_text() == "-0.25");
  static_assert(md::number(123456.789).to_text() == "123456.789");
  static_assert(md::number(1.5e-7).to_text() == "1.5e-07");
  static_assert(md::number(2.5e20).to_text() == "2.5e+20");
  static_assert(md::number(0.001).to_text() == "0.001");
  static_assert(md::number(3.14159).to_text() == "3.14159");
  REQUIRE(std::string(md::number(1.0 / 3.0).to_text()) == "0.333333333333333");
}
