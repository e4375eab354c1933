/// @file
/// The evaluation context: bindings checked at compile time, sizes checked at run time.
///
/// `context<Symbols, Bindings...>` is built once per evaluation (or kernel call).
/// At compile time it checks that every variable has exactly one binding, that no binding
/// names an unknown variable, that numbers are bound only to 1x1 variables and that fixed
/// Eigen sizes match; each problem is a `static_assert` naming the variable. At run time it
/// checks dynamic sizes and the values of symbolic dimensions (`md::dimension_error`), then
/// views every bound value as an `Eigen::Ref` (no copy for plain objects, maps and blocks;
/// other Eigen expressions are evaluated once). Evaluation reads them through a
/// `context_view`, whose type is short (see there).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

#include <Eigen/Core>

#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/number.hpp>
#include <matdiff/core/pack.hpp>
#include <matdiff/core/static_set.hpp>
#include <matdiff/core/variable.hpp>
#include <matdiff/eval/dimension_error.hpp>
#include <matdiff/eval/value.hpp>

namespace matdiff {

namespace detail {
template <class Derived>
void view_as_dense(const Eigen::DenseBase<Derived>&);
}  // namespace detail

/// True for Eigen dense objects and expressions, including those whose dense base is that of
/// a class they derive from (`v.segment(i, k)` is a `VectorBlock`, derived from a `Block`).
template <class T>
inline constexpr bool is_eigen_dense = requires(const T& t) { detail::view_as_dense(t); };

namespace detail {

/// What the compile-time checks need to know of one binding.
struct binding_info {
  bool is_binding = false;
  variable_ref variable = nullptr;  // the bound variable type's description: its name and shape
  bool is_number = false;
  bool is_eigen = false;
  bool is_floating = false;  // the number, or the Eigen object's scalar, is a floating-point type
  int rows = 0, cols = 0;  // Eigen compile-time sizes (Eigen::Dynamic if dynamic)
};

template <class B>
consteval binding_info info_of() {
  binding_info i;
  if constexpr (is_binding<B>) {
    using V = typename B::variable_type;
    using T = typename B::value_type;
    i.is_binding = true;
    i.variable = V::ref_v;
    i.is_number = arithmetic<T>;
    i.is_floating = std::is_floating_point_v<T>;
    if constexpr (is_eigen_dense<T>) {
      i.is_eigen = true;
      i.is_floating = std::is_floating_point_v<typename T::Scalar>;
      i.rows = T::RowsAtCompileTime;
      i.cols = T::ColsAtCompileTime;
    }
  }
  return i;
}

// One text, appended to: GCC 12 rejects the same as `Dynamic ? text(...) : text().append(n)`
// ("use of allocated storage after deallocation").
consteval text size_text(int n) {
  text t;
  if (n == Eigen::Dynamic) t.append("Dynamic");
  else t.append(static_cast<long long>(n));
  return t;
}

/// What can be wrong with a set of bindings; each kind has its own first error line.
enum class binding_error {
  none, not_a_binding, other_shape, unknown_variable, bound_twice, not_a_value, not_floating_point,
  number_for_matrix, fixed_size, missing_binding, unknown_dimension
};

/// A problem with the bindings: its kind, the variable (or argument) it concerns, and the
/// whole message.
struct binding_problem_t {
  binding_error kind = binding_error::none;
  name_string subject;
  diagnostic message;
  constexpr bool ok() const { return kind == binding_error::none; }
};

consteval binding_problem_t problem(binding_error kind, name_string subject, const text& message) {
  return {kind, subject, diagnostic(message)};
}

/// The first problem with a set of bindings for an expression that needs `Needed` and
/// accepts `Signature` (its variables and those of the function it was derived from).
template <auto Signature, auto Needed, auto Symbols, class... B>
consteval binding_problem_t binding_problem() {
  constexpr binding_info bindings[] = {info_of<B>()..., binding_info{}};
  constexpr std::size_t count = sizeof...(B);
  std::size_t bound_by[Signature.size + 1]{};  // the binding of each variable of Signature, count if none
  for (std::size_t& b : bound_by) b = count;
  for (std::size_t i = 0; i < count; ++i) {
    const binding_info& b = bindings[i];
    if (!b.is_binding) {
      name_string argument;
      const text which = text("argument ").append(static_cast<long long>(i + 1));
      for (std::size_t k = 0; k < which.view().size(); ++k) argument.chars[k] = which.view()[k];
      return problem(binding_error::not_a_binding, argument,
                     text("matdiff: eval: ") + which.view() +
                         " of the bindings is not a binding; write variable = value, e.g. X = Xv");
    }
    const variable_info& bound = *b.variable;
    const auto name = bound.name.view();
    // The variable of the signature with b's name. A binding names the very variable type
    // of the expression, so its address finds it; only a binding in error (or for a variable
    // of the same name and another structure) is looked up by name. Comparing every binding's
    // 32-character name with every variable's took 0.8 s of clang's constant evaluation for
    // a kernel of 129 bindings.
    std::size_t k = Signature.index_of(b.variable);
    for (std::size_t j = 0; j < Signature.size && k == Signature.size; ++j)
      if (Signature.items[j]->name == bound.name) k = j;
    if (k == Signature.size)
      return problem(binding_error::unknown_variable, bound.name,
                     text("matdiff: eval: binding for unknown variable ") + name +
                         ": neither the expression nor the function it was derived from has it");
    const variable_info& v = *Signature.items[k];
    if (!(v.shape == bound.shape))
      return problem(binding_error::other_shape, bound.name,
                     text("matdiff: eval: variable ") + name + " is " + v.shape.to_text() +
                         " in the expression but the binding is for a " + bound.shape.to_text() + " variable " +
                         name);
    if (bound_by[k] < i)
      return problem(binding_error::bound_twice, bound.name,
                     text("matdiff: eval: variable ") + name + " is bound twice");
    bound_by[k] = i;
    if (!b.is_number && !b.is_eigen)
      return problem(binding_error::not_a_value, bound.name,
                     text("matdiff: eval: the value bound to variable ") + name +
                         " is neither a number nor an Eigen dense object");
    if (!b.is_floating)
      return problem(binding_error::not_floating_point, bound.name,
                     text("matdiff: eval: the value bound to variable ") + name +
                         " has an integer scalar type; bind a double or float value (2.0, not 2; .cast<double>())");
    if (b.is_number && !bound.shape.is_scalar())
      return problem(binding_error::number_for_matrix, bound.name,
                     text("matdiff: eval: variable ") + name + " is " + bound.shape.to_text() +
                         "; a number can be bound only to a 1x1 variable");
    if (b.is_eigen) {
      const dimension &rows = bound.shape.rows, &cols = bound.shape.cols;
      const bool rows_bad = rows.is_fixed() && b.rows != Eigen::Dynamic && b.rows != rows.factor;
      const bool cols_bad = cols.is_fixed() && b.cols != Eigen::Dynamic && b.cols != cols.factor;
      if (rows_bad || cols_bad)
        return problem(binding_error::fixed_size, bound.name,
                       text("matdiff: eval: variable ") + name + " is " + bound.shape.to_text() +
                           " but the bound Eigen object is " + size_text(b.rows) + "x" + size_text(b.cols));
    }
  }
  for (const variable_ref r : Needed)  // Needed is part of Signature
    if (bound_by[Signature.index_of(r)] == count)
      return problem(binding_error::missing_binding, r->name,
                     text("matdiff: eval: variable ") + r->name.view() + " has no binding");
  for (const name_string& s : Symbols) {
    bool set = false;
    for (std::size_t i = 0; i < count; ++i)
      for (const dimension& d : {bindings[i].variable->shape.rows, bindings[i].variable->shape.cols})
        set = set || (d.symbol_count == 1 && d.symbols[0] == s);
    if (!set)
      return problem(binding_error::unknown_dimension, s,
                     text("matdiff: eval: dimension ") + s.view() +
                         " is not the size of any bound variable, so its value is unknown");
  }
  return {};
}

/// Stops with the error of problem P. The first error line names the kind of problem and,
/// under clang, the variable; g++ names the variable in the lines above and below it.
template <binding_error Kind, auto Subject, diagnostic Message>
constexpr void report_binding_error() {
  using enum binding_error;
  if constexpr (Kind == not_a_binding)
    static_assert(failed<Subject, Message>, "matdiff: eval: an argument is not a binding (variable = value)");
  else if constexpr (Kind == other_shape)
    static_assert(failed<Subject, Message>, "matdiff: eval: binding for a variable of another shape");
  else if constexpr (Kind == unknown_variable)
    static_assert(failed<Subject, Message>, "matdiff: eval: binding for unknown variable");
  else if constexpr (Kind == bound_twice)
    static_assert(failed<Subject, Message>, "matdiff: eval: variable bound twice");
  else if constexpr (Kind == not_a_value)
    static_assert(failed<Subject, Message>, "matdiff: eval: the value bound is neither a number nor an Eigen object");
  else if constexpr (Kind == not_floating_point)
    static_assert(failed<Subject, Message>, "matdiff: eval: the value bound has an integer scalar type");
  else if constexpr (Kind == number_for_matrix)
    static_assert(failed<Subject, Message>, "matdiff: eval: a number bound to a matrix variable");
  else if constexpr (Kind == fixed_size)
    static_assert(failed<Subject, Message>, "matdiff: eval: the bound Eigen object has another fixed size");
  else if constexpr (Kind == missing_binding)
    static_assert(failed<Subject, Message>, "matdiff: eval: variable has no binding");
  else if constexpr (Kind == unknown_dimension)
    static_assert(failed<Subject, Message>, "matdiff: eval: a dimension is not the size of any bound variable");
}

template <binding_problem_t P>
constexpr void report_binding_error() {
  report_binding_error<P.kind, subject_of<P.subject>, P.message>();
}

/// The symbolic dimensions of the shapes of a set of variables, each once.
template <auto Variables>
consteval auto symbols_of_variables() {
  constexpr auto symbols = [] {
    detail::union_items<name_string, 2 * dimension::max_symbols * Variables.size> all{};
    for (const variable_ref v : Variables) detail::add_symbols(all, v->shape);
    return all;
  }();
  return detail::set_of<symbols.count>(symbols);
}

template <class T, class = void>
struct eigen_scalar {
  using type = void;
};
template <class T>
struct eigen_scalar<T, std::enable_if_t<is_eigen_dense<T>>> {
  using type = typename T::Scalar;
};

template <class... T>
struct first_eigen_scalar {
  using type = void;
};
template <class T, class... Rest>
struct first_eigen_scalar<T, Rest...> {
  using type = std::conditional_t<is_eigen_dense<T>, typename eigen_scalar<T>::type,
                                  typename first_eigen_scalar<Rest...>::type>;
};

template <class T>
using number_scalar = std::conditional_t<std::is_floating_point_v<T>, T, double>;

template <class... T>
struct number_scalar_of {
  using type = std::common_type_t<number_scalar<T>...>;
};
template <>
struct number_scalar_of<> {
  using type = double;
};

}  // namespace detail

/// The scalar type of an evaluation with bound values `T...`: that of the Eigen objects,
/// or else the common type of the numbers (double for no bindings).
template <class... T>
using evaluation_scalar_t =
    std::conditional_t<std::is_void_v<typename detail::first_eigen_scalar<T...>::type>,
                       typename detail::number_scalar_of<T...>::type,
                       typename detail::first_eigen_scalar<T...>::type>;

/// True when all bound Eigen objects have one scalar type.
template <class... T>
inline constexpr bool eigen_scalars_agree =
    ((!is_eigen_dense<T> ||
      __is_same(typename detail::eigen_scalar<T>::type, evaluation_scalar_t<T...>)) && ...);

/// The value a bound variable has inside an evaluation: a scalar for a number, an
/// `Eigen::Ref` viewing the bound object otherwise.
template <class S, class B>
using leaf_t = std::conditional_t<arithmetic<typename B::value_type>, S,
                                  Eigen::Ref<const matrix_t<S, typename B::variable_type>>>;

namespace detail {
// Out of the context class, whose functions are named after every binding's type: these
// are named after the symbols and one variable.

/// The run-time size checks of a context.
template <auto Symbols>
struct size_check {
  using symbol_table = std::array<Eigen::Index, Symbols.size + 1>;

