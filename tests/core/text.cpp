// The constexpr string behind printing and diagnostics.
#include <matdiff/core/text.hpp>

#include <string>

#include <catch2/catch.hpp>

namespace md = matdiff;

constexpr md::text built() {
  md::text t("tr(");
  t.append('X').append("*B").append(')');
  md::text copy = t;
  copy += " = ";
  copy.append(-42LL);
  return copy;
}

TEST_CASE("text builds strings in constant expressions") {
  static_assert(built() == "tr(X*B) = -42");
  static_assert(md::text().empty());
  static_assert(md::text().append(0LL) == "0");
  static_assert((md::text("a") + "b" + md::text("c")) == "abc");
  static_assert(built().front() == 't' && built().back() == '2');
}

TEST_CASE("text converts to std::string") {
  const std::string s = built();
  REQUIRE(s == "tr(X*B) = -42");
  md::text moved = built();
  md::text target;
  target = std::move(moved);
  REQUIRE(target.str() == s);
}
