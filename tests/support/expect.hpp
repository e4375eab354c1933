// One-line derivative and rewrite checks, in the manner of Stan Math's expect_ad:
//   expect_gradient(f, X, X = Xv, B = Bv);   // grad(f, X) against central differences
//   expect_simplify_law(e, X = Xv);          // eval(simplify(e)) == eval(e)
#pragma once

#include <matdiff/matdiff.hpp>

#include <catch2/catch.hpp>

#include "eigen_check.hpp"
#include "printed.hpp"

namespace matdiff_test {

/// grad(f, X) agrees with central finite differences at the bound point.
template <class F, class V, class... B>
void expect_gradient(const F& f, const V& x, const B&... bindings) {
  namespace md = matdiff;
  const auto check = md::check_gradient(f, x, bindings...);
  INFO("f       = " << printed(f) << "\ngrad    = " << printed(md::grad(f, x))
                    << "\nmax abs error " << check.max_abs_error << ", max rel error "
                    << check.max_rel_error);
  REQUIRE(check.ok);
}

/// md::eval(e, bindings...) with only the bindings of variables that e contains (a
/// simplified expression may have lost some, e.g. inv(A)*A*B = B).
template <class E, class... B>
auto eval_relevant(const E& e, const B&... bindings) {
  namespace md = matdiff;
  auto relevant = [](const auto& b) {
    using V = typename std::remove_cvref_t<decltype(b)>::variable_type;
    if constexpr (E::variables_v.contains(V::ref_v)) return std::tuple(b);
    else return std::tuple<>{};
  };
  return std::apply([&](const auto&... kept) { return md::eval(e, kept...); }, std::tuple_cat(relevant(bindings)...));
}

/// Simplification keeps the value: eval(simplify(e)) == eval(e).
template <class E, class... B>
void expect_simplify_law(const E& e, const B&... bindings) {
  namespace md = matdiff;
  const auto simplified = md::simplify(e);
  INFO("e           = " << printed(e) << "\nsimplify(e) = " << printed(simplified));
  const auto expected = md::eval(e, bindings...);
  if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(expected)>>) {
    require_close(static_cast<double>(eval_relevant(simplified, bindings...)), static_cast<double>(expected), 1e-10);
  } else {
    const Eigen::MatrixXd want = expected.template cast<double>();
    const auto value = eval_relevant(simplified, bindings...);
    Eigen::MatrixXd got;
    if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(value)>>) got = Eigen::MatrixXd::Constant(1, 1, value);
    else got = value.template cast<double>();
    require_close(got, want, 1e-10);
  }
}

}  // namespace matdiff_test
