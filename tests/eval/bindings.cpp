// Bindings `X = value`: every kind of value a variable can be bound to, in any order, gives
// the results of plain Eigen; plain objects, maps and blocks are viewed, not copied.

// Heap allocations are counted while an evaluation runs (TEST_CASE "heap allocations").
#include "../support/allocation_count.hpp"

#include <array>
#include <cmath>
#include <type_traits>
#include <vector>

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

using allocation_count::allocations_during;

constexpr auto n = md::dim<"n">;
constexpr auto X = md::matrix<"X", 3, 3>;
constexpr auto B = md::matrix<"B", 3, 3>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto S = md::matrix<"S", n, n>;
constexpr auto x = md::vector<"x", 3>;
constexpr auto v = md::vector<"v", n>;
constexpr auto a = md::scalar<"a">;
constexpr auto b = md::scalar<"b">;

// Expressions used throughout, each with its plain Eigen counterpart below.
constexpr auto f = md::trace(X * B);          // 1x1
constexpr auto F = X * B + md::transpose(X);  // 3x3
constexpr auto g = md::dot(v, S * v);         // 1x1, symbolic
constexpr auto G = Y * B;                     // n x 3

template <class XV, class BV>
double f_ref(const XV& Xv, const BV& Bv) {
  return (Xv * Bv).trace();
}
template <class XV, class BV>
Eigen::Matrix3d F_ref(const XV& Xv, const BV& Bv) {
  return Xv * Bv + Xv.transpose();
}
template <class VV, class SV>
double g_ref(const VV& vv, const SV& Sv) {
  return vv.dot(Sv * vv);
}

}  // namespace

TEST_CASE("plain fixed-size and dynamic matrices") {
  const Eigen::Matrix3d Xf = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix3d Bf = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd Xd = Xf, Bd = Bf;

  require_close(md::eval(f, X = Xf, B = Bf), f_ref(Xf, Bf));
  require_close(md::eval(F, X = Xf, B = Bf), F_ref(Xf, Bf));
  require_close(md::eval(f, X = Xd, B = Bd), f_ref(Xf, Bf));
  require_close(md::eval(F, X = Xd, B = Bd), F_ref(Xf, Bf));
  require_close(md::eval(F, X = Xd, B = Bf), F_ref(Xf, Bf));  // fixed and dynamic mixed

  const Eigen::MatrixXd Yd = random_matrix<Eigen::MatrixXd>(5, 3);
  require_close(md::eval(G, Y = Yd, B = Bf), Eigen::MatrixXd(Yd * Bf));
  const Eigen::Matrix<double, 4, 3> Yf = random_matrix<Eigen::Matrix<double, 4, 3>>();
  require_close(md::eval(G, Y = Yf, B = Bd), Eigen::MatrixXd(Yf * Bf));
}

TEST_CASE("vectors") {
  const Eigen::Vector3d xf = random_matrix<Eigen::Vector3d>();
  const Eigen::VectorXd xd = xf;
  const Eigen::Matrix3d Bf = random_matrix<Eigen::Matrix3d>();
  require_close(md::eval(md::dot(x, B * x), x = xf, B = Bf), xf.dot(Bf * xf));
  require_close(md::eval(md::dot(x, B * x), x = xd, B = Bf), xf.dot(Bf * xf));
  require_close(md::eval(B * x, x = xd, B = Bf), Eigen::Vector3d(Bf * xf));

  const Eigen::VectorXd vd = random_matrix<Eigen::VectorXd>(6, 1);
  const Eigen::MatrixXd Sd = random_matrix<Eigen::MatrixXd>(6, 6);
  require_close(md::eval(g, v = vd, S = Sd), g_ref(vd, Sd));
  require_close(md::eval(S * v, v = vd, S = Sd), Eigen::VectorXd(Sd * vd));
  require_close(md::eval(md::transpose(v) * S, v = vd, S = Sd),
                Eigen::RowVectorXd(vd.transpose() * Sd));
}

