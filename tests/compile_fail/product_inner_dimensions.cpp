// expect: matdiff: product: inner dimensions differ
// expect-gcc: matdiff: product of 3x4 and 5x5: inner dimensions differ
// expect-first: matdiff: product: inner dimensions differ
// expect-count: 1 : error:
// A product whose inner dimensions differ is one error, naming the operation and both
// shapes; the code that goes on to use the product adds none.
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

int main() {
  constexpr auto A = md::matrix<"A", 3, 4>;
  constexpr auto B = md::matrix<"B", 5, 5>;
  constexpr auto f = md::trace(A * B) + 1;
  const Eigen::MatrixXd Av(3, 4), Bv(5, 5);
  const double value = md::eval(f, A = Av, B = Bv);
  const auto [also_value] = md::kernel(f)(A = Av, B = Bv);
  return value + also_value + f(A = Av, B = Bv) > 0;
}
