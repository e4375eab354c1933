// Variables: names and shapes in their types, the sets they contribute, bindings.
#include <matdiff/core/variable.hpp>

#include <type_traits>

#include <catch2/catch.hpp>

namespace md = matdiff;

constexpr auto n = md::dim<"n">;
constexpr auto X = md::matrix<"X", n, 3>;
constexpr auto x = md::vector<"x", 4>;
constexpr auto a = md::scalar<"a">;

TEST_CASE("variables carry their name and shape in their type") {
  static_assert(md::expression<decltype(X)>);
  static_assert(decltype(X)::name == md::name_string("X"));
  static_assert(decltype(X)::shape_v == md::shape{n, md::to_dimension(3)});
  static_assert(decltype(x)::shape_v == md::shape{md::to_dimension(4), md::to_dimension(1)});
  static_assert(decltype(a)::shape_v.is_scalar());
  static_assert(std::is_empty_v<decltype(X)>);
  // One name and shape: one type, so equal subexpressions have equal types.
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(X)>, std::remove_cvref_t<decltype(md::matrix<"X", n, 3>)>>);
  STATIC_REQUIRE(md::is_variable<std::remove_cvref_t<decltype(X)>>);
}

TEST_CASE("a variable contributes itself and its symbolic dimensions") {
  static_assert(decltype(X)::variables_v.size == 1);
  static_assert(decltype(X)::variables_v.items[0]->name == md::name_string("X"));
  // A set holds the address of the variable type's description: one variable, one address;
  // the same name with another shape or structure is another variable.
  static_assert(decltype(X)::variables_v.items[0] == decltype(md::matrix<"X", n, 3>)::ref_v);
  static_assert(!(decltype(X)::ref_v == decltype(md::matrix<"X", n, 4>)::ref_v));
  static_assert(!(decltype(md::matrix<"S", n, n>)::ref_v == decltype(md::symmetric<"S", n>)::ref_v));
  static_assert(decltype(X)::ref_v->shape == decltype(X)::shape_v);
  static_assert(decltype(X)::symbols_v.size == 1);
  static_assert(decltype(X)::symbols_v.items[0] == md::name_string("n"));
  STATIC_REQUIRE(decltype(x)::symbols_v.size == 0);
}

TEST_CASE("a square symbolic shape mentions its dimension once") {
  constexpr auto S = md::matrix<"S", n, n>;
  static_assert(decltype(S)::symbols_v.size == 1 && decltype(S)::symbols_v.items[0] == md::name_string("n"));
  constexpr auto m = md::dim<"m">;
  STATIC_REQUIRE(md::symbols_of_shape<md::shape{m * n, n}>.size == 2);
}

TEST_CASE("bindings hold numbers by value and other values by reference") {
  const double value = 2.0;
  auto by_value = (a = value);
  static_assert(std::is_same_v<decltype(by_value.value), double>);
  struct matrix_like {};
  const matrix_like m;
  auto by_reference = (X = m);
  static_assert(std::is_same_v<decltype(by_reference.value), const matrix_like&>);
  static_assert(md::is_binding<decltype(by_reference)>);
  REQUIRE(&by_reference.value == &m);
  REQUIRE(by_value.value == 2.0);
}

TEST_CASE("variables print their names; LaTeX sets longer names as one symbol") {
  md::printer text{md::notation::text};
  md::print_name(text, "Sigma");
  REQUIRE(text.out == "Sigma");
  md::printer latex{md::notation::latex};
  md::print_name(latex, "Sigma");
  latex.write(" ");
  md::print_name(latex, "Xw");
  latex.write(" ");
  md::print_name(latex, "X");
  REQUIRE(latex.out == "\\Sigma \\mathit{Xw} X");
}
