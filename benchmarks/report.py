#!/usr/bin/env python3
"""Writes docs/benchmarks.md and docs/benchmarks.png from the results of benchmarks/run.sh.

    report.py RESULTS_DIR DOCS_DIR

RESULTS_DIR holds <program>.json (Google Benchmark, medians of repetitions), torch.json
(peers_torch.py), compile_times.txt, machine.txt and optionally notes.md (quoted at the top). Times are CPU times (the machine may be
shared; CPU time is less disturbed by other processes than wall time).
"""
import json
import math
import os
import sys
from collections import defaultdict

PROGRAMS = ["neurips", "small", "planning", "spd", "adolc", "elements"]
PEERS = [("autodiff", "AutoDiffScalar"), ("adolc_tape_once", "ADOL-C, tape once"),
         ("adolc_retape", "ADOL-C, retape"), ("torch", "PyTorch"), ("sympy", "SymPy")]
TASKS = {"value": "value", "grad": "value + gradient", "hessian": "Hessian",
         "grad_hessian": "value + gradient + Hessian", "grad_hvp": "value + gradient + Hessian-vector product"}
PROBLEMS = {
    "quadratic": "f = x'Ax, A n×n",
    "logistic": "f = Σ softplus(-y.*(Xw)), X 2n×n",
    "factorization": "f = ‖T - UV'‖² in U, T n×n, U and V n×5",
    "inverse_energy": "f = ‖J‖² + ‖J⁻¹‖², J N×N fixed",
    "logdet_trace": "f = log|det X| + tr(AX⁻¹), X and A N×N fixed",
    "chain": "F = ABCDx, f = ‖F‖² in x, A..D n×n dynamic",
    "chain_fixed": "F = ABCDx, f = ‖F‖² in x, A..D N×N fixed",
    "inv_det_logdet": "f = log|det X| + det X + tr(AX⁻¹) in X, n×n dynamic",
    "spd_logdet": "f = log|S| + tr(AS) in S = md::spd<\"S\", n>, with ∇²f[V] for a symmetric V",
    "batch_inverse_energy": "f = ‖J‖² + ‖J⁻¹‖², J N×N fixed",
    "batch_logdet_trace": "f = log|det X| + tr(AX⁻¹), X and A N×N fixed",
    "triangle_dirichlet": "f = area·(‖PB‖² + ‖(PB)⁻¹‖²) in the triangle's vertex coordinates P 2×3, B 3×2",
    "tet_neo_hookean": "f = μ/2(‖F‖² − 3) − μ log det F + λ/2 (log det F)², F = PB, in the tetrahedron's "
                       "vertex coordinates P 3×4, B 4×3",
}
ELEMENTS = ["batch_inverse_energy", "batch_logdet_trace", "triangle_dirichlet", "tet_neo_hookean"]
SMALL = {"inverse_energy", "logdet_trace"}
COLORS = {"matdiff": "tab:red", "hand": "tab:blue", "naive": "tab:gray", "autodiff": "tab:green",
          "adolc_tape_once": "tab:orange", "adolc_retape": "tab:brown", "torch": "tab:purple",
          "matdiff_unstructured": "tab:pink"}
PLANNING = {"chain", "chain_fixed", "inv_det_logdet"}


def load(results):
    """times[name] = median CPU µs; checksums[name]; skipped[name] = reason."""
    times, checksums, skipped = {}, {}, {}
    contexts = {}
    for program in PROGRAMS:
        path = os.path.join(results, program + ".json")
        if not os.path.exists(path):
            continue
        data = json.load(open(path))
        contexts[program] = data["context"]
        for key, value in data["context"].items():
            if key.startswith("checksum "):
                checksums[key[len("checksum "):]] = float(value)
            elif key.startswith("skipped "):
                skipped[key[len("skipped "):]] = value
        for b in data["benchmarks"]:
            if b.get("run_type") == "aggregate" and b.get("aggregate_name") == "median":
                scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
                times[b["run_name"]] = b["cpu_time"] * scale
    torch_context = None
    path = os.path.join(results, "torch.json")
    if os.path.exists(path):
        data = json.load(open(path))
        torch_context = data["context"]
        for b in data["benchmarks"]:
            times[b["name"]] = b["cpu_time_us"]
            checksums[b["name"]] = b["checksum"]
        skipped.update(data["skipped"])
    return times, checksums, skipped, contexts, torch_context


