// expect: matdiff: variable: names are limited to 31 characters
// expect-first: matdiff: variable: names are limited to 31 characters
// expect-first-clang: name_fits<matdiff::name_string."a_name_that_is_longer_than_31_c", true.>
// expect-count: 1 : error:
// Names are stored in the variable's type, in 31 characters.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"a_name_that_is_longer_than_31_characters", 3, 3>;
  return md::to_string(X).view().empty();
}
