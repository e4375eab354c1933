/// @file
/// `static_set<T, N>`: a small set of values computed at compile time, in first-seen order.
///
/// Every expression type carries the set of its variables and of its symbolic dimensions
/// as such a set; a node's set is the union of its operands' (`set_union<A, B, ...>`).
/// Values rather than type lists keep this cheap to compile.
#pragma once

#include <cstddef>

namespace matdiff {

template <class T, std::size_t N>
struct static_set {
  using value_type = T;
  static constexpr std::size_t size = N;

  T items[N + 1]{};  // one spare slot: an empty set is still a valid object

  constexpr const T* begin() const { return items; }
  constexpr const T* end() const { return items + N; }
  constexpr bool contains(const T& x) const {
    for (const T& item : *this)
      if (item == x) return true;
    return false;
  }
  constexpr std::size_t index_of(const T& x) const {
    for (std::size_t i = 0; i < N; ++i)
      if (items[i] == x) return i;
    return N;
  }
};

namespace detail {
// Writes the distinct elements of the sets into `out` (first-seen order); returns how many.
template <class T, class... Sets>
constexpr std::size_t collect_distinct(T* out, const Sets&... sets) {
  std::size_t n = 0;
  auto add = [&](const auto& set) {
    for (const T& x : set) {
      bool seen = false;
      for (std::size_t i = 0; i < n; ++i) seen = seen || out[i] == x;
      if (!seen) out[n++] = x;
    }
  };
  (add(sets), ...);
  return n;
}

template <auto First, auto... Rest>
consteval auto set_union_of() {
  using T = typename decltype(First)::value_type;
  constexpr std::size_t count = [] {
    T buffer[(First.size + ... + Rest.size) + 1]{};
    return collect_distinct(buffer, First, Rest...);
  }();
  static_set<T, count> out{};
  collect_distinct(out.items, First, Rest...);
  return out;
}
}  // namespace detail

/// The union of sets, in first-seen order.
template <auto... Sets>
inline constexpr auto set_union = detail::set_union_of<Sets...>();

}  // namespace matdiff