  template <class... B>
  static symbol_table check_sizes(const B&... bindings) {
    symbol_table values{};
    [[maybe_unused]] std::array<std::string_view, Symbols.size + 1> set_by{};  // which variable set each symbol
    // First the sizes that are one symbol (they set the symbols' values), then multiples of
    // one symbol such as 2*n (which set it when nothing else does), then the products of
    // symbols such as m*n, which those values determine. The pass is a run-time argument:
    // as a template argument it made three functions per binding (a kernel of 129 bindings:
    // 17 MB more allocated by g++, and 3% of the 64-term sum's compile time).
    for (int pass = 1; pass <= 3; ++pass) (check_binding(values, set_by, bindings, pass), ...);
    return values;
  }

  static constexpr bool is_compound(const dimension& d) {
    return d.symbol_count > 1 || (d.symbol_count == 1 && d.factor != 1);
  }

  /// The positions in the symbol table of d's symbols, computed while compiling: looked up
  /// at run time, they compared names of 32 characters on every call of a kernel (1.5% of
  /// the factorization gradient at n = 100, more of smaller kernels).
  using positions = std::array<std::size_t, dimension::max_symbols>;
  static consteval positions positions_of(const dimension& d) {
    positions p{};
    for (std::size_t k = 0; k < d.symbol_count; ++k) p[k] = Symbols.index_of(d.symbols[k]);
    return p;
  }

