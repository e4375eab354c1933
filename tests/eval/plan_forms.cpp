// Evaluation planning, part 2: product chains are re-associated by cost and special forms
// (scalings, traces of products, Gram matrices, scaled Kronecker products, s·AB) replace
// their literal reading, all with the values of hand-written Eigen. Part 1 (plan.cpp):
// shared subexpressions, factorizations and solves; part 3 (planned_sums.cpp): sums.
#include <cmath>
#include <tuple>
#include <type_traits>

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

constexpr auto n = md::dim<"n">;
constexpr auto X = md::matrix<"X", n, 4>;
constexpr auto A = md::matrix<"A", n, n>;
constexpr auto B = md::matrix<"B", n, n>;
constexpr auto x = md::vector<"x", n>;
constexpr auto v = md::vector<"v", n>;

/// ‖T − UV'‖² in U, a NeurIPS benchmark problem.
namespace factorization {
constexpr auto m = md::dim<"m">;
constexpr auto k = md::dim<"k">;
constexpr auto T = md::matrix<"T", m, n>;
constexpr auto U = md::matrix<"U", m, k>;
constexpr auto V = md::matrix<"V", n, k>;
constexpr auto f = md::sqnorm(T - U * md::transpose(V));
}  // namespace factorization

template <class E>
using planned = md::planned_t<E>;
template <class E>
using type_of = std::remove_cvref_t<E>;

}  // namespace

TEST_CASE("a chain with symbolic sizes absorbs vectors first") {
  using Ab = type_of<decltype(A)>;
  using Bb = type_of<decltype(B)>;
  using xb = type_of<decltype(x)>;
  STATIC_REQUIRE(std::is_same_v<planned<decltype(A * B * x)>,
                                md::node<md::product_op, Ab, md::node<md::product_op, Bb, xb>>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::transpose(x) * A * B)>,
                                md::node<md::product_op, md::node<md::transposed_product_op<true, false>, xb, Ab>, Bb>>);
  // As written when no order is cheaper.
  STATIC_REQUIRE(std::is_same_v<planned<decltype(A * B * A)>,
                                md::node<md::product_op, md::node<md::product_op, Ab, Bb>, Ab>>);

  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(5, 5);
  const Eigen::MatrixXd Bv = random_matrix<Eigen::MatrixXd>(5, 5);
  const Eigen::VectorXd xv = random_matrix<Eigen::VectorXd>(5, 1);
  require_close(md::eval(A * B * x, A = Av, B = Bv, x = xv), Eigen::VectorXd(Av * Bv * xv));
  require_close(md::eval(md::transpose(x) * A * B, A = Av, B = Bv, x = xv),
                Eigen::RowVectorXd(xv.transpose() * Av * Bv));
  require_close(md::eval(md::transpose(x) * A * B * x, A = Av, B = Bv, x = xv), (xv.transpose() * Av * Bv * xv).value());
}

TEST_CASE("a chain of fixed sizes takes the cheapest association") {
  constexpr auto P = md::matrix<"P", 10, 100>;
  constexpr auto Q = md::matrix<"Q", 100, 5>;
  constexpr auto R = md::matrix<"R", 5, 50>;
  using Pb = type_of<decltype(P)>;
  using Qb = type_of<decltype(Q)>;
  using Rb = type_of<decltype(R)>;
  // (PQ)R: 10*100*5 + 10*5*50 = 7500 multiplications; P(QR): 25000 + 50000.
  STATIC_REQUIRE(std::is_same_v<planned<decltype(P * (Q * R))>,
                                md::node<md::product_op, md::node<md::product_op, Pb, Qb>, Rb>>);
  // Rᵀ Qᵀ (50x5)(5x100) then Pᵀ... the transpose of the chain: Rᵀ(QᵀPᵀ).
  constexpr auto Pt = md::matrix<"Pt", 100, 10>;
  constexpr auto Qt = md::matrix<"Qt", 5, 100>;
  constexpr auto Rt = md::matrix<"Rt", 50, 5>;
  using Ptb = type_of<decltype(Pt)>;
  using Qtb = type_of<decltype(Qt)>;
  using Rtb = type_of<decltype(Rt)>;
  STATIC_REQUIRE(std::is_same_v<planned<decltype(Rt * Qt * Pt)>,
                                md::node<md::product_op, Rtb, md::node<md::product_op, Qtb, Ptb>>>);

  const Eigen::Matrix<double, 10, 100> Pv = random_matrix<Eigen::Matrix<double, 10, 100>>();
  const Eigen::Matrix<double, 100, 5> Qv = random_matrix<Eigen::Matrix<double, 100, 5>>();
  const Eigen::Matrix<double, 5, 50> Rv = random_matrix<Eigen::Matrix<double, 5, 50>>();
  require_close(md::eval(P * (Q * R), P = Pv, Q = Qv, R = Rv), Eigen::Matrix<double, 10, 50>(Pv * Qv * Rv), 1e-10);
  require_close(md::eval(Rt * Qt * Pt, Rt = Rv.transpose(), Qt = Qv.transpose(), Pt = Pv.transpose()),
                Eigen::Matrix<double, 50, 10>((Pv * Qv * Rv).transpose()), 1e-10);
}

