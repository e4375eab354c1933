// Values during evaluation (eval/value.hpp): small fixed matrices are assigned coefficient by
// coefficient (products from their operands' coefficients), with the values Eigen's packet
// evaluation gives; other values by Eigen itself.
#include <cmath>
#include <limits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

template <int R, int C>
using fixed = Eigen::Matrix<double, R, C>;

/// r = a·b by assign_product, against Eigen's product.
template <int R, int K, int C>
void check_product() {
  const auto a = random_matrix<fixed<R, K>>();
  const auto b = random_matrix<fixed<K, C>>();
  fixed<R, C> r;
  md::assign_product(r, a, b);
  require_close(r, fixed<R, C>(a * b), 1e-15);
  md::assign_product(r, a, b.transpose().transpose());
  require_close(r, fixed<R, C>(a * b), 1e-15);
}

}  // namespace

TEST_CASE("fixed matrices of at most 9 entries are assigned coefficient by coefficient", "[eval][value]") {
  STATIC_REQUIRE(md::assigned_by_coefficient<Eigen::Matrix2d>);
  STATIC_REQUIRE(md::assigned_by_coefficient<fixed<2, 3>>);
  STATIC_REQUIRE(md::assigned_by_coefficient<fixed<3, 2>>);
  STATIC_REQUIRE(md::assigned_by_coefficient<Eigen::Matrix3d>);
  // Eigen's column packets pay at 4x4; vectors are written and read by the same packets.
  STATIC_REQUIRE_FALSE(md::assigned_by_coefficient<Eigen::Matrix4d>);
  STATIC_REQUIRE_FALSE(md::assigned_by_coefficient<fixed<3, 4>>);
  STATIC_REQUIRE_FALSE(md::assigned_by_coefficient<Eigen::Vector4d>);
  STATIC_REQUIRE_FALSE(md::assigned_by_coefficient<Eigen::RowVector3d>);
  STATIC_REQUIRE_FALSE(md::assigned_by_coefficient<Eigen::MatrixXd>);
  STATIC_REQUIRE_FALSE(md::assigned_by_coefficient<fixed<2, Eigen::Dynamic>>);
}

TEST_CASE("products assigned coefficient by coefficient have Eigen's values", "[eval][value]") {
  check_product<2, 2, 2>();
  check_product<2, 3, 2>();
  check_product<3, 2, 3>();
  check_product<3, 3, 3>();
  check_product<2, 4, 3>();
  check_product<2, 6, 2>();  // an inner dimension above 4 keeps Eigen's packets
  check_product<4, 4, 4>();  // Eigen's own product
  // An inner dimension of run-time size, into a fixed 2x2.
  const Eigen::MatrixXd a = random_matrix<Eigen::MatrixXd>(2, 7), b = random_matrix<Eigen::MatrixXd>(7, 2);
  fixed<2, 2> r;
  md::assign_product(r, a, b);
  require_close(r, fixed<2, 2>(a * b), 1e-15);
}

TEST_CASE("element-wise values assigned coefficient by coefficient", "[eval][value]") {
  const Eigen::Matrix3d a = random_matrix<Eigen::Matrix3d>(), b = random_matrix<Eigen::Matrix3d>();
  Eigen::Matrix3d r = a;
  md::assign(r, r - 2 * b.transpose());  // r read and written at the same coefficient only
  require_close(r, Eigen::Matrix3d(a - 2 * b.transpose()), 1e-15);
  md::assign(r, Eigen::Matrix3d::Identity());
  CHECK(r == Eigen::Matrix3d::Identity());
  // A diagonal wrapper has no coefficient-wise expression form: assigned by Eigen, and
  // added into the diagonal only.
  const Eigen::Vector3d d(1, 2, 3);
  md::assign(r, d.asDiagonal());
  CHECK(r == Eigen::Matrix3d(d.asDiagonal()));
  md::add_into(r, a);
  md::subtract_from(r, b);
  md::add_into(r, d.asDiagonal());
  require_close(r, Eigen::Matrix3d(Eigen::Matrix3d(2 * d.asDiagonal()) + a - b), 1e-15);
  Eigen::MatrixXd rd = a;
  md::add_into(rd, d.asDiagonal());
  md::subtract_from(rd, b.transpose());
  require_close(rd, Eigen::MatrixXd(a + Eigen::Matrix3d(d.asDiagonal()) - b.transpose()), 1e-15);
}

