/// @file
/// `number`: a numeric coefficient in an expression (`2 * X`, `X / 2`, `0.5 * X`).
///
/// Integers and their quotients are kept exact as rationals p/q, so that constant folding
/// (`2X + X = 3X`, `X/2 + X/2 = X`) prints exact results; any other floating-point value is
/// kept as a double. A number is a literal type: it is held by the expression value, not by
/// its type (the type of `2 * X` and `3 * X` is the same).
#pragma once

#include <concepts>
#include <cstdint>

#include <matdiff/core/text.hpp>

namespace matdiff {

/// A number usable next to an expression: `2 * X`, `0.5 * X`.
template <class T>
// Classes (expressions) are ruled out first, by a builtin: std::integral<T> would name a
// variable after T, and T may be a large node type.
concept arithmetic = !__is_class(T) && (std::integral<T> || std::floating_point<T>) && !__is_same(T, bool);

struct number {
  bool exact = true;           ///< true: the value is numerator / denominator exactly
  std::int64_t numerator = 0;  ///< valid when exact; denominator > 0, gcd 1
  std::int64_t denominator = 1;
  double approximate = 0.0;    ///< the value as a double (always valid)

  constexpr number() = default;

  template <arithmetic T>
  constexpr number(T value) {  // NOLINT: numbers convert implicitly, as in 2 * X
    if constexpr (std::integral<T>) {
      *this = rational(static_cast<std::int64_t>(value), 1);
    } else {
      const double v = static_cast<double>(value);
      // An integral double (2.0) is as exact as the integer 2.
      if (v == v && v > -9.0e15 && v < 9.0e15 && static_cast<double>(static_cast<std::int64_t>(v)) == v) {
        *this = rational(static_cast<std::int64_t>(v), 1);
      } else {
        exact = false;
        approximate = v;
      }
    }
  }

  static constexpr number rational(std::int64_t p, std::int64_t q) {
    if (q < 0) p = -p, q = -q;
    const std::int64_t g = gcd(p < 0 ? -p : p, q);
    number n;
    n.exact = true;
    n.numerator = g ? p / g : p;
    n.denominator = g ? q / g : q;
    n.approximate = static_cast<double>(n.numerator) / static_cast<double>(n.denominator);
    return n;
  }
  static constexpr number inexact(double v) {
    number n;
    n.exact = false;
    n.approximate = v;
    return n;
  }

  constexpr double value() const { return approximate; }
  constexpr bool is_integer() const { return exact && denominator == 1; }
  constexpr bool is(std::int64_t k) const { return exact && denominator == 1 && numerator == k; }
  constexpr bool negative() const { return exact ? numerator < 0 : approximate < 0; }

  friend constexpr bool operator==(const number& a, const number& b) {
    if (a.exact && b.exact) return a.numerator == b.numerator && a.denominator == b.denominator;
    return a.approximate == b.approximate;
  }
  friend constexpr number operator-(const number& a) {
    return a.exact ? rational(-a.numerator, a.denominator) : inexact(-a.approximate);
  }
  friend constexpr number operator+(const number& a, const number& b) {
    if (a.exact && b.exact && small(a) && small(b))
      return rational(a.numerator * b.denominator + b.numerator * a.denominator,
                      a.denominator * b.denominator);
    return inexact(a.approximate + b.approximate);
  }
  friend constexpr number operator-(const number& a, const number& b) { return a + (-b); }
  friend constexpr number operator*(const number& a, const number& b) {
    if (a.exact && b.exact && small(a) && small(b))
      return rational(a.numerator * b.numerator, a.denominator * b.denominator);
    return inexact(a.approximate * b.approximate);
  }
  friend constexpr number operator/(const number& a, const number& b) {
    if (a.exact && b.exact && b.numerator != 0 && small(a) && small(b))
      return rational(a.numerator * b.denominator, a.denominator * b.numerator);
    return inexact(a.approximate / b.approximate);
  }

  /// Shortest faithful text: "2", "-1/2", "0.1", "1.5e-07".
  constexpr text to_text() const {
    text out;
    if (exact) {
      out.append(static_cast<long long>(numerator));
      if (denominator != 1) out.append('/').append(static_cast<long long>(denominator));
      return out;
    }
    return format_double(approximate);
  }

 private:
  // Operands below 2^31 cannot overflow the exact products above.
  static constexpr bool small(const number& n) {
    constexpr std::int64_t limit = std::int64_t{1} << 31;
    return n.numerator > -limit && n.numerator < limit && n.denominator < limit;
  }
  static constexpr std::int64_t gcd(std::int64_t a, std::int64_t b) {
    while (b != 0) {
      const std::int64_t t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
  static constexpr double power_of_ten(int k) {
    double p = 1.0;
    for (int i = 0; i < (k < 0 ? -k : k); ++i) p *= 10.0;
    return k < 0 ? 1.0 / p : p;
  }
  // 15 significant digits (every such decimal survives a round trip through double),
  // trailing zeros dropped; fixed notation for moderate exponents, scientific otherwise.
  static constexpr text format_double(double v) {
    text out;
    if (v != v) return text("nan");
    if (v < 0) {
      out.append('-');
      v = -v;
    }
    if (v > 1.7e308) return out.append("inf");
    if (v == 0) return out.append('0');
    int exponent = 0;
    while (v >= power_of_ten(exponent + 1)) ++exponent;
    while (v < power_of_ten(exponent)) --exponent;
    const double scaled = exponent >= 14 ? v / power_of_ten(exponent - 14) : v * power_of_ten(14 - exponent);
    auto digits = static_cast<std::int64_t>(scaled + 0.5);
    if (digits >= 1'000'000'000'000'000) {  // rounding carried into a new digit
      digits /= 10;
      ++exponent;
    }
    char d[16]{};
    for (int i = 14; i >= 0; --i) {
      d[i] = static_cast<char>('0' + digits % 10);
      digits /= 10;
    }
    int last = 14;
    while (last > 0 && d[last] == '0') --last;
    if (exponent >= -5 && exponent < 15) {
      if (exponent < 0) {
        out.append("0.");
        for (int i = -1; i > exponent; --i) out.append('0');
        for (int i = 0; i <= last; ++i) out.append(d[i]);
      } else {
        for (int i = 0; i <= exponent; ++i) out.append(i <= last ? d[i] : '0');
        if (last > exponent) {
          out.append('.');
          for (int i = exponent + 1; i <= last; ++i) out.append(d[i]);
        }
      }
      return out;
    }
    out.append(d[0]);
    if (last > 0) {
      out.append('.');
      for (int i = 1; i <= last; ++i) out.append(d[i]);
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    const int e = exponent < 0 ? -exponent : exponent;
    if (e < 10) out.append('0');
    return out.append(static_cast<long long>(e));
  }
};

}  // namespace matdiff
