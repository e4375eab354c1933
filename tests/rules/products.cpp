// Rewrite rules for products, quotients and negations: each rule's result, and the law
// eval(simplify(e)) == eval(e).
#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/expect.hpp"

namespace md = matdiff;
using matdiff_test::expect_simplify_law;
using matdiff_test::random_matrix;

namespace {
constexpr auto A = md::matrix<"A", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto C = md::matrix<"C", 3, 3>;
constexpr auto s = md::scalar<"s">;
constexpr auto I = md::identity<3>;
constexpr auto O = md::zeros<3, 3>;
}  // namespace

TEST_CASE("zeros and identities vanish from products") {
  static_assert(md::to_string(md::simplify(A * O)) == "0");
  static_assert(md::to_string(md::simplify(I * A * I)) == "A");
  static_assert(md::to_string(md::simplify(md::rational<1>{} * A)) == "A");
  STATIC_REQUIRE(md::to_string(md::simplify(O * A + B)) == "B");
}

TEST_CASE("numbers gather in front, negations outside, chains to the left") {
  static_assert(md::to_string(md::simplify(A * 2 * B * 3)) == "6*A*B");
  static_assert(md::to_string(md::simplify(A * (B * C))) == "A*B*C");
  static_assert(md::to_string(md::simplify(-A * -B)) == "A*B");
  static_assert(md::to_string(md::simplify(A * (-B) * C)) == "-A*B*C");
  static_assert(md::to_string(md::simplify(-(-A))) == "A");
  static_assert(md::to_string(md::simplify(-(2 * A))) == "-2*A");
  static_assert(md::to_string(md::simplify(A * s)) == "s*A");
  static_assert(md::to_string(md::simplify(A / 2)) == "(1/2)*A");
  STATIC_REQUIRE(md::to_string(md::simplify(md::inv(A) * A * B)) == "B");
}

TEST_CASE("an inverse cancels next to a 1x1 factor and keeps the shape") {
  // (s A⁻¹) A is s I, a 3x3 matrix: it simplified to the 1x1 s.
  constexpr auto r = md::simplify(s * md::inv(A) * A);
  static_assert(md::to_string(r) == "s*I");
  static_assert(decltype(r)::shape_v == decltype(A)::shape_v);
  static_assert(md::to_string(md::simplify(md::transpose(A) * (s * md::transpose(md::inv(A))))) == "s*I");
  STATIC_REQUIRE(md::to_string(md::simplify(B * md::inv(A) * A)) == "B");
  const Eigen::Matrix3d Av = matdiff_test::well_conditioned<Eigen::Matrix3d>(3);
  expect_simplify_law(s * md::inv(A) * A, A = Av, s = 0.75);
}

TEST_CASE("product rules keep the value") {
  const Eigen::Matrix3d Av = matdiff_test::well_conditioned<Eigen::Matrix3d>(3);
  const Eigen::Matrix3d Bv = random_matrix<Eigen::Matrix3d>(), Cv = random_matrix<Eigen::Matrix3d>();
  expect_simplify_law(A * 2 * B * 3, A = Av, B = Bv);
  expect_simplify_law(A * (B * C), A = Av, B = Bv, C = Cv);
  expect_simplify_law(-A * -(0.5 * B) * C, A = Av, B = Bv, C = Cv);
  expect_simplify_law(A * s * B / s, A = Av, B = Bv, s = 1.5);
  expect_simplify_law(B * md::inv(A) * A + md::transpose(A) * md::transpose(md::inv(A)), A = Av, B = Bv);
  expect_simplify_law((A - B) / 4 * C, A = Av, B = Bv, C = Cv);
}

TEST_CASE("diagonal matrices combine with each other and with vectors of ones") {
  constexpr auto a = md::vector<"a", 3>;
  constexpr auto b = md::vector<"b", 3>;
  static_assert(md::to_string(md::simplify(md::diag(a) * md::diag(b))) == "diag(a.*b)");
  static_assert(md::to_string(md::simplify(md::ones<1, 3> * md::diag(a))) == "a'");
  static_assert(md::to_string(md::simplify(md::diag(a) * md::ones<3, 1>)) == "a");
  static_assert(md::to_string(md::simplify(A * md::diag(a) * md::ones<3, 1>)) == "A*a");
  // Only a row (column) of ones is the sum of the rows (columns) of diag(a).
  static_assert(md::to_string(md::simplify(md::ones<3, 3> * md::diag(a))) == "ones*diag(a)");
  const Eigen::Vector3d av = random_matrix<Eigen::Vector3d>(), bv = random_matrix<Eigen::Vector3d>();
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>();
  expect_simplify_law(md::diag(a) * md::diag(b), a = av, b = bv);
  expect_simplify_law(md::ones<1, 3> * md::diag(a) * A, a = av, A = Av);
  expect_simplify_law(A * md::diag(a) * md::ones<3, 1>, a = av, A = Av);
}

TEST_CASE("a negated sum of negative terms loses its signs") {
  static_assert(md::to_string(md::simplify(-(-A - B))) == "A + B");
  static_assert(md::to_string(md::simplify(-(-A - B - C))) == "A + B + C");
  static_assert(md::to_string(md::simplify(-(md::rational<-1, 2>{} * A + md::rational<-1, 2>{} * B))) ==
                "(A + B)/2");
  // A user number's sign is not part of the type: the printer takes the minus inside when
  // every term is subtracted; a sum with a positive term stays negated.
  static_assert(md::to_string(md::simplify(-(-2.0 * A - B))) == "2*A + B");
  static_assert(md::to_string(md::simplify(-(-A + B))) == "-(B - A)");
  const Eigen::Matrix3d Av = random_matrix<Eigen::Matrix3d>(), Bv = random_matrix<Eigen::Matrix3d>();
  expect_simplify_law(-(-A - B), A = Av, B = Bv);
  expect_simplify_law(-(md::rational<-1, 2>{} * A + md::rational<-1, 2>{} * md::transpose(B)), A = Av, B = Bv);
}
