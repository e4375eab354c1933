/// @file
/// The expression concept, the interior node `node<Op, Args...>`, and `make_expression`,
/// the one place where every operation checks its operands.
///
/// An expression is its type: `node<product_op, variable<"X",...>, variable<"B",...>>`.
/// Every expression type `E` provides
///   - `E::shape_v`      its shape (rows x cols) at compile time,
///   - `E::variables_v`  the set of variables it contains (name and shape),
///   - `E::symbols_v`    the symbolic dimensions it mentions,
///   - `e.print(p)`, `e.precedence(notation)` for printing (io/).
/// An operation `Op` (ops/<op>.hpp) provides `Op::check(shapes...)` (a diagnostic naming
/// the operation and shapes, empty when the operands are fine), `Op::result_shape(shapes...)`
/// and its printing; its evaluation lives in eval/ops/<op>.hpp. An operation whose check
/// can fail also provides `Op::report<problem>()`, a static_assert whose literal names the
/// operation and its rule. make_expression names the first of these members an operation
/// lacks (docs/user_operations.md).
#pragma once

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/name.hpp>
#include <matdiff/core/pack.hpp>
#include <matdiff/core/shape.hpp>
#include <matdiff/core/static_set.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

struct expression_tag {};

/// What every expression can do: `e(bindings...)` evaluates it (eval/eval.hpp).
template <class Derived>
struct expression_interface : expression_tag {
  template <class... Bindings>
  auto operator()(const Bindings&... bindings) const {
    return eval(static_cast<const Derived&>(*this), bindings...);
  }
};

template <class T>
concept expression = __is_base_of(expression_tag, T) && requires {
  { T::shape_v } -> std::convertible_to<shape>;
};

/// What a variable is known to be besides its shape (core/variable.hpp): `symmetric`,
/// Sᵀ = S; `spd`, symmetric positive definite as well.
enum class structure { general, symmetric, spd };

/// A variable as the expression sees it: its name, its shape and its structure.
struct variable_info {
  name_string name;
  struct shape shape;
  enum structure structure = structure::general;
  friend constexpr bool operator==(const variable_info&, const variable_info&) = default;
};

/// A variable in a set of variables (`variables_v`): the address of its type's `info_v`. Every
/// node's set is the union of its operands', made and compared as template arguments while
/// compiling; a variable_info is some 300 scalars (its name, the names of its dimensions'
/// symbols), each copied and compared at every union, an address is one (a chain of 32
/// factors with its gradient: 162 to 62 MB allocated by constant evaluation in g++). One
/// variable type has one `info_v`, so two references are equal exactly when their
/// variables' names, shapes and structures are. A plain pointer, not a class holding one:
/// the unions and lookups compare items in loops, and a class's `==` was a call per
/// comparison in g++'s constant evaluation (the 64-term sum's value and gradient: 177 to
/// 113 MB allocated by it).
using variable_ref = const variable_info*;

using no_variables = static_set<variable_ref, 0>;
using no_symbols = static_set<name_string, 0>;

namespace detail {
/// Adds the symbolic dimensions shape s mentions to `symbols`, each once.
template <std::size_t Total>
static constexpr void add_symbols(union_items<name_string, Total>& symbols, const shape& s) {
  for (const dimension& d : {s.rows, s.cols})
    for (std::size_t i = 0; i < d.symbol_count; ++i) symbols.add(d.symbols[i]);
}
}  // namespace detail

/// The symbolic dimensions a shape mentions, each once (n for an n x n shape).
template <shape S>
static constexpr auto symbols_of_shape = [] {
  constexpr auto symbols = [] {
    detail::union_items<name_string, 2 * dimension::max_symbols> all{};
    detail::add_symbols(all, S);
    return all;
  }();
  return detail::set_of<symbols.count>(symbols);
}();

/// The result of an ill-formed operation, after its error has been reported: every
/// operation accepts it silently and returns it again, so one mistake gives one error.
struct invalid_expression : expression_interface<invalid_expression> {
  static constexpr shape shape_v = scalar_shape;
  static constexpr no_variables variables_v{};
  static constexpr no_symbols symbols_v{};
  template <class P>
  constexpr void print(P& p) const { p.write("<invalid>"); }
  static constexpr int precedence(notation) { return precedence::atom; }
};

template <class... E>
concept any_invalid = (__is_same(E, invalid_expression) || ...);

namespace detail {
/// A node's shape and symbolic dimensions: static members of a base named after their values,
/// which the nodes of one shape share. As the node's own members they were variables named
/// after its type, which g++ names whether or not they are emitted: the 64-term sum cut after
/// its derivatives took 15.5 s with them, 11.2 s without. (The node's variable set stays its
/// own member: in a base named after the set, that unit took 10.3 s but 43 MiB more.)
template <shape S, auto Symbols>
struct shape_and_symbols {
  static constexpr shape shape_v = S;
  static constexpr auto symbols_v = Symbols;
};
}  // namespace detail

