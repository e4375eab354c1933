// expect: matdiff: dim: names are limited to 31 characters
// expect-first: matdiff: dim: names are limited to 31 characters
// expect-count: 1 : error:
// Names of dimensions are limited like those of variables.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto x = md::vector<"x", md::dim<"number_of_observations_in_the_sample">>;
  return md::to_string(x).view().empty();
}
