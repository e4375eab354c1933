#include <catch2/catch.hpp>

TEST_CASE("the test build works")
{
    REQUIRE(1 + 1 == 2);
}