  /// 0 fixed, 1 a symbol, 2 a multiple of one symbol, 3 a product of symbols.
  static constexpr int pass_of(const dimension& d) {
    return d.symbol_count == 0 ? 0 : d.symbol_count > 1 ? 3 : d.factor != 1 ? 2 : 1;
  }

  template <class Binding>
  static void check_binding(symbol_table& values, std::array<std::string_view, Symbols.size + 1>& set_by,
                            const Binding& b, int pass) {
    using V = typename Binding::variable_type;
    using T = std::remove_cvref_t<typename Binding::value_type>;
    if constexpr (!arithmetic<T>) {
      // A fixed dimension that the Eigen type fixes too was checked when the binding was made.
      constexpr bool rows_checked = V::shape_v.rows.is_fixed() && T::RowsAtCompileTime == V::shape_v.rows.factor;
      constexpr bool cols_checked = V::shape_v.cols.is_fixed() && T::ColsAtCompileTime == V::shape_v.cols.factor;
      if (!rows_checked && std::max(pass_of(V::shape_v.rows), 1) == pass)
        check_dimension(values, set_by, V::name.view(), "rows", V::shape_v.rows, positions_of(V::shape_v.rows),
                        b.value.rows());
      if (!cols_checked && std::max(pass_of(V::shape_v.cols), 1) == pass)
        check_dimension(values, set_by, V::name.view(), "cols", V::shape_v.cols, positions_of(V::shape_v.cols),
                        b.value.cols());
    }
  }

