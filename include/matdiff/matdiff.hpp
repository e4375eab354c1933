/// @file
/// matdiff: matrix calculus at compile time, evaluation on Eigen. The one header users need.
///
///     #include <matdiff/matdiff.hpp>
///     namespace md = matdiff;
///     constexpr auto X = md::matrix<"X", md::dim<"n">, 3>;
///     constexpr auto B = md::matrix<"B", 3, 3>;
///     constexpr auto f = md::trace(X * B * md::transpose(X));
///     double value = f(X = Xv, B = Bv);
#pragma once

// Names, dimensions, shapes, leaves.
#include <matdiff/core/constants.hpp>
#include <matdiff/core/dimension.hpp>
#include <matdiff/core/expression.hpp>
#include <matdiff/core/literal.hpp>
#include <matdiff/core/number.hpp>
#include <matdiff/core/variable.hpp>

// The operations.
#include <matdiff/ops/add.hpp>
#include <matdiff/ops/adj.hpp>
#include <matdiff/ops/commutation.hpp>
#include <matdiff/ops/det.hpp>
#include <matdiff/ops/diag.hpp>
#include <matdiff/ops/diagonal_selection.hpp>
#include <matdiff/ops/dot.hpp>
#include <matdiff/ops/elementwise.hpp>
#include <matdiff/ops/hadamard.hpp>
#include <matdiff/ops/inv.hpp>
#include <matdiff/ops/kron.hpp>
#include <matdiff/ops/logdet.hpp>
#include <matdiff/ops/matrix_power.hpp>
#include <matdiff/ops/maximum.hpp>
#include <matdiff/ops/norm.hpp>
#include <matdiff/ops/product.hpp>
#include <matdiff/ops/softmax.hpp>
#include <matdiff/ops/solve.hpp>
#include <matdiff/ops/sum.hpp>
#include <matdiff/ops/trace.hpp>
#include <matdiff/ops/transpose.hpp>
#include <matdiff/ops/vec.hpp>

// Derivatives: differentials, identification, Jacobians and Hessians, simplification.
#include <matdiff/calculus/d.hpp>
#include <matdiff/calculus/differential.hpp>
#include <matdiff/calculus/directional.hpp>
#include <matdiff/calculus/grad.hpp>
#include <matdiff/calculus/hessian.hpp>
#include <matdiff/calculus/identify.hpp>
#include <matdiff/calculus/jacobian.hpp>
#include <matdiff/core/rational.hpp>
#include <matdiff/rules/simplify.hpp>

// Printing.
#include <matdiff/io/print.hpp>

// Evaluation on Eigen.
#include <matdiff/eval/dimension_error.hpp>
#include <matdiff/eval/eval.hpp>
#include <matdiff/eval/kernel.hpp>
#include <matdiff/eval/ops/add.hpp>
#include <matdiff/eval/ops/adj.hpp>
#include <matdiff/eval/ops/commutation.hpp>
#include <matdiff/eval/ops/det.hpp>
#include <matdiff/eval/ops/diag.hpp>
#include <matdiff/eval/ops/diagonal_selection.hpp>
#include <matdiff/eval/ops/dot.hpp>
#include <matdiff/eval/ops/elementwise.hpp>
#include <matdiff/eval/ops/hadamard.hpp>
#include <matdiff/eval/ops/inv.hpp>
#include <matdiff/eval/ops/kron.hpp>
#include <matdiff/eval/ops/logdet.hpp>
#include <matdiff/eval/ops/matrix_power.hpp>
#include <matdiff/eval/ops/maximum.hpp>
#include <matdiff/eval/ops/norm.hpp>
#include <matdiff/eval/ops/product.hpp>
#include <matdiff/eval/ops/softmax.hpp>
#include <matdiff/eval/ops/solve.hpp>
#include <matdiff/eval/ops/sum.hpp>
#include <matdiff/eval/ops/trace.hpp>
#include <matdiff/eval/ops/transpose.hpp>
#include <matdiff/eval/ops/vec.hpp>

// Checking derivatives.
#include <matdiff/testing/check_gradient.hpp>
#include <matdiff/testing/check_jacobian.hpp>
