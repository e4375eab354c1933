// Prints the body of docs/cookbook.md (see cookbook.hpp); exits non-zero when a gradient
// disagrees with finite differences.
#include <cstdlib>
#include <iostream>

#include "cookbook.hpp"

namespace cookbook {
void section(page& p, std::string_view title, std::string_view intro) {
  p.out << "## " << title << "\n\n" << intro << "\n\n";
}
}  // namespace cookbook

int main() {
  cookbook::page page{std::cout};
  cookbook::seed_formulas(page);
  cookbook::traces_and_determinants(page);
  cookbook::elementwise_and_structure(page);
  cookbook::machine_learning(page);
  cookbook::factorisations_and_networks(page);
  cookbook::symmetric_variables(page);
  cookbook::symmetric_likelihoods(page);
  std::cerr << "cookbook: " << page.entries << " gradients, " << page.hessians << " Hessians, " << page.failures << " failed their check\n";
  return page.failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
