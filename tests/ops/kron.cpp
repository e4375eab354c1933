// Kronecker product (ops/kron.hpp, eval/ops/kron.hpp): shape rule, evaluation, planning of
// products, printing.
#include <type_traits>

#include <Eigen/Core>
#include <catch2/catch.hpp>

#include <matdiff/matdiff.hpp>

#include "../support/calculus.hpp"
#include "../support/eigen_check.hpp"

namespace md = matdiff;
using matdiff_test::commutation;
using matdiff_test::kronecker;
using matdiff_test::random_matrix;
using matdiff_test::require_close;

namespace {

/// rows x cols, each an integer or a symbolic md::dim.
consteval md::shape shape(auto rows, auto cols) {
  return {md::to_dimension(rows), md::to_dimension(cols)};
}
template <class E>
constexpr md::shape shape_of(const E&) {
  return E::shape_v;
}

constexpr md::dimension n = md::dim<"n">;
constexpr md::dimension m = md::dim<"m">;

constexpr auto G = md::matrix<"G", 2, 3>;
constexpr auto h = md::vector<"h", 4>;
constexpr auto X = md::matrix<"X", 3, 4>;
constexpr auto A = md::matrix<"A", 2, 2>;
constexpr auto B = md::matrix<"B", 2, 2>;
constexpr auto C = md::matrix<"C", 2, 2>;
constexpr auto D = md::matrix<"D", 2, 2>;
constexpr auto Y = md::matrix<"Y", n, 3>;
constexpr auto N = md::matrix<"N", n, m>;
constexpr auto a = md::scalar<"a">;
constexpr auto b = md::scalar<"b">;
constexpr auto s = md::matrix<"s", 1, 1>;

}  // namespace

TEST_CASE("a Kronecker product multiplies rows by rows and columns by columns", "[kron][shape]") {
  STATIC_REQUIRE(shape_of(md::kron(G, h)) == shape(8, 3));
  STATIC_REQUIRE(shape_of(md::kron(h, G)) == shape(8, 3));
  STATIC_REQUIRE(shape_of(md::kron(G, X)) == shape(6, 12));
  STATIC_REQUIRE(shape_of(md::kron(Y, X)) == shape(md::to_dimension(3) * n, 12));
  STATIC_REQUIRE(shape_of(md::kron(X, Y)) == shape(md::to_dimension(3) * n, 12));
  STATIC_REQUIRE(shape_of(md::kron(N, N)) == shape(n * n, m * m));
  STATIC_REQUIRE(shape_of(md::kron(N, Y)) == shape(n * n, md::to_dimension(3) * m));
  STATIC_REQUIRE(shape_of(md::kron(Y, X)).to_text() == "(3*n)x12");
  STATIC_REQUIRE(shape_of(md::kron(N, Y)).to_text() == "(n*n)x(3*m)");
  // A 1x1 factor leaves the other shape as it is.
  STATIC_REQUIRE(shape_of(md::kron(a, X)) == shape(3, 4));
  STATIC_REQUIRE(shape_of(md::kron(Y, a)) == shape(n, 3));
  STATIC_REQUIRE(shape_of(md::kron(a, b)) == shape(1, 1));
  STATIC_REQUIRE(md::kron_op::check(shape(3, 4), shape(n, 5)).ok());
}

TEST_CASE("a Kronecker product evaluates to a scalar or a matrix of the product shape", "[kron][eval]") {
  // Only the types of these values matter here.
  const Eigen::Matrix<double, 2, 3> Gv;
  const Eigen::Vector4d hv;
  const Eigen::Matrix<double, 3, 4> Xv;
  const Eigen::MatrixXd Yv;
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::kron(G, h), G = Gv, h = hv)), Eigen::Matrix<double, 8, 3>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::kron(Y, X), Y = Yv, X = Xv)),
                                Eigen::Matrix<double, Eigen::Dynamic, 12>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::kron(N, N), N = Yv)), Eigen::MatrixXd>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::kron(a, X), a = 1.0, X = Xv)), Eigen::Matrix<double, 3, 4>>);
  STATIC_REQUIRE(std::is_same_v<decltype(md::eval(md::kron(a, b), a = 1.0, b = 2.0)), double>);
}