TEST_CASE("three factors whose best association depends on symbolic sizes are associated when the kernel runs") {
  constexpr auto m = md::dim<"m">;
  constexpr auto k = md::dim<"k">;
  constexpr auto W = md::matrix<"W", m, k>;
  constexpr auto V = md::matrix<"V", n, k>;
  constexpr auto M = md::matrix<"M", m, m>;
  constexpr auto N = md::matrix<"N", n, m>;
  using Wb = type_of<decltype(W)>;
  using Vb = type_of<decltype(V)>;
  // W Vᵀ V: (WVᵀ)V costs 2mnk multiplications, W(VᵀV) k²(m + n).
  STATIC_REQUIRE(std::is_same_v<planned<decltype(W * md::transpose(V) * V)>,
                                md::node<md::chain_by_size_op<k, n>,
                                         md::node<md::product_op, md::node<md::transposed_product_op<false, true>, Wb, Vb>, Vb>,
                                         md::node<md::product_op, Wb, md::node<md::gram_op, Vb>>>>);
  // One association is as cheap as the other at every size, or the order is known: one path.
  STATIC_REQUIRE(md::is_node_of<planned<decltype(A * N * M)>, md::product_op>);  // sizes n n m m
  STATIC_REQUIRE(!md::is_node_of<planned<decltype(N * M * md::transpose(N))>, md::chain_by_size_op<m, m>>);  // n m m n
  constexpr auto y = md::vector<"y", m>;
  STATIC_REQUIRE(!md::is_node_of<planned<decltype(md::transpose(V) * N * y)>, md::chain_by_size_op<n, m>>);  // a vector
  // M W Wᵀ: 2m²k against m²(m + k), and a fixed size with a symbolic one.
  STATIC_REQUIRE(md::is_node_of<planned<decltype(M * W * md::transpose(W))>, md::chain_by_size_op<m, k>>);
  constexpr auto P = md::matrix<"P", 10, 100>;
  constexpr auto Q = md::matrix<"Q", 100, 5>;
  constexpr auto R = md::matrix<"R", 5, n>;
  STATIC_REQUIRE(md::is_node_of<planned<decltype(P * Q * R)>,
                                md::chain_by_size_op<md::dimension::fixed(100), md::dimension::fixed(5)>>);

  STATIC_REQUIRE(md::left_association_cheaper(1000, 5, 1000, 5) == false);  // W(VᵀV) for k = 5
  STATIC_REQUIRE(md::left_association_cheaper(10, 1000, 10, 1000) == true);  // (WVᵀ)V for k = 1000
  STATIC_REQUIRE(md::left_association_cheaper(7, 7, 7, 7) == true);          // as written

  // Both choices give the product.
  for (const auto& [rows, inner, cols] : {std::tuple{40, 3, 30}, std::tuple{4, 30, 3}}) {
    const Eigen::MatrixXd Wv = random_matrix<Eigen::MatrixXd>(rows, inner);
    const Eigen::MatrixXd Vv = random_matrix<Eigen::MatrixXd>(cols, inner);
    const Eigen::MatrixXd expected = Wv * (Vv.transpose() * Vv);
    require_close(md::eval(W * md::transpose(V) * V, W = Wv, V = Vv), expected, 1e-12);
    const auto [value, twice] = md::kernel(W * md::transpose(V) * V, 2 * W * md::transpose(V) * V)(W = Wv, V = Vv);
    require_close(value, expected, 1e-12);
    require_close(twice, Eigen::MatrixXd(2 * expected), 1e-12);
  }
}