def split(name):
    problem, task, who, n = name.split("/")
    return problem, task, who, int(n)


def fmt_time(us):
    if us is None:
        return "—"
    if us >= 1e6:
        return f"{us / 1e6:.2f} s"
    if us >= 1e3:
        return f"{us / 1e3:.3g} ms"
    return f"{us:.3g} µs"


def ratio(a, b):
    return a / b if a is not None and b is not None and b > 0 else None


def target_text(value, limit, larger_is_better=False):
    if value is None:
        return "—"
    if larger_is_better:
        return "met" if value >= limit else f"**missed** (×{value:.2f} < ×{limit:g})"
    return "met" if value <= limit else f"**missed** by {100 * (value / limit - 1):.0f}%"


def autodiff_miss(case, autodiff, mine):
    """The missed-target entry of a case where AutoDiffScalar is not slower than matdiff, else None."""
    if autodiff is None or mine is None or autodiff > mine:
        return None
    return (case, f"AutoDiffScalar/matdiff = {autodiff / mine:.2f} (target > 1: matdiff faster)")


HVP_TARGET = 2.5


def hvp_ratios(cases, elements):
    """Rows (problem, n, gradient µs, HVP µs, matdiff HVP/gradient, hand HVP/gradient), matdiff's
    value + gradient + Hessian-vector product kernel against its value + gradient kernel; per
    element (over `elements`) for the batches."""
    rows = []
    order = ["quadratic", "logistic", "factorization"] + ELEMENTS
    for problem, task, n in sorted(cases, key=lambda k: (order.index(k[0]) if k[0] in order else len(order), k)):
        if task != "grad_hvp" or (problem, "grad", n) not in cases:
            continue
        scale = elements if problem in ELEMENTS and elements else 1
        grad, hvp = cases[(problem, "grad", n)], cases[(problem, task, n)]
        mine = [t / scale if t is not None else None for t in (grad.get("matdiff"), hvp.get("matdiff"))]
        rows.append((problem, n, mine[0], mine[1], ratio(mine[1], mine[0]), ratio(hvp.get("hand"), grad.get("hand"))))
    return rows


