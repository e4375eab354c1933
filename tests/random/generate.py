#!/usr/bin/env python3
"""Random matdiff expressions for differential testing.

Writes C++ sources that check, for each random 1x1 expression f over fixed and symbolic
sizes, md::eval(f) and md::grad(f, X) (one or two variables X) against an oracle that does
not use matdiff: the same expression written in plain Eigen and evaluated with Eigen's
forward-mode AutoDiffScalar (see harness.hpp), and md::grad against central finite
differences (md::check_gradient).

Expressions are built top-down from the shape they must have, over every operation. The
generator also evaluates each subexpression numerically (small dense matrices in pure
Python) at the point the test will use, and rejects a subexpression whose entries are huge,
so the inputs of the functions stay where those are defined and well-conditioned:
arguments of log, sqrt, fractional or negative powers, divisors and norms are positive
constructions (exp, softplus, sigmoid, S.*S + c) checked to be >= 0.1; matrices of inv,
det and logdet are c*I + S with c above the Gershgorin bound of S, or S*S' + c*I.

Expression i of seed s depends only on (s, i), so a failure reproduces with
`generate.py --seed s --first i --count 1`.
"""

import argparse
import math
import os
import random

# ---------------------------------------------------------------------------------------
# Dimensions: factor * product of symbols (as matdiff: symbols sorted), e.g. 3, n, 2*n.

SYMBOLS = ("n", "m")


def fixed(k):
    return (k, ())


def symbol(s):
    return (1, (s,))


def dim_mul(a, b):
    return (a[0] * b[0], tuple(sorted(a[1] + b[1])))


def dim_atomic(d):
    """A dimension a variable can have: an integer or one symbol."""
    return not d[1] or (d[0] == 1 and len(d[1]) == 1)


def dim_cpp(d):
    return str(d[0]) if not d[1] else "dim_" + d[1][0]


def dim_text(d):
    parts = ([str(d[0])] if d[0] != 1 or not d[1] else []) + list(d[1])
    return "*".join(parts)


def dim_split(d):
    """Every way to write d as a product d1 * d2."""
    out = []
    k, syms = d
    for f in range(1, k + 1):
        if k % f:
            continue
        for mask in range(1 << len(syms)):
            s1 = tuple(s for i, s in enumerate(syms) if mask >> i & 1)
            s2 = tuple(s for i, s in enumerate(syms) if not mask >> i & 1)
            out.append(((f, s1), (k // f, s2)))
    return out


ONE = fixed(1)

# ---------------------------------------------------------------------------------------
# Small dense matrices (lists of rows) for the numeric screening.


def zeros(r, c):
    return [[0.0] * c for _ in range(r)]


def mat_map(f, a):
    return [[f(x) for x in row] for row in a]


def mat_zip(f, a, b):
    return [[f(x, y) for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]


def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]


def mat_t(a):
    return [list(col) for col in zip(*a)]


def random_orthogonal(rng, n):
    """An n x n orthogonal matrix: Gram-Schmidt (twice, for orthogonality to rounding) on
    Gaussian columns."""
    columns = []
    while len(columns) < n:
        v = [rng.gauss(0, 1) for _ in range(n)]
        for _ in range(2):
            for q in columns:
                d = sum(x * y for x, y in zip(v, q))
                v = [x - d * y for x, y in zip(v, q)]
        norm = math.sqrt(sum(x * x for x in v))
        if norm > 1e-3:
            columns.append([x / norm for x in v])
    return mat_t(columns)


def mat_lu_solve(a):
    """(inverse, determinant) by Gauss-Jordan with partial pivoting."""
    n = len(a)
    m = [row[:] + [1.0 if i == j else 0.0 for j in range(n)] for i, row in enumerate(a)]
    det = 1.0
    for col in range(n):
        p = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[p][col]) < 1e-12:
            raise Reject("singular")
        if p != col:
            m[p], m[col] = m[col], m[p]
            det = -det
        det *= m[col][col]
        pivot = m[col][col]
        m[col] = [x / pivot for x in m[col]]
        for r in range(n):
            if r != col and m[r][col] != 0.0:
                f = m[r][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col])]
    return [row[n:] for row in m], det


def max_abs(a):
    return max(abs(x) for row in a for x in row)


def min_entry(a):
    return min(x for row in a for x in row)


def scalar(x):
    return [[x]]


def softplus(x):
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def sigmoid(x):
    # exp(-x) overflows below x = -709, and ill-conditioned cases allow values up to 1e6.
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


class Reject(Exception):
    """A subexpression that is out of range at the test point: generate another."""


# ---------------------------------------------------------------------------------------
# Expression nodes: matdiff C++, plain-Eigen oracle C++, text, shape, value, variables.


# The largest entry a subexpression may have at the test point. Entries far from 1 make the
# finite differences inaccurate; an ill-conditioned case (no finite differences, see
# Generator.ill_conditioned) needs entries up to sqrt(condition) in its matrices and their
# inverses, and allows 1e6.
VALUE_CAP = {False: 1e3, True: 1e6}
value_cap = VALUE_CAP[False]


