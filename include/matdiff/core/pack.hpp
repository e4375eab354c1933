/// @file
/// `pack<T...>`: a few values of different types, held together, for the types the
/// compiler makes most of — the operands of a node, the terms of a sum.
///
///     pack<A, B> p = make_pack(a, b);   at<1>(p) == b;   p.apply(f) == f(a, b);
///
/// It does what `std::tuple` does here, at a fraction of the compile-time cost: an
/// aggregate of indexed slots has no constructors to constrain, so making a new pack
/// type instantiates almost nothing. (With std::tuple as a node's operands, a unit of
/// derivative tests took 54 s and 2.9 GB to compile with g++ 12; with pack, 34 s and 1.7 GB.)
/// The slots are not `[[no_unique_address]]`: clang 16 crashes in its optimiser on
/// empty slots laid over each other, and a node's few bytes cost nothing.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

namespace matdiff {

/// True when every value of T is T{}: T holds no data (an empty class; a node of such
/// operands, core/expression.hpp). A pack keeps no copy of such a value, so copying a
/// pack, and a node over such operands, costs the same whatever the operands' size.
/// (A concept over the class `detail::holds_no_data`, as are the other questions asked of
/// node types: a variable template is a variable the compiler names after its arguments,
/// and g++ allocates each name of over 4 KB by walking its list of free pages; a class
/// template's answer is the value of its `std::bool_constant` base, named after the value.)
namespace detail {
template <class T>
struct holds_no_data : std::bool_constant<__is_empty(T)> {};
}  // namespace detail
template <class T>
concept holds_no_data = detail::holds_no_data<T>::value;

namespace detail {
template <std::size_t I, class T>
struct pack_slot {
  T value;
};
/// What initialises the slot of a value that holds no data (`slot_init`).
struct no_data {};
/// The value of every slot of type T that holds no data: the slot refers to it, so that
/// every slot gives its value by reference.
template <class T>
static constexpr T no_data_value{};

/// A slot whose value holds no data holds nothing. Every slot is an aggregate: a constructor
/// would be a function, which g++ names after T whether or not code is generated for it
/// (a sum of 64 terms named 4.4 MB of slot constructors).
template <std::size_t I, class T>
  requires matdiff::holds_no_data<T>
struct pack_slot<I, T> : no_data {};

/// What initialises the slot of `value`: `pack_slot<I, T>{slot_init(value)}`.
template <class T>
static constexpr decltype(auto) slot_init(const T& value) {
  if constexpr (matdiff::holds_no_data<T>) return no_data{};
  else return value;
}

/// The I-th value of a pack p: `get_slot<I>(p)` finds the slot among p's bases, so it is a
/// function per index and value type, not per pack as `at` is.
template <std::size_t I, class T>
static constexpr const T& get_slot(const pack_slot<I, T>& s) {
  if constexpr (matdiff::holds_no_data<T>) return no_data_value<T>;
  else return s.value;
}
template <std::size_t I, class T>
  requires(!matdiff::holds_no_data<T>)
static constexpr T& get_slot(pack_slot<I, T>& s) {
  return s.value;
}

template <class Indices, class... T>
struct indexed_pack;

template <std::size_t... I, class... T>
struct indexed_pack<std::index_sequence<I...>, T...> : pack_slot<I, T>... {
  // An enumerator, not a static data member: a member is a variable the compiler names
  // after the pack's types (see holds_no_data above).
  enum : std::size_t { size = sizeof...(T) };

  /// f(values...)
  template <class F>
  constexpr decltype(auto) apply(F&& f) const {
    return static_cast<F&&>(f)(get_slot<I>(*this)...);
  }
};

template <std::size_t I, class T>
static T slot_type(const pack_slot<I, T>&);

}  // namespace detail

template <class... T>
using pack = detail::indexed_pack<std::index_sequence_for<T...>, T...>;

/// Types, as a list.
template <class... T>
struct type_list {};

/// The number of types in a list.
template <class List>
static constexpr std::size_t list_length = 0;
template <class... T>
inline constexpr std::size_t list_length<type_list<T...>> = sizeof...(T);

namespace detail {
constexpr std::size_t first_true(std::initializer_list<bool> flags) {
  std::size_t i = 0;
  for (bool f : flags) {
    if (f) return i;
    ++i;
  }
  return i;
}
}  // namespace detail

/// The position of the first T in a type list, the list's length when T is not in it.
/// The position is the value of an std::integral_constant base, which the compiler shares,
/// and types are compared with __is_same (GCC, Clang): a variable per pair of types
/// compared (std::is_same_v) would be one more symbol each, named after both types.
template <class T, class List>
struct type_index;
template <class T, class... U>
struct type_index<T, type_list<U...>>
    : std::integral_constant<std::size_t, detail::first_true({__is_same(T, U)...})> {};

/// The I-th value of a pack.
template <std::size_t I, class Pack>
static constexpr const auto& at(const Pack& p) {
  return detail::get_slot<I>(p);
}
template <std::size_t I, class Pack>
static constexpr auto& at(Pack& p) {
  return detail::get_slot<I>(p);
}

/// The type of the I-th value of a pack.
template <std::size_t I, class Pack>
using pack_element_t = decltype(detail::slot_type<I>(std::declval<const Pack&>()));

/// The pack (a, b, ...).
template <class... T>
static constexpr pack<T...> make_pack(const T&... values) {
  return {{detail::slot_init(values)}...};
}

/// The values of several packs in one pack, in order.
template <class I, class... T>
static constexpr auto concat(const detail::indexed_pack<I, T...>& p) {
  return p;
}
/// (The slots are read by index: two lambdas over the packs were two classes and four
/// functions more per pair of packs, each named after both.)
template <std::size_t... I, class... T, std::size_t... J, class... U, class... Rest>
static constexpr auto concat(const detail::indexed_pack<std::index_sequence<I...>, T...>& a,
                             const detail::indexed_pack<std::index_sequence<J...>, U...>& b, const Rest&... rest) {
  return concat(pack<T..., U...>{{detail::slot_init(detail::get_slot<I>(a))}...,
                                 {detail::slot_init(detail::get_slot<J>(b))}...},
                rest...);
}

}  // namespace matdiff