TEST_CASE("small fixed kernels give the values of the formulas", "[eval][value]") {
  // The Hessian-vector product of ‖J‖² + ‖J⁻¹‖² and the gradient of ‖PB‖² + tr(BPBP):
  // products, sums, negations and transposes of 2x2, 2x3 and 3x3 temporaries.
  constexpr auto J = md::matrix<"J", 2, 2>;
  constexpr auto V = md::matrix<"V", 2, 2>;
  constexpr auto f = md::sqnorm(J) + md::sqnorm(md::inv(J));
  constexpr auto g = md::grad(f, J);
  const Eigen::Matrix2d Jv = 2 * Eigen::Matrix2d::Identity() + 0.3 * random_matrix<Eigen::Matrix2d>();
  const Eigen::Matrix2d Vv = random_matrix<Eigen::Matrix2d>();
  const auto [value, gradient, hvp] = md::kernel(f, g, md::directional(g, J, V))(J = Jv, V = Vv);
  const Eigen::Matrix2d Y = Jv.inverse(), Yt = Y.transpose();
  CHECK(value == Approx(Jv.squaredNorm() + Y.squaredNorm()).epsilon(1e-14));
  require_close(gradient, Eigen::Matrix2d(2 * (Jv - Yt * Y * Yt)), 1e-13);
  // ∇²f[V] = 2V + 2(Yᵀ(YV + VᵀYᵀ)YYᵀ + YᵀYYᵀVᵀYᵀ), Y = J⁻¹
  const Eigen::Matrix2d expected = 2 * (Vv + Yt * (Y * Vv + Vv.transpose() * Yt) * Y * Yt + Yt * Y * Yt * Vv.transpose() * Yt);
  require_close(hvp, expected, 1e-13);
  // ... which is the central difference of the gradient along V.
  const auto gradient_at = [](const Eigen::Matrix2d& x) {
    const Eigen::Matrix2d y = x.inverse();
    return Eigen::Matrix2d(2 * (x - y.transpose() * y * y.transpose()));
  };
  constexpr double step = 1e-5;
  require_close(hvp, Eigen::Matrix2d((gradient_at(Jv + step * Vv) - gradient_at(Jv - step * Vv)) / (2 * step)), 1e-6);

  constexpr auto P = md::matrix<"P", 2, 3>;
  constexpr auto B = md::matrix<"B", 3, 2>;
  constexpr auto h = md::sqnorm(P * B) + md::trace(B * P * B * P);
  const auto Pv = random_matrix<fixed<2, 3>>();
  const auto Bv = random_matrix<fixed<3, 2>>();
  const auto [hv, hg] = md::kernel(h, md::grad(h, P))(P = Pv, B = Bv);
  CHECK(hv == Approx((Pv * Bv).squaredNorm() + (Bv * Pv * Bv * Pv).trace()).epsilon(1e-14));
  require_close(hg, fixed<2, 3>(2 * Pv * Bv * Bv.transpose() + 2 * (Bv * Pv * Bv).transpose()), 1e-13);
}

TEST_CASE("set_zero sizes a value and sets every entry to +0", "[eval][value]") {
  Eigen::MatrixXd dynamic = Eigen::MatrixXd::Constant(3, 2, std::numeric_limits<double>::quiet_NaN());
  md::set_zero(dynamic, 40, 25);  // cleared by memset
  REQUIRE(dynamic.rows() == 40);
  REQUIRE(dynamic.cols() == 25);
  for (Eigen::Index k = 0; k < dynamic.size(); ++k) {
    REQUIRE(dynamic.data()[k] == 0.0);
    REQUIRE_FALSE(std::signbit(dynamic.data()[k]));
  }
  md::set_zero(dynamic, 0, 7);  // no storage: nothing written
  REQUIRE(dynamic.rows() == 0);
  REQUIRE(dynamic.cols() == 7);

  Eigen::Matrix<float, 2, Eigen::Dynamic> wide = Eigen::Matrix<float, 2, Eigen::Dynamic>::Constant(2, 3, -1.0f);
  md::set_zero(wide, 2, 5);
  REQUIRE(wide.cols() == 5);
  REQUIRE(wide.isZero(0));

  Eigen::Matrix3d fixed_size = Eigen::Matrix3d::Constant(-1);  // Eigen's setZero
  md::set_zero(fixed_size, 3, 3);
  REQUIRE(fixed_size.isZero(0));
}

TEST_CASE("a bound matrix is copied as it is, contiguous or strided", "[eval][value]") {
  // finish copies a contiguous Eigen::Ref as one block and a strided one column by column.
  constexpr auto X = md::matrix<"X", md::dim<"m">, md::dim<"n">>;
  using E = std::remove_cvref_t<decltype(X)>;
  using view = Eigen::Ref<const Eigen::MatrixXd>;
  STATIC_REQUIRE(md::is_strided_matrix_view<view, Eigen::MatrixXd>);
  STATIC_REQUIRE(!md::is_strided_matrix_view<Eigen::Ref<const Eigen::VectorXd>, Eigen::VectorXd>);
  STATIC_REQUIRE(!md::is_strided_matrix_view<Eigen::MatrixXd, Eigen::MatrixXd>);
  const Eigen::MatrixXd whole = random_matrix<Eigen::MatrixXd>(7, 5);
  const view contiguous(whole);
  const view strided(whole.block(1, 1, 4, 3));
  REQUIRE(contiguous.outerStride() == 7);
  REQUIRE(strided.outerStride() == 7);
  REQUIRE(md::finish<double, E>(contiguous) == whole);
  REQUIRE(md::finish<double, E>(strided) == Eigen::MatrixXd(whole.block(1, 1, 4, 3)));
  REQUIRE(md::finish<double, E>(view(Eigen::MatrixXd(0, 3))).size() == 0);
  // Through a kernel: X - XZ starts from a copy of X, bound whole or as a block.
  constexpr auto Z = md::matrix<"Z", md::dim<"n">, md::dim<"n">>;
  const Eigen::MatrixXd Zv = random_matrix<Eigen::MatrixXd>(5, 5);
  Eigen::MatrixXd expected = whole;
  expected.noalias() -= whole * Zv;
  REQUIRE(md::eval(X - X * Z, X = whole, Z = Zv) == expected);
  const Eigen::MatrixXd block = whole.block(1, 1, 4, 3);
  expected = block;
  expected.noalias() -= block * Zv.topLeftCorner(3, 3);
  REQUIRE(md::eval(X - X * Z, X = whole.block(1, 1, 4, 3), Z = Zv.topLeftCorner(3, 3)) == expected);
}
