/// @file
/// Per-element energies over batches (see elements.hpp): ‖J‖² + ‖J⁻¹‖² at 2x2 to 4x4.
#include "elements.hpp"

namespace bench::elements {

void add_inverse_energy_cases() {
  add_inverse_energy<2, false>();
  add_inverse_energy<3, false>();
  add_inverse_energy<4, false>();
  add_inverse_energy<2, true>();
  add_inverse_energy<3, true>();
  add_inverse_energy<4, true>();
}

}  // namespace bench::elements
