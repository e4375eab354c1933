// The printed form of an expression for a test's message, computed by the compiler where it
// can be:
//   printed_by<Make>()   md::to_string(Make{}()), Make a class whose call makes the expression
//   printed(e)           e's printed form; by the compiler when e holds no data (e is E{})
//
// Printing at run time generates code for the printing of every node type printed: a
// gradient check's message (the function and its gradient) was 20 MB of g++'s allocations
// at -O1, 12% of what the check costs; printed in a constant expression, no code is generated.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include <matdiff/matdiff.hpp>

namespace matdiff_test {

/// md::to_string(Make{}()), computed by the compiler and stored with the program.
template <class Make>
std::string_view printed_by() {
  static constexpr std::size_t size = matdiff::to_string(Make{}()).view().size();
  static constexpr std::array<char, size + 1> chars = [] {
    std::array<char, size + 1> out{};
    const auto text = matdiff::to_string(Make{}());
    std::copy(text.view().begin(), text.view().end(), out.begin());
    return out;
  }();
  return {chars.data(), size};
}

namespace detail {
/// Makes E{}, the one value of an expression type that holds no data.
template <class E>
struct value_of_type {
  constexpr E operator()() const { return E{}; }
};
}  // namespace detail

/// e's printed form: by the compiler when e holds no data, else at run time (an expression
/// with a number of the user's, such as pow(X, 0.5), holds that number).
template <class E>
auto printed(const E& e) {
  if constexpr (matdiff::holds_no_data<E>) return printed_by<detail::value_of_type<E>>();
  else return std::string(matdiff::to_string(e).view());
}

}  // namespace matdiff_test
