/// @file
/// `printer`: the machinery every expression uses to print itself as text or LaTeX.
///
/// Each operation prints its own node (ops/<op>.hpp) through a printer, asking it to print
/// operands with a minimum precedence: an operand that binds less tightly is parenthesised.
/// Precedence, loosest first: sum (a + b), product (a*b, a/b, a.*b), prefix (-a),
/// postfix (a'), atom (names, numbers, f(a)).
#pragma once

#include <string_view>

#include <matdiff/core/text.hpp>

namespace matdiff {

enum class notation { text, latex };

namespace precedence {
inline constexpr int sum = 1;
inline constexpr int product = 2;
inline constexpr int prefix = 3;
inline constexpr int postfix = 4;
inline constexpr int atom = 5;
}  // namespace precedence

struct printer {
  notation style = notation::text;
  text out{};

  constexpr bool latex() const { return style == notation::latex; }

  constexpr printer& write(std::string_view s) {
    out.append(s);
    return *this;
  }
  constexpr printer& write(const text& s) { return write(s.view()); }

  constexpr printer& open() { return write(latex() ? "\\left(" : "("); }
  constexpr printer& close() { return write(latex() ? "\\right)" : ")"); }

  /// Prints `e`, in parentheses when it binds less tightly than `minimum`.
  template <class E>
  constexpr printer& operand(const E& e, int minimum) {
    const bool wrap = e.precedence(style) < minimum;
    if (wrap) open();
    e.print(*this);
    if (wrap) close();
    return *this;
  }

  /// Prints `e` after other output: like `operand`, and also parenthesised when it starts
  /// with a minus sign, so that "A + (-B)" and "X*(-2)" never read as "A + -B", "X*-2".
  template <class E>
  constexpr printer& right_operand(const E& e, int minimum) {
    const text t = render(e, minimum);
    const bool wrap = t.front() == '-';
    if (wrap) open();
    write(t);
    if (wrap) close();
    return *this;
  }

  /// "name(a, b)"; in LaTeX "name\left(a, b\right)".
  template <class... E>
  constexpr printer& call(std::string_view name, const E&... args) {
    return write(name).arguments(args...);
  }

  /// "(a, b)"; in LaTeX "\left(a, b\right)".
  template <class... E>
  constexpr printer& arguments(const E&... args) {
    open();
    bool first = true;
    ((write(first ? "" : ", "), operand(args, 0), first = false), ...);
    return close();
  }

  /// "name(a, b)" for a form a kernel evaluates in place of the written nodes (eval/plan/);
  /// in LaTeX "\mathtt{name}\left(a, b\right)".
  template <class... E>
  constexpr printer& form(std::string_view name, const E&... args) {
    if (latex()) {
      write("\\mathtt{");
      for (const char& c : name) write(c == '_' ? std::string_view("\\_") : std::string_view(&c, 1));
      write("}");
    } else {
      write(name);
    }
    return arguments(args...);
  }

  /// `e` printed on its own, with this printer's notation.
  template <class E>
  constexpr text render(const E& e, int minimum = 0) const {
    printer sub{style};
    sub.operand(e, minimum);
    return static_cast<text&&>(sub.out);
  }
};

}  // namespace matdiff
