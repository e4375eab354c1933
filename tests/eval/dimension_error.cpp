// Sizes known only at run time are checked before evaluation: a mismatch throws
// md::dimension_error, a std::invalid_argument whose message names the variable, the
// dimension and both values.
#include <stdexcept>
#include <string>
#include <type_traits>

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto X = md::matrix<"X", 3, 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto S = md::matrix<"S", n, n>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto v = md::vector<"v", n>;
constexpr auto w = md::vector<"w", n>;
constexpr auto a = md::scalar<"a">;

Eigen::MatrixXd matrix(Eigen::Index rows, Eigen::Index cols) {
  return random_matrix<Eigen::MatrixXd>(rows, cols);
}

/// The message of the md::dimension_error that `f()` throws; fails the test if it throws
/// nothing or anything else.
template <class F>
std::string dimension_error_message(F&& f) {
  try {
    f();
  } catch (const md::dimension_error& e) {
    return e.what();
  } catch (...) {
    FAIL("an exception other than md::dimension_error");
  }
  FAIL("no exception");
  return {};
}

}  // namespace

TEST_CASE("md::dimension_error is a std::invalid_argument") {
  static_assert(std::is_base_of_v<std::invalid_argument, md::dimension_error>);
  const Eigen::MatrixXd wrong = matrix(4, 3);
  REQUIRE_THROWS_AS(md::eval(md::trace(X), X = wrong), md::dimension_error);
  REQUIRE_THROWS_AS(md::eval(md::trace(X), X = wrong), std::invalid_argument);
  REQUIRE_THROWS_WITH(md::eval(md::trace(X), X = wrong), StartsWith("matdiff: "));
}

TEST_CASE("a dynamic object with the wrong number of rows or columns for a fixed variable") {
  SECTION("rows") {
    const Eigen::MatrixXd wrong = matrix(4, 3);
    const std::string message =
        dimension_error_message([&] { return md::eval(md::trace(X), X = wrong); });
    REQUIRE_THAT(message, StartsWith("matdiff: ") && Contains("variable X") && Contains("rows") &&
                              Contains("must be 3") && Contains("has 4"));
  }
  SECTION("columns") {
    const Eigen::MatrixXd wrong = matrix(3, 5);
    const std::string message = dimension_error_message([&] { return X(X = wrong); });
    REQUIRE_THAT(message, Contains("variable X") && Contains("cols") && Contains("must be 3") &&
                              Contains("has 5"));
  }
  SECTION("only the dynamic size of a partly fixed object") {
    const Eigen::Matrix<double, Eigen::Dynamic, 3> wrong = matrix(2, 3);
    const std::string message = dimension_error_message(
        [&] { return md::eval(X * x, X = wrong, x = Eigen::Vector3d::Ones()); });
    REQUIRE_THAT(message, Contains("variable X") && Contains("rows") && Contains("must be 3") &&
                              Contains("has 2"));
  }
  SECTION("a vector") {
    const Eigen::VectorXd wrong = matrix(4, 1);
    const std::string message =
        dimension_error_message([&] { return md::eval(md::sum(x), x = wrong); });
    REQUIRE_THAT(message, Contains("variable x") && Contains("rows") && Contains("must be 3") &&
                              Contains("has 4"));
  }
  SECTION("a block, a map and an expression") {
    const Eigen::MatrixXd big = matrix(5, 5);
    REQUIRE_THAT(dimension_error_message(
                     [&] { return md::eval(md::trace(X), X = big.topLeftCorner(3, 4)); }),
                 Contains("variable X") && Contains("cols") && Contains("has 4"));
    REQUIRE_THAT(dimension_error_message([&] {
                   return md::eval(md::trace(X),
                                   X = Eigen::Map<const Eigen::MatrixXd>(big.data(), 2, 3));
                 }),
                 Contains("variable X") && Contains("rows") && Contains("has 2"));
    REQUIRE_THAT(dimension_error_message([&] { return md::eval(md::trace(X), X = 2 * big); }),
                 Contains("variable X") && Contains("has 5"));
  }
  SECTION("a scalar variable bound to a dynamic object that is not 1x1") {
    const Eigen::MatrixXd column = matrix(2, 1);
    const Eigen::MatrixXd row = matrix(1, 3);
    REQUIRE_THAT(
        dimension_error_message(
            [&] { return md::eval(a * X, a = column, X = Eigen::Matrix3d::Ones()); }),
        Contains("variable a") && Contains("rows") && Contains("must be 1") && Contains("has 2"));
    REQUIRE_THAT(
        dimension_error_message([&] { return md::eval(a, a = row); }),
        Contains("variable a") && Contains("cols") && Contains("must be 1") && Contains("has 3"));
  }
}

TEST_CASE("one symbolic dimension bound to two values by two variables") {
  const Eigen::MatrixXd Yv = matrix(5, 3);
  const Eigen::VectorXd vv = matrix(4, 1);
  constexpr auto e = md::transpose(v) * Y;  // n = rows of Y = rows of v

  // The message names the variable that disagrees and the one that set the dimension.
  REQUIRE_THAT(dimension_error_message([&] { return md::eval(e, Y = Yv, v = vv); }),
               StartsWith("matdiff: ") && Contains("variable v") && Contains("dimension n") &&
                   Contains("is 4") && Contains("variable Y has n = 5"));
  REQUIRE_THAT(dimension_error_message([&] { return md::eval(e, v = vv, Y = Yv); }),
               Contains("variable Y") && Contains("dimension n") && Contains("is 5") &&
                   Contains("variable v has n = 4"));
  // Rows of one variable against columns of another.
  constexpr auto Z = md::matrix<"Z", 3, n>;
  REQUIRE_THAT(
      dimension_error_message([&] { return md::eval(md::trace(Y * Z), Y = Yv, Z = matrix(3, 6)); }),
      Contains("variable Z") && Contains("dimension n (cols)") && Contains("is 6") &&
          Contains("variable Y has n = 5"));
  // Fixed-size objects: their sizes are known at compile time, but n is checked at run time.
  REQUIRE_THAT(dimension_error_message([&] {
                 return md::eval(e, Y = Eigen::Matrix<double, 2, 3>::Ones(),
                                 v = Eigen::Vector3d::Ones());
               }),
               Contains("variable v") && Contains("is 3") && Contains("variable Y has n = 2"));
}

