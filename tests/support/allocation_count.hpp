// Counts heap allocations while a piece of code runs: `allocations_during(f)`.
//
// Include this header first, in exactly one translation unit of a test program (it defines
// the replaceable global operator new and delete, and must come before the first Eigen header).
//
// - The library's own allocations go through operator new: every form (plain, array,
//   nothrow) is replaced below and counted. All of them pair malloc with free, so that
//   AddressSanitizer sees matching allocation and deallocation whichever form the standard
//   library or Catch2 uses.
// - Eigen allocates with malloc, so its allocations are seen another way: with
//   EIGEN_RUNTIME_NO_MALLOC, Eigen asserts before each heap allocation while allocations are
//   forbidden; that assertion is routed to a counter and the allocation goes ahead. Any other
//   failed Eigen assertion throws.
#ifndef MATDIFF_TESTS_SUPPORT_ALLOCATION_COUNT_HPP
#define MATDIFF_TESTS_SUPPORT_ALLOCATION_COUNT_HPP

#ifdef EIGEN_WORLD_VERSION
#error "allocation_count.hpp must be included before any Eigen header"
#endif

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>

namespace allocation_count {
inline std::size_t operator_new = 0;
inline std::size_t eigen = 0;

/// Eigen's assertions: a forbidden heap allocation is counted (and allowed to go ahead); any
/// other failed assertion is an error.
inline void eigen_assertion(bool holds, const char* condition) {
  if (holds) return;
  if (std::strstr(condition, "heap allocation is forbidden") != nullptr) {
    ++eigen;
    return;
  }
  throw std::logic_error(std::string("Eigen assertion failed: ") + condition);
}
}  // namespace allocation_count

#define EIGEN_RUNTIME_NO_MALLOC
#define eigen_assert(condition) \
  ::allocation_count::eigen_assertion(static_cast<bool>(condition), #condition)

// GCC's -Wmismatched-new-delete tracks the library's operator new through inlining at -O1
// and does not see that the pair is replaced.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  ++allocation_count::operator_new;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++allocation_count::operator_new;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

#include <Eigen/Core>

namespace allocation_count {
/// The heap allocations (operator new and Eigen's) made while `f()` runs.
template <class F>
std::size_t allocations_during(F&& f) {
  struct forbid_eigen_malloc {
    forbid_eigen_malloc() { Eigen::internal::set_is_malloc_allowed(false); }
    ~forbid_eigen_malloc() { Eigen::internal::set_is_malloc_allowed(true); }
  };
  operator_new = 0;
  eigen = 0;
  {
    const forbid_eigen_malloc forbid;
    f();
  }
  return operator_new + eigen;
}
}  // namespace allocation_count

#endif
