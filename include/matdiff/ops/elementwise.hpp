/// @file
/// Element-wise functions `exp log sin cos tanh sqrt abs sigmoid softplus` and `pow(a, k)`.
///
/// σ(A) applies σ to every entry; the shape is kept. softplus(x) = log(1 + exp(x)),
/// sigmoid(x) = 1 / (1 + exp(-x)).
/// Differential: d σ(A) = σ'(A) ∘ dA, with σ' given beside each function below:
///   exp' = exp, log' = 1/x, sin' = cos, cos' = -sin, tanh' = 1 - tanh², sqrt' = 1/(2 sqrt),
///   abs' = sign, sigmoid' = sigmoid (1 - sigmoid), softplus' = sigmoid, (x^k)' = k x^(k-1).
/// The scalar functions themselves are in eval/ops/elementwise.hpp.
#pragma once

#include <string_view>

#include <matdiff/core/expression.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/core/number.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

/// One element-wise function: its name in text and in LaTeX.
template <class Function>
struct elementwise_op {
  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a) { return a; }
  static constexpr int precedence(notation) { return precedence::atom; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    if (!p.latex()) {
      p.call(Function::name, a);
    } else if (Function::latex_name == std::string_view("\\sqrt")) {
      p.write("\\sqrt{").operand(a, 0).write("}");
    } else if (Function::latex_name == std::string_view("|")) {
      p.write("\\left|").operand(a, 0).write("\\right|");
    } else {
      p.call(Function::latex_name, a);
    }
  }
};

namespace function {
struct exp { static constexpr std::string_view name = "exp", latex_name = "\\exp"; };
struct log { static constexpr std::string_view name = "log", latex_name = "\\log"; };
struct sin { static constexpr std::string_view name = "sin", latex_name = "\\sin"; };
struct cos { static constexpr std::string_view name = "cos", latex_name = "\\cos"; };
struct tanh { static constexpr std::string_view name = "tanh", latex_name = "\\tanh"; };
struct sqrt { static constexpr std::string_view name = "sqrt", latex_name = "\\sqrt"; };
struct abs { static constexpr std::string_view name = "abs", latex_name = "|"; };
struct sigmoid { static constexpr std::string_view name = "sigmoid", latex_name = "\\sigma"; };
struct softplus {
  static constexpr std::string_view name = "softplus", latex_name = "\\operatorname{softplus}";
};
}  // namespace function

/// exp(A), element-wise
template <expression A> constexpr auto exp(const A& a) { return make_expression(elementwise_op<function::exp>{}, a); }
/// log(A), element-wise
template <expression A> constexpr auto log(const A& a) { return make_expression(elementwise_op<function::log>{}, a); }
/// sin(A), element-wise
template <expression A> constexpr auto sin(const A& a) { return make_expression(elementwise_op<function::sin>{}, a); }
/// cos(A), element-wise
template <expression A> constexpr auto cos(const A& a) { return make_expression(elementwise_op<function::cos>{}, a); }
/// tanh(A), element-wise
template <expression A> constexpr auto tanh(const A& a) { return make_expression(elementwise_op<function::tanh>{}, a); }
/// sqrt(A), element-wise
template <expression A> constexpr auto sqrt(const A& a) { return make_expression(elementwise_op<function::sqrt>{}, a); }
/// |A|, element-wise
template <expression A> constexpr auto abs(const A& a) { return make_expression(elementwise_op<function::abs>{}, a); }
/// 1 / (1 + exp(-A)), element-wise
template <expression A> constexpr auto sigmoid(const A& a) { return make_expression(elementwise_op<function::sigmoid>{}, a); }
/// log(1 + exp(A)), element-wise
template <expression A> constexpr auto softplus(const A& a) { return make_expression(elementwise_op<function::softplus>{}, a); }

/// A^k element-wise, k a number.
struct pow_op {
  number exponent;

  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a) { return a; }
  static constexpr int precedence(notation) { return precedence::postfix; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    const literal k(exponent);
    if (p.latex()) {
      p.operand(a, precedence::atom).write("^{\\circ ").operand(k, 0).write("}");
    } else {
      p.operand(a, precedence::atom).write(".^").operand(k, precedence::atom);
    }
  }
};

/// A^k element-wise (A.^k)
template <expression A, arithmetic K>
constexpr auto pow(const A& a, K k) {
  return make_expression(pow_op{number(k)}, a);
}

}  // namespace matdiff
