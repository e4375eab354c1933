// The random expressions' oracle: each operation in plain Eigen on dynamic matrices of Eigen's
// forward-mode AutoDiffScalar. It shares no code with matdiff. 1x1 values are 1x1 matrices.
//
// The operations are compiled once, in oracle.cpp: instantiated in every generated unit,
// Eigen's LU and expression templates over AutoDiffScalar took about a fifth of the unit's
// compile time (g++ 12: 22.6 s -> 18.8 s for a unit of 8 expressions).
#pragma once

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

namespace random_oracle {

using autodiff = Eigen::AutoDiffScalar<Eigen::VectorXd>;
using matrix = Eigen::Matrix<autodiff, Eigen::Dynamic, Eigen::Dynamic>;

matrix identity(Eigen::Index n);
matrix ones(Eigen::Index rows, Eigen::Index cols);

matrix add(const matrix& a, const matrix& b);
matrix sub(const matrix& a, const matrix& b);
matrix neg(const matrix& a);
/// k a
matrix scale(double k, const matrix& a);
/// a / s for a 1x1 s
matrix divide(const matrix& a, const matrix& s);
/// The matrix product, or scaling when a side is 1x1 and the sizes do not chain.
matrix multiply(const matrix& a, const matrix& b);
matrix transpose(const matrix& a);
matrix trace(const matrix& a);
matrix inv(const matrix& a);
matrix det(const matrix& a);
/// log |det a|
matrix logdet(const matrix& a);
matrix hadamard(const matrix& a, const matrix& b);
matrix hadamard_div(const matrix& a, const matrix& b);
matrix kron(const matrix& a, const matrix& b);

matrix exp(const matrix& a);
matrix log(const matrix& a);
matrix sqrt(const matrix& a);
matrix tanh(const matrix& a);
/// log(1 + e^x) = max(x, 0) + log(1 + e^-|x|)
matrix softplus(const matrix& a);
matrix sigmoid(const matrix& a);
matrix pow(const matrix& a, double k);
/// a.^b entry by entry, b of a's shape or 1x1
matrix pow(const matrix& a, const matrix& b);
matrix atan(const matrix& a);
matrix relu(const matrix& a);
matrix maximum(const matrix& a, const matrix& b);
matrix minimum(const matrix& a, const matrix& b);
/// c added to every entry
matrix plus_number(const matrix& a, double c);
matrix solve(const matrix& a, const matrix& b);
matrix matrix_power(const matrix& a, int k);
matrix norm1(const matrix& a);

matrix sum(const matrix& a);
matrix dot(const matrix& a, const matrix& b);
matrix sqnorm(const matrix& a);
matrix norm2(const matrix& a);
matrix vec(const matrix& a);
matrix diag(const matrix& v);
matrix diagonal(const matrix& a);

}  // namespace random_oracle
