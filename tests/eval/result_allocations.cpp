// Kernels of run-time sizes allocate what careful Eigen code allocates: their results and
// the values they reuse, no temporary for a transposed or scaled term of a sum, a product
// added into a sum, or an identity factor of a Kronecker product (operator new and Eigen's
// allocations counted, as in no_allocation.cpp, which has the kernels of fixed shapes).
#include "../support/allocation_count.hpp"

#include <tuple>

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using allocation_count::allocations_during;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

TEST_CASE("a sum reads a transposed term in place: A + A' allocates only its result") {
  // The Hessian of x'Ax. A planned sum computes t0 + t1 in one pass and adds later terms
  // into it, reading a transpose's operand transposed instead of forming it.
  constexpr auto n = md::dim<"n">;
  constexpr auto D = md::matrix<"D", n, n>;
  constexpr auto E = md::matrix<"E", n, n>;
  const Eigen::MatrixXd Dv = random_matrix<Eigen::MatrixXd>(6, 6), Ev = random_matrix<Eigen::MatrixXd>(6, 6);
  Eigen::MatrixXd sum;
  REQUIRE(allocations_during([&] { sum = md::eval(D + md::transpose(D), D = Dv); }) == 1);
  CHECK(sum == Eigen::MatrixXd(Dv + Dv.transpose()));
  REQUIRE(allocations_during([&] { sum = md::eval(md::transpose(E) - D + md::transpose(D), D = Dv, E = Ev); }) == 1);
  CHECK(sum == Eigen::MatrixXd((Ev.transpose() - Dv) + Dv.transpose()));
}

TEST_CASE("a sum times a vector is a sum of products into one result: (D + D')v allocates only its result") {
  // The gradient (A + A')x of x'Ax: Dv is the result, D'v is multiplied into it, not formed.
  constexpr auto n = md::dim<"n">;
  constexpr auto D = md::matrix<"D", n, n>;
  constexpr auto v = md::vector<"v", n>;
  const Eigen::MatrixXd Dv = random_matrix<Eigen::MatrixXd>(6, 6);
  const Eigen::VectorXd vv = random_matrix<Eigen::VectorXd>(6, 1);
  Eigen::VectorXd product;
  REQUIRE(allocations_during([&] { product = md::eval((D + md::transpose(D)) * v, D = Dv, v = vv); }) == 1);
  require_close(product, Eigen::VectorXd((Dv + Dv.transpose()) * vv));
  REQUIRE(allocations_during([&] { product = md::eval((D - md::transpose(D)) * v, D = Dv, v = vv); }) == 1);
  require_close(product, Eigen::VectorXd((Dv - Dv.transpose()) * vv));
  // Value and gradient of x'Ax: Dv, shared by both, and the gradient.
  const auto value_and_gradient = md::kernel(md::transpose(v) * D * v, md::grad(md::transpose(v) * D * v, v));
  double value = 0;
  REQUIRE(allocations_during([&] { std::tie(value, product) = value_and_gradient(D = Dv, v = vv); }) == 2);
  require_close(product, Eigen::VectorXd((Dv + Dv.transpose()) * vv));
  require_close(value, vv.dot(Dv * vv));
}