/// An interior node: operation `Op` (which may hold data, e.g. an exponent) applied to
/// operands `Args...`. `make_node(op, args...)` makes one.
///
/// A node is an aggregate: a constructor is a function, which g++ names after the node's
/// type whether or not code is generated for it (a sum of 64 terms named 6.4 MB of node and
/// operand constructors while taking its derivatives, with no code to generate).
template <class Op, expression... Args>
struct node : expression_interface<node<Op, Args...>>,
              detail::shape_and_symbols<Op::result_shape(Args::shape_v...), set_union<Args::symbols_v...>> {
  static constexpr auto variables_v = set_union<Args::variables_v...>;

  // Not [[no_unique_address]]: clang 16 reads freed memory while generating code for an
  // aggregate initialisation that initialises such a member within another (R{} of a node
  // over nodes, derived_value): valgrind shows it in every build of tests/eval/context.cpp,
  // and it crashed one build of that unit under AddressSanitizer.
  Op op;
  pack<Args...> args;  // args.apply(f) = f(operands...)

  /// The I-th operand (matdiff's own code reads it with `arg<I>(e)`, which g++ does not
  /// name after the node's type).
  template <std::size_t I>
  constexpr const auto& arg() const { return detail::get_slot<I>(args); }

  /// The operation prints the node; a planned form (eval/plan/, no `print`) prints as its
  /// `planned_name` applied to the operands, so that to_string(plan_evaluation(e)) shows
  /// what a kernel evaluates.
  template <class P>
  constexpr void print(P& p) const {
    if constexpr (requires { Op::planned_name; })
      args.apply([&](const auto&... a) { p.form(Op::planned_name, a...); });
    else
      args.apply([&](const auto&... a) { op.print(p, a...); });
  }
  /// The operation's precedence; an operation whose printed form depends on its operands
  /// (a sum printed with a common factor taken out) takes them too.
  constexpr int precedence(notation n) const {
    if constexpr (requires { Op::planned_name; })
      return matdiff::precedence::atom;
    else if constexpr (requires { op.precedence(n, std::declval<const Args&>()...); })
      return args.apply([&](const auto&... a) { return op.precedence(n, a...); });
    else
      return op.precedence(n);
  }
};

/// node<Op, Args...> of op over operands that need no checks: those the rules, the
/// derivatives and the planner make out of a checked expression, whose shapes fit and where
/// no variable name has two shapes (make_expression's checks, whose cost grows with the
/// number of variables, are left out). An invalid operand gives an invalid expression, as
/// with make_expression.
template <class Op, class... Args>
static constexpr auto make_node(const Op& op, const Args&... args) {
  if constexpr (any_invalid<Args...>) return invalid_expression{};
  else return node<Op, Args...>{{}, {}, op, {{detail::slot_init(args)}...}};
}

/// The I-th operand of node e, e.arg<I>(): a function of internal linkage, where a member
/// function is named after the node's type (1.5 MB of names in a sum of 64 terms).
template <std::size_t I, class Op, class... Args>
static constexpr const auto& arg(const node<Op, Args...>& e) {
  return detail::get_slot<I>(e.args);
}

template <class Op, class... Args>
struct detail::holds_no_data<node<Op, Args...>>
    : std::bool_constant<__is_empty(Op) && (detail::holds_no_data<Args>::value && ...)> {};

namespace detail {
template <class E, class Op>
struct is_node_of : std::false_type {};
template <class Op, class... Args>
struct is_node_of<node<Op, Args...>, Op> : std::true_type {};

template <class E>
struct is_node : std::false_type {};
template <class Op, class... Args>
struct is_node<node<Op, Args...>> : std::true_type {};
}  // namespace detail

/// E is a node of operation Op.
template <class E, class Op>
concept is_node_of = detail::is_node_of<E, Op>::value;

/// E is a node (of any operation).
template <class E>
concept is_node = detail::is_node<E>::value;