TEST_CASE("Kronecker products of fixed-size matrices match the definition", "[kron][eval]") {
  const Eigen::Matrix<double, 2, 3> Gv = random_matrix<Eigen::Matrix<double, 2, 3>>();
  const Eigen::Vector4d hv = random_matrix<Eigen::Vector4d>();
  const Eigen::Matrix<double, 3, 4> Xv = random_matrix<Eigen::Matrix<double, 3, 4>>();
  require_close(md::eval(md::kron(G, h), G = Gv, h = hv), kronecker(Gv, hv));
  require_close(md::eval(md::kron(h, G), G = Gv, h = hv), kronecker(hv, Gv));
  require_close(md::eval(md::kron(G, X), G = Gv, X = Xv), kronecker(Gv, Xv));
  require_close(md::eval(md::kron(md::transpose(h), G), G = Gv, h = hv), kronecker(hv.transpose(), Gv));
}

TEST_CASE("the blocks of a Kronecker product are the right factor scaled by left entries", "[kron][eval]") {
  const Eigen::Matrix<double, 2, 3> Gv = random_matrix<Eigen::Matrix<double, 2, 3>>();
  const Eigen::Matrix<double, 3, 4> Xv = random_matrix<Eigen::Matrix<double, 3, 4>>();
  const auto K = md::eval(md::kron(G, X), G = Gv, X = Xv);
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) require_close(Eigen::MatrixXd(K.block(3 * i, 4 * j, 3, 4)), Eigen::MatrixXd(Gv(i, j) * Xv));
}

TEST_CASE("Kronecker products of dynamic-size matrices match the definition", "[kron][eval]") {
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(5, 3);
  const Eigen::MatrixXd Nv = random_matrix<Eigen::MatrixXd>(2, 3);
  const Eigen::Matrix<double, 3, 4> Xv = random_matrix<Eigen::Matrix<double, 3, 4>>();
  const auto YX = md::eval(md::kron(Y, X), Y = Yv, X = Xv);
  REQUIRE(YX.rows() == 15);
  require_close(YX, kronecker(Yv, Xv));
  require_close(md::eval(md::kron(N, N), N = Nv), kronecker(Nv, Nv));
  // n = 2 and m = 3 come from N; Y must then have 2 rows.
  const Eigen::MatrixXd Y2 = random_matrix<Eigen::MatrixXd>(2, 3);
  require_close(md::eval(md::kron(N, Y), N = Nv, Y = Y2), kronecker(Nv, Y2));
}

TEST_CASE("a Kronecker product with a 1x1 factor is scaling", "[kron][eval]") {
  const Eigen::Matrix<double, 3, 4> Xv = random_matrix<Eigen::Matrix<double, 3, 4>>();
  const Eigen::MatrixXd Yv = random_matrix<Eigen::MatrixXd>(4, 3);
  require_close(md::eval(md::kron(a, X), a = -2.0, X = Xv), Eigen::MatrixXd(-2.0 * Xv));
  require_close(md::eval(md::kron(X, a), a = -2.0, X = Xv), Eigen::MatrixXd(-2.0 * Xv));
  require_close(md::eval(md::kron(a, Y), a = 0.5, Y = Yv), Eigen::MatrixXd(0.5 * Yv));
  require_close(md::eval(md::kron(a, b), a = 1.5, b = -4.0), -6.0);
  Eigen::Matrix<double, 1, 1> sv;
  sv << 3.0;
  require_close(md::eval(md::kron(s, s), s = sv), 9.0);
  require_close(md::eval(md::kron(Y, s), s = sv, Y = Yv), Eigen::MatrixXd(3.0 * Yv));
}

TEST_CASE("Kronecker products obey the mixed-product property", "[kron][eval]") {
  const Eigen::Matrix2d Av = random_matrix<Eigen::Matrix2d>(), Bv = random_matrix<Eigen::Matrix2d>(),
                        Cv = random_matrix<Eigen::Matrix2d>(), Dv = random_matrix<Eigen::Matrix2d>();
  // (A ⊗ B)(C ⊗ D) = (AC) ⊗ (BD)
  const auto left = md::eval(md::kron(A, B) * md::kron(C, D), A = Av, B = Bv, C = Cv, D = Dv);
  STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(left)>, Eigen::Matrix4d>);
  require_close(left, kronecker(Av * Cv, Bv * Dv));
  require_close(md::eval(md::transpose(md::kron(A, B)), A = Av, B = Bv), kronecker(Av.transpose(), Bv.transpose()));
}