  /// A product of symbols (m*n, 2*n) must equal the product of their values. When one of
  /// its symbols is not yet known (only 2*n mentions n), the binding determines it.
  static void check_compound(symbol_table& values, std::array<std::string_view, Symbols.size + 1>& set_by,
                             std::string_view variable, const char* which, const dimension& d,
                             const positions& at, Eigen::Index actual) {
    Eigen::Index known = static_cast<Eigen::Index>(d.factor);
    std::size_t unknown_count = 0, unknown = 0;
    for (std::size_t k = 0; k < d.symbol_count; ++k) {
      const std::size_t i = at[k];
      if (set_by[i].empty()) ++unknown_count, unknown = i;
      else known *= values[i];
    }
    if (unknown_count == 1 && known > 0 && actual % known == 0) {
      values[unknown] = actual / known;
      set_by[unknown] = variable;
      return;
    }
    Eigen::Index expected = static_cast<Eigen::Index>(d.factor);
    for (std::size_t k = 0; k < d.symbol_count; ++k) expected *= values[at[k]];
    if (actual != expected || unknown_count > 0)
      throw dimension_error("matdiff: variable " + std::string(variable) + ": " + which + " (" +
                            std::string(d.to_text().view()) + ") is " + std::to_string(actual) +
                            (unknown_count > 1   ? std::string(", which does not determine its symbols: bind a "
                                                                   "variable with one of them as a size")
                             : unknown_count > 0 ? ", not a multiple of " + std::to_string(known)
                                                 : ", but the other bindings make it " + std::to_string(expected)));
  }