TEST_CASE("row-major matrices") {
  using RowMajor3d = Eigen::Matrix<double, 3, 3, Eigen::RowMajor>;
  using RowMajorXd = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const Eigen::Matrix3d Xc = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix3d Bc = random_matrix<Eigen::Matrix3d>();
  const RowMajor3d Xr = Xc;
  const RowMajorXd Br = Bc;

  require_close(md::eval(f, X = Xr, B = Bc), f_ref(Xc, Bc));
  require_close(md::eval(F, X = Xr, B = Br), F_ref(Xc, Bc));
  require_close(md::eval(md::vec(X), X = Xr), Eigen::Matrix<double, 9, 1>(Xc.reshaped()));

  const RowMajorXd Sr = random_matrix<RowMajorXd>(4, 4);
  const Eigen::VectorXd vd = random_matrix<Eigen::VectorXd>(4, 1);
  require_close(md::eval(g, v = vd, S = Sr), g_ref(vd, Eigen::MatrixXd(Sr)));
}

TEST_CASE("maps over a raw array and a std::vector") {
  std::array<double, 9> raw{};
  std::vector<double> storage(9);
  for (std::size_t i = 0; i < 9; ++i) {
    raw[i] = 0.5 * double(i) - 1.0;
    storage[i] = 1.0 / (1.0 + double(i));
  }
  const Eigen::Map<const Eigen::Matrix3d> Xm(raw.data());
  const Eigen::Map<Eigen::MatrixXd> Bm(storage.data(), 3, 3);
  const Eigen::Matrix3d Xc = Xm, Bc = Bm;

  require_close(md::eval(f, X = Xm, B = Bm), f_ref(Xc, Bc));
  require_close(md::eval(F, X = Xm, B = Bm), F_ref(Xc, Bc));
  // A map made inside the call.
  require_close(md::eval(F, X = Eigen::Map<Eigen::Matrix3d>(raw.data()),
                         B = Eigen::Map<const Eigen::MatrixXd>(storage.data(), 3, 3)),
                F_ref(Xc, Bc));
  // A vector, and a strided map (every other entry of the array).
  const Eigen::Map<const Eigen::VectorXd> vm(storage.data(), 9);
  const Eigen::MatrixXd Sd = random_matrix<Eigen::MatrixXd>(9, 9);
  require_close(md::eval(g, v = vm, S = Sd), g_ref(Eigen::VectorXd(vm), Sd));
  const Eigen::Map<const Eigen::Vector3d, 0, Eigen::InnerStride<2>> every_other(raw.data());
  const Eigen::Vector3d xc(raw[0], raw[2], raw[4]);
  require_close(md::eval(md::dot(x, B * x), x = every_other, B = Bc), xc.dot(Bc * xc));
}

TEST_CASE("blocks and columns") {
  const Eigen::MatrixXd M = random_matrix<Eigen::MatrixXd>(6, 5);
  const Eigen::Matrix3d Xc = M.block(1, 2, 3, 3);
  const Eigen::Matrix3d Bc = M.topLeftCorner(3, 3);

  require_close(md::eval(f, X = M.block(1, 2, 3, 3), B = M.topLeftCorner(3, 3)), f_ref(Xc, Bc));
  require_close(md::eval(F, X = M.block<3, 3>(1, 2), B = M.topLeftCorner<3, 3>()), F_ref(Xc, Bc));
  require_close(md::eval(G, Y = M.leftCols(3), B = Bc), Eigen::MatrixXd(M.leftCols(3) * Bc));
  require_close(md::eval(G, Y = M.middleRows(2, 4).leftCols<3>(), B = Bc),
                Eigen::MatrixXd(M.middleRows(2, 4).leftCols(3) * Bc));

  const Eigen::VectorXd column = M.col(4);
  const Eigen::MatrixXd Sd = random_matrix<Eigen::MatrixXd>(6, 6);
  require_close(md::eval(g, v = M.col(4), S = Sd), g_ref(column, Sd));
  // A row, transposed: a column whose entries are not contiguous.
  const Eigen::VectorXd row = M.row(3).transpose();
  require_close(md::eval(md::sqnorm(v) + md::sum(v), v = M.row(3).transpose()),
                row.squaredNorm() + row.sum());
  require_close(md::eval(md::dot(x, B * x), x = M.col(1).segment(2, 3), B = Bc),
                M.col(1).segment(2, 3).dot(Bc * M.col(1).segment(2, 3)));
}

