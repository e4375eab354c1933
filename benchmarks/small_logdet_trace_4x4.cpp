// Per-element energies of small fixed-size matrices (see small.cpp): logdet(X) + tr(A X⁻¹)
// at 4x4.
#include "small.hpp"

namespace bench {

void add_logdet_trace_4x4() { add_logdet_trace<4>(); }

}  // namespace bench
