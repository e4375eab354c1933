/// @file
/// `md::kernel(e1, e2, ...)`: a callable evaluating several expressions on one set of
/// bindings; `k(X = Xv, ...)` returns a `std::tuple` of the results (scalars for 1x1,
/// Eigen matrices otherwise).
///
/// The bindings are checked (at compile time and at run time) once per call, for all
/// expressions together. The kernel evaluates the planned expressions (eval/plan/plan.hpp:
/// chains re-associated, shared factorizations, special forms; solves as products with an
/// inverse the call forms anyway, eval/plan/inverse_at_hand.hpp) and evaluates every
/// subexpression they have in common once per call (eval/plan/shared.hpp).
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <matdiff/core/diagnostic.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/pack.hpp>
#include <matdiff/core/static_set.hpp>
#include <matdiff/eval/context.hpp>
#include <matdiff/eval/evaluate.hpp>
#include <matdiff/eval/plan/inverse_at_hand.hpp>
#include <matdiff/eval/plan/plan.hpp>
#include <matdiff/eval/plan/shared.hpp>
#include <matdiff/eval/value.hpp>

namespace matdiff {

/// The results of a call whose error has already been reported: a placeholder per
/// expression, so that `std::get` and structured bindings in the caller add no error.
template <class E>
using reported_error_t = double;

/// A result of the kernel from what `evaluate` returned: a temporary of the result type is
/// moved (a large Hessian is not copied), a remembered value is copied.
template <class R, class T>
R kernel_result(T&& value) {
  if constexpr (!std::is_reference_v<T> && __is_same(std::remove_cv_t<T>, R)) return R(std::move(value));
  else return R(operand_value(value));
}

/// Whether result T of a kernel is written where the kernel holds it, by its evaluator's
/// optional `evaluate_into(ctx, t, r)` (a Hessian's sum filled entry by entry): no copy.
/// (Asked only of the small fixed results that can be: a class, named after its answer.)
template <class Ctx, class T, class R, bool = written_entry_by_entry(T::shape_v) && binds_fixed_sizes<Ctx>>
struct written_in_place : std::false_type {};
template <class Ctx, class T, class R>
struct written_in_place<Ctx, T, R, true>
    : std::bool_constant<is_node<T> && !is_remembered<Ctx, T> && requires(const Ctx& ctx, const T& t, R& r) {
        evaluator<decltype(T::op)>::evaluate_into(ctx, t, r);
      }> {};

/// r = the value of t, a kernel's result.
template <class R, class Ctx, class T>
void write_result(const Ctx& ctx, const T& t, R& r) {
  if constexpr (written_in_place<Ctx, T, R>::value) evaluator<decltype(T::op)>::evaluate_into(ctx, t, r);
  else r = kernel_result<R>(evaluate(ctx, t));
}

#if defined(__GNUC__) || defined(__clang__)
#define MATDIFF_FLATTEN __attribute__((flatten))
#else
#define MATDIFF_FLATTEN
#endif

/// A kernel is evaluated with every call inlined into one function, straight-line code as
/// generated code would be, when it is small and its sizes are fixed:
///   - every result has a fixed size of at most MATDIFF_INLINE_KERNEL_ENTRIES entries (or is a
///     number): by default up to the 12x12 Hessian of a tetrahedron's energy, not a 4x4
///     matrix's 16x16 Hessian;
///   - every bound value has a fixed size. With a value of run-time size the kernel's work is
///     loops over run-time sizes, which inlining does not make straight-line, and g++ 12 may
///     spend minutes and gigabytes on it: the 3x3 gradient in a symmetric B of
///     ‖solve(M Mᵀ + I, −C)‖₁, M = softplus(AB)^2.5, C 3 x n, took 107 s and 5.4 GiB before an
///     internal compiler error, and compiles in 9 s not inlined;
///   - the planned expressions have at most MATDIFF_INLINE_KERNEL_NODES distinct nodes
///     (`planned_node_count`). Inlining costs compile time with the code, not with the
///     results, and more than in proportion to it: the same gradient with C fixed 3x4 (46
///     nodes) took g++ 12 -O1 56 s and 2.0 GiB inlined and 6.7 s not, with a general B (37
///     nodes) 11.7 s and 5.0 s. The per-element Hessians of a triangle's and a tetrahedron's
///     energy have 37 nodes (the tetrahedron's: 10.2 s inlined, 5.9 s not); no kernel of the
///     benchmarks has more than 40. The count is a proxy for the code's size, not a measure.
/// The project's checking builds, which do not time, define the entries as 16 (the default,
/// 144, is set in eval/value.hpp: a sum of at most that many entries is filled entry by entry).
#ifndef MATDIFF_INLINE_KERNEL_NODES
#define MATDIFF_INLINE_KERNEL_NODES 40
#endif

/// The number of entries of a value, fixed at compile time: 1 for a number, Eigen::Dynamic for
/// a run-time size.
template <class V>
inline constexpr std::ptrdiff_t entries_at_compile_time = [] {
  if constexpr (requires { V::SizeAtCompileTime; }) return std::ptrdiff_t(V::SizeAtCompileTime);
  else return std::ptrdiff_t(1);
}();

/// A result that an inlined kernel may have.
template <class R>
inline constexpr bool small_fixed_result =
    entries_at_compile_time<R> != Eigen::Dynamic && entries_at_compile_time<R> <= MATDIFF_INLINE_KERNEL_ENTRIES;

/// A bound value that an inlined kernel may read.
template <class V>
inline constexpr bool fixed_size_value = entries_at_compile_time<V> != Eigen::Dynamic;

template <class... E>
class kernel_t {
  /// The nodes of all planned expressions, for the solves that can use an inverse the kernel
  /// forms anyway (eval/plan/inverse_at_hand.hpp).
  using planned_nodes = planning::nodes_of_t<planned_t<without_signature_t<E>>...>;
  template <class P>
  using evaluated_t = decltype(planning::using_inverses_at_hand<planned_nodes>(std::declval<const P&>()));

