/// @file
/// `text`: a growable string that works in constant expressions.
///
/// Printing (`md::to_string`) and compile-time diagnostics build strings during constant
/// evaluation. `std::string` is not usable there with every supported compiler and
/// standard library pair, so matdiff carries this small string of its own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace matdiff {

class text {
 public:
  constexpr text() = default;
  constexpr explicit text(std::string_view s) { append(s); }
  constexpr explicit text(const char* s) : text(std::string_view(s)) {}
  constexpr text(const text& other) { append(other.view()); }
  constexpr text(text&& other) noexcept
      : data_(other.data_), size_(other.size_), capacity_(other.capacity_) {
    other.data_ = nullptr;
    other.size_ = other.capacity_ = 0;
  }
  constexpr text& operator=(text other) noexcept {
    swap(other);
    return *this;
  }
  constexpr ~text() { delete[] data_; }

  constexpr void swap(text& other) noexcept {
    auto* d = data_;
    data_ = other.data_;
    other.data_ = d;
    auto s = size_;
    size_ = other.size_;
    other.size_ = s;
    auto c = capacity_;
    capacity_ = other.capacity_;
    other.capacity_ = c;
  }

  constexpr text& append(std::string_view s) {
    reserve(size_ + s.size());
    for (char c : s) data_[size_++] = c;
    return *this;
  }
  constexpr text& append(char c) { return append(std::string_view(&c, 1)); }
  constexpr text& append(long long value) {
    if (value < 0) append('-');
    unsigned long long v = value < 0 ? 0ull - static_cast<unsigned long long>(value)
                                     : static_cast<unsigned long long>(value);
    char digits[24]{};
    int n = 0;
    do {
      digits[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (n > 0) append(digits[--n]);
    return *this;
  }
  constexpr text& operator+=(std::string_view s) { return append(s); }
  constexpr text& operator+=(const text& s) { return append(s.view()); }
  constexpr text& operator+=(char c) { return append(c); }

  constexpr std::string_view view() const { return {data_ ? data_ : "", size_}; }
  constexpr std::size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr char front() const { return size_ ? data_[0] : '\0'; }
  constexpr char back() const { return size_ ? data_[size_ - 1] : '\0'; }

  operator std::string() const { return std::string(view()); }  // NOLINT: as the API promises
  std::string str() const { return std::string(view()); }

  friend constexpr bool operator==(const text& a, std::string_view b) { return a.view() == b; }
  friend constexpr bool operator==(const text& a, const text& b) { return a.view() == b.view(); }
  friend constexpr text operator+(text a, std::string_view b) { return a.append(b); }
  friend constexpr text operator+(text a, const text& b) { return a.append(b.view()); }

 private:
  // g++ 12 at -O3 vectorises the copy below in 32-byte steps and, not knowing that
  // size_ < capacity_ < grown, warns that a step may overflow a small new buffer; the
  // pragma does not reach the copy where it is inlined into other functions, so the copy's
  // bound also says it stays inside the new buffer.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#endif
  constexpr void reserve(std::size_t wanted) {
    if (wanted <= capacity_) return;
    std::size_t grown = wanted * 2 + 16;
    char* fresh = new char[grown]{};
    const std::size_t kept = size_ < grown ? size_ : grown;
    for (std::size_t i = 0; i < kept; ++i) fresh[i] = data_[i];
    delete[] data_;
    data_ = fresh;
    capacity_ = grown;
  }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace matdiff