class Node:
    def __init__(self, cpp, oracle, text, shape, value, variables):
        self.cpp, self.oracle, self.text = cpp, oracle, text
        self.shape, self.value, self.variables = shape, value, variables
        if not all(math.isfinite(x) for row in value for x in row) or max_abs(value) > value_cap:
            raise Reject("out of range")


def combine(cpp, oracle, text, shape, value, *children):
    variables = set()
    for c in children:
        variables |= c.variables
    return Node(cpp, oracle, text, shape, value, variables)


def number_text(x):
    """A user number as C++ source: an integer, or a short decimal."""
    if float(x).is_integer():
        return str(int(x))
    return repr(x)


class Generator:
    def __init__(self, rng, max_depth, ill_conditioned, structure_rng, structured_share):
        self.rng = rng
        self.max_depth = max_depth
        # An ill-conditioned case: the matrices of inv, solve, det and logdet are often
        # variables with condition numbers up to 1e10 (see ill_conditioned).
        self.ill = ill_conditioned
        self.conditions = {}  # name -> condition number of an ill-conditioned variable
        self.dim_values = {"n": rng.choice((2, 3, 4)), "m": rng.choice((1, 2, 3))}
        self.variables = {}  # name -> (shape, value, binds_dynamic)
        # A share of the square matrix variables is md::symmetric or md::spd, drawn from a
        # stream of its own (structure_rng): with the share 0 the cases are those of before.
        self.structure_rng = structure_rng
        self.structured_share = structured_share
        self.structures = {}  # name -> "symmetric" or "spd"

    def condition(self, node):
        """The largest condition number of the ill-conditioned variables in node (1 if none):
        it scales the tolerances of the comparisons with the oracle."""
        return max([self.conditions.get(name, 1.0) for name in node.variables] + [1.0])

    # --- sizes ---------------------------------------------------------------------------
    def rows(self, d):
        v = d[0]
        for s in d[1]:
            v *= self.dim_values[s]
        return v

    def size(self, shape):
        return self.rows(shape[0]), self.rows(shape[1])

    def pick_dim(self, allow_product=True):
        r = self.rng.random()
        if allow_product and r < 0.06:
            return self.rng.choice((dim_mul(fixed(2), symbol("n")), dim_mul(symbol("m"), symbol("n")),
                                    dim_mul(fixed(3), symbol("m"))))
        return self.rng.choices(
            (fixed(1), fixed(2), fixed(3), fixed(4), symbol("n"), symbol("m")),
            weights=(0.5, 1.2, 1.2, 0.6, 1.6, 0.9))[0]

    # --- leaves ----------------------------------------------------------------------------
    def variable(self, shape):
        same = [n for n, (s, _, _) in self.variables.items() if s == shape]
        if same and self.rng.random() < 0.6:
            name = self.rng.choice(same)
        else:
            r, c = shape
            if r == ONE and c == ONE:
                pool = "abcst"
            elif c == ONE:
                pool = "uvwxyz"
            else:
                pool = "ABCDEFGHKLMPQRSTUVW"
            free = [p for p in pool if p not in self.variables]
            if not free:
                if not same:
                    raise Reject("no free variable name")
                name = self.rng.choice(same)
            else:
                name = free[0]
                rows, cols = self.size(shape)
                value = [[self.rng.uniform(-1, 1) for _ in range(cols)] for _ in range(rows)]
                binds_dynamic = not (r == ONE and c == ONE) and self.rng.random() < 0.2
                if r == c and r != ONE:
                    value = self.structured(name, value)
                self.variables[name] = (shape, value, binds_dynamic)
        return Node(name, name, name, shape, self.variables[name][1], {name})

    def structured(self, name, value):
        """A new square variable's value, made symmetric (S + S')/2 or positive definite
        SS'/k + I for the share of variables declared md::symmetric or md::spd."""
        draw = self.structure_rng.random()
        if draw >= self.structured_share:
            return value
        k = len(value)
        if draw < self.structured_share / 3:
            self.structures[name] = "spd"
            return [[sum(value[i][l] * value[j][l] for l in range(k)) / k + (1.0 if i == j else 0.0)
                     for j in range(k)] for i in range(k)]
        self.structures[name] = "symmetric"
        return [[(value[i][j] + value[j][i]) / 2 for j in range(k)] for i in range(k)]

    def constant(self, kind, shape, coefficient=None):
        rows, cols = self.size(shape)
        r, c = shape
        if kind == "identity":
            cpp, text = f"md::identity<{dim_cpp(r)}>", "I"
            oracle = f"ro::identity({rows})"
            value = [[1.0 if i == j else 0.0 for j in range(cols)] for i in range(rows)]
        else:
            cpp, text = f"md::ones<{dim_cpp(r)}, {dim_cpp(c)}>", "ones"
            oracle = f"ro::ones({rows}, {cols})"
            value = [[1.0] * cols for _ in range(rows)]
        node = Node(cpp, oracle, text, shape, value, set())
        return node if coefficient is None else self.scaled(coefficient, node)

    def user_number(self, positive=False):
        x = self.rng.choice((2, 3, 0.5, 1.5, 0.25, round(self.rng.uniform(0.1, 2.5), 2)))
        if not positive and self.rng.random() < 0.3:
            x = -x
        return x

    def leaf(self, shape):
        r, c = shape
        if not (dim_atomic(r) and dim_atomic(c)):
            return self.product_shaped(shape, 0)
        kinds = ["variable"] * 10 + ["ones"]
        if r == c:
            kinds.append("identity")
        if r == ONE and c == ONE:
            kinds += ["number"] * 2
        kind = self.rng.choice(kinds)
        if kind == "variable":
            return self.variable(shape)
        if kind == "number":
            return self.constant("ones", shape, self.user_number())
        return self.constant(kind, shape)

    def product_shaped(self, shape, depth):
        """A kron or vec for a shape with product dimensions, which no variable has."""
        r, c = shape
        if c == ONE and self.rng.random() < 0.4:
            r1, r2 = self.rng.choice([s for s in dim_split(r) if dim_atomic(s[0]) and dim_atomic(s[1])])
            return self.vec(self.gen((r1, r2), depth))
        splits_r = [s for s in dim_split(r) if dim_atomic(s[0]) and dim_atomic(s[1])]
        splits_c = [s for s in dim_split(c) if dim_atomic(s[0]) and dim_atomic(s[1])]
        (r1, r2), (c1, c2) = self.rng.choice(splits_r), self.rng.choice(splits_c)
        return self.kron(self.gen((r1, c1), depth), self.gen((r2, c2), self.lower(depth)))

    # --- operations (each builds the three spellings and the value) ------------------------
    def add(self, a, b, subtract=False):
        op = "-" if subtract else "+"
        value = mat_zip((lambda x, y: x - y) if subtract else (lambda x, y: x + y), a.value, b.value)
        return combine(f"({a.cpp} {op} {b.cpp})", f"ro::{'sub' if subtract else 'add'}({a.oracle}, {b.oracle})",
                       f"({a.text} {op} {b.text})", a.shape, value, a, b)

    def negate(self, a):
        return combine(f"(-{a.cpp})", f"ro::neg({a.oracle})", f"(-{a.text})", a.shape, mat_map(lambda x: -x, a.value), a)

    def scaled(self, k, a, on_right=False):
        ks = number_text(k)
        cpp = f"({a.cpp} * {ks})" if on_right else f"({ks} * {a.cpp})"
        text = f"({a.text}*{ks})" if on_right else f"({ks}*{a.text})"
        return combine(cpp, f"ro::scale({ks}, {a.oracle})", text, a.shape, mat_map(lambda x: k * x, a.value), a)

    def divided(self, a, k):
        ks = number_text(k)
        return combine(f"({a.cpp} / {ks})", f"ro::scale(1.0 / {ks}, {a.oracle})", f"({a.text}/{ks})",
                       a.shape, mat_map(lambda x: x / k, a.value), a)

    def divided_by_scalar(self, a, s):
        v = s.value[0][0]
        return combine(f"({a.cpp} / {s.cpp})", f"ro::divide({a.oracle}, {s.oracle})", f"({a.text}/{s.text})",
                       a.shape, mat_map(lambda x: x / v, a.value), a, s)

    def multiply(self, a, b):
        """Matrix product, or scaling when a side is 1x1 (as matdiff)."""
        if a.shape == (ONE, ONE):
            shape, value = b.shape, mat_map(lambda x: a.value[0][0] * x, b.value)
        elif b.shape == (ONE, ONE):
            shape, value = a.shape, mat_map(lambda x: x * b.value[0][0], a.value)
        else:
            shape, value = (a.shape[0], b.shape[1]), mat_mul(a.value, b.value)
        return combine(f"({a.cpp} * {b.cpp})", f"ro::multiply({a.oracle}, {b.oracle})", f"({a.text}*{b.text})",
                       shape, value, a, b)

    def call(self, name, a, value, shape=None, oracle_name=None, text_name=None):
        return combine(f"md::{name}({a.cpp})", f"ro::{oracle_name or name}({a.oracle})",
                       f"{text_name or name}({a.text})", shape or a.shape, value, a)

    def call2(self, name, a, b, value, shape):
        return combine(f"md::{name}({a.cpp}, {b.cpp})", f"ro::{name}({a.oracle}, {b.oracle})",
                       f"{name}({a.text}, {b.text})", shape, value, a, b)

    def transpose(self, a):
        return combine(f"md::transpose({a.cpp})", f"ro::transpose({a.oracle})", f"{a.text}'",
                       (a.shape[1], a.shape[0]), mat_t(a.value), a)

    def vec(self, a):
        rows, cols = len(a.value), len(a.value[0])
        value = [[a.value[i][j]] for j in range(cols) for i in range(rows)]
        return self.call("vec", a, value, (dim_mul(a.shape[0], a.shape[1]), ONE))

    def kron(self, a, b):
        value = [[x * y for x in ra for y in rb] for ra in a.value for rb in b.value]
        return self.call2("kron", a, b, value, (dim_mul(a.shape[0], b.shape[0]), dim_mul(a.shape[1], b.shape[1])))

    def hadamard(self, a, b):
        return self.call2("hadamard", a, b, mat_zip(lambda x, y: x * y, a.value, b.value), a.shape)

    def hadamard_div(self, a, b):
        return self.call2("hadamard_div", a, b, mat_zip(lambda x, y: x / y, a.value, b.value), a.shape)

    # --- depth ---------------------------------------------------------------------------
    def lower(self, depth):
        """Depth of a second operand: mostly shallow, so trees are deep but not bushy."""
        if depth <= 1:
            return 0
        return min(self.rng.randrange(depth), self.rng.randrange(depth))

    # --- shaped generation -------------------------------------------------------------------
    def gen(self, shape, depth):
        for _ in range(12):
            try:
                return self.gen_once(shape, depth)
            except Reject:
                continue
        return self.leaf(shape)

    def gen_once(self, shape, depth, root=False):
        r, c = shape
        atomic = dim_atomic(r) and dim_atomic(c)
        if depth <= 0:
            return self.leaf(shape)
        d1, d2 = depth - 1, self.lower(depth)
        g = self.gen
        choices = [
            ("leaf", 1.0 if atomic else 0.0),
            ("add", 1.2), ("subtract", 0.6), ("negate", 0.3),
            ("scale", 0.8), ("scale_by_expression", 0.5), ("divide", 0.3), ("divide_by_expression", 0.2),
            ("product", 2.0), ("transpose", 0.6),
            ("hadamard", 0.7), ("hadamard_div", 0.4),
            ("exp", 0.5), ("log", 0.4), ("sqrt", 0.3), ("softplus", 0.4), ("sigmoid", 0.4), ("tanh", 0.4),
            ("pow", 0.5),
            ("atan", 0.25), ("relu", 0.25), ("maximum", 0.25), ("minimum", 0.2), ("pow_expression", 0.3),
            ("add_number", 0.3),
            ("solve", 0.4 if dim_atomic(r) else 0.0),
            ("matrix_power", 0.3 if r == c and atomic else 0.0),
            ("kron", 0.5 if len(dim_split(r)) > 1 or len(dim_split(c)) > 1 else 0.0),
            ("inv", 0.6 if r == c and atomic else 0.0),
            ("diag", 0.4 if r == c and dim_atomic(r) else 0.0),
            ("diagonal", 0.4 if c == ONE and dim_atomic(r) else 0.0),
            ("vec", 0.4 if c == ONE and len(dim_split(r)) > 2 else 0.0),
        ]
        if r == ONE and c == ONE:
            # At the root mostly a reduction of a matrix expression.
            boost = 6.0 if root else 1.0
            choices += [(k, w * boost) for k, w in (("trace", 0.8), ("det", 0.4), ("logdet", 0.5), ("sum", 1.0),
                                                     ("dot", 1.0), ("norm2", 0.4), ("sqnorm", 0.7),
                                                     ("norm1", 0.3))]
        if not atomic:
            choices = [(k, w) for k, w in choices if k not in ("product", "leaf")] + [("product_shaped", 1.0)]
        if self.ill:
            boost = {"inv": 4, "solve": 4, "det": 1.5, "logdet": 1.5}
            choices = [(k, w * boost.get(k, 1)) for k, w in choices]
        kind = self.rng.choices([k for k, _ in choices], weights=[w for _, w in choices])[0]

        if kind == "leaf":
            return self.leaf(shape)
        if kind == "product_shaped":
            return self.product_shaped(shape, d1)
        if kind in ("add", "subtract"):
            a, b = g(shape, d1), g(shape, d2)
            if self.rng.random() < 0.5:
                a, b = b, a
            return self.add(a, b, subtract=kind == "subtract")
        if kind == "negate":
            return self.negate(g(shape, d1))
        if kind == "scale":
            return self.scaled(self.user_number(), g(shape, d1), on_right=self.rng.random() < 0.3)
        if kind == "scale_by_expression":
            a, s = g(shape, d1), g((ONE, ONE), d2)
            return self.multiply(s, a) if self.rng.random() < 0.6 else self.multiply(a, s)
        if kind == "divide":
            return self.divided(g(shape, d1), round(self.user_number(positive=True) + 1, 2))
        if kind == "divide_by_expression":
            return self.divided_by_scalar(g(shape, d1), self.positive((ONE, ONE), d2))
        if kind == "product":
            k = self.pick_dim(allow_product=False)
            if (r, k) == (ONE, ONE) or (k, c) == (ONE, ONE):
                k = fixed(2)  # a 1x1 operand would make it a scaling, drawn above
            if self.rng.random() < 0.5:
                return self.multiply(g((r, k), d1), g((k, c), d2))
            return self.multiply(g((r, k), d2), g((k, c), d1))
        if kind == "transpose":
            return self.transpose(g((c, r), d1))
        if kind == "hadamard":
            return self.hadamard(g(shape, d1), g(shape, d2))
        if kind == "hadamard_div":
            return self.hadamard_div(g(shape, d1), self.positive(shape, d2))
        if kind == "exp":
            a = g(shape, d1)
            if max_abs(a.value) > 4:
                raise Reject("exp of a large argument")
            return self.call("exp", a, mat_map(math.exp, a.value))
        if kind == "log":
            a = self.positive(shape, d1)
            return self.call("log", a, mat_map(math.log, a.value))
        if kind == "sqrt":
            a = self.positive(shape, d1)
            return self.call("sqrt", a, mat_map(math.sqrt, a.value))
        if kind == "softplus":
            a = g(shape, d1)
            return self.call("softplus", a, mat_map(softplus, a.value))
        if kind == "sigmoid":
            a = g(shape, d1)
            return self.call("sigmoid", a, mat_map(sigmoid, a.value))
        if kind == "tanh":
            a = g(shape, d1)
            return self.call("tanh", a, mat_map(math.tanh, a.value))
        if kind == "pow":
            k = self.rng.choice((2, 3, 0.5, 1.5, -1, -0.5, 2.5))
            a = g(shape, d1) if k in (2, 3) else self.positive(shape, d1)
            ks = number_text(k)
            return combine(f"md::pow({a.cpp}, {ks})", f"ro::pow({a.oracle}, {ks})", f"pow({a.text}, {ks})",
                           shape, mat_map(lambda x: x ** k, a.value), a)
        if kind == "atan":
            a = g(shape, d1)
            return self.call("atan", a, mat_map(math.atan, a.value))
        if kind == "relu":
            a = g(shape, d1)
            if min(abs(x) for row in a.value for x in row) < 0.05:
                raise Reject("relu near its kink")
            return self.call("relu", a, mat_map(lambda x: max(x, 0.0), a.value))
        if kind in ("maximum", "minimum"):
            a, b = g(shape, d1), g(shape, d2)
            if self.rng.random() < 0.5:
                a, b = b, a
            if min(abs(x - y) for ra, rb in zip(a.value, b.value) for x, y in zip(ra, rb)) < 0.05:
                raise Reject("maximum or minimum near a tie")
            pick = max if kind == "maximum" else min
            return self.call2(kind, a, b, mat_zip(pick, a.value, b.value), shape)
        if kind == "pow_expression":
            a = self.positive(shape, d1)
            b = g(shape if self.rng.random() < 0.6 else (ONE, ONE), d2)
            if max_abs(b.value) > 3:
                raise Reject("large exponent")
            k = (lambda i, j: b.value[0][0]) if b.shape == (ONE, ONE) else (lambda i, j: b.value[i][j])
            value = [[x ** k(i, j) for j, x in enumerate(row)] for i, row in enumerate(a.value)]
            return combine(f"md::pow({a.cpp}, {b.cpp})", f"ro::pow({a.oracle}, {b.oracle})", f"pow({a.text}, {b.text})",
                           shape, value, a, b)
        if kind == "add_number":
            a, k = g(shape, d1), self.user_number()
            ks = number_text(k)
            if self.rng.random() < 0.5:
                return combine(f"({a.cpp} + {ks})", f"ro::plus_number({a.oracle}, {ks})", f"({a.text} + {ks})",
                               shape, mat_map(lambda x: x + k, a.value), a)
            return combine(f"({ks} - {a.cpp})", f"ro::plus_number(ro::neg({a.oracle}), {ks})", f"({ks} - {a.text})",
                           shape, mat_map(lambda x: k - x, a.value), a)
        if kind == "solve":
            m = self.well_conditioned(r, d1)
            b = g(shape, d2)
            inverse, _ = mat_lu_solve(m.value)
            return self.call2("solve", m, b, mat_mul(inverse, b.value), shape)
        if kind == "matrix_power":
            k = self.rng.choice((2, 3))
            a = g(shape, d1)
            value = a.value
            for _ in range(k - 1):
                value = mat_mul(value, a.value)
            return combine(f"md::matrix_power<{k}>({a.cpp})", f"ro::matrix_power({a.oracle}, {k})",
                           f"matrix_power<{k}>({a.text})", shape, value, a)
        if kind == "kron":
            (r1, r2), (c1, c2) = self.rng.choice(dim_split(r)), self.rng.choice(dim_split(c))
            if not all(dim_atomic(x) for x in (r1, r2, c1, c2)):
                raise Reject("kron factor with a product dimension")
            return self.kron(g((r1, c1), d1), g((r2, c2), d2))
        if kind == "inv":
            a = self.well_conditioned(r, d1)
            inverse, _ = mat_lu_solve(a.value)
            return self.call("inv", a, inverse)
        if kind == "diag":
            v = g((r, ONE), d1)
            n = len(v.value)
            return self.call("diag", v, [[v.value[i][0] if i == j else 0.0 for j in range(n)] for i in range(n)],
                             (r, r))
        if kind == "diagonal":
            a = g((r, r), d1)
            return self.call("diagonal", a, [[a.value[i][i]] for i in range(len(a.value))], (r, ONE))
        if kind == "vec":
            r1, r2 = self.rng.choice([s for s in dim_split(r) if dim_atomic(s[0]) and dim_atomic(s[1])])
            return self.vec(g((r1, r2), d1))
        # 1x1 results
        if kind == "trace":
            k = self.pick_dim(allow_product=False)
            a = g((k, k), d1)
            return self.call("trace", a, scalar(sum(a.value[i][i] for i in range(len(a.value)))), (ONE, ONE))
        if kind in ("det", "logdet"):
            k = self.pick_dim(allow_product=False)
            a = self.well_conditioned(k, d1)
            _, det = mat_lu_solve(a.value)
            value = det if kind == "det" else math.log(abs(det))
            return self.call(kind, a, scalar(value), (ONE, ONE))
        inner = (self.pick_dim(), self.pick_dim())
        if kind == "sum":
            a = g(inner, d1)
            return self.call("sum", a, scalar(sum(x for row in a.value for x in row)), (ONE, ONE))
        if kind == "dot":
            a, b = g(inner, d1), g(inner, d2)
            return self.call2("dot", a, b, scalar(sum(x * y for ra, rb in zip(a.value, b.value)
                                                      for x, y in zip(ra, rb))), (ONE, ONE))
        if kind == "sqnorm":
            a = g(inner, d1)
            return self.call("sqnorm", a, scalar(sum(x * x for row in a.value for x in row)), (ONE, ONE))
        if kind == "norm2":
            a = g(inner, d1)
            norm = math.sqrt(sum(x * x for row in a.value for x in row))
            if norm < 0.1:
                raise Reject("norm2 near its kink")
            return self.call("norm2", a, scalar(norm), (ONE, ONE))
        if kind == "norm1":
            a = g(inner, d1)
            if min(abs(x) for row in a.value for x in row) < 0.05:
                raise Reject("norm1 near its kink")
            return self.call("norm1", a, scalar(sum(abs(x) for row in a.value for x in row)), (ONE, ONE))
        raise AssertionError(kind)

    def positive(self, shape, depth):
        """An expression whose entries are >= 0.1 at the test point."""
        r, c = shape
        kind = self.rng.choice(("exp", "softplus", "sigmoid", "square_plus", "pow2_plus"))
        a = self.gen(shape, depth)
        if kind == "exp":
            if max_abs(a.value) > 4:
                raise Reject("exp of a large argument")
            node = self.call("exp", a, mat_map(math.exp, a.value))
        elif kind == "softplus":
            node = self.call("softplus", a, mat_map(softplus, a.value))
        elif kind == "sigmoid":
            node = self.call("sigmoid", a, mat_map(sigmoid, a.value))
        else:
            square = (self.hadamard(a, a) if kind == "square_plus" else
                      combine(f"md::pow({a.cpp}, 2)", f"ro::pow({a.oracle}, 2)", f"pow({a.text}, 2)",
                              shape, mat_map(lambda x: x * x, a.value), a))
            if dim_atomic(r) and dim_atomic(c):
                node = self.add(square, self.constant("ones", shape, self.user_number(positive=True)))
            else:
                node = self.add(square, self.call("exp", square, mat_map(math.exp, square.value))
                                if max_abs(square.value) <= 4 else self.call("softplus", a, mat_map(softplus, a.value)))
        if min_entry(node.value) < 0.1:
            raise Reject("not positive enough")
        return node

    def ill_conditioned(self, k):
        """A new k x k variable whose value U diag(s) V' (U, V random orthogonal) has the
        condition number 10^4, 10^6, 10^8 or 10^10, the singular values s spread evenly in
        logarithm around 1, so the matrix and its inverse have entries up to sqrt(condition)."""
        free = [p for p in "ABCDEFGHKLMPQRSTUVW" if p not in self.variables]
        rows = self.rows(k)
        if not free or rows < 2 or not dim_atomic(k):
            raise Reject("no ill-conditioned variable")
        condition = 10.0 ** self.rng.choice((4, 6, 8, 10))
        singular = [condition ** (0.5 - i / (rows - 1)) for i in range(rows)]
        u, v = random_orthogonal(self.rng, rows), random_orthogonal(self.rng, rows)
        value = mat_mul([[u[i][j] * singular[j] for j in range(rows)] for i in range(rows)], mat_t(v))
        name = free[0]
        self.variables[name] = ((k, k), value, self.rng.random() < 0.3)
        self.conditions[name] = condition
        a = Node(name, name, name, (k, k), value, {name})
        kind = self.rng.choice(("variable", "transpose", "scaled", "product"))
        if kind == "transpose":
            return self.transpose(a)
        if kind == "scaled":
            return self.scaled(self.user_number(), a)
        if kind == "product":
            b = self.well_conditioned_only(k, 1)
            return self.multiply(a, b) if self.rng.random() < 0.5 else self.multiply(b, a)
        return a

    def well_conditioned(self, k, depth):
        """A k x k matrix far from singular: c*I + S, c above S's Gershgorin bound, or S*S' + c*I;
        in an ill-conditioned case, half of the time an ill-conditioned variable instead."""
        if self.ill and self.rng.random() < 0.5:
            try:
                return self.ill_conditioned(k)
            except Reject:
                pass
        return self.well_conditioned_only(k, depth)

    def well_conditioned_only(self, k, depth):
        if self.rng.random() < 0.6:
            s = self.gen((k, k), depth)
            n = len(s.value)
            bound = n * max_abs(s.value) + 0.5
            coefficient = math.ceil(bound * 4) / 4
            identity = self.constant("identity", (k, k), coefficient)
            return self.add(identity, s) if self.rng.random() < 0.5 else self.add(s, identity)
        j = self.pick_dim(allow_product=False)
        s = self.gen((k, j), depth)
        gram = self.multiply(s, self.transpose(s))
        return self.add(gram, self.constant("identity", (k, k), self.rng.choice((0.5, 1, 2))))