 public:
  /// The number of distinct nodes of the planned expressions, operands and variables
  /// included: the size of the code the kernel becomes.
  static constexpr std::size_t planned_node_count = list_length<planned_nodes>;

 private:
  /// The evaluation context of a call with bindings B...: it checks the sizes of the
  /// signature's variables too, where the results do not contain them.
  template <class... B>
  static consteval auto call_context() {
    constexpr auto signature = set_union<signature_of<E>...>;
    constexpr auto symbols = set_union<E::symbols_v..., detail::symbols_of_variables<signature>()>;
    return std::type_identity<context<symbols, B...>>{};
  }
  template <class... B>
  using call_context_t = typename decltype(call_context<B...>())::type;

 public:
  /// Whether a call with (valid) bindings of types B... is evaluated as one inlined function:
  /// small fixed results, fixed-size bound values, at most MATDIFF_INLINE_KERNEL_NODES nodes.
  template <class... B>
  static constexpr bool inlined_with =
      (small_fixed_result<result_t<call_context_t<B...>, E>> && ...) &&
      (fixed_size_value<typename B::value_type> && ...) && planned_node_count <= MATDIFF_INLINE_KERNEL_NODES;

  constexpr explicit kernel_t(const E&... expressions)
      : planned_{{detail::slot_init(derived_value<E>([&] {
          return planning::using_inverses_at_hand<planned_nodes>(plan_evaluation(without_signature(expressions)));
        }))}...} {}

  /// Evaluates the expressions with the bindings: one for every variable they contain, and
  /// optionally for the variables of the functions they were derived from (their signature).
  template <class... B>
  auto operator()(const B&... bindings) const {
    constexpr auto needed = set_union<E::variables_v...>;
    constexpr auto signature = set_union<signature_of<E>...>;
    constexpr auto needed_symbols = set_union<E::symbols_v...>;
    constexpr detail::binding_problem_t problem = detail::binding_problem<signature, needed, needed_symbols, B...>();
    if constexpr (any_invalid<E...>) {
      return std::tuple<reported_error_t<E>...>{};  // the expression's own error has been reported
    } else if constexpr (!problem.ok()) {
      detail::report_binding_error<problem>();
      return std::tuple<reported_error_t<E>...>{};
    } else if constexpr (!eigen_scalars_agree<typename B::value_type...>) {
      static_assert(eigen_scalars_agree<typename B::value_type...>,
                    "matdiff: eval: the bound Eigen objects have different scalar types");
      return std::tuple<reported_error_t<E>...>{};
    } else {
      using Ctx = call_context_t<B...>;
      if constexpr (inlined_with<B...>) return evaluate_inlined<Ctx>(bindings...);
      else return evaluate_all<Ctx>(bindings...);
    }
  }

 private:
  template <class Ctx, class... B>
  auto evaluate_all(const B&... bindings) const {
    const Ctx ctx(bindings...);
    const context_view_t<Ctx> view(ctx);
    const shared_context<context_view_t<Ctx>, shared_nodes_t<evaluated_t<planned_t<without_signature_t<E>>>...>> shared(view);
    using shared_t = decltype(shared);
    if constexpr ((written_in_place<shared_t, evaluated_t<planned_t<without_signature_t<E>>>, result_t<Ctx, E>>::value ||
                   ...)) {
      std::tuple<result_t<Ctx, E>...> results;
      planned_.apply([&](const auto&... e) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
          (write_result(shared, e, std::get<I>(results)), ...);
        }(std::index_sequence_for<E...>{});
      });
      return results;
    } else {
      return planned_.apply([&](const auto&... e) {
        return std::tuple<result_t<Ctx, E>...>(kernel_result<result_t<Ctx, E>>(evaluate(shared, e))...);
      });
    }
  }
  /// evaluate_all with every call inlined into it: for results of fixed small sizes, where a
  /// call and the values it passes through memory cost as much as the arithmetic, so that
  /// the kernel is one straight-line function as generated code would be.
  template <class Ctx, class... B>
  MATDIFF_FLATTEN auto evaluate_inlined(const B&... bindings) const {
    return evaluate_all<Ctx>(bindings...);
  }

  pack<evaluated_t<planned_t<without_signature_t<E>>>...> planned_;
};

/// A kernel evaluating `expressions...` together.
template <class... E>
constexpr auto kernel(const E&... expressions) {
  static_assert(sizeof...(E) > 0, "matdiff: kernel: give at least one expression");
  static_assert((expression<E> && ...), "matdiff: kernel: every argument must be a matdiff expression");
  if constexpr ((expression<E> && ...)) return kernel_t<E...>(expressions...);
  else return kernel_t<>();
}

}  // namespace matdiff
