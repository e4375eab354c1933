// Per-element energies of small fixed-size matrices (see small.cpp): logdet(X) + tr(A X⁻¹)
// at 2x2 and 3x3.
#include "small.hpp"

namespace bench {

void add_logdet_trace_2x2_3x3() {
  add_logdet_trace<2>();
  add_logdet_trace<3>();
}

}  // namespace bench