TEST_CASE("Eigen expressions") {
  const Eigen::Matrix3d Xc = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix3d Bc = random_matrix<Eigen::Matrix3d>();
  const Eigen::MatrixXd P = random_matrix<Eigen::MatrixXd>(3, 3);
  const Eigen::MatrixXd Q = random_matrix<Eigen::MatrixXd>(3, 3);

  require_close(md::eval(F, X = 2 * Xc, B = Bc), F_ref(Eigen::Matrix3d(2 * Xc), Bc));
  require_close(md::eval(F, X = Xc.transpose(), B = Bc),
                F_ref(Eigen::Matrix3d(Xc.transpose()), Bc));
  require_close(md::eval(F, X = P + Q, B = Bc), F_ref(Eigen::Matrix3d(P + Q), Bc));
  require_close(md::eval(F, X = P * Q, B = Bc), F_ref(Eigen::Matrix3d(P * Q), Bc));
  require_close(md::eval(F, X = Xc, B = Eigen::Matrix3d::Identity()),
                F_ref(Xc, Eigen::Matrix3d::Identity()));
  require_close(md::eval(f, X = Xc.cwiseAbs(), B = Eigen::MatrixXd::Constant(3, 3, 0.5)),
                f_ref(Eigen::Matrix3d(Xc.cwiseAbs()), Eigen::Matrix3d::Constant(0.5)));
  // An Eigen array is a dense expression too.
  const Eigen::Array33d Xa = Xc.array();
  require_close(md::eval(F, X = Xa, B = Bc), F_ref(Xc, Bc));
  require_close(md::eval(F, X = Xa * 2, B = Bc), F_ref(Eigen::Matrix3d(2 * Xc), Bc));
}

TEST_CASE("numbers for scalar variables") {
  const Eigen::Matrix3d Xc = random_matrix<Eigen::Matrix3d>();
  constexpr auto h = a * X + b * md::identity<3>;
  const Eigen::Matrix3d expected = 2.5 * Xc + 3.0 * Eigen::Matrix3d::Identity();

  require_close(md::eval(h, X = Xc, a = 2.5, b = 3.0), expected);
  require_close(md::eval(h, X = Xc, a = 2.5f, b = 3.0), expected);  // float and long double convert
  require_close(md::eval(h, X = Xc, a = 2.5L, b = 3.0f), expected);

  require_close(md::eval(a * b - a, a = 4.0, b = 0.25), 4 * 0.25 - 4);
  require_close(md::eval(md::exp(a), a = 1.0f), std::exp(1.0), 1e-6);
}

TEST_CASE("a 1x1 Eigen matrix for a scalar variable") {
  const Eigen::Matrix3d Xc = random_matrix<Eigen::Matrix3d>();
  const Eigen::Vector3d p = random_matrix<Eigen::Vector3d>();
  const Eigen::Vector3d q = random_matrix<Eigen::Vector3d>();
  const Eigen::Matrix<double, 1, 1> one_by_one = Eigen::Matrix<double, 1, 1>::Constant(1.5);
  const Eigen::MatrixXd dynamic_one_by_one = Eigen::MatrixXd::Constant(1, 1, -2.0);

  require_close(md::eval(a * X, X = Xc, a = one_by_one), Eigen::Matrix3d(1.5 * Xc));
  require_close(md::eval(a * X, X = Xc, a = dynamic_one_by_one), Eigen::Matrix3d(-2.0 * Xc));
  require_close(md::eval(a * a, a = one_by_one), 2.25);
  // A 1x1 Eigen expression: the product pᵀq.
  require_close(md::eval(a * X, X = Xc, a = p.transpose() * q), Eigen::Matrix3d(p.dot(q) * Xc));
  require_close(md::eval(a + b, a = p.transpose() * q, b = one_by_one), p.dot(q) + 1.5);
}

