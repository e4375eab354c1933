/// @file
/// Element-wise functions `exp log sin cos tan asin acos atan tanh sqrt abs sigmoid softplus
/// relu`, `pow(a, k)` with a number k and `pow(a, b)` with an expression b.
///
/// σ(A) applies σ to every entry; the shape is kept. softplus(x) = log(1 + exp(x)),
/// sigmoid(x) = 1 / (1 + exp(-x)), relu(x) = max(x, 0).
/// Differential: d σ(A) = σ'(A) ∘ dA, with σ' given beside each function below:
///   exp' = exp, log' = 1/x, sin' = cos, cos' = -sin, tan' = 1 + tan²,
///   asin' = 1/sqrt((1 - x)(1 + x)), acos' = -asin', atan' = 1/(1 + x²), tanh' = 1 - tanh²,
///   sqrt' = 1/(2 sqrt), abs' = sign, sigmoid' = sigmoid (1 - sigmoid), softplus' = sigmoid,
///   relu' = step, (x^k)' = k x^(k-1), d(A^B) = B A^(B-1) ∘ dA + A^B ∘ log(A) ∘ dB; and sign' = 0 for `sign`, the derivative of abs,
///   step' = 0 for `step` (1 where x > 0, else 0), the derivative of relu.
/// The scalar functions themselves are in eval/ops/elementwise.hpp.
#pragma once

#include <string_view>
#include <type_traits>

#include <matdiff/core/constants.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/core/number.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/core/text.hpp>
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/hadamard.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/io/printer.hpp>

