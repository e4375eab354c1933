/// @file
/// Per-element energies over batches (see elements.hpp): log|det X| + tr(AX⁻¹) at 4x4.
#include "elements.hpp"

namespace bench::elements {

void add_logdet_trace_4x4_cases() {
  add_logdet_trace<4, false>();
  add_logdet_trace<4, true>();
}

}  // namespace bench::elements