# ---------------------------------------------------------------------------------------
# C++ output.


def cpp_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def depth_for(rng, max_depth):
    """A light depth distribution: mostly 1-3, depth 6 in a few percent. Compile time grows
    quickly with the size of an expression and its gradient (about 3 s per expression on
    average with 12% of depth 5-6), so the deep ones are rare."""
    weights = {1: 0.2, 2: 0.36, 3: 0.24, 4: 0.12, 5: 0.05, 6: 0.03}
    depths = [d for d in weights if d <= max_depth]
    return rng.choices(depths, weights=[weights[d] for d in depths])[0]


def sizes_known(gen, node):
    """Every symbolic dimension of the expression is the size of a variable (alone or times
    a number), as md::eval requires: a constant ones<n, m> gives n no value otherwise."""
    sizes = {d[1][0] for name in node.variables for d in gen.variables[name][0] if len(d[1]) == 1}
    return all(s in sizes for s in SYMBOLS if f"dim_{s}" in node.cpp)


HESSIAN_MAX_DEPTH = 2


def generate_case(seed, index, max_depth, hessian_share=0.0, ill_conditioned_share=0.0, structured_share=0.0):
    """One expression: (generator, node, variables to differentiate in, depth, hessian).
    Whether a case is ill-conditioned, and which of its square variables are symmetric or
    spd, are drawn from streams of their own, so the other cases of a seed stay the same
    whatever the shares."""
    global value_cap
    rng = random.Random(f"matdiff-random:{seed}:{index}")
    ill = random.Random(f"matdiff-random-ill-conditioned:{seed}:{index}").random() < ill_conditioned_share
    value_cap = VALUE_CAP[ill]
    structure_rng = random.Random(f"matdiff-random-structure:{seed}:{index}")
    depth = depth_for(rng, max_depth)
    for _ in range(100):
        gen = Generator(rng, max_depth, ill, structure_rng, structured_share)
        try:
            node = gen.gen_once((ONE, ONE), depth, root=True)
        except Reject:
            continue
        if node.variables and sizes_known(gen, node) and (not ill or gen.condition(node) > 1):
            break
    used = sorted(node.variables)
    wrt = rng.sample(used, 2 if len(used) > 1 and rng.random() < 0.3 else 1)
    # Hessians for a share of the shallow expressions (a Hessian costs several seconds of
    # compile time, and more with depth), in the first variable of wrt.
    # Finite differences cannot check an ill-conditioned case: the oracle alone does.
    # The Hessian check moves one entry at a time, off a symmetric variable's domain.
    hessian = (depth <= HESSIAN_MAX_DEPTH and rng.random() < hessian_share and gen.condition(node) == 1
               and wrt[0] not in gen.structures)
    return gen, node, wrt, depth, hessian