  /// Checks one run-time dimension of a bound value. Small enough to be inlined into the
  /// kernel's call, with d and at constants there; the messages are built out of line, by the
  /// `throw_` functions below, and only for an error.
  static void check_dimension(symbol_table& values, std::array<std::string_view, Symbols.size + 1>& set_by,
                              std::string_view variable, const char* which, const dimension& d,
                              const positions& at, Eigen::Index actual) {
    if (d.is_fixed()) {
      if (actual != d.factor) throw_fixed_size(variable, which, d, actual);
      return;
    }
    if (is_compound(d)) {
      check_compound(values, set_by, variable, which, d, at, actual);
      return;
    }
    const std::size_t i = at[0];
    if (set_by[i].empty()) {
      values[i] = actual;
      set_by[i] = variable;
    } else if (values[i] != actual) {
      throw_symbol_mismatch(variable, which, d, actual, set_by[i], values[i]);
    }
  }

  [[noreturn]] EIGEN_DONT_INLINE static void throw_fixed_size(std::string_view variable, const char* which,
                                                             const dimension& d, Eigen::Index actual) {
    throw dimension_error("matdiff: variable " + std::string(variable) + ": " + which + " must be " +
                          std::to_string(d.factor) + " but the bound value has " + std::to_string(actual));
  }

  [[noreturn]] EIGEN_DONT_INLINE static void throw_symbol_mismatch(std::string_view variable, const char* which,
                                                                  const dimension& d, Eigen::Index actual,
                                                                  std::string_view set_by, Eigen::Index value) {
    const std::string symbol(d.symbols[0].view());
    throw dimension_error("matdiff: variable " + std::string(variable) + ": dimension " + symbol + " (" + which +
                          ") is " + std::to_string(actual) + ", but variable " + std::string(set_by) + " has " +
                          symbol + " = " + std::to_string(value));
  }
};

template <class V, class S, class L>
void check_structure(const L& x) {
  if constexpr (is_symmetric_variable<V> && !arithmetic<L>) {
    using std::sqrt;
    using real = typename Eigen::NumTraits<S>::Real;
    real asymmetry = 0, size = 0;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      for (Eigen::Index i = 0; i < x.rows(); ++i) {
        const real a = x(i, j), t = x(j, i);
        asymmetry += (a - t) * (a - t);
        size += a * a;
      }
    }
    const real tolerance = sqrt(Eigen::NumTraits<real>::epsilon());
    if (asymmetry > tolerance * tolerance * size)  // a NaN entry is not an asymmetry: it evaluates to NaN
      throw structure_error("matdiff: variable " + std::string(V::name.view()) +
                            ": the bound value is not symmetric (|X - X'| = " + std::to_string(sqrt(asymmetry)) +
                            ", |X| = " + std::to_string(sqrt(size)) + "), but the variable is declared " +
                            (V::structure_v == structure::spd ? "md::spd" : "md::symmetric"));
  }
}
}  // namespace detail

/// Its type names the symbols and the bindings only: the functions of a kernel's call are
/// named after it, and the set of the signature's variables with their shapes (the bindings
/// name each variable already) took 9 KB of each name in a kernel of 65 variables.
template <auto Symbols, class... B>
class context {
 public:
  using scalar = evaluation_scalar_t<typename B::value_type...>;

  explicit context(const B&... bindings)
      : symbol_values_(detail::size_check<Symbols>::check_sizes(bindings...)),
        leaves_{{leaf_t<scalar, B>(bindings.value)}...} {
#ifndef NDEBUG
    check_structures(std::index_sequence_for<B...>{});
#endif
  }

