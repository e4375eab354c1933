#!/usr/bin/env python3
"""The SymPy peer of the benchmarks: writes a C++ header of straight-line code for the value,
gradient and Hessian of the benchmark energies, derived by SymPy (`sympy.diff`), with common
subexpressions shared by `sympy.cse` and printed by SymPy's C printer.

    sympy_peer.py OUTPUT.hpp

Needs SymPy (Debian: python3-sympy). Every energy f gets two functions in namespace
bench::sympy_peer,

    <energy>_grad(inputs..., double* value, double* gradient)
    <energy>_grad_hessian(inputs..., double* value, double* gradient, double* hessian)

(templates specialised on N for the N×N energies). Matrix inputs are raw `const double*` in
column-major order; constants (A, B, area, mu, lambda) are arguments like the variable. The
gradient has the entries of the variable's column-major vec; the Hessian is the K×K matrix of
that vec, column-major, the layout matdiff's grad and hessian give. Energies:

    inverse_energy<N>     ‖J‖² + ‖J⁻¹‖²                          J N×N, N = 2, 3, 4
    logdet_trace<N>       log|det X| + tr(AX⁻¹)                   X, A N×N
    triangle_dirichlet    area·(‖PB‖² + ‖(PB)⁻¹‖²)                P 2×3 (variable), B 3×2
    tet_neo_hookean       μ/2(‖F‖² − 3) − μ log det F + λ/2 (log det F)², F = PB, P 3×4, B 4×3

Determinants and inverses are the closed forms (adjugate over determinant); log det is printed
as log(fabs(det)), whose derivatives are those of log(det). Only the upper triangle of a
Hessian is derived, and each entry is stored in both halves.
"""
import os
import sys
import time

import sympy as sp
from sympy.printing.c import C99CodePrinter
from sympy.printing.precedence import PRECEDENCE


class Printer(C99CodePrinter):
    """C99 with small integer powers as products ((x*x), (1.0/(x*x*x))) instead of pow()."""

    def _print_Pow(self, expr):
        base, exponent = expr.base, expr.exp
        if exponent.is_Integer and 1 <= abs(int(exponent)) <= 8:
            product = "*".join([self.parenthesize(base, PRECEDENCE["Pow"])] * abs(int(exponent)))
            if int(exponent) == 1:
                return product
            # Parenthesised: the printer of a product writes 6/t**4 as "6/" + this.
            return f"({product})" if int(exponent) > 0 else f"(1.0/({product}))"
        return super()._print_Pow(expr)


printer = Printer()


def ccode(expr):
    return printer.doprint(expr)


def matrix(name, rows, cols):
    """A rows×cols matrix of symbols name0, name1, ... numbered column-major."""
    return sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}{i + j * rows}"))


def vec(m):
    return [m[i, j] for j in range(m.cols) for i in range(m.rows)]


def inverse_and_det(m):
    """(adj(m)/det(m), det(m)): the closed form, both cofactor expansions."""
    det = m.det(method="berkowitz")
    return m.adjugate(method="berkowitz") / det, det


def with_abs_logs(expr, det):
    """log(det) → log(|det|): the function matdiff's logdet is; derivatives unchanged."""
    return expr.xreplace({sp.log(det): sp.log(sp.Abs(det))})


def derivatives(f, variables, hessian):
    g = [sp.diff(f, x) for x in variables]
    h = {}
    if hessian:
        for j in range(len(variables)):
            for i in range(j + 1):
                h[(i, j)] = sp.diff(g[i], variables[j])
    return g, h


def function(name, template, arguments, inputs, f, variables, hessian, post=lambda e: e):
    """One inline C++ function: arguments (C++ text), inputs (pointer or scalar name → symbols)."""
    g, h = derivatives(f, variables, hessian)
    outputs = [post(f)] + [post(e) for e in g] + [post(e) for e in h.values()]
    replacements, reduced = sp.cse(outputs, symbols=sp.numbered_symbols("t"))
    used = set()
    for _, e in replacements:
        used |= e.free_symbols
    for e in reduced:
        used |= e.free_symbols
    k = len(variables)
    signature = ", ".join(arguments + ["double* value", "double* gradient"] +
                          (["double* hessian"] if hessian else []))
    lines = [f"{template}inline void {name}({signature}) {{"]
    for pointer, symbols in inputs:
        if isinstance(symbols, sp.Symbol):
            if symbols not in used:
                lines.append(f"  static_cast<void>({pointer});")
            continue
        loaded = [(index, s) for index, s in enumerate(symbols) if s in used]
        if not loaded:
            lines.append(f"  static_cast<void>({pointer});")
        for index, s in loaded:
            lines.append(f"  const double {s} = {pointer}[{index}];")
    for symbol, e in replacements:
        lines.append(f"  const double {symbol} = {ccode(e)};")
    lines.append(f"  value[0] = {ccode(reduced[0])};")
    for index in range(k):
        lines.append(f"  gradient[{index}] = {ccode(reduced[1 + index])};")
    for n, ((i, j), _) in enumerate(h.items()):
        e = ccode(reduced[1 + k + n])
        if i == j:
            lines.append(f"  hessian[{i + j * k}] = {e};")
        else:
            lines.append(f"  hessian[{i + j * k}] = hessian[{j + i * k}] = {e};")
    lines.append("}")
    return "\n".join(lines), len(replacements)