namespace {

/// Whether a planned expression multiplies a Kronecker product by a matrix anywhere (a
/// commutation matrix aside, which permutes it): the products the planning hook replaces.
template <class E>
struct multiplies_kron : std::false_type {};
template <class Op, class... Args>
struct multiplies_kron<md::node<Op, Args...>> : std::bool_constant<(multiplies_kron<Args>::value || ...)> {};
template <class L, class R>
struct multiplies_kron<md::node<md::product_op, L, R>>
    : std::bool_constant<(!L::shape_v.is_scalar() && !R::shape_v.is_scalar() && !md::is_commutation<R> &&
                          (md::is_node_of<L, md::kron_op> || md::is_node_of<R, md::kron_op>)) ||
                         multiplies_kron<L>::value || multiplies_kron<R>::value> {};

}  // namespace

TEST_CASE("a product of Kronecker products is planned as Kronecker products of the factors' products",
          "[kron][plan]") {
  constexpr auto An = md::matrix<"A", n, n>;
  constexpr auto Bn = md::matrix<"B", n, n>;
  constexpr auto Cn = md::matrix<"C", n, n>;
  constexpr auto Dn = md::matrix<"D", n, n>;
  constexpr auto I = md::identity<n>;
  constexpr auto K = md::commutation<n, n>;
  const Eigen::MatrixXd Av = random_matrix<Eigen::MatrixXd>(3, 3), Bv = random_matrix<Eigen::MatrixXd>(3, 3),
                        Cv = random_matrix<Eigen::MatrixXd>(3, 3), Dv = random_matrix<Eigen::MatrixXd>(3, 3);
  const Eigen::MatrixXd I3 = Eigen::MatrixXd::Identity(3, 3);
  const Eigen::MatrixXd Kv = commutation(3, 3);
  // (A ⊗ B)(C ⊗ I - (I ⊗ D)K) = AC ⊗ B - (A ⊗ BD)K: a sum of two Kronecker products, filled
  // term by term; neither product of n² x n² matrices is formed.
  constexpr auto left = md::kron(An, Bn) * (md::kron(Cn, I) - md::kron(I, Dn) * K);
  using planned_left = md::planned_t<decltype(left)>;
  STATIC_REQUIRE(!multiplies_kron<planned_left>::value);
  STATIC_REQUIRE(md::is_node_of<md::planned_t<decltype(md::kron(An, Bn) * (md::kron(Cn, Dn) + md::kron(Dn, Cn)))>,
                                md::planned_sum_op<md::term_kind::plus, md::term_kind::plus>>);
  const Eigen::MatrixXd expected_left =
      kronecker(Av, Bv) * (kronecker(Cv, I3) - kronecker(I3, Dv) * Kv);
  require_close(md::eval(left, An = Av, Bn = Bv, Cn = Cv, Dn = Dv), expected_left);
  // From the right, with a negation and a scaling: (-(C ⊗ D) + 2 (D ⊗ I))(A ⊗ B).
  constexpr auto right = (-md::kron(Cn, Dn) + 2 * md::kron(Dn, I)) * md::kron(An, Bn);
  STATIC_REQUIRE(!multiplies_kron<md::planned_t<decltype(right)>>::value);
  const Eigen::MatrixXd expected_right =
      (-kronecker(Cv, Dv) + 2 * kronecker(Dv, I3)) * kronecker(Av, Bv);
  require_close(md::eval(right, An = Av, Bn = Bv, Cn = Cv, Dn = Dv), expected_right);
  // (A ⊗ G)(G' ⊗ A), 4 x 6 times 6 x 4, does not conform factor by factor (A has 2 columns,
  // G' 3 rows): it stays one product.
  STATIC_REQUIRE(multiplies_kron<md::planned_t<decltype(md::kron(A, G) * md::kron(md::transpose(G), A))>>::value);
  // Also at 2 x 2 factors: each term of the sum adds itself into the result.
  constexpr auto small = md::kron(A, B) * (md::kron(C, md::identity<2>) - md::kron(md::identity<2>, D));
  STATIC_REQUIRE(!multiplies_kron<md::planned_t<decltype(small)>>::value);
  const Eigen::Matrix2d A2 = Av.topLeftCorner<2, 2>(), B2 = Bv.topLeftCorner<2, 2>(), C2 = Cv.topLeftCorner<2, 2>(),
                        D2 = Dv.topLeftCorner<2, 2>(), I2 = Eigen::Matrix2d::Identity();
  require_close(md::eval(small, A = A2, B = B2, C = C2, D = D2),
                Eigen::MatrixXd(kronecker(A2, B2) * (kronecker(C2, I2) - kronecker(I2, D2))));
  // The Hessian of ‖J⁻¹‖² multiplies no Kronecker products; hessian.cpp checks its value.
  constexpr auto J = md::matrix<"J", n, n>;
  constexpr auto hessian = md::hessian(md::sqnorm(md::inv(J)), J);
  STATIC_REQUIRE(!multiplies_kron<md::planned_t<decltype(hessian)>>::value);
}