  // Evaluation reads the values and sizes through `context_view` (below).

 private:
  using symbol_table = typename detail::size_check<Symbols>::symbol_table;

  /// Debug builds: a value bound to a symmetric variable (`md::symmetric`, `md::spd`) must
  /// be symmetric, ‖X - Xᵀ‖ ≤ √ε ‖X‖ (Frobenius norms, ε of the scalar type), else
  /// `md::structure_error` naming the variable. One pass over the bound matrix, no
  /// allocation: O(n²) per evaluation or kernel call, against the O(n³) of the
  /// factorizations such variables usually feed; compiled out when NDEBUG is defined.
  template <std::size_t... I>
  void check_structures(std::index_sequence<I...>) const {
    (detail::check_structure<typename B::variable_type, scalar>(at<I>(leaves_)), ...);
  }
  symbol_table symbol_values_;
  // A pack, not a std::tuple: a tuple of a kernel's 129 bound values took its construction's
  // constraints and std::get's element lookups, about 4,500 class instantiations.
  pack<leaf_t<scalar, B>...> leaves_;

 public:
  /// For `context_view`: the values of the symbols, and the address of every bound value.
  const Eigen::Index* symbol_values() const { return symbol_values_.data(); }
  std::array<const void*, sizeof...(B)> leaf_addresses() const {
    return leaves_.apply([](const auto&... l) { return std::array<const void*, sizeof...(B)>{&l...}; });
  }
};

namespace detail {
/// How many 64-bit words a name takes: its characters and at least one zero byte.
constexpr std::size_t packed_word_count(const name_string& name) { return name.size() / 8 + 1; }

/// Word k of a name (k < packed_word_count(name)), its first character in the lowest byte.
constexpr std::uint64_t packed_word(const name_string& name, std::size_t k) {
  std::uint64_t w = 0;
  for (std::size_t b = 0; b < 8 && 8 * k + b < name_string::capacity + 1; ++b)
    w |= std::uint64_t(static_cast<unsigned char>(name.chars[8 * k + b])) << (8 * b);
  return w;
}

/// The variables of a context as the type of its view spells them (every function of a
/// kernel's evaluation carries that type in its name):
///   - the names as 64-bit words of eight characters (the first in the lowest byte), a name
///     taking the words up to and including the first that holds a zero byte: "A1" is one
///     word, 12,609, which a mangled name spells `Lm12609E` (a name_string: 22 characters);
///   - for each variable, the position of its bound value's type among the distinct types
///     of the view (`leaf_type`), where a list of every variable's type named a type per
///     variable; zeros at the end of an array take no room in a mangled name, so a kernel
///     whose values are of one type spells no positions at all.
/// A kernel of 129 variables bound to one type so puts 1 KB in the name of every function of
/// its evaluation instead of 3.3 KB (docs/compile_time.md: what g++ allocates slowest).
template <std::size_t Words, std::size_t Count>
struct bound_names {
  static constexpr std::size_t count = Count;
  std::uint64_t words[Words > 0 ? Words : 1]{};
  unsigned char leaf_type[Count > 0 ? Count : 1]{};

  /// The position of `name` among the names, or npos.
  constexpr std::size_t index_of(const name_string& name) const {
    const std::size_t n = packed_word_count(name);
    for (std::size_t i = 0, at = 0; at < Words; ++i) {
      std::size_t length = 1;
      while (!has_zero_byte(words[at + length - 1])) ++length;
      bool same = length == n;
      for (std::size_t k = 0; same && k < n; ++k) same = words[at + k] == packed_word(name, k);
      if (same) return i;
      at += length;
    }
    return static_cast<std::size_t>(-1);
  }