namespace matdiff {

/// One element-wise function: its name in text and in LaTeX.
template <class Function>
struct elementwise_op {
  /// σ(A)ᵀ = σ(Aᵀ): a transpose passes to the operands (rules/transpose.hpp).
  static constexpr bool transpose_passes_through = true;
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
struct tan {
  static constexpr std::string_view name = "tan", latex_name = "\\tan";
  /// tan' = 1 + tan² (= 1/cos²)
  template <class E, class A, class DA>
  static constexpr auto differential(const E& e, const A&, const DA& da) {
    return hadamard(ones_like<A>{} + hadamard(e, e), da);
  }
};
struct asin {
  static constexpr std::string_view name = "asin", latex_name = "\\arcsin";
  /// asin' = 1/sqrt(1 - x²), with 1 - x² as (1 - x)(1 + x): exact 1 - x near |x| = 1,
  /// where 1 - x∘x would lose the digits of the small difference
  static constexpr auto differential(const auto&, const auto& a, const auto& da);
};
struct acos {
  static constexpr std::string_view name = "acos", latex_name = "\\arccos";
  /// acos' = -1/sqrt(1 - x²) = -asin', (1 - x²) as (1 - x)(1 + x)
  static constexpr auto differential(const auto&, const auto& a, const auto& da);
};
struct atan {
  static constexpr std::string_view name = "atan", latex_name = "\\arctan";
  /// atan' = 1/(1 + x²)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A& a, const DA& da) {
    return hadamard_div(da, ones_like<A>{} + hadamard(a, a));
  }
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
struct step {
  static constexpr std::string_view name = "step", latex_name = "\\operatorname{step}";
  /// step' = 0 (almost everywhere)
  template <class E, class A, class DA>
  static constexpr auto differential(const E&, const A&, const DA&) {
    return constant_matrix<constant_kind::zeros, A::shape_v.rows, A::shape_v.cols>{};
  }
};
struct relu {
  static constexpr std::string_view name = "relu", latex_name = "\\operatorname{relu}";
  /// relu' = step: 1 where x > 0, and 0 where x ≤ 0 (at the kink, 0)
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
/// tan(A), element-wise
template <expression A> constexpr auto tan(const A& a) { return make_expression(elementwise_op<function::tan>{}, a); }
/// asin(A) ∈ [-π/2, π/2], element-wise
template <expression A> constexpr auto asin(const A& a) { return make_expression(elementwise_op<function::asin>{}, a); }
/// acos(A) ∈ [0, π], element-wise
template <expression A> constexpr auto acos(const A& a) { return make_expression(elementwise_op<function::acos>{}, a); }
/// atan(A) ∈ (-π/2, π/2), element-wise
template <expression A> constexpr auto atan(const A& a) { return make_expression(elementwise_op<function::atan>{}, a); }
/// tanh(A), element-wise
template <expression A> constexpr auto tanh(const A& a) { return make_expression(elementwise_op<function::tanh>{}, a); }
/// sqrt(A), element-wise
template <expression A> constexpr auto sqrt(const A& a) { return make_expression(elementwise_op<function::sqrt>{}, a); }
/// sign(A) ∈ {-1, 0, 1}, element-wise
template <expression A> constexpr auto sign(const A& a) { return make_expression(elementwise_op<function::sign>{}, a); }
/// |A|, element-wise
template <expression A> constexpr auto abs(const A& a) { return make_expression(elementwise_op<function::abs>{}, a); }
/// step(A): 1 where A > 0, else 0, element-wise (the derivative of relu)
template <expression A> constexpr auto step(const A& a) { return make_expression(elementwise_op<function::step>{}, a); }
/// max(A, 0), element-wise
template <expression A> constexpr auto relu(const A& a) { return make_expression(elementwise_op<function::relu>{}, a); }
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
constexpr auto function::asin::differential(const auto&, const auto& a, const auto& da) {
  using A = std::remove_cvref_t<decltype(a)>;
  return hadamard_div(da, matdiff::sqrt(hadamard(ones_like<A>{} - a, ones_like<A>{} + a)));
}
constexpr auto function::acos::differential(const auto&, const auto& a, const auto& da) {
  using A = std::remove_cvref_t<decltype(a)>;
  return -hadamard_div(da, matdiff::sqrt(hadamard(ones_like<A>{} - a, ones_like<A>{} + a)));
}
constexpr auto function::relu::differential(const auto&, const auto& a, const auto& da) {
  return hadamard(matdiff::step(a), da);
}
constexpr auto function::softplus::differential(const auto&, const auto& a, const auto& da) {
  return hadamard(matdiff::sigmoid(a), da);
}

/// A^k element-wise, k a number.
struct pow_op {
  /// (A^k)ᵀ = (Aᵀ)^k: a transpose passes to the operands (rules/transpose.hpp).
  static constexpr bool transpose_passes_through = true;
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
static constexpr auto pow(const A& a, K k) {
  return make_expression(pow_op{number(k)}, a);
}

/// A^B element-wise with an expression B, of A's shape or 1x1 (then every entry of A is
/// raised to it).
struct power_op {
  static consteval diagnostic check(const shape& a, const shape& b) {
    if (b == a || b.is_scalar()) return {};
    return text("matdiff: pow of ") + a.to_text() + " and " + b.to_text() +
           ": the exponent is neither of the shape of the base nor 1x1";
  }
  template <diagnostic Problem>
  static constexpr void report() {
    static_assert(error<Problem>, "matdiff: pow: the exponent is neither of the shape of the base nor 1x1 (shapes below)");
  }
  static constexpr shape result_shape(const shape& a, const shape&) { return a; }
  static constexpr int precedence(notation) { return precedence::postfix; }
  template <class P, class A, class B>
  constexpr void print(P& p, const A& a, const B& b) const {
    if (p.latex()) p.operand(a, precedence::atom).write("^{\\circ ").operand(b, 0).write("}");
    else p.operand(a, precedence::atom).write(".^").operand(b, precedence::atom);
  }

  /// d(A^B) = B ∘ A^(B-1) ∘ dA + A^B ∘ log(A) ∘ dB (B 1x1: B A^(B-1) ∘ dA + (A^B ∘ log(A)) dB)
  template <class E, class A, class B, class DA, class DB>
  static constexpr auto differential(const E& e, const A& a, const B& b, const DA& da, const DB& db);
};

/// A^B element-wise, B an expression of A's shape or 1x1
template <expression A, expression B>
static constexpr auto pow(const A& a, const B& b) {
  return make_expression(power_op{}, a, b);
}

template <class E, class A, class B, class DA, class DB>
constexpr auto power_op::differential(const E& e, const A& a, const B& b, const DA& da, const DB& db) {
  if constexpr (B::shape_v.is_scalar() && !A::shape_v.is_scalar())
    return b * hadamard(matdiff::pow(a, b - 1), da) + hadamard(e, matdiff::log(a)) * db;
  else
    return hadamard(hadamard(b, matdiff::pow(a, b - 1)), da) + hadamard(hadamard(e, matdiff::log(a)), db);
}

}  // namespace matdiff