def write_plot(times, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = defaultdict(lambda: defaultdict(dict))
    for name, t in times.items():
        problem, task, who, n = split(name)
        panels[(problem, task)][who][n] = t
    keys = [k for k in sorted(panels)
            if k[0] not in ELEMENTS and len({n for s in panels[k].values() for n in s}) > 1]
    columns = 3
    rows = math.ceil(len(keys) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(5 * columns, 3.6 * rows), squeeze=False)
    for ax, key in zip(axes.flat, keys):
        for who, series in sorted(panels[key].items()):
            ns = sorted(series)
            ax.loglog(ns, [series[n] for n in ns], marker="o", label=who, color=COLORS.get(who))
        sizes = sorted({n for series in panels[key].values() for n in series})
        ax.set_xticks(sizes)
        ax.set_xticklabels([str(n) for n in sizes])
        ax.minorticks_off()
        ax.set_title(f"{key[0]}: {TASKS[key[1]]}", fontsize=10)
        ax.set_xlabel("n")
        ax.set_ylabel("CPU time per call (µs)")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    for ax in list(axes.flat)[len(keys):]:
        ax.axis("off")
    fig.tight_layout()
    fig.savefig(path, dpi=90)


def main():
    results, docs = sys.argv[1], sys.argv[2]
    times, checksums, skipped, contexts, torch_context = load(results)
    machine = open(os.path.join(results, "machine.txt")).read().strip().splitlines()
    compile_times = []
    path = os.path.join(results, "compile_times.txt")
    if os.path.exists(path):
        compile_times = [line.split() for line in open(path) if line.strip()]

    cases = defaultdict(dict)  # (problem, task, n) -> who -> time
    for name, t in times.items():
        problem, task, who, n = split(name)
        cases[(problem, task, n)][who] = t
    for name in skipped:
        problem, task, who, n = split(name)
        cases[(problem, task, n)].setdefault(who, None)

    out = []
    w = out.append
    w("# Benchmarks")
    w("")
    w("matdiff against careful hand-written Eigen (the same formulas, written the way an expert")
    w("would: shared subexpressions, one factorization, products ordered, symmetric updates), against")
    w("naive hand-written Eigen where evaluation planning matters, and against automatic")
    w("differentiation tools. Generated by `benchmarks/run.sh` (one command: builds the programs,")
    w("runs them single-threaded, writes this page and `docs/benchmarks.png`).")
    w("")
    w("**Targets:** matdiff ≤ 1.05× careful hand-written Eigen (median) for n ≥ 100 and ≤ 1.10× at")
    w("small fixed sizes, for value+gradient and Hessians; ≥ 2× faster than naive hand-written code")
    w("on the planning cases; faster than Eigen's AutoDiffScalar wherever it runs; per element, at")
    w("most the time of SymPy's generated straight-line code (≤ 1.0×) and ≤ 1.10× hand-written Eigen.")
    w("Ratios below 1 mean matdiff is faster.")
    w("")
    w("## How it was measured")
    w("")
    w("- Times are the median CPU time per call over the repetitions (Google Benchmark")
    w("  `--benchmark_repetitions`, JSON output), in one process per program; hand-written and")
    w("  matdiff code of a case run in the same program, one after the other.")
    w("- Single thread: `OMP_NUM_THREADS=1`, pinned with `taskset` when available; PyTorch with")
    w("  `torch.set_num_threads(1)`, float64, timed by `benchmarks/peers_torch.py` the same way")
    w("  (median of repetitions of CPU time).")
    w("- Before timing, every program checks that matdiff, the hand-written code and the peers")
    w("  agree to 1e-8 (relative, per result) and aborts otherwise; PyTorch's results are compared")
    w("  through checksums (column *checksum* below).")
    w("- Data are deterministic (splitmix64, the same numbers in C++ and Python).")
    w("- Absolute times depend on the machine and on what else runs on it (the load average at the")
    w("  end of the run is recorded below); ratios measured in the same program are the")
    w("  meaningful figures.")
    w("")
    notes = os.path.join(results, "notes.md")
    if os.path.exists(notes):
        w("**Notes on this run:** " + open(notes).read().strip())
        w("")
    w("Machine and build:")
    w("")
    for line in machine:
        key, _, value = line.partition(" ")
        w(f"- {key}: `{value}`")
    if torch_context:
        w(f"- PyTorch {torch_context['torch']}, {torch_context['threads']} thread")
    else:
        w("- PyTorch: not installed on this machine, no PyTorch column")
    if "adolc" not in contexts:
        w("- ADOL-C: not installed on this machine (Debian `libadolc-dev`), no ADOL-C columns")
    if compile_times:
        w("- Compile time of each benchmark program (one job; wall / user+system CPU seconds): " +
          ", ".join(f"`{t[0]}` {float(t[1]):.0f} / {float(t[2]) + float(t[3]):.0f}" for t in compile_times))
    w("")
    w("Peers: **AutoDiffScalar** is Eigen's forward mode (`unsupported/Eigen/AutoDiff`): the")
    w("gradient by one pass with n-dimensional derivative vectors, the Hessian by nested")
    w("AutoDiffScalar (derivative vectors of AutoDiffScalar; fixed-size vectors at small sizes).")
    w("**ADOL-C** is taped reverse mode: value and gradient by the two sweeps of its `gradient()`")
    w("driver (`zos_forward`, `fos_reverse`, which also give f), Hessians by its `hessian()` driver;")
    w("*tape once* records the tape when the case is set up, *retape* records it in every call.")
    w("**PyTorch** uses `torch.autograd.grad` and `torch.autograd.functional.hessian(vectorize=True)`.")
    w("These peers evaluate the same functions written with loops over entries (`benchmarks/peer_functions.hpp`).")
    w("**SymPy** (small fixed sizes) is the straight-line code `benchmarks/sympy_peer.py` generates (see")
    w("*Per element* below).")
    w("")

    checksum_problems = []

    def checksum_text(problem, task, n):
        torch_name = f"{problem}/{task}/torch/{n}"
        if torch_name not in checksums:
            return "—"
        for who in ("matdiff", "hand"):
            reference = checksums.get(f"{problem}/{task}/{who}/{n}")
            if reference is not None:
                agrees = abs(checksums[torch_name] - reference) <= 1e-8 * max(abs(reference), 1e-300)
                if not agrees:
                    checksum_problems.append(torch_name)
                return ("agrees" if agrees else "**differs**") + (" (vs hand)" if who == "hand" else "")
        return "—"

    missed = []

    w("## Value, gradient and Hessian: the NeurIPS 2018 problems and small fixed sizes")
    w("")
    w("Peer columns give the time and, in parentheses, peer/matdiff (how many times slower than")
    w("matdiff; against hand-written code where matdiff has no result).")
    w("")
    for problem in ["quadratic", "logistic", "factorization", "inverse_energy", "logdet_trace"]:
        keys = sorted(k for k in cases if k[0] == problem)
        if not keys:
            continue
        w(f"### {problem}: {PROBLEMS[problem]}")
        w("")
        # SymPy's generated code exists for the small fixed sizes only.
        peers = [(who, label) for who, label in PEERS if who != "sympy" or problem in SMALL]
        header = "| task | n | hand | matdiff | matdiff/hand | target |"
        rule = "| --- | ---: | ---: | ---: | ---: | --- |"
        for _, label in peers:
            header += f" {label} |"
            rule += " ---: |"
        header += " PyTorch checksum |"
        rule += " --- |"
        w(header)
        w(rule)
        for key in sorted(keys, key=lambda k: (list(TASKS).index(k[1]), k[2])):
            _, task, n = key
            row = cases[key]
            hand, mine = row.get("hand"), row.get("matdiff")
            r = ratio(mine, hand)
            limit = 1.10 if problem in SMALL else (1.05 if n >= 100 else None)
            target = target_text(r, limit) if limit else "(n < 100: none)"
            if r is not None and limit and r > limit:
                missed.append((f"{problem}/{task}/{n}", f"matdiff/hand = {r:.2f} (target ≤ {limit:.2f})"))
            if mine is None and hand is not None:
                target = "no matdiff result"
            line = f"| {TASKS[task]} | {n} | {fmt_time(hand)} | {fmt_time(mine)} | " + \
                   (f"{r:.2f}" if r is not None else "—") + f" | {target} |"
            miss = autodiff_miss(f"{problem}/{task}/{n}", row.get("autodiff"), mine)
            if miss:
                missed.append(miss)
            for who, _ in peers:
                t = row.get(who)
                base = mine if mine is not None else hand
                if t is None:
                    line += " skipped |" if who in row else " — |"
                else:
                    line += f" {fmt_time(t)} (×{t / base:.1f}) |" if base else f" {fmt_time(t)} |"
            line += f" {checksum_text(problem, task, n)} |"
            w(line)
        w("")

    w("## Planning: matrix chains, and inv, det and logdet of one matrix")
    w("")
    w("*naive* multiplies chains left to right and calls `inverse()`, `determinant()` and a")
    w("log-determinant separately for each occurrence (one factorization each); *hand* multiplies")
    w("from the vector outwards and factors the matrix once.")
    w("")
    for problem in ["chain", "chain_fixed", "inv_det_logdet"]:
        keys = sorted(k for k in cases if k[0] == problem)
        if not keys:
            continue
        w(f"### {problem}: {PROBLEMS[problem]}")
        w("")
        w("| task | n | hand | naive | matdiff | matdiff/hand | naive/matdiff | target (naive/matdiff ≥ 2) |")
        w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for key in sorted(keys, key=lambda k: (list(TASKS).index(k[1]), k[2])):
            _, task, n = key
            row = cases[key]
            hand, naive, mine = row.get("hand"), row.get("naive"), row.get("matdiff")
            r, speedup = ratio(mine, hand), ratio(naive, mine)
            if speedup is not None and speedup < 2:
                missed.append((f"{problem}/{task}/{n}", f"naive/matdiff = {speedup:.2f} (target ≥ 2)"))
            w(f"| {TASKS[task]} | {n} | {fmt_time(hand)} | {fmt_time(naive)} | {fmt_time(mine)} | " +
              (f"{r:.2f}" if r is not None else "—") + " | " +
              (f"{speedup:.2f}" if speedup is not None else "—") + f" | {target_text(speedup, 2, True)} |")
        w("")

    w("## Structured variables: an spd matrix")
    w("")
    w("*hand* factors S once by Cholesky (Eigen `LLT`), forms S⁻¹ and S⁻¹V by solves with it and")
    w("S⁻¹VS⁻¹ as one triangle of the product (S⁻¹V)S⁻¹;")
    w("*matdiff* evaluates f, its gradient and the Hessian-vector product in one kernel call, with one")
    w("shared Cholesky of the `md::spd` variable; *unstructured* is the same function in an")
    w("`md::matrix` (one LU, and the unsymmetric gradient).")
    w("")
    for problem in ["spd_logdet"]:
        keys = sorted(k for k in cases if k[0] == problem)
        if not keys:
            continue
        w(f"### {problem}: {PROBLEMS[problem]}")
        w("")
        w("| task | n | hand | matdiff | matdiff/hand | unstructured | unstructured/matdiff | target |")
        w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for key in sorted(keys, key=lambda k: (list(TASKS).index(k[1]), k[2])):
            _, task, n = key
            row = cases[key]
            hand, mine, plain = row.get("hand"), row.get("matdiff"), row.get("matdiff_unstructured")
            r = ratio(mine, hand)
            limit = 1.05 if n >= 100 else None
            target = target_text(r, limit) if limit else "(n < 100: none)"
            if r is not None and limit and r > limit:
                missed.append((f"{problem}/{task}/{n}", f"matdiff/hand = {r:.2f} (target ≤ {limit:.2f})"))
            u = ratio(plain, mine)
            w(f"| {TASKS[task]} | {n} | {fmt_time(hand)} | {fmt_time(mine)} | " + (f"{r:.2f}" if r is not None else "—") +
              f" | {fmt_time(plain)} | " + (f"{u:.2f}" if u is not None else "—") + f" | {target} |")
        w("")

    elements = int(contexts.get("elements", {}).get("elements per call", 0))
    if elements and any(k[0] in ELEMENTS for k in cases):
        w(f"## Per element, over batches of {elements} elements: SymPy's straight-line code")
        w("")
        w("Each timed call evaluates the energy, its gradient and (for *value + gradient + Hessian*) its")
        w(f"Hessian for {elements} elements, each with its own data, and writes every output to an array;")
        w("the times below are per element (the call's median CPU time over the element count).")
        w("**SymPy** is the straight-line code `benchmarks/sympy_peer.py` generates at build time")
        w("(`sympy.diff` of the closed-form determinants and inverses, `sympy.cse`, SymPy's C printer with")
        w("small integer powers as products; the upper triangle of the Hessian, stored in both halves).")
        w("*hand* is careful hand-written Eigen: for the N×N energies the code of the small fixed sizes")
        w("above, for the triangle and the tetrahedron the derivatives in J = PB (F = PB) in closed form,")
        w("pulled back to the vertex coordinates entry by entry (`benchmarks/elements.hpp`).")
        w("**AutoDiffScalar** is Eigen's forward mode with fixed-size derivative vectors of the element's")
        w("coordinates, nested for the Hessian (`benchmarks/elements_autodiff.cpp`), in parentheses")
        w("AutoDiffScalar/matdiff. ADOL-C and PyTorch are measured per call at the same sizes above (tens")
        w("of microseconds and more per element), not per element. n is N for N×N matrices, the number of")
        w("vertex coordinates otherwise.")
        w("")
        for problem in ELEMENTS:
            keys = sorted(k for k in cases if k[0] == problem)
            if not keys:
                continue
            w(f"### {problem}: {PROBLEMS[problem]}")
            w("")
            w("| task | n | hand | matdiff | SymPy | AutoDiffScalar | matdiff/hand | matdiff/SymPy | "
              "target (≤ 1.10 hand, ≤ 1.0 SymPy, faster than AutoDiffScalar) |")
            w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
            for key in sorted(keys, key=lambda k: (list(TASKS).index(k[1]), k[2])):
                _, task, n = key
                row = {who: (t / elements if t is not None else None) for who, t in cases[key].items()}
                hand, mine, peer, autodiff = row.get("hand"), row.get("matdiff"), row.get("sympy"), row.get("autodiff")
                r, s = ratio(mine, hand), ratio(mine, peer)
                targets = []
                if task != "grad_hvp":  # the HVP has its own target, against the gradient (below)
                    for value, limit, against in ((r, 1.10, "hand"), (s, 1.0, "SymPy")):
                        if value is None:
                            continue
                        targets.append(f"{against}: " + target_text(value, limit))
                        if value > limit:
                            missed.append((f"{problem}/{task}/{n}", f"matdiff/{against} = {value:.2f} (target ≤ {limit:.2f})"))
                    if autodiff is not None and mine is not None:
                        miss = autodiff_miss(f"{problem}/{task}/{n}", autodiff, mine)
                        targets.append("AutoDiffScalar: " + ("**missed**" if miss else "met"))
                        if miss:
                            missed.append(miss)
                autodiff_text = "—" if autodiff is None else fmt_time(autodiff) + (
                    f" (×{autodiff / mine:.1f})" if mine else "")
                w(f"| {TASKS[task]} | {n} | {fmt_time(hand)} | {fmt_time(mine)} | " +
                  ("skipped" if peer is None and "sympy" in row else fmt_time(peer)) + f" | {autodiff_text} | " +
                  (f"{r:.2f}" if r is not None else "—") + " | " + (f"{s:.2f}" if s is not None else "—") + " | " +
                  ("; ".join(targets) if targets else "—") + " |")
            w("")

    hvp_rows = hvp_ratios(cases, elements)
    if hvp_rows:
        w("## Hessian-vector product / gradient")
        w("")
        w("`md::kernel(f, md::grad(f, X), md::directional(md::grad(f, X), X, V))`: value, gradient and")
        w("∇²f[V] (V of X's shape) in one kernel call, against the value + gradient kernel of the same")
        w("program. **Target:** ≤ 2.5× the gradient. *hand* is the same ratio for the careful")
        w("hand-written code where it exists. Per-element times are per element.")
        w("")
        w("| problem | n | value + gradient | + Hessian-vector product | HVP/gradient | hand HVP/gradient | target (≤ 2.5) |")
        w("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
        for problem, n, grad, hvp, r, hand in hvp_rows:
            if r is not None and r > HVP_TARGET:
                missed.append((f"{problem}/grad_hvp/{n}", f"HVP/gradient = {r:.2f} (target ≤ {HVP_TARGET})"))
            w(f"| {problem} | {n} | {fmt_time(grad)} | {fmt_time(hvp)} | " + (f"{r:.2f}" if r is not None else "—") +
              " | " + (f"{hand:.2f}" if hand is not None else "—") + f" | {target_text(r, HVP_TARGET)} |")
        w("")

    w("## Targets missed")
    w("")
    if missed:
        w(f"{len(missed)} cases miss their target:")
        w("")
        for name, text in missed:
            w(f"- `{name}`: {text}")
    else:
        w("None.")
    if checksum_problems:
        w("")
        w("PyTorch checksums that differ from matdiff's: " + ", ".join(f"`{n}`" for n in checksum_problems))
    w("")
    w("## Cases not run")
    w("")
    w("| case | reason |")
    w("| --- | --- |")
    for name, reason in sorted(skipped.items()):
        w(f"| `{name}` | {reason} |")
    w("")
    w("## Plot")
    w("")
    w("CPU time per call against n (log-log), one panel per problem and task:")
    w("")
    w("![benchmark times](benchmarks.png)")
    w("")
    try:
        write_plot(times, os.path.join(docs, "benchmarks.png"))
    except ImportError:
        out[-2] = "(matplotlib, Debian `python3-matplotlib`, is not installed: no plot.)"
    with open(os.path.join(docs, "benchmarks.md"), "w") as f:
        f.write("\n".join(out))
    print(f"wrote {os.path.join(docs, 'benchmarks.md')}")


if __name__ == "__main__":
    main()
