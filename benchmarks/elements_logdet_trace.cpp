/// @file
/// Per-element energies over batches (see elements.hpp): log|det X| + tr(AX⁻¹) at 2x2 and 3x3.
#include "elements.hpp"

namespace bench::elements {

void add_logdet_trace_cases() {
  add_logdet_trace<2, false>();
  add_logdet_trace<3, false>();
  add_logdet_trace<2, true>();
  add_logdet_trace<3, true>();
}

}  // namespace bench::elements
