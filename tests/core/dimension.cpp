// Fixed and symbolic dimensions, and products of them.
#include <matdiff/core/dimension.hpp>
#include <matdiff/core/shape.hpp>

#include <catch2/catch.hpp>

namespace md = matdiff;

TEST_CASE("fixed dimensions compare by value, symbolic ones by name") {
  static_assert(md::to_dimension(3) == md::dimension::fixed(3));
  static_assert(md::to_dimension(md::dim<"n">) == md::dim<"n">);
  static_assert(!(md::dim<"n"> == md::dim<"m">));
  static_assert(!(md::dim<"n"> == md::to_dimension(3)));  // n is never assumed to be 3
  static_assert(md::to_dimension(3).is_fixed() && !md::dim<"n">.is_fixed());
  STATIC_REQUIRE(md::dim<"n">.to_text() == "n");
}

TEST_CASE("products of dimensions multiply factors and sort symbols") {
  constexpr auto three = md::to_dimension(3);
  static_assert(three * md::to_dimension(4) == md::dimension::fixed(12));
  static_assert(md::dim<"n"> * md::dim<"m"> == md::dim<"m"> * md::dim<"n">);
  static_assert((md::dim<"n"> * md::dim<"m">).to_text() == "m*n");
  static_assert((three * md::dim<"n">).to_text() == "3*n");
  static_assert(3 * md::dim<"n"> == three * md::dim<"n"> && md::dim<"n"> * 3 == three * md::dim<"n">);
  static_assert((three * md::dim<"n"> * md::to_dimension(2)).to_text() == "6*n");
  REQUIRE((md::dim<"n"> * md::dim<"n">).to_text() == "n*n");
}

TEST_CASE("shapes know scalars, squares and columns") {
  constexpr md::shape s{md::to_dimension(3), md::to_dimension(4)};
  static_assert(s.to_text() == "3x4");
  static_assert(s.transposed() == md::shape{md::to_dimension(4), md::to_dimension(3)});
  static_assert(!s.is_square() && !s.is_scalar() && !s.is_column());
  static_assert(md::scalar_shape.is_scalar());
  constexpr md::shape nn{md::dim<"n">, md::dim<"n">};
  static_assert(nn.is_square() && !nn.is_fixed());
  constexpr md::shape v{md::dim<"n"> * md::to_dimension(3), md::to_dimension(1)};
  static_assert(v.is_column());
  REQUIRE(v.to_text() == "(3*n)x1");
}