TEST_CASE("special forms: scalings, traces of products, sums of element-wise products") {
  using Ab = type_of<decltype(A)>;
  using Bb = type_of<decltype(B)>;
  using vb = type_of<decltype(v)>;
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::diag(v) * A)>, md::node<md::scale_rows_op, vb, Ab>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(A * md::diag(v))>, md::node<md::scale_cols_op, Ab, vb>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::trace(A * B))>, md::node<md::trace_product_op<false, false>, Ab, Bb>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::trace(md::transpose(A) * B))>,
                                md::node<md::trace_product_op<true, false>, Ab, Bb>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::sum(md::hadamard(A, B)))>, md::node<md::sum_product_op, Ab, Bb>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(A * md::transpose(B))>,
                                md::node<md::transposed_product_op<false, true>, Ab, Bb>>);

  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(6, 6);
  const Eigen::MatrixXd Bv = random_matrix<Eigen::MatrixXd>(6, 6);
  const Eigen::VectorXd vv = random_matrix<Eigen::VectorXd>(6, 1);
  const auto [rows, cols, tr, trt, trtt, sum_product, abt, atbt] =
      md::kernel(md::diag(v) * A, A * md::diag(v), md::trace(A * B), md::trace(md::transpose(A) * B),
                 md::trace(md::transpose(A) * md::transpose(B)), md::sum(md::hadamard(A, B)), A * md::transpose(B),
                 md::transpose(A) * md::transpose(B))(A = Av, B = Bv, v = vv);
  require_close(rows, Eigen::MatrixXd(vv.asDiagonal() * Av));
  require_close(cols, Eigen::MatrixXd(Av * vv.asDiagonal()));
  require_close(tr, (Av * Bv).trace());
  require_close(trt, (Av.transpose() * Bv).trace());
  require_close(trtt, (Av.transpose() * Bv.transpose()).trace());
  require_close(sum_product, Av.cwiseProduct(Bv).sum());
  require_close(abt, Eigen::MatrixXd(Av * Bv.transpose()));
  require_close(atbt, Eigen::MatrixXd(Av.transpose() * Bv.transpose()));
}

TEST_CASE("Aᵀ diag(d) A and AᵀA are computed as symmetric matrices") {
  // A 10-column Y: a symmetric triangle pays off only beyond small fixed sizes (below).
  constexpr auto Y = md::matrix<"Y", n, 10>;
  using Yb = type_of<decltype(Y)>;
  using xb = type_of<decltype(x)>;
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::transpose(Y) * Y)>, md::node<md::gram_op, Yb>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::transpose(Y) * md::diag(x) * Y)>, md::node<md::gram_op, Yb, xb>>);
  STATIC_REQUIRE(std::is_same_v<planned<decltype(md::transpose(Y) * (md::diag(x) * Y))>, md::node<md::gram_op, Yb, xb>>);
  // X'X of the 4-column X is a 4x4 fixed matrix: a plain (transposed) product.
  STATIC_REQUIRE(!md::is_node_of<planned<decltype(md::transpose(X) * X)>, md::gram_op>);

  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(15, 10);
  const Eigen::VectorXd dv = random_matrix<Eigen::VectorXd>(15, 1);  // entries of both signs
  const auto [gram, weighted] = md::kernel(md::transpose(Y) * Y, md::transpose(Y) * md::diag(x) * Y)(Y = Yv, x = dv);
  using matrix10 = Eigen::Matrix<double, 10, 10>;
  require_close(gram, matrix10(Yv.transpose() * Yv));
  require_close(weighted, matrix10(Yv.transpose() * dv.asDiagonal() * Yv));
  REQUIRE(weighted == weighted.transpose());
  const Eigen::MatrixXd Xv = random_matrix<Eigen::MatrixXd>(9, 4);
  require_close(md::eval(md::transpose(X) * X, X = Xv), Eigen::Matrix4d(Xv.transpose() * Xv));
}

TEST_CASE("a scaled Kronecker product scales its left factor") {
  constexpr auto S = md::matrix<"S", n, n>;
  constexpr auto scaled = 2 * md::kron(md::transpose(S) * S, md::identity<3>);
  STATIC_REQUIRE(md::is_node_of<planned<decltype(scaled)>, md::kron_op>);
  const Eigen::MatrixXd Sv = random_matrix<Eigen::MatrixXd>(4, 4);
  const Eigen::MatrixXd G = 2 * Sv.transpose() * Sv;
  Eigen::MatrixXd expected = Eigen::MatrixXd::Zero(12, 12);
  for (Eigen::Index j = 0; j < 4; ++j)
    for (Eigen::Index i = 0; i < 4; ++i) expected.block(3 * i, 3 * j, 3, 3) = G(i, j) * Eigen::Matrix3d::Identity();
  require_close(md::eval(scaled, S = Sv), expected);
  // I ⊗ S: the diagonal blocks only.
  Eigen::MatrixXd block_diagonal = Eigen::MatrixXd::Zero(12, 12);
  for (Eigen::Index i = 0; i < 3; ++i) block_diagonal.block(4 * i, 4 * i, 4, 4) = Sv;
  require_close(md::eval(md::kron(md::identity<3>, S), S = Sv), block_diagonal);
}