def case_of(args, index):
    """Expression `index` of the seed and shares the command line gives."""
    return generate_case(args.seed, index, args.max_depth, args.hessian_share, args.ill_conditioned_share,
                         args.structured_share)


def emit_case(out, seed, index, case):
    gen, node, wrt, depth, hessian = case
    condition = gen.condition(node)
    used = sorted(node.variables)
    symbols = sorted({s for name in used for d in gen.variables[name][0] for s in d[1]}
                     | {s for s in SYMBOLS if f"dim_{s}" in node.cpp})
    shapes = ", ".join(f"{name}: {dim_text(gen.variables[name][0][0])}x{dim_text(gen.variables[name][0][1])}"
                       + (f" {gen.structures[name]}" if name in gen.structures else "") for name in used)
    sizes = ", ".join(f"{s} = {gen.dim_values[s]}" for s in symbols)
    conditioned = f"; condition {condition:.0e}" if condition > 1 else ""
    description = f"{node.text}    [{shapes}{'; ' + sizes if sizes else ''}; depth {depth}{conditioned}]"
    w = out.append
    w(f"// {index}: {description}")
    w(f"namespace expression_{index} {{")
    for s in symbols:
        w(f"constexpr auto dim_{s} = md::dim<\"{s}\">;")
    for name in used:
        (r, c), _, _ = gen.variables[name]
        if (r, c) == (ONE, ONE):
            w(f"constexpr auto {name} = md::scalar<\"{name}\">;")
        elif c == ONE:
            w(f"constexpr auto {name} = md::vector<\"{name}\", {dim_cpp(r)}>;")
        elif name in gen.structures:
            w(f"constexpr auto {name} = md::{gen.structures[name]}<\"{name}\", {dim_cpp(r)}>;")
        else:
            w(f"constexpr auto {name} = md::matrix<\"{name}\", {dim_cpp(r)}, {dim_cpp(c)}>;")
    w(f"constexpr auto f = {node.cpp};")
    w("")
    w("void run(random_test::report& report) {")
    for name in used:
        (r, c), value, binds_dynamic = gen.variables[name]
        if (r, c) == (ONE, ONE):
            w(f"  const double {name}_value = {value[0][0]!r};")
            continue
        rows, cols = len(value), len(value[0])
        entries = ", ".join(repr(value[i][j]) for j in range(cols) for i in range(rows))
        er = "Eigen::Dynamic" if binds_dynamic or r[1] else str(r[0])
        ec = "Eigen::Dynamic" if binds_dynamic or c[1] else str(c[0])
        w(f"  const auto {name}_value = random_test::matrix<{er}, {ec}>({rows}, {cols}, {{{entries}}});")
    params = ", ".join(f"const ro::matrix& {name}" for name in used)
    w(f"  const auto oracle = []({params}) {{ return {node.oracle}; }};")
    w(f"  const random_test::case_info info{{{seed}u, {index}, {cpp_string(description)}, {condition!r}}};")
    wrt_list = ", ".join(wrt)
    bindings = ", ".join(f"{name} = {name}_value" for name in used)
    w(f"  random_test::check<f>(report, info, oracle, std::tuple{{{wrt_list}}}, {bindings});")
    if hessian:
        w(f"  random_test::check_hessian<f>(report, info, oracle, {wrt[0]}, {bindings});")
    w("}")
    w(f"}}  // namespace expression_{index}")
    w("")