 private:
  static constexpr bool has_zero_byte(std::uint64_t w) {
    for (int b = 0; b < 8; ++b)
      if (((w >> (8 * b)) & 0xff) == 0) return true;
    return false;
  }
};

/// The distinct types of T..., in order of first appearance.
template <class List, class... T>
struct distinct_types {
  using type = List;
};
template <class... D, class T, class... Rest>
struct distinct_types<type_list<D...>, T, Rest...>
    : distinct_types<std::conditional_t<(__is_same(T, D) || ...), type_list<D...>, type_list<D..., T>>, Rest...> {};

template <std::size_t Words, class Distinct, class... L, class... N>
constexpr bound_names<Words, sizeof...(N)> bind_names(const N&... names) {
  bound_names<Words, sizeof...(N)> out;
  std::size_t at = 0, i = 0;
  const auto add = [&](const name_string& name, std::size_t type) {
    for (std::size_t k = 0; k < packed_word_count(name); ++k) out.words[at++] = packed_word(name, k);
    out.leaf_type[i++] = static_cast<unsigned char>(type);
  };
  (add(names, type_index<L, Distinct>::value), ...);
  return out;
}
}  // namespace detail

namespace detail {
template <class D>
struct fixed_size_leaf : std::true_type {};  // a number
template <class D>
  requires requires { D::SizeAtCompileTime; }
struct fixed_size_leaf<D> : std::bool_constant<D::SizeAtCompileTime != Eigen::Dynamic> {};
}  // namespace detail

/// What evaluation sees of a `context`: the bound values and the sizes, in a type that
/// names only the scalar, the symbols, the variables' names, and the distinct types of the
/// bound values with each variable's among them (detail::bound_names above).
/// Every function of a kernel's evaluation carries its context's type in its mangled name.
/// With every binding's full type (name, shape, structure and bound type of each variable)
/// in it, a kernel of 65 variables had 1,100 names over 4 KB, 18 MB in all, and g++ spent
/// most of its code generation allocating them (docs/compile_time.md).
template <class S, auto Symbols, auto Names, class... D>
class context_view {
 public:
  using scalar = S;
  /// Every bound value has a fixed size (or is a number).
  static constexpr bool fixed_size_values = ((detail::fixed_size_leaf<D>::value) && ...);

  template <class Ctx>
  explicit context_view(const Ctx& ctx) : symbol_values_(ctx.symbol_values()), leaves_(ctx.leaf_addresses()) {}

  /// The bound value of variable `Name`.
  template <name_string Name>
  const auto& leaf() const {
    constexpr std::size_t index = Names.index_of(Name);
    return *static_cast<const pack_element_t<Names.leaf_type[index], pack<D...>>*>(leaves_[index]);
  }

  /// The run-time value of a dimension: its factor times the values of its symbols.
  Eigen::Index size(const dimension& d) const {
    Eigen::Index n = static_cast<Eigen::Index>(d.factor);
    for (std::size_t i = 0; i < d.symbol_count; ++i)
      n *= symbol_values_[Symbols.index_of(d.symbols[i])];
    return n;
  }

 private:
  const Eigen::Index* symbol_values_;
  std::array<const void*, decltype(Names)::count> leaves_;
};

namespace detail {
template <class S, auto Symbols, auto Names, class Distinct>
struct view_type;
template <class S, auto Symbols, auto Names, class... D>
struct view_type<S, Symbols, Names, type_list<D...>> {
  using type = context_view<S, Symbols, Names, D...>;
};
}  // namespace detail

template <class Ctx>
struct view_of;
template <auto Symbols, class... B>
struct view_of<context<Symbols, B...>> {
  using scalar = evaluation_scalar_t<typename B::value_type...>;
  using distinct = typename detail::distinct_types<type_list<>, leaf_t<scalar, B>...>::type;
  static_assert(list_length<distinct> < 256, "matdiff: more than 255 distinct types of bound values in one call");
  static constexpr std::size_t words = (detail::packed_word_count(B::variable_type::name) + ... + 0);
  static constexpr auto names = detail::bind_names<words, distinct, leaf_t<scalar, B>...>(B::variable_type::name...);
  using type = typename detail::view_type<scalar, Symbols, names, distinct>::type;
};

/// The `context_view` of a context type.
template <class Ctx>
using context_view_t = typename view_of<Ctx>::type;

}  // namespace matdiff