TEST_CASE("(A ⊗ B)K is one form, and Kronecker terms are added into a sum in place", "[kron][plan][eval]") {
  constexpr auto P = md::matrix<"P", 2, 3>;
  constexpr auto Q = md::matrix<"Q", 4, 2>;
  constexpr auto R = md::matrix<"R", 2, 3>;
  constexpr auto T = md::matrix<"T", 8, 6>;
  const Eigen::MatrixXd Pv = random_matrix<Eigen::MatrixXd>(2, 3), Qv = random_matrix<Eigen::MatrixXd>(4, 2),
                        Rv = random_matrix<Eigen::MatrixXd>(2, 3), Tv = random_matrix<Eigen::MatrixXd>(8, 6);
  const Eigen::MatrixXd PQ = kronecker(Pv, Qv), RQ = kronecker(Rv, Qv);
  const Eigen::MatrixXd K32 = commutation(3, 2), K23 = commutation(2, 3);

  // (P ⊗ Q)K(3,2): column i + 3j is P(:, i) ⊗ Q(:, j).
  constexpr auto commuted = md::kron(P, Q) * md::commutation<3, 2>;
  STATIC_REQUIRE(md::is_node_of<md::planned_t<decltype(commuted)>, md::kron_commuted_op>);
  require_close(md::eval(commuted, P = Pv, Q = Qv), Eigen::MatrixXd(PQ * K32));
  // K(2,3) conforms too but is another permutation: applied to the formed product.
  constexpr auto other = md::kron(P, Q) * md::commutation<2, 3>;
  STATIC_REQUIRE(!md::is_node_of<md::planned_t<decltype(other)>, md::kron_commuted_op>);
  require_close(md::eval(other, P = Pv, Q = Qv), Eigen::MatrixXd(PQ * K23));

  // A Kronecker product times a commuted one is a commuted one: (S ⊗ Q')(P ⊗ Q)K(3,2) =
  // (SP ⊗ Q'Q)K(3,2); so a product with a sum of both kinds of terms is distributed.
  constexpr auto S = md::matrix<"S", 3, 2>;
  const Eigen::MatrixXd Sv = random_matrix<Eigen::MatrixXd>(3, 2);
  const Eigen::MatrixXd SQt = kronecker(Sv, Eigen::MatrixXd(Qv.transpose()));
  constexpr auto commuted_times = md::kron(S, md::transpose(Q)) * commuted;
  STATIC_REQUIRE(md::is_node_of<md::planned_t<decltype(commuted_times)>, md::kron_commuted_op>);
  require_close(md::eval(commuted_times, P = Pv, Q = Qv, S = Sv), Eigen::MatrixXd(SQt * PQ * K32));
  constexpr auto into_sum = md::kron(S, md::transpose(Q)) * (md::kron(R, Q) - commuted);
  STATIC_REQUIRE(md::is_node_of<md::planned_t<decltype(into_sum)>, md::planned_sum_op<md::term_kind::plus, md::term_kind::minus>>);
  require_close(md::eval(into_sum, P = Pv, Q = Qv, R = Rv, S = Sv), Eigen::MatrixXd(SQt * (RQ - PQ * K32)));

  // A sum of Kronecker terms, negated, scaled and commuted, after and before a formed term,
  // and nested: each is added into the result in place.
  constexpr auto sum = md::kron(P, Q) * md::commutation<3, 2> - 3 * md::kron(R, Q) + T - (-md::kron(P, Q) + md::kron(R, Q) * md::commutation<3, 2>);
  const Eigen::MatrixXd expected = PQ * K32 - 3 * RQ + Tv - (-PQ + RQ * K32);
  require_close(md::eval(sum, P = Pv, Q = Qv, R = Rv, T = Tv), expected);
  require_close(md::eval(T + 0.5 * (md::kron(P, Q) - md::kron(R, Q)), P = Pv, Q = Qv, R = Rv, T = Tv),
                Eigen::MatrixXd(Tv + 0.5 * (PQ - RQ)));
  // Identity factors at fixed sizes, formed and added (diagonals, and blocks of P).
  const Eigen::MatrixXd I2 = Eigen::MatrixXd::Identity(2, 2);
  const Eigen::MatrixXd PI = kronecker(Pv, I2), IP = kronecker(I2, Pv);
  require_close(md::eval(md::kron(P, md::identity<2>), P = Pv), PI);
  require_close(md::eval(md::kron(md::identity<2>, P), P = Pv), IP);
  require_close(md::eval(md::kron(P, md::identity<2>) - 2 * md::kron(md::identity<2>, P), P = Pv), Eigen::MatrixXd(PI - 2 * IP));
  // A term the kernel also returns is remembered and added as a value.
  const auto [whole, term] = md::kernel(T - md::kron(P, Q), md::kron(P, Q))(P = Pv, Q = Qv, T = Tv);
  require_close(whole, Eigen::MatrixXd(Tv - PQ));
  require_close(term, PQ);

  // At run-time sizes.
  constexpr auto Pn = md::matrix<"P", m, n>;
  constexpr auto Qn = md::matrix<"Q", n, m>;
  constexpr auto Tn = md::matrix<"T", m * n, n * m>;
  constexpr auto commuted_n = md::kron(Pn, Qn) * md::commutation_matrix<n, m>{};
  STATIC_REQUIRE(md::is_node_of<md::planned_t<decltype(commuted_n)>, md::kron_commuted_op>);
  const Eigen::MatrixXd Pd = random_matrix<Eigen::MatrixXd>(3, 2), Qd = random_matrix<Eigen::MatrixXd>(2, 3),
                        Td = random_matrix<Eigen::MatrixXd>(6, 6);
  const Eigen::MatrixXd PQd = kronecker(Pd, Qd), K23d = commutation(2, 3);
  require_close(md::eval(commuted_n, Pn = Pd, Qn = Qd), Eigen::MatrixXd(PQd * K23d));
  require_close(md::eval(Tn - 2 * commuted_n + md::kron(Pn, Qn), Pn = Pd, Qn = Qd, Tn = Td),
                Eigen::MatrixXd(Td - 2 * PQd * K23d + PQd));
}