def compile_cost(node, wrt, hessian):
    """A rough measure of what an expression costs to compile: its derivatives grow with its
    size, one per variable, and a Hessian costs about as much as a large gradient."""
    size = node.text.count("(") + 1
    return 3 + size * len(wrt) + (20 if hessian else 0)


def balanced_parts(cases, per_file):
    """ceil(count / per_file) translation units of about equal compile cost, so that no unit
    needs much more compiler memory than the average: the most expensive expression first,
    each into the cheapest unit so far (an expression's index, not its unit, is its identity).
    `cases` maps each index to its case."""
    count = (len(cases) + per_file - 1) // per_file
    costs = []
    for i, (gen, node, wrt, depth, hessian) in cases.items():
        costs.append((compile_cost(node, wrt, hessian), i))
    parts = [[] for _ in range(count)]
    totals = [0] * count
    for cost, i in sorted(costs, key=lambda c: (-c[0], c[1])):
        p = min(range(count), key=lambda k: (totals[k], len(parts[k]), k))
        parts[p].append(i)
        totals[p] += cost
    return [sorted(part) for part in parts]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="index of the first expression")
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--per-file", type=int, default=50)
    parser.add_argument("--max-depth", type=int, default=6)
    parser.add_argument("--hessian-share", type=float, default=0.1,
                        help=f"share of the expressions of depth <= {HESSIAN_MAX_DEPTH} whose Hessian is checked")
    parser.add_argument("--ill-conditioned-share", type=float, default=0.15,
                        help="share of the expressions whose inverse-type operations often take "
                             "ill-conditioned matrices (condition 1e4 to 1e10)")
    parser.add_argument("--structured-share", type=float, default=0.3,
                        help="share of the square matrix variables declared md::symmetric (two "
                             "thirds) or md::spd (one third), with symmetric or positive definite values")
    parser.add_argument("--output-dir")
    parser.add_argument("--print", action="store_true", help="print the expressions instead")
    args = parser.parse_args()

    indices = list(range(args.first, args.first + args.count))
    if args.print:
        for i in indices:
            gen, node, wrt, depth, hessian = case_of(args, i)
            condition = gen.condition(node)
            print(f"{i} (depth {depth}, d/d{','.join(wrt)}{', Hessian' if hessian else ''}"
                  f"{f', condition {condition:.0e}' if condition > 1 else ''}): {node.text}")
        return

    if not args.output_dir:
        parser.error("--output-dir is required unless --print is given")
    os.makedirs(args.output_dir, exist_ok=True)
    cases = {i: case_of(args, i) for i in indices}  # generated once: for the costs and the sources
    parts = balanced_parts(cases, args.per_file)
    header = [f"// Generated by tests/random/generate.py --seed {args.seed}: do not edit.",
              '#include "harness.hpp"', "", "namespace md = matdiff;", "namespace ro = random_oracle;", ""]
    for p, part in enumerate(parts):
        out = list(header)
        for i in part:
            emit_case(out, args.seed, i, cases[i])
        out.append(f"void random_part_{p}(random_test::report& report) {{")
        out += [f"  expression_{i}::run(report);" for i in part]
        out.append("}")
        write_file(os.path.join(args.output_dir, f"random_part_{p}.cpp"), "\n".join(out) + "\n")
    out = [header[0], '#include "harness.hpp"', ""]
    out += [f"void random_part_{p}(random_test::report& report);" for p in range(len(parts))]
    out += ["", "int main() {", "  random_test::report report;"]
    out += [f"  random_part_{p}(report);" for p in range(len(parts))]
    out += [f"  return report.summary({args.seed}u);", "}"]
    write_file(os.path.join(args.output_dir, "random_main.cpp"), "\n".join(out) + "\n")


def write_file(path, text):
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
