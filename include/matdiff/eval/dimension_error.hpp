/// @file
/// `md::dimension_error`: a run-time size that does not match, naming the variable, the
/// dimension and both values; and `md::structure_error`, derived from it: a value that is
/// not what its structured variable says (`md::symmetric`, `md::spd`), naming the variable.
#pragma once

#include <stdexcept>
#include <string>

namespace matdiff {

class dimension_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// A bound value that does not have the structure of its variable: a value bound to an
/// `md::symmetric` or `md::spd` variable that is visibly not symmetric (checked when NDEBUG
/// is not defined), or one bound to an `md::spd` variable whose Cholesky factorization fails
/// (not positive definite; checked always). The message names the variable.
class structure_error : public dimension_error {
 public:
  using dimension_error::dimension_error;
};

}  // namespace matdiff