/// An expression that keeps the variables of the function it was derived from.
///
/// A derivative may lose variables: `md::grad(md::transpose(x) * a, x)` is `a`. Its bindings
/// are still those of its function (API: "an expression keeps the variables written in
/// it"), so the derivative is `with_signature<E, Lost>`: printed and evaluated as E, with
/// `signature_v` = E's variables and then the lost ones, which bindings may name. It only
/// ever stands at the top of an expression: every operation built over it (make_expression),
/// `md::simplify` and the derivatives take it apart, work on E, and put the union of their
/// operands' signatures on the result; so the rewrite rules never see it.
///
/// The type holds only the lost variables, not the whole signature: the gradient of a sum
/// of 32 terms tr(Aᵢ X Bᵢ) loses X alone, and every function named after the gradient's type
/// spelled the 65 variables' names and shapes again (6 KB of each name).
template <class E, auto Lost>
struct with_signature : expression_interface<with_signature<E, Lost>> {
  static constexpr shape shape_v = E::shape_v;
  static constexpr auto variables_v = E::variables_v;
  static constexpr auto symbols_v = E::symbols_v;
  static constexpr auto lost_v = Lost;
  static constexpr auto signature_v = set_union<E::variables_v, Lost>;

  E expression;

  template <class P>
  constexpr void print(P& p) const { expression.print(p); }
  constexpr int precedence(notation n) const { return expression.precedence(n); }
};

template <class E, auto Lost>
struct detail::holds_no_data<with_signature<E, Lost>> : detail::holds_no_data<E> {};

/// Whether a derivation or rewriting of `Inputs...` into R may return R{} instead of computing
/// its result: neither holds data, so R{} is the one value of R.
template <class R, class... Inputs>
static constexpr bool derived_from_types = holds_no_data<R> && (holds_no_data<Inputs> && ...);

/// `compute()`, the derivation or rewriting of `Inputs...`, or R{} where `derived_from_types`:
/// the derivation then runs only as the deduction of its type R, and no code is generated for
/// the rewriting it calls (a unit that takes derivatives at run time, as tests do, emitted 22%
/// fewer functions: tests/calculus/grad_rules.cpp at -O0).
template <class... Inputs, class Compute>
static constexpr auto derived_value(const Compute& compute) {
  using R = decltype(compute());
  if constexpr (derived_from_types<R, Inputs...>) return R{};
  else return compute();
}

namespace detail {
template <class E>
struct has_signature : std::false_type {};
template <class E, auto S>
struct has_signature<with_signature<E, S>> : std::true_type {};
template <class E>
static constexpr auto signature_of = E::variables_v;
template <class E, auto S>
inline constexpr auto signature_of<with_signature<E, S>> = with_signature<E, S>::signature_v;
}  // namespace detail

template <class E>
concept has_signature = detail::has_signature<std::remove_cvref_t<E>>::value;

/// The variables bindings for E may name: its own, and for a derivative those of its function.
template <class E>
static constexpr auto signature_of = detail::signature_of<std::remove_cvref_t<E>>;

/// The expression itself, without the signature it may carry.
template <class E>
static constexpr const auto& without_signature(const E& e) {
  if constexpr (has_signature<E>) return e.expression;
  else return e;
}
template <class E>
using without_signature_t = std::remove_cvref_t<decltype(without_signature(std::declval<const E&>()))>;

/// e, keeping also the variables of `Signature`: e itself when it has them all.
template <auto Signature, class E>
static constexpr auto keep_signature(const E& e) {
  if constexpr (!expression<E> || __is_same(E, invalid_expression)) {
    return e;
  } else {
    // all begins with e's variables (signature_of<E> does), so all = e's variables, then lost.
    constexpr auto all = set_union<signature_of<E>, Signature>;
    if constexpr (all.size == E::variables_v.size) {
      return without_signature(e);
    } else {
      using expression_type = without_signature_t<E>;
      constexpr auto lost = set_difference<all, expression_type::variables_v>;
      return with_signature<expression_type, lost>{{}, without_signature(e)};
    }
  }
}

namespace detail {
/// The first variable name that appears with two different shapes (or structures) in two of the sets, as
/// a diagnostic. Each set is an expression's, free of conflicts, so only items of two
/// different sets are compared.
template <std::size_t... N>
static consteval diagnostic name_conflict(const static_set<variable_ref, N>&... sets) {
  if constexpr (sizeof...(N) > 1) {
    const auto list = list_of(sets...);
    for (std::size_t s = 0; s < sizeof...(N); ++s)
      for (std::size_t i = 0; i < list.sizes[s]; ++i)
        for (std::size_t t = s + 1; t < sizeof...(N); ++t)
          for (std::size_t j = 0; j < list.sizes[t]; ++j) {
            // One variable in both sets, or names that differ in their first character: no
            // conflict, seen without a call (a partial sum of a 64-term sum compares its
            // up to 128 variables with each term's 3; the calls were 10 of the 1,280 MB g++
            // allocates for the sum's value and gradient).
            const variable_info* pa = list.begins[s][i];
            const variable_info* pb = list.begins[t][j];
            if (pa == pb || pa->name.chars[0] != pb->name.chars[0]) continue;
            const variable_info& a = *pa;
            const variable_info& b = *pb;
            if (!(a.name == b.name)) continue;
            if (!(a.shape == b.shape))
              return text("matdiff: variable ") + a.name.view() + " is used with two shapes, " +
                     a.shape.to_text() + " and " + b.shape.to_text();
            if (a.structure != b.structure)
              return text("matdiff: variable ") + a.name.view() +
                     " is used with two structures (md::matrix, md::symmetric, md::spd)";
          }
  }
  return {};
}
/// Evaluated once per list of operand variable sets: called in each make_expression instead,
/// the Hessian of the scaling benchmark's depth-16 chain peaked at 1,312 MiB against 1,230.
template <auto... Sets>
static constexpr diagnostic name_conflict_v = name_conflict(Sets...);
}  // namespace detail

