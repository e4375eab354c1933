// The evaluation context's view (eval/context.hpp): the variables' names packed into 64-bit
// words and the bound values' distinct types, as the view's type spells them; every
// variable finds its own value whatever its name's length and whatever the other names.
#include <cstdint>
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

namespace md = matdiff;

namespace {

// Names of 1 to 31 characters, around the 8-character words, and prefixes of each other.
constexpr md::name_string names[] = {"a",        "A1",        "A12",      "abcdefg",  "abcdefgh",
                                     "abcdefghi", "abcdefgh1", "abcdefghijklmnop",
                                     "abcdefghijklmnopqrstuvwxyz01234"};

template <std::size_t... I>
constexpr auto all_names(std::index_sequence<I...>) {
  constexpr std::size_t words = (md::detail::packed_word_count(names[I]) + ...);
  return md::detail::bind_names<words, md::type_list<double>, decltype(I, 0.0)...>(names[I]...);
}
constexpr auto packed = all_names(std::make_index_sequence<std::size(names)>{});

}  // namespace

TEST_CASE("packed names: a name takes its characters' words and one more zero byte", "[context]") {
  STATIC_REQUIRE(md::detail::packed_word_count("a") == 1);
  STATIC_REQUIRE(md::detail::packed_word_count("abcdefg") == 1);
  STATIC_REQUIRE(md::detail::packed_word_count("abcdefgh") == 2);
  STATIC_REQUIRE(md::detail::packed_word_count("abcdefghijklmnopqrstuvwxyz01234") == 4);
  // "A1" is 'A' + '1'·256, the word a mangled name spells as 12609.
  STATIC_REQUIRE(md::detail::packed_word("A1", 0) == 12609);
  STATIC_REQUIRE(decltype(packed)::count == std::size(names));
}

TEST_CASE("packed names: every name is found at its own position, unknown names are not", "[context]") {
  STATIC_REQUIRE(packed.index_of("a") == 0);
  STATIC_REQUIRE(packed.index_of("A1") == 1);
  STATIC_REQUIRE(packed.index_of("A12") == 2);
  STATIC_REQUIRE(packed.index_of("abcdefg") == 3);
  STATIC_REQUIRE(packed.index_of("abcdefgh") == 4);
  STATIC_REQUIRE(packed.index_of("abcdefghi") == 5);
  STATIC_REQUIRE(packed.index_of("abcdefgh1") == 6);
  STATIC_REQUIRE(packed.index_of("abcdefghijklmnop") == 7);
  STATIC_REQUIRE(packed.index_of("abcdefghijklmnopqrstuvwxyz01234") == 8);
  constexpr auto npos = static_cast<std::size_t>(-1);
  STATIC_REQUIRE(packed.index_of("A") == npos);
  STATIC_REQUIRE(packed.index_of("abcdef") == npos);
  STATIC_REQUIRE(packed.index_of("abcdefghij") == npos);
  STATIC_REQUIRE(packed.index_of("abcdefghijklmnopqrstuvwxyz0123") == npos);
}

namespace {
constexpr auto long_name = md::matrix<"a_variable_with_a_long_name_01", 2, 2>;
constexpr auto other_long = md::matrix<"a_variable_with_a_long_name_02", 2, 2>;
constexpr auto D = md::matrix<"D", md::dim<"n">, md::dim<"n">>;
constexpr auto s = md::scalar<"s">;
constexpr auto E = md::matrix<"E", 2, 2>;
}  // namespace

TEST_CASE("the view names each distinct type of the bound values once", "[context]") {
  using md::binding;
  using fixed = Eigen::Matrix2d;
  using dynamic = Eigen::MatrixXd;
  // Five variables bound to three kinds of value: fixed 2x2 (three of them), dynamic, a number.
  using ctx = md::context<md::static_set<md::name_string, 1>{{"n"}},
                          binding<std::remove_cvref_t<decltype(long_name)>, fixed, false>,
                          binding<std::remove_cvref_t<decltype(D)>, dynamic, false>,
                          binding<std::remove_cvref_t<decltype(other_long)>, fixed, false>,
                          binding<std::remove_cvref_t<decltype(s)>, double, false>,
                          binding<std::remove_cvref_t<decltype(E)>, fixed, false>>;
  using distinct = typename md::view_of<ctx>::distinct;
  STATIC_REQUIRE(md::list_length<distinct> == 3);
  constexpr auto bound = md::view_of<ctx>::names;
  STATIC_REQUIRE(bound.leaf_type[0] == 0);
  STATIC_REQUIRE(bound.leaf_type[1] == 1);
  STATIC_REQUIRE(bound.leaf_type[2] == 0);
  STATIC_REQUIRE(bound.leaf_type[3] == 2);
  STATIC_REQUIRE(bound.leaf_type[4] == 0);
}

TEST_CASE("variables with long names and values of several types evaluate to their own values", "[context]") {
  const Eigen::Matrix2d Lv{{1, 2}, {3, 4}}, Ov{{0.5, -1}, {2, 0.25}}, Ev{{-3, 1}, {1, 2}};
  const Eigen::MatrixXd Dv = Eigen::MatrixXd{{2, 1}, {1, 3}};
  const double sv = 1.5;
  const auto f = md::trace(long_name * other_long) + s * md::trace(D) + md::sum(E);
  const double expected = (Lv * Ov).trace() + sv * Dv.trace() + Ev.sum();
  // Bindings in an order other than the variables'.
  CHECK(md::eval(f, E = Ev, s = sv, other_long = Ov, D = Dv, long_name = Lv) == Approx(expected).epsilon(1e-15));
  const auto [value, gradient] = md::kernel(f, md::grad(f, long_name))(s = sv, D = Dv, E = Ev, long_name = Lv,
                                                                      other_long = Ov);
  CHECK(value == Approx(expected).epsilon(1e-15));
  CHECK(Eigen::Matrix2d(gradient) == Ov.transpose());
}
