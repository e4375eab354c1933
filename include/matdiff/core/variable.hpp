/// @file
/// Variables `md::scalar<"a">`, `md::vector<"x", N>`, `md::matrix<"X", R, C>`, the structured
/// `md::symmetric<"S", N>` and `md::spd<"S", N>`, and bindings `X = value`.
///
/// A variable is an empty literal type; its name, shape and structure are in its type. Binding it to a
/// value (`X = Xv`) makes a `binding` that holds an Eigen object by reference (or a number
/// by value); bindings are what `md::eval` and kernels take (eval/).
#pragma once

#include <string_view>
#include <type_traits>

#include <matdiff/core/dimension.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/name.hpp>
#include <matdiff/core/number.hpp>
#include <matdiff/core/shape.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

/// `variable = value`. A number is held by value; an Eigen object named by the caller (an
/// lvalue, `X = Xv`) by reference, without a copy; a temporary (`X = 2.0 * Xv`,
/// `X = Xv.topRows(3)`, `X = Eigen::MatrixXd::Ones(3, 3)`) by value, so the binding stays
/// valid as long as it lives (an Eigen expression inside it still refers to the named
/// objects it was made from).
template <class Variable, class Value, bool Holds = false>
struct binding {
  using variable_type = Variable;
  using value_type = Value;
  std::conditional_t<arithmetic<Value> || Holds, Value, const Value&> value;
};

template <class T>
static constexpr bool is_binding = false;
template <class V, class T, bool H>
inline constexpr bool is_binding<binding<V, T, H>> = true;

namespace detail {
// Greek letter names print as LaTeX symbols: "Sigma" -> \Sigma.
constexpr bool is_greek(std::string_view n) {
  constexpr std::string_view letters[] = {
      "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
      "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
      "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon",
      "Phi", "Psi", "Omega"};
  for (auto l : letters)
    if (l == n) return true;
  return false;
}
}  // namespace detail

/// Prints a name: as is in text; in LaTeX a one-letter name as is, a Greek letter name as
/// its symbol, any other name upright-italic as one symbol (\mathit{name}).
template <class P>
static constexpr void print_name(P& p, std::string_view name) {
  if (!p.latex() || name.size() == 1) {
    p.write(name);
  } else if (detail::is_greek(name)) {
    p.write("\\").write(name);
  } else {
    p.write("\\mathit{").write(name).write("}");
  }
}

/// A variable's `structure` (core/expression.hpp) is part of its type. `symmetric`: Sᵀ = S
/// (the simplifier drops its transposes; derivatives with respect to it act on symmetric
/// directions, calculus/); `spd`: symmetric positive definite as well (inv, det, logdet and
/// solves with it are evaluated by one Cholesky factorization, eval/plan/factorization.hpp).
///
/// The shape is a type, `shape_type<Rows, Cols>`, not two values: the mangled name of a type
/// that names a variable again names an earlier type by a back-reference of a few
/// characters, where a value is spelled out in full at each use. A node of the 32-term sum
/// names 65 variables of shape n x n; with the shape as two values each took 100 characters.
template <name_string Name, class Shape, structure Structure = structure::general>
struct variable : expression_interface<variable<Name, Shape, Structure>> {
  static_assert(name_fits<Name>, "matdiff: variable: names are limited to 31 characters");
  static_assert(Structure == structure::general || Shape::value.is_square(),
                "matdiff: symmetric variable: a symmetric matrix is square");
  static constexpr name_string name = Name;
  static constexpr structure structure_v = Structure;
  static constexpr shape shape_v = Shape::value;
  static constexpr variable_info info_v{Name, shape_v, Structure};
  static constexpr variable_ref ref_v{&info_v};
  static constexpr static_set<variable_ref, 1> variables_v{{ref_v}};
  static constexpr auto symbols_v = symbols_of_shape<shape_v>;

  /// `X = value`: a binding for evaluation.
  template <class T>
  constexpr auto operator=(T&& value) const {  // NOLINT: binding syntax
    using Value = std::remove_cvref_t<T>;
    if constexpr (std::is_lvalue_reference_v<T>) return binding<variable, Value>{value};
    else return binding<variable, Value, true>{static_cast<T&&>(value)};
  }

  template <class P>
  constexpr void print(P& p) const { print_name(p, Name.view()); }
  static constexpr int precedence(notation) { return precedence::atom; }
};

template <class T>
static constexpr bool is_variable = false;
template <name_string N, class Sh, structure S>
inline constexpr bool is_variable<variable<N, Sh, S>> = true;

/// True for a variable known to be symmetric (`md::symmetric`, `md::spd`).
template <class T>
static constexpr bool is_symmetric_variable = false;
template <name_string N, class Sh, structure S>
inline constexpr bool is_symmetric_variable<variable<N, Sh, S>> = S != structure::general;

/// True for a variable known to be symmetric positive definite (`md::spd`).
template <class T>
static constexpr bool is_spd_variable = false;
template <name_string N, class Sh, structure S>
inline constexpr bool is_spd_variable<variable<N, Sh, S>> = S == structure::spd;

/// `md::scalar<"a">`: a 1x1 variable.
template <name_string Name>
inline constexpr variable<Name, shape_type<dimension::fixed(1), dimension::fixed(1)>> scalar{};

/// `md::vector<"x", N>`: an N x 1 column vector; N an integer or `md::dim<"n">`.
template <name_string Name, auto N>
static constexpr variable<Name, shape_type<to_dimension(N), dimension::fixed(1)>> vector{};

/// `md::matrix<"X", R, C>`: an R x C matrix; R, C integers or `md::dim<...>`.
template <name_string Name, auto Rows, auto Cols>
static constexpr variable<Name, shape_type<to_dimension(Rows), to_dimension(Cols)>> matrix{};

/// `md::symmetric<"S", N>`: an N x N symmetric matrix, Sᵀ = S; N an integer or `md::dim<...>`.
/// The gradient with respect to it is the symmetric G with df = tr(G dS) for every symmetric
/// dS, the symmetric part (G₀ + G₀ᵀ)/2 of the unconstrained gradient G₀.
template <name_string Name, auto N>
static constexpr variable<Name, shape_type<to_dimension(N), to_dimension(N)>, structure::symmetric> symmetric{};

/// `md::spd<"S", N>`: an N x N symmetric positive definite matrix; as `md::symmetric`, and
/// evaluated by one Cholesky factorization (LLT) per kernel call for inv, det, logdet, solves.
template <name_string Name, auto N>
static constexpr variable<Name, shape_type<to_dimension(N), to_dimension(N)>, structure::spd> spd{};

}  // namespace matdiff