TEST_CASE("bindings in any order") {
  const Eigen::Matrix3d Xc = random_matrix<Eigen::Matrix3d>();
  const Eigen::Matrix3d Bc = random_matrix<Eigen::Matrix3d>();
  constexpr auto h = a * X * B;
  const Eigen::Matrix3d expected = 0.5 * Xc * Bc;

  require_close(md::eval(h, a = 0.5, X = Xc, B = Bc), expected);
  require_close(md::eval(h, a = 0.5, B = Bc, X = Xc), expected);
  require_close(md::eval(h, X = Xc, a = 0.5, B = Bc), expected);
  require_close(md::eval(h, X = Xc, B = Bc, a = 0.5), expected);
  require_close(md::eval(h, B = Bc, a = 0.5, X = Xc), expected);
  require_close(md::eval(h, B = Bc, X = Xc, a = 0.5), expected);
  // The same with two symbolic sizes, where the first binding sets n.
  const Eigen::MatrixXd Sd = random_matrix<Eigen::MatrixXd>(4, 4);
  const Eigen::VectorXd vd = random_matrix<Eigen::VectorXd>(4, 1);
  require_close(md::eval(g, S = Sd, v = vd), g_ref(vd, Sd));
  require_close(md::eval(g, v = vd, S = Sd), g_ref(vd, Sd));
}

TEST_CASE("dynamic objects bound to fixed-shape variables") {
  const Eigen::MatrixXd Xd = random_matrix<Eigen::MatrixXd>(3, 3);
  const Eigen::Matrix<double, Eigen::Dynamic, 3> Bd = random_matrix<Eigen::MatrixXd>(3, 3);
  const Eigen::VectorXd xd = random_matrix<Eigen::VectorXd>(3, 1);
  const Eigen::Matrix3d Xc = Xd, Bc = Bd;

  const auto value = md::eval(F, X = Xd, B = Bd);
  static_assert(std::is_same_v<decltype(value), const Eigen::Matrix3d>);  // the shape is fixed
  require_close(value, F_ref(Xc, Bc));
  require_close(md::eval(f, X = Xd, B = Bd), f_ref(Xc, Bc));
  const auto Bx = md::eval(B * x, B = Bd, x = xd);
  static_assert(std::is_same_v<decltype(Bx), const Eigen::Vector3d>);
  require_close(Bx, Eigen::Vector3d(Bc * xd));
}

TEST_CASE("fixed-size objects bound to variables of symbolic shape") {
  const Eigen::Matrix4d Sf = random_matrix<Eigen::Matrix4d>();
  const Eigen::Vector4d vf = random_matrix<Eigen::Vector4d>();
  const auto Sv = md::eval(S * v, S = Sf, v = vf);
  static_assert(std::is_same_v<decltype(Sv), const Eigen::VectorXd>);  // n is symbolic
  require_close(Sv, Eigen::VectorXd(Sf * vf));
  require_close(md::eval(g, S = Sf, v = vf), g_ref(vf, Sf));
}

TEST_CASE("a binding refers to its value") {
  Eigen::MatrixXd Xd = random_matrix<Eigen::MatrixXd>(3, 3);
  const Eigen::Matrix3d Bc = random_matrix<Eigen::Matrix3d>();

  REQUIRE(md::eval(X, X = Xd) == Xd);  // the variable alone is its value
  const auto bound_X = (X = Xd);
  const auto bound_B = (B = Bc);
  Xd(1, 2) = 42.0;  // after binding
  const Eigen::Matrix3d seen = md::eval(X, bound_X);
  REQUIRE(seen(1, 2) == 42.0);
  REQUIRE(seen == Xd);
  // A binding can be used for several evaluations.
  require_close(md::eval(F, bound_X, bound_B), F_ref(Eigen::Matrix3d(Xd), Bc));
  require_close(md::eval(f, bound_B, bound_X), f_ref(Eigen::Matrix3d(Xd), Bc));
}

