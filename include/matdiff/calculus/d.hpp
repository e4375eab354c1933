/// @file
/// `md::d(X)`: the differential symbol dX of a variable X, an expression of X's shape.
///
/// A differential `md::differential(f, X)` is an expression linear in `md::d(X)`; the
/// gradient is read off it (calculus/grad.hpp), and a directional derivative replaces dX
/// by a direction (calculus/directional.hpp). dX itself has no value: evaluating an
/// expression that still contains it is a compile error.
#pragma once

#include <type_traits>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

template <class Variable>
struct differential_symbol : expression_interface<differential_symbol<Variable>> {
  using variable_type = Variable;
  static constexpr shape shape_v = Variable::shape_v;
  static constexpr no_variables variables_v{};
  static constexpr auto symbols_v = Variable::symbols_v;

  /// "dX"; a longer name in parentheses, "d(Sigma)"; LaTeX "\mathrm{d}X".
  template <class P>
  constexpr void print(P& p) const {
    const auto name = Variable::name.view();
    if (p.latex()) {
      p.write("\\mathrm{d}");
      print_name(p, name);
    } else if (name.size() == 1) {
      p.write("d").write(name);
    } else {
      p.write("d(").write(name).write(")");
    }
  }
  static constexpr int precedence(notation) { return precedence::atom; }
};

namespace detail {
template <class T>
struct is_differential_symbol : std::false_type {};
template <class V>
struct is_differential_symbol<differential_symbol<V>> : std::true_type {};
}  // namespace detail
template <class T>
concept is_differential_symbol = detail::is_differential_symbol<T>::value;

/// dX, the differential of variable X.
template <class V>
static constexpr auto d(const V&) {
  static_assert(is_variable<V>, "matdiff: d: the argument must be a variable (md::matrix, "
                                "md::vector or md::scalar)");
  if constexpr (is_variable<V>) return differential_symbol<V>{};
  else return invalid_expression{};
}

/// True when expression type E contains a differential symbol.
namespace detail {
template <class E>
struct contains_differential : is_differential_symbol<E> {};
template <class Op, class... Args>
struct contains_differential<node<Op, Args...>> : std::bool_constant<(contains_differential<Args>::value || ...)> {};
}  // namespace detail
template <class E>
concept contains_differential = detail::contains_differential<E>::value;

}  // namespace matdiff