/// Op states its shape rule in its own static_assert, `Op::report<problem>()`.
template <class Op>
concept reports_errors = requires { Op::template report<diagnostic{}>(); };

namespace detail {
/// The first member of the operation protocol (docs/user_operations.md) that Op lacks for
/// operands Args, 0 when it has them all.
template <class Op, class... Args>
static consteval int missing_operation_member() {
  if constexpr (!requires { { Op::check(Args::shape_v...) } -> std::same_as<diagnostic>; })
    return 1;
  else if constexpr (!requires { { Op::result_shape(Args::shape_v...) } -> std::convertible_to<shape>; })
    return 2;
  else if constexpr (!requires(const Op& op) { op.precedence(notation::text); } &&
                     !requires(const Op& op, const Args&... a) { op.precedence(notation::text, a...); })
    return 3;
  else if constexpr (!requires(const Op& op, printer& p, const Args&... a) { op.print(p, a...); })
    return 4;
  else
    return 0;
}

/// One static_assert per member, so that its literal (which clang prints) names it.
template <int Missing>
static constexpr void report_missing_operation_member() {
  static_assert(Missing != 1,
                "matdiff: operation: missing member `static consteval diagnostic check(const shape&...)` "
                "(the shape rule, one shape per operand)");
  static_assert(Missing != 2,
                "matdiff: operation: missing member `static constexpr shape result_shape(const shape&...)`");
  static_assert(Missing != 3, "matdiff: operation: missing member `precedence(notation)` (how tightly it prints)");
  static_assert(Missing != 4,
                "matdiff: operation: missing member `print(printer&, const operands&...)` (text and LaTeX)");
}
}  // namespace detail

/// Builds `node<Op, Args...>` after checking the operands: they are expressions, their
/// shapes suit the operation (`Op::check`), and no variable name has two shapes.
template <class Op, class... Args>
static constexpr auto make_expression(Op op, const Args&... args) {
  static_assert((expression<Args> && ...),
                "matdiff: an operand is not a matdiff expression (variable, constant or "
                "expression built from them)");
  if constexpr (!(expression<Args> && ...) || any_invalid<Args...>) {
    return invalid_expression{};
  } else if constexpr ((has_signature<Args> || ...)) {
    return keep_signature<set_union<signature_of<Args>...>>(make_expression(op, without_signature(args)...));
  } else if constexpr (detail::missing_operation_member<Op, Args...>() != 0) {
    detail::report_missing_operation_member<detail::missing_operation_member<Op, Args...>()>();
    return invalid_expression{};
  } else {
    constexpr diagnostic problem = Op::check(Args::shape_v...);
    constexpr diagnostic conflict = detail::name_conflict_v<Args::variables_v...>;
    if constexpr (!problem.ok()) {
      // A static_assert message is a literal: each operation states its own rule
      // (Op::report), so the first error line names the operation.
      if constexpr (reports_errors<Op>)
        Op::template report<problem>();
      else
        static_assert(error<problem>, "matdiff: invalid operands (operation and shapes below)");
      return invalid_expression{};
    } else if constexpr (!conflict.ok()) {
      static_assert(error<conflict>, "matdiff: one variable name with two shapes or structures (below)");
      return invalid_expression{};
    } else {
      return make_node(op, args...);
    }
  }
}

/// Shape checks shared by the operations.
namespace check {
consteval diagnostic same_shape(const char* operation, const shape& a, const shape& b) {
  if (a == b) return {};
  return text("matdiff: ") + operation + " of " + a.to_text() + " and " + b.to_text() +
         ": shapes differ";
}
consteval diagnostic square(const char* operation, const shape& a) {
  if (a.is_square()) return {};
  return text("matdiff: ") + operation + " of " + a.to_text() + ": the matrix is not square";
}
}  // namespace check

}  // namespace matdiff