TEST_CASE("heap allocations") {
  SECTION("the counter sees operator new and Eigen's allocations") {
    std::string text;
    REQUIRE(allocations_during([&] { text.assign(100, 'x'); }) >= 1);
    const Eigen::MatrixXd big = random_matrix<Eigen::MatrixXd>(30, 30);
    Eigen::MatrixXd copy;
    REQUIRE(allocations_during([&] { copy = big; }) == 1);
    REQUIRE(copy == big);
  }

  SECTION("none when every shape is fixed") {
    const Eigen::Matrix3d Xc = random_matrix<Eigen::Matrix3d>();
    const Eigen::Matrix3d Bc = random_matrix<Eigen::Matrix3d>();
    double value = 0;
    Eigen::Matrix3d matrix_value;
    REQUIRE(allocations_during([&] { value = md::eval(f, X = Xc, B = Bc); }) == 0);
    REQUIRE(allocations_during([&] { matrix_value = md::eval(F, X = Xc, B = Bc); }) == 0);
    REQUIRE(allocations_during([&] { value = f(B = Bc, X = Xc); }) == 0);
    require_close(value, f_ref(Xc, Bc));
    require_close(matrix_value, F_ref(Xc, Bc));

    // Factorizations, element-wise functions and Kronecker products of fixed size too.
    constexpr auto many = md::logdet(X + 4 * md::identity<3>) +
                          md::trace(md::inv(X + 4 * md::identity<3>) * B) +
                          md::sum(md::exp(md::hadamard(X, B))) + md::sqnorm(md::kron(X, B));
    const Eigen::Matrix3d shifted = Xc + 4 * Eigen::Matrix3d::Identity();
    REQUIRE(allocations_during([&] { value = md::eval(many, X = Xc, B = Bc); }) == 0);
    require_close(value,
                  std::log(std::abs(shifted.determinant())) + (shifted.inverse() * Bc).trace() +
                      Xc.cwiseProduct(Bc).array().exp().sum() + Xc.squaredNorm() * Bc.squaredNorm(),
                  1e-10);

    // Names too long for a string's internal buffer.
    constexpr auto W = md::matrix<"weight_matrix_long_name", 3, 3>;
    REQUIRE(allocations_during([&] { value = md::eval(md::trace(W * B), W = Xc, B = Bc); }) == 0);
    require_close(value, f_ref(Xc, Bc));
  }

  SECTION("a dynamic plain object, map or block is not copied") {
    const Eigen::MatrixXd big = random_matrix<Eigen::MatrixXd>(40, 40);
    const Eigen::Map<const Eigen::MatrixXd> map(big.data(), 40, 40);
    double value = 0;
    REQUIRE(allocations_during([&] { value = md::eval(md::trace(S), S = big); }) == 0);
    require_close(value, big.trace());
    REQUIRE(allocations_during([&] { value = md::eval(md::trace(S), S = map); }) == 0);
    require_close(value, big.trace());
    REQUIRE(allocations_during(
                [&] { value = md::eval(md::trace(S), S = big.topLeftCorner(30, 30)); }) == 0);
    require_close(value, big.topLeftCorner(30, 30).trace());
    REQUIRE(allocations_during([&] { value = md::eval(md::sum(v), v = big.col(3)); }) == 0);
    require_close(value, big.col(3).sum());

    constexpr auto N = md::matrix<"N", md::dim<"a_dimension_with_a_long_name">, 40>;
    REQUIRE(allocations_during([&] { value = md::eval(md::sum(N), N = big); }) == 0);
    require_close(value, big.sum());

    // A matrix result needs one allocation; a copy of the bound value would be another.
    Eigen::MatrixXd result;
    REQUIRE(allocations_during([&] { result = md::eval(S, S = big); }) <= 1);
    REQUIRE(result == big);
  }
}
