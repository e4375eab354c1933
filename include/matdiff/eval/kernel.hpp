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
  if constexpr (!std::is_reference_v<T> && std::is_same_v<std::remove_cv_t<T>, R>) return R(std::move(value));
  else return R(operand_value(value));
}

#if defined(__GNUC__) || defined(__clang__)
#define MATDIFF_FLATTEN __attribute__((flatten))
#else
#define MATDIFF_FLATTEN
#endif

/// Kernels whose results are all fixed at compile time and of at most this many entries, and
/// whose bound values are all of fixed size, are evaluated with every call inlined: by
/// default up to the 12x12 Hessian of a tetrahedron's energy (a 4x4 matrix's 16x16 Hessian
/// is not inlined). Inlining costs compile time; the project's checking builds, which do not
/// time, define it as 16.
#ifndef MATDIFF_INLINE_KERNEL_ENTRIES
#define MATDIFF_INLINE_KERNEL_ENTRIES 144
#endif

/// A result of at most MATDIFF_INLINE_KERNEL_ENTRIES entries, fixed at compile time (or a number).
template <class R>
inline constexpr bool small_fixed_result = [] {
  if constexpr (requires { R::SizeAtCompileTime; })
    return R::SizeAtCompileTime != Eigen::Dynamic && R::SizeAtCompileTime <= MATDIFF_INLINE_KERNEL_ENTRIES;
  else return true;
}();

/// A bound value of fixed size, or a number. With a value of run-time size the kernel's work
/// is loops over run-time sizes, which inlining whole does not make straight-line code, and
/// g++ 12 may spend minutes and gigabytes on it: the 3x3 gradient in a symmetric B of
/// ‖solve(M Mᵀ + I, −C)‖₁, M = softplus(AB)^2.5, C 3 x n, took 107 s and 5.4 GiB before an
/// internal compiler error, and compiles in 9 s not inlined.
template <class V>
inline constexpr bool fixed_size_value = [] {
  if constexpr (requires { V::SizeAtCompileTime; }) return V::SizeAtCompileTime != Eigen::Dynamic;
  else return true;
}();

template <class... E>
class kernel_t {
  /// The nodes of all planned expressions, for the solves that can use an inverse the kernel
  /// forms anyway (eval/plan/inverse_at_hand.hpp).
  using planned_nodes = planning::nodes_of_t<planned_t<without_signature_t<E>>...>;
  template <class P>
  using evaluated_t = decltype(planning::using_inverses_at_hand<planned_nodes>(std::declval<const P&>()));

 public:
  constexpr explicit kernel_t(const E&... expressions)
      : planned_{{planning::using_inverses_at_hand<planned_nodes>(plan_evaluation(without_signature(expressions)))}...} {}

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
      // The sizes of bound variables that the results do not contain are checked too.
      constexpr auto symbols = set_union<needed_symbols, detail::symbols_of_variables<signature>()>;
      using Ctx = context<signature, symbols, B...>;
      if constexpr ((small_fixed_result<result_t<Ctx, E>> && ...) && (fixed_size_value<typename B::value_type> && ...))
        return evaluate_inlined<Ctx>(bindings...);
      else return evaluate_all<Ctx>(bindings...);
    }
  }

 private:
  template <class Ctx, class... B>
  auto evaluate_all(const B&... bindings) const {
    const Ctx ctx(bindings...);
    const context_view_t<Ctx> view(ctx);
    const shared_context<context_view_t<Ctx>, shared_nodes_t<evaluated_t<planned_t<without_signature_t<E>>>...>> shared(view);
    return planned_.apply([&](const auto&... e) {
      return std::tuple<result_t<Ctx, E>...>(kernel_result<result_t<Ctx, E>>(evaluate(shared, e))...);
    });
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
