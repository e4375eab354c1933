/// @file
/// Element-wise functions `exp log sin cos tanh sqrt abs sigmoid softplus` and `pow(a, k)`.
///
/// σ(A) applies σ to every entry; the shape is kept. softplus(x) = log(1 + exp(x)),
/// sigmoid(x) = 1 / (1 + exp(-x)).
/// Differential: d σ(A) = σ'(A) ∘ dA, with σ' given beside each function below:
///   exp' = exp, log' = 1/x, sin' = cos, cos' = -sin, tanh' = 1 - tanh², sqrt' = 1/(2 sqrt),
///   abs' = sign, sigmoid' = sigmoid (1 - sigmoid), softplus' = sigmoid, (x^k)' = k x^(k-1),
///   and sign' = 0 for `sign`, the derivative of abs.
/// The scalar functions themselves are in eval/ops/elementwise.hpp.
#pragma once

#include <string_view>

#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/core/number.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/hadamard.hpp>
#include <matdiff/ops/product.hpp>
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
      // |A| of a matrix reads as its determinant (as in \log\left|A\right|, logdet):
      // bars only for a 1x1 argument.
      if (A::shape_v.is_scalar()) p.write("\\left|").operand(a, 0).write("\\right|");
      else p.call("\\operatorname{abs}", a);
    } else {
      p.call(Function::latex_name, a);
    }
  }

  /// d σ(A) = σ'(A) ∘ dA, with σ' written by each function below.
  template <class E, class A, class DA>
  static constexpr auto differential(const E& e, const A& a, const DA& da) {
    return Function::differential(e, a, da);
  }
};

namespace function {
// Each function: its names, and its differential d σ(a) = σ'(a) ∘ da, where e = σ(a).
template <class A>
using ones_like = constant_matrix<constant_kind::ones, A::shape_v.rows, A::shape_v.cols>;

struct exp {
  static constexpr std::string_view name = "exp", latex_name = "\\exp";
  /// exp' = exp
  static constexpr auto differential(const auto& e, const auto&, const auto& da) { return hadamard(e, da); }
};
struct log {
  static constexpr std::string_view name = "log", latex_name = "\\log";
  /// log' = 1/x
  static constexpr auto differential(const auto&, const auto& a, const auto& da) { return hadamard_div(da, a); }
};
struct sin {
  static constexpr std::string_view name = "sin", latex_name = "\\sin";
  /// sin' = cos
  static constexpr auto differential(const auto&, const auto& a, const auto& da);
};
struct cos {
  static constexpr std::string_view name = "cos", latex_name = "\\cos";
  /// cos' = -sin
  static constexpr auto differential(const auto&, const auto& a, const auto& da);
};
struct tanh {
  static constexpr std::string_view name = "tanh", latex_name = "\\tanh";
  /// tanh' = 1 - tanh²
  template <class E, class A, class DA>
  static constexpr auto differential(const E& e, const A&, const DA& da) {
    return hadamard(ones_like<A>{} - hadamard(e, e), da);
  }
};
struct sqrt {
  static constexpr std::string_view name = "sqrt", latex_name = "\\sqrt";
  /// sqrt' = 1/(2 sqrt)
  static constexpr auto differential(const auto& e, const auto&, const auto& da) {
    return hadamard_div(da, rational<2>{} * e);
  }
};
struct sign {
  static constexpr std::string_view name = "sign", latex_name = "\\operatorname{sign}";
  /// sign' = 0 (almost everywhere)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA&) {
    return constant_matrix<constant_kind::zeros, A::shape_v.rows, A::shape_v.cols>{};
  }
};
struct abs {
  static constexpr std::string_view name = "abs", latex_name = "|";
  /// abs' = sign
  static constexpr auto differential(const auto&, const auto& a, const auto& da);
};
struct sigmoid {
  static constexpr std::string_view name = "sigmoid", latex_name = "\\sigma";
  /// sigmoid' = sigmoid ∘ (1 - sigmoid)
  template <class E, class A, class DA>
  static constexpr auto differential(const E& e, const A&, const DA& da) {
    return hadamard(hadamard(e, ones_like<A>{} - e), da);
  }
};
struct softplus {
  static constexpr std::string_view name = "softplus", latex_name = "\\operatorname{softplus}";
  /// softplus' = sigmoid
  static constexpr auto differential(const auto&, const auto& a, const auto& da);
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
/// sign(A) ∈ {-1, 0, 1}, element-wise
template <expression A> constexpr auto sign(const A& a) { return make_expression(elementwise_op<function::sign>{}, a); }
/// |A|, element-wise
template <expression A> constexpr auto abs(const A& a) { return make_expression(elementwise_op<function::abs>{}, a); }
/// 1 / (1 + exp(-A)), element-wise
template <expression A> constexpr auto sigmoid(const A& a) { return make_expression(elementwise_op<function::sigmoid>{}, a); }
/// log(1 + exp(A)), element-wise
template <expression A> constexpr auto softplus(const A& a) { return make_expression(elementwise_op<function::softplus>{}, a); }

constexpr auto function::sin::differential(const auto&, const auto& a, const auto& da) {
  return hadamard(matdiff::cos(a), da);
}
constexpr auto function::cos::differential(const auto&, const auto& a, const auto& da) {
  return -hadamard(matdiff::sin(a), da);
}
constexpr auto function::abs::differential(const auto&, const auto& a, const auto& da) {
  return hadamard(matdiff::sign(a), da);
}
constexpr auto function::softplus::differential(const auto&, const auto& a, const auto& da) {
  return hadamard(matdiff::sigmoid(a), da);
}

/// A^k element-wise, k a number.
struct pow_op {
  number exponent;

  static consteval diagnostic check(const shape&) { return {}; }
  static constexpr shape result_shape(const shape& a) { return a; }
  static constexpr int precedence(notation) { return precedence::postfix; }
  template <class P, class A>
  constexpr void print(P& p, const A& a) const {
    const literal k(exponent);
    if (exponent.is(1)) {  // A.^1 is A (the exponent is a value, so the node stays)
      p.operand(a, precedence::postfix);
      return;
    }
    if (p.latex()) {
      p.operand(a, precedence::atom).write("^{\\circ ").operand(k, 0).write("}");
    } else {
      p.operand(a, precedence::atom).write(".^").operand(k, precedence::atom);
    }
  }

  /// d(A^k) = k A^(k-1) ∘ dA
  template <class E, class A, class DA>
  constexpr auto differential(const E&, const A& a, const DA& da) const {
    return hadamard(literal(exponent) * make_expression(pow_op{exponent - number(1)}, a), da);
  }
};

/// A^k element-wise (A.^k)
template <expression A, arithmetic K>
constexpr auto pow(const A& a, K k) {
  return make_expression(pow_op{number(k)}, a);
}

}  // namespace matdiff