TEST_CASE("a scaled product of run-time size is one product with the scale as its factor") {
  // The gradient −2(T − UV')V of ‖T − UV'‖²: (−2R)V as careful Eigen code writes it, no
  // temporary for RV; in a sum, r += s·AB; a remembered product is scaled, not recomputed.
  using factorization::f, factorization::T, factorization::U, factorization::V;
  STATIC_REQUIRE(md::is_node_of<planned<decltype(md::grad(f, U))>, md::scaled_product_op>);
  STATIC_REQUIRE(md::is_node_of<planned<decltype(2 * (A * md::transpose(B)))>, md::scaled_product_op>);
  STATIC_REQUIRE(md::is_node_of<planned<decltype(B - 2 * (A * B))>,
                                md::planned_sum_op<md::term_kind::plus, md::term_kind::minus_product>>);
  // Fixed sizes keep Eigen's lazy product.
  constexpr auto F = md::matrix<"F", 3, 3>;
  STATIC_REQUIRE(md::is_node_of<planned<decltype(2 * (F * F))>, md::product_op>);

  const Eigen::MatrixXd Tv = random_matrix<Eigen::MatrixXd>(7, 6), Uv = random_matrix<Eigen::MatrixXd>(7, 3),
                        Vv = random_matrix<Eigen::MatrixXd>(6, 3);
  const auto [value, gradient] = md::kernel(f, md::grad(f, U))(T = Tv, U = Uv, V = Vv);
  const Eigen::MatrixXd R = Tv - Uv * Vv.transpose();
  require_close(value, R.squaredNorm());
  require_close(gradient, Eigen::MatrixXd(-2 * R * Vv));

  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(5, 5), Bv = random_matrix<Eigen::MatrixXd>(5, 5);
  require_close(md::eval(2 * (A * md::transpose(B)), A = Av, B = Bv), Eigen::MatrixXd(2 * Av * Bv.transpose()));
  require_close(md::eval(B - 2 * (A * B), A = Av, B = Bv), Eigen::MatrixXd(Bv - 2 * Av * Bv));
  require_close(md::eval(B + 0.5 * (md::transpose(A) * B) - 3 * (A * B), A = Av, B = Bv),
                Eigen::MatrixXd(Bv + 0.5 * Av.transpose() * Bv - 3 * Av * Bv));
  // Scales of scales multiply: s·(t·AB) with s and t not numbers (numbers would be folded).
  constexpr auto s = md::scalar<"s">;
  constexpr auto t = md::scalar<"t">;
  using nested = planned<decltype(s * (t * (A * B)))>;
  STATIC_REQUIRE(md::is_node_of<nested, md::scaled_product_op>);
  require_close(md::eval(s * (t * (A * B)), A = Av, B = Bv, s = 1.5, t = -0.25), Eigen::MatrixXd(-0.375 * Av * Bv));
  require_close(md::eval(B - s * (t * (A * B)), A = Av, B = Bv, s = 1.5, t = -0.25),
                Eigen::MatrixXd(Bv + 0.375 * Av * Bv));
  // AB remembered by the kernel: scaled or added as it is.
  const auto [product, scaled, sum, scaled_sum] =
      md::kernel(A * B, 2 * (A * B), B - A * B, B - s * (t * (A * B)))(A = Av, B = Bv, s = 1.5, t = -0.25);
  require_close(product, Eigen::MatrixXd(Av * Bv));
  require_close(scaled, Eigen::MatrixXd(2 * Av * Bv));
  require_close(sum, Eigen::MatrixXd(Bv - Av * Bv));
  require_close(scaled_sum, Eigen::MatrixXd(Bv + 0.375 * Av * Bv));
}

TEST_CASE("a planned expression prints what a kernel evaluates") {
  // Each planned form prints as its name applied to its operands; a planned sum as the sum.
  using factorization::f, factorization::T, factorization::U, factorization::V;
  REQUIRE(md::to_string(md::plan_evaluation((A + md::transpose(A)) * x)) == "A*x + product_AtB(A, x)");
  REQUIRE(md::to_string(md::plan_evaluation(md::grad(f, U))) == "scaled_product(-2, (T - product_ABt(U, V))*V)");
  REQUIRE(md::to_string(md::plan_evaluation(md::inv(A) * B)) == "lu_solve(lu(A), B)");
  REQUIRE(md::to_latex(md::plan_evaluation(md::inv(A) * B)) ==
          "\\mathtt{lu\\_solve}\\left(\\mathtt{lu}\\left(A\\right), B\\right)");
  // The written expression prints as written.
  REQUIRE(md::to_string(md::grad(f, U)) == "-2*(T - U*V')*V");
}