def inverse_energy(n, hessian):
    J = matrix("j", n, n)
    Ji, _ = inverse_and_det(J)
    f = sum(x**2 for x in J) + sum(x**2 for x in Ji)
    return function(f"inverse_energy_{'grad_hessian' if hessian else 'grad'}<{n}>", "template <>\n",
                    ["const double* J"], [("J", vec(J))], f, vec(J), hessian)


def logdet_trace(n, hessian):
    X, A = matrix("x", n, n), matrix("a", n, n)
    Xi, det = inverse_and_det(X)
    f = sp.log(det) + (A * Xi).trace()
    return function(f"logdet_trace_{'grad_hessian' if hessian else 'grad'}<{n}>", "template <>\n",
                    ["const double* X", "const double* A"], [("X", vec(X)), ("A", vec(A))], f, vec(X),
                    hessian, lambda e: with_abs_logs(e, det))


def triangle_dirichlet(hessian):
    P, B, area = matrix("p", 2, 3), matrix("b", 3, 2), sp.Symbol("area")
    J = P * B
    Ji, _ = inverse_and_det(J)
    f = area * (sum(x**2 for x in J) + sum(x**2 for x in Ji))
    return function(f"triangle_dirichlet_{'grad_hessian' if hessian else 'grad'}", "",
                    ["const double* P", "const double* B", "const double area"],
                    [("P", vec(P)), ("B", vec(B)), ("area", area)], f, vec(P), hessian)


def tet_neo_hookean(hessian):
    P, B = matrix("p", 3, 4), matrix("b", 4, 3)
    mu, lam = sp.Symbol("mu"), sp.Symbol("lambda")
    F = P * B
    det = F.det(method="berkowitz")
    log_det = sp.log(det)
    f = mu / 2 * (sum(x**2 for x in F) - 3) - mu * log_det + lam / 2 * log_det**2
    return function(f"tet_neo_hookean_{'grad_hessian' if hessian else 'grad'}", "",
                    ["const double* P", "const double* B", "const double mu", "const double lambda"],
                    [("P", vec(P)), ("B", vec(B)), ("mu", mu), ("lambda", lam)], f, vec(P), hessian,
                    lambda e: with_abs_logs(e, det))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    parts = []
    for hessian in (False, True):
        for n in (2, 3, 4):
            parts.append((f"inverse_energy {n}", lambda n=n, h=hessian: inverse_energy(n, h)))
            parts.append((f"logdet_trace {n}", lambda n=n, h=hessian: logdet_trace(n, h)))
        parts.append(("triangle_dirichlet", lambda h=hessian: triangle_dirichlet(h)))
        parts.append(("tet_neo_hookean", lambda h=hessian: tet_neo_hookean(h)))
    functions = []
    for what, make in parts:
        start = time.time()
        text, count = make()
        functions.append(text)
        print(f"sympy_peer.py: {what}{' Hessian' if 'hessian' in text.split('(')[0] else ''}: {count} common subexpressions, {time.time() - start:.1f} s",
              file=sys.stderr)
    header = f"""/// @file
/// Generated by benchmarks/sympy_peer.py (SymPy {sp.__version__}): do not edit. Straight-line
/// value, gradient and Hessian of the benchmark energies, derived by sympy.diff, shared
/// subexpressions by sympy.cse, printed by SymPy's C printer. See sympy_peer.py for the layout.
#pragma once

#include <cmath>

namespace bench::sympy_peer {{

using std::log;
using std::fabs;

template <int N>
void inverse_energy_grad(const double* J, double* value, double* gradient);
template <int N>
void inverse_energy_grad_hessian(const double* J, double* value, double* gradient, double* hessian);
template <int N>
void logdet_trace_grad(const double* X, const double* A, double* value, double* gradient);
template <int N>
void logdet_trace_grad_hessian(const double* X, const double* A, double* value, double* gradient,
                               double* hessian);

"""
    path = sys.argv[1]
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path + ".tmp", "w") as out:  # renamed when complete: no half-written header
        out.write(header + "\n\n".join(functions) + "\n\n}  // namespace bench::sympy_peer\n")
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
