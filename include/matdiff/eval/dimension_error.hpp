/// @file
/// `md::dimension_error`: a run-time size that does not match, naming the variable, the
/// dimension and both values.
#pragma once

#include <stdexcept>
#include <string>

namespace matdiff {

class dimension_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace matdiff