TEST_CASE("a Kronecker product prints as kron(...) in text and a circled times in LaTeX", "[kron][print]") {
  STATIC_REQUIRE(md::to_string(md::kron(A, B)) == "kron(A, B)");
  STATIC_REQUIRE(md::to_string(md::kron(A + B, C)) == "kron(A + B, C)");
  STATIC_REQUIRE(md::to_string(md::kron(A, -B)) == "kron(A, -B)");
  STATIC_REQUIRE(md::to_string(md::kron(A, md::kron(B, C))) == "kron(A, kron(B, C))");
  STATIC_REQUIRE(md::to_string(md::transpose(md::kron(A, B))) == "kron(A, B)'");
  STATIC_REQUIRE(md::to_string(2 * md::kron(A, B)) == "2*kron(A, B)");
  STATIC_REQUIRE(md::to_string(md::kron(A, B) * md::kron(C, D)) == "kron(A, B)*kron(C, D)");

  CHECK(md::to_latex(md::kron(A, B)) == R"(A \otimes B)");
  CHECK(md::to_latex(md::kron(A + B, C)) == R"(\left(A + B\right) \otimes C)");
  CHECK(md::to_latex(md::kron(A, -B)) == R"(A \otimes \left(-B\right))");
  CHECK(md::to_latex(md::kron(md::transpose(A), md::inv(B))) == R"(A^{\top} \otimes B^{-1})");
  CHECK(md::to_latex(md::kron(A / 2, B)) == R"(\frac{A}{2} \otimes B)");
  // Juxtaposed products and nested circled operators are parenthesised.
  CHECK(md::to_latex(md::kron(A * B, C)) == R"(\left(A B\right) \otimes C)");
  CHECK(md::to_latex(md::kron(A, B * C)) == R"(A \otimes \left(B C\right))");
  CHECK(md::to_latex(md::kron(md::kron(A, B), C)) == R"(\left(A \otimes B\right) \otimes C)");
  CHECK(md::to_latex(md::kron(md::hadamard(A, B), C)) == R"(\left(A \circ B\right) \otimes C)");
  CHECK(md::to_latex(md::hadamard(md::kron(A, B), md::kron(C, D))) == R"(\left(A \otimes B\right) \circ \left(C \otimes D\right))");
  CHECK(md::to_latex(md::kron(A, B) * md::kron(C, D)) == R"(\left(A \otimes B\right)\left(C \otimes D\right))");
  CHECK(md::to_latex(2 * md::kron(A, B)) == R"(2\left(A \otimes B\right))");
  CHECK(md::to_latex(md::transpose(md::kron(A, B))) == R"(\left(A \otimes B\right)^{\top})");
}
