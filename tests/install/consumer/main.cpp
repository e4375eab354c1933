// Built against matdiff by the install_consumer and subdirectory_consumer tests: a user's
// program that only knows `find_package(matdiff)` / `add_subdirectory`. Exits with 0 when
// the library builds, prints and evaluates an expression correctly.
#include <matdiff/matdiff.hpp>

#include <cmath>

#include <Eigen/Dense>

namespace md = matdiff;

int main() {
  constexpr auto X = md::matrix<"X", md::dim<"n">, 3>;
  constexpr auto B = md::matrix<"B", 3, 3>;
  constexpr auto f = md::trace(X * B * md::transpose(X));
  static_assert(md::to_string(f) == "tr(X*B*X')");

  const Eigen::MatrixXd Xv = Eigen::MatrixXd::Random(4, 3);
  const Eigen::Matrix3d Bv = Eigen::Matrix3d::Random();
  const double value = f(X = Xv, B = Bv);
  const double expected = (Xv * Bv * Xv.transpose()).trace();
  return std::abs(value - expected) <= 1e-12 * (1 + std::abs(expected)) ? 0 : 1;
}