TEST_CASE("a scaled product is one product: -2(T - UV')V allocates its result and T - UV' only") {
  constexpr auto m = md::dim<"m">;
  constexpr auto n = md::dim<"n">;
  constexpr auto T = md::matrix<"T", m, n>;
  constexpr auto U = md::matrix<"U", m, 3>;
  constexpr auto V = md::matrix<"V", n, 3>;
  constexpr auto f = md::sqnorm(T - U * md::transpose(V));
  const Eigen::MatrixXd Tv = random_matrix<Eigen::MatrixXd>(8, 6);
  const Eigen::Matrix<double, Eigen::Dynamic, 3> Uv = random_matrix<Eigen::MatrixXd>(8, 3), Vv = random_matrix<Eigen::MatrixXd>(6, 3);
  const auto value_and_gradient = md::kernel(f, md::grad(f, U));
  double value = 0;
  Eigen::Matrix<double, Eigen::Dynamic, 3> gradient;  // the kernel's type: no conversion
  Eigen::MatrixXd sum;
  REQUIRE(allocations_during([&] { std::tie(value, gradient) = value_and_gradient(T = Tv, U = Uv, V = Vv); }) == 2);
  require_close(Eigen::MatrixXd(gradient), Eigen::MatrixXd(-2 * (Tv - Uv * Vv.transpose()) * Vv));
  // A scaled product added into a sum: only the sum's result.
  REQUIRE(allocations_during([&] { sum = md::eval(T - 2 * (U * md::transpose(V)), T = Tv, U = Uv, V = Vv); }) == 1);
  require_close(sum, Eigen::MatrixXd(Tv - 2 * Uv * Vv.transpose()));
}

TEST_CASE("a sum reads a scaled term in place: 2D - 3E' allocates only its result") {
  // The gradient 2J - 2M of ‖J‖² + ‖J⁻¹‖² has such terms: s·M is added without forming it.
  constexpr auto n = md::dim<"n">;
  constexpr auto D = md::matrix<"D", n, n>;
  constexpr auto E = md::matrix<"E", n, n>;
  constexpr auto s = md::scalar<"s">;
  const Eigen::MatrixXd Dv = random_matrix<Eigen::MatrixXd>(6, 6), Ev = random_matrix<Eigen::MatrixXd>(6, 6);
  Eigen::MatrixXd sum;
  REQUIRE(allocations_during([&] { sum = md::eval(2 * D - 3 * md::transpose(E), D = Dv, E = Ev); }) == 1);
  const Eigen::MatrixXd twice = 2 * Dv, thrice = 3 * Ev.transpose();
  CHECK(sum == Eigen::MatrixXd(twice - thrice));
  REQUIRE(allocations_during([&] { sum = md::eval(D + s * E - 0.5 * D, D = Dv, E = Ev, s = 1.5); }) == 1);
  const Eigen::MatrixXd scaled = 1.5 * Ev, half = 0.5 * Dv;
  CHECK(sum == Eigen::MatrixXd(Dv + scaled - half));
}

TEST_CASE("an identity factor of a Kronecker product is not formed: D ⊗ I allocates only its result") {
  // The Hessian 2(V'V ⊗ I) of ‖T - UV'‖² in U: the identity gives its size and its diagonal,
  // formed or added into a sum. (E gives n its value.)
  constexpr auto n = md::dim<"n">;
  constexpr auto D = md::matrix<"D", 3, 3>;
  constexpr auto E = md::matrix<"E", n, n>;
  const Eigen::Matrix3d Dv = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd Ev = random_matrix<Eigen::MatrixXd>(6, 6);
  Eigen::MatrixXd DI, E_copy, sum;
  // Two results, two allocations: D ⊗ I and the copy of E.
  REQUIRE(allocations_during([&] { std::tie(DI, E_copy) = md::kernel(md::kron(D, md::identity<n>), E)(D = Dv, E = Ev); }) == 2);
  REQUIRE(allocations_during([&] { sum = md::eval(md::kron(D, md::identity<n>) + md::kron(D, E), D = Dv, E = Ev); }) == 1);
  REQUIRE(DI.rows() == 18);
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 3; ++i) {
      CHECK(DI.block(6 * i, 6 * j, 6, 6) == Eigen::MatrixXd(Dv(i, j) * Eigen::MatrixXd::Identity(6, 6)));
      require_close(Eigen::MatrixXd(sum.block(6 * i, 6 * j, 6, 6)), Eigen::MatrixXd(Dv(i, j) * (Eigen::MatrixXd::Identity(6, 6) + Ev)));
    }
}