TEST_CASE("one symbolic dimension bound to two values within one variable") {
  const Eigen::MatrixXd rectangular = matrix(3, 4);
  REQUIRE_THAT(dimension_error_message([&] { return md::eval(md::trace(S), S = rectangular); }),
               Contains("variable S") && Contains("dimension n (cols)") && Contains("is 4") &&
                   Contains("variable S has n = 3"));
  REQUIRE_THAT(dimension_error_message(
                   [&] { return md::eval(md::trace(S), S = Eigen::Matrix<double, 3, 4>::Ones()); }),
               Contains("variable S") && Contains("is 4") && Contains("n = 3"));
}

TEST_CASE("the symbolic size of a constant takes its value from the variables") {
  const Eigen::VectorXd vv = matrix(4, 1);
  const Eigen::VectorXd wv = matrix(4, 1);
  constexpr auto e = md::identity<n> + v * md::transpose(w);
  require_close(md::eval(e, v = vv, w = wv),
                Eigen::MatrixXd(Eigen::MatrixXd::Identity(4, 4) + vv * wv.transpose()));
  require_close(md::eval(md::transpose(md::ones<n, 1>) * v, v = vv), vv.sum());

  const Eigen::VectorXd longer = matrix(5, 1);
  REQUIRE_THAT(dimension_error_message([&] { return md::eval(e, v = vv, w = longer); }),
               Contains("variable w") && Contains("dimension n") && Contains("is 5") &&
                   Contains("variable v has n = 4"));
}

TEST_CASE("a kernel checks the sizes of all its expressions together") {
  const Eigen::MatrixXd Yv = matrix(5, 3);
  const Eigen::VectorXd vv = matrix(4, 1);
  const auto k = md::kernel(md::sum(Y), md::sum(v));  // n is shared by the two expressions
  REQUIRE_THAT(dimension_error_message([&] { return k(Y = Yv, v = vv); }),
               Contains("variable v") && Contains("dimension n") && Contains("is 4") &&
                   Contains("variable Y has n = 5"));
  REQUIRE_NOTHROW(k(Y = Yv, v = Eigen::VectorXd(matrix(5, 1))));
}

TEST_CASE("sizes that agree do not throw") {
  const Eigen::MatrixXd Yv = matrix(5, 3);
  const Eigen::VectorXd vv = matrix(5, 1);
  REQUIRE_NOTHROW(md::eval(md::transpose(v) * Y, Y = Yv, v = vv));
  REQUIRE_NOTHROW(md::eval(md::trace(S), S = matrix(5, 5)));
  REQUIRE_NOTHROW(md::eval(md::trace(X), X = matrix(3, 3)));
  REQUIRE_NOTHROW(md::eval(a, a = matrix(1, 1)));
  REQUIRE_NOTHROW(md::eval(md::sum(v), v = Eigen::VectorXd()));  // n = 0
}

TEST_CASE("a size that is a product of symbols is checked against their values") {
  constexpr auto m = md::dim<"m">;
  constexpr auto n = md::dim<"n">;
  constexpr auto A = md::matrix<"A", m, n>;
  constexpr auto k = md::vector<"k", m * n>;
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(5, 2);
  const Eigen::VectorXd kv = random_matrix<Eigen::MatrixXd>(10, 1);
  const double expected = (Av.reshaped() - kv).squaredNorm();
  REQUIRE(md::eval(md::sqnorm(md::vec(A) - k), A = Av, k = kv) == Approx(expected));
  REQUIRE(md::eval(md::sqnorm(md::vec(A) - k), k = kv, A = Av) == Approx(expected));  // either order
  const Eigen::VectorXd wrong = random_matrix<Eigen::MatrixXd>(9, 1);
  REQUIRE_THROWS_WITH(md::eval(md::sqnorm(md::vec(A) - k), A = Av, k = wrong),
                      Contains("variable k") && Contains("m*n") && Contains("10") && Contains("9"));
}

TEST_CASE("a size that is a multiple of one unknown symbol determines it") {
  constexpr auto m = md::dim<"m">;
  constexpr auto n = md::dim<"n">;
  constexpr auto v = md::vector<"v", 2 * n>;
  constexpr auto k = md::vector<"k", m * n>;
  constexpr auto w = md::vector<"w", m>;
  const Eigen::VectorXd six = random_matrix<Eigen::MatrixXd>(6, 1);
  // n = 3 from 2*n alone: ones of size n sums to 3.
  REQUIRE(md::eval(md::sum(v) + md::sum(md::ones<n, 1>), v = six) == Approx(six.sum() + 3));
  const Eigen::VectorXd seven = random_matrix<Eigen::MatrixXd>(7, 1);
  REQUIRE_THROWS_WITH(md::eval(md::sum(v), v = seven),
                      Contains("variable v") && Contains("2*n") && Contains("7") && Contains("multiple of 2"));
  // k (m*n) comes first, yet n is taken from v (2*n) before k is checked.
  const Eigen::VectorXd two = random_matrix<Eigen::MatrixXd>(2, 1);
  REQUIRE(md::eval(md::sum(k) + md::sum(v) + md::sum(w), k = six, v = six, w = two) == Approx(2 * six.sum() + two.sum()));
}
