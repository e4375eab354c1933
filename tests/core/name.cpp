// Names of variables and symbolic dimensions: equality, order, the length limit.
#include <matdiff/core/name.hpp>

#include <catch2/catch.hpp>

namespace md = matdiff;

namespace {
/// A name written character by character, with `tail` after its terminating zero (equality
/// reads a name up to its end).
constexpr md::name_string with_tail(char first, char tail) {
  md::name_string n;
  n.chars[0] = first;
  n.chars[2] = tail;
  return n;
}
}  // namespace

TEST_CASE("names are equal exactly when their characters are") {
  static_assert(md::name_string("X") == md::name_string("X"));
  static_assert(md::name_string("weights") == md::name_string("weights"));
  static_assert(!(md::name_string("A1") == md::name_string("A12")));
  static_assert(!(md::name_string("A12") == md::name_string("A1")));
  static_assert(!(md::name_string("A1") == md::name_string("B1")));
  static_assert(!(md::name_string("A1") == md::name_string("A2")));
  static_assert(md::name_string() == md::name_string());
  static_assert(!(md::name_string() == md::name_string("X")));
  static_assert(with_tail('X', 'Y') == md::name_string("X"));
  // 31 characters, the most a name keeps, and 32: the second is not the first.
  static_assert(md::name_string("abcdefghijklmnopqrstuvwxyz01234") ==
                md::name_string("abcdefghijklmnopqrstuvwxyz01234"));
  static_assert(!(md::name_string("abcdefghijklmnopqrstuvwxyz01234") ==
                  md::name_string("abcdefghijklmnopqrstuvwxyz012345")));
  static_assert(!md::name_fits<"abcdefghijklmnopqrstuvwxyz012345">);
  static_assert(md::name_fits<"abcdefghijklmnopqrstuvwxyz01234">);
}

TEST_CASE("names are ordered as strings") {
  static_assert(md::name_string("A1") < md::name_string("A12"));
  static_assert(md::name_string("A12") < md::name_string("A2"));
  static_assert(md::name_string("B") > md::name_string("A"));
  static_assert((md::name_string("n") <=> md::name_string("n")) == 0);
  REQUIRE(md::name_string("weights").view() == "weights");
  REQUIRE(md::name_string("weights").size() == 7);
}
