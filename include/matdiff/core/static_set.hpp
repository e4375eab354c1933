/// @file
/// `static_set<T, N>`: a small set of values computed at compile time, in first-seen order.
///
/// Every expression type carries the set of its variables and of its symbolic dimensions
/// as such a set; a node's set is the union of its operands' (`set_union<A, B, ...>`).
/// Values rather than type lists keep this cheap to compile.
#pragma once

#include <cstddef>
#include <type_traits>

namespace matdiff {

template <class T, std::size_t N>
struct static_set {
  using value_type = T;
  static constexpr std::size_t size = N;

  T items[N + 1]{};  // one spare slot: an empty set is still a valid object
  /// Known to hold no item twice (set by set_union), so a union need not check it again.
  bool distinct = N <= 1;

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
/// The items of several sets in one view: begins[i] points to the items of set i.
template <class T, std::size_t Count>
struct set_list {
  const T* begins[Count + 1];
  std::size_t sizes[Count + 1];
  bool distinct[Count + 1];
};

template <auto... Sets>
inline constexpr auto set_list_of =
    set_list<typename std::remove_cvref_t<decltype((Sets, ...))>::value_type, sizeof...(Sets)>{
        {Sets.items..., nullptr}, {Sets.size..., 0}, {Sets.distinct..., true}};

/// Which items of the sets are new (in no earlier set, nor earlier in their own set when
/// that set may repeat items), in order, and how many: each item is compared only with
/// the items before it.
template <auto... Sets>
struct union_plan {
  static constexpr std::size_t total = (Sets.size + ... + 0);
  struct result {
    bool fresh[total + 1]{};
    std::size_t count = 0;
  };
  static constexpr result value = [] {
    constexpr auto& list = set_list_of<Sets...>;
    result r{};
    std::size_t k = 0;
    for (std::size_t s = 0; s < sizeof...(Sets); ++s)
      for (std::size_t i = 0; i < list.sizes[s]; ++i, ++k) {
        const auto& x = list.begins[s][i];
        bool seen = false;
        for (std::size_t t = 0; t < s && !seen; ++t)
          for (std::size_t j = 0; j < list.sizes[t] && !seen; ++j) seen = list.begins[t][j] == x;
        for (std::size_t j = 0; j < i && !seen && !list.distinct[s]; ++j) seen = list.begins[s][j] == x;
        r.fresh[k] = !seen;
        r.count += !seen;
      }
    return r;
  }();
};

/// The one set of `Sets` that is not empty.
template <auto First, auto... Rest>
consteval auto only_nonempty() {
  if constexpr (First.size > 0) return First;
  else return only_nonempty<Rest...>();
}

template <auto First, auto... Rest>
consteval auto set_union_of() {
  using T = typename decltype(First)::value_type;
  constexpr std::size_t nonempty = (std::size_t(First.size > 0) + ... + std::size_t(Rest.size > 0));
  if constexpr (First.distinct && ((Rest.size == 0) && ...)) {
    return First;  // one set, or the others empty
  } else if constexpr (nonempty == 1 && ((Rest.size == 0 || Rest.distinct) && ...) && First.size == 0) {
    return detail::only_nonempty<Rest...>();  // the others empty
  } else {
    constexpr auto& plan = union_plan<First, Rest...>::value;
    if constexpr (First.distinct && plan.count == First.size) {
      return First;  // the others add nothing
    } else {
      constexpr auto& list = set_list_of<First, Rest...>;
      static_set<T, plan.count> out{};
      out.distinct = true;
      std::size_t k = 0, n = 0;
      for (std::size_t s = 0; s < 1 + sizeof...(Rest); ++s)
        for (std::size_t i = 0; i < list.sizes[s]; ++i)
          if (plan.fresh[k++]) out.items[n++] = list.begins[s][i];
      return out;
    }
  }
}
}  // namespace detail

/// The union of sets, in first-seen order.
template <auto... Sets>
inline constexpr auto set_union = detail::set_union_of<Sets...>();

}  // namespace matdiff
