#!/usr/bin/env python3
"""PyTorch on the benchmark problems of neurips.cpp and small.cpp, float64, one thread.

Value and gradient by torch.autograd.grad (one forward, one backward); Hessians by
torch.autograd.functional.hessian(vectorize=True). The data are the numbers of
support.hpp (splitmix64), so each case's checksum (the formula of support.hpp) can be compared
with matdiff's by report.py. Writes JSON: {"context": ..., "benchmarks": [...], "skipped": {...}}.

    peers_torch.py OUTPUT.json [--repetitions 5] [--min-time 0.05]
"""
import argparse
import json
import statistics
import sys
import time

import numpy as np
import torch

MASK = (1 << 64) - 1


def data_entries(seed, count):
    """Entries 0..count-1 of data set `seed` in [-1, 1): support.hpp's data_entry."""
    k = np.arange(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64((seed << 40) & MASK) + k + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return 2.0 * (z >> np.uint64(11)).astype(np.float64) * 2.0**-53 - 1.0


def data_matrix(seed, rows, cols):
    """A rows x cols tensor filled column-major, as support.hpp's data_matrix."""
    return torch.from_numpy(data_entries(seed, rows * cols).reshape(cols, rows).T.copy())


def checksum(*results):
    """Σ_k r_k (1 + (k mod 7)/8) over column-major entries, summed over the results."""
    total = 0.0
    for r in results:
        a = r.detach().numpy() if isinstance(r, torch.Tensor) else np.asarray(r, dtype=np.float64)
        flat = a.reshape(-1) if a.ndim < 2 else a.T.reshape(-1)
        weights = 1.0 + (np.arange(flat.size) % 7) / 8.0
        total += float(np.dot(flat, weights))
    return total


def conditioned_matrix(seed, n):
    return 2 * torch.eye(n, dtype=torch.float64) + 0.3 * data_matrix(seed, n, n)


def problems():
    """(problem, n, f, x, how x maps back) for every problem and size."""
    rank = 5
    for n in (10, 100, 1000):
        A = data_matrix(1, n, n) / n**0.5
        yield "quadratic", n, (lambda x, A=A: x @ (A @ x)), data_matrix(2, n, 1).reshape(-1)
    for n in (10, 100, 1000):
        X = data_matrix(3, 2 * n, n) / n**0.5
        y = torch.where(data_matrix(4, 2 * n, 1).reshape(-1) >= 0, 1.0, -1.0).to(torch.float64)
        f = lambda w, X=X, y=y: torch.nn.functional.softplus(-y * (X @ w)).sum()
        yield "logistic", n, f, data_matrix(5, n, 1).reshape(-1)
    for n in (10, 100, 1000):
        T, V = data_matrix(6, n, n), data_matrix(8, n, rank)
        # u is vec(U), column-major: U = u.reshape(k, m).T
        f = lambda u, T=T, V=V, n=n: ((T - u.reshape(rank, n).T @ V.T) ** 2).sum()
        yield "factorization", n, f, data_matrix(7, n, rank).T.reshape(-1).clone()
    for N in (2, 3, 4):
        f = lambda j, N=N: (lambda J: (J**2).sum() + (torch.linalg.inv(J) ** 2).sum())(j.reshape(N, N).T)
        yield "inverse_energy", N, f, conditioned_matrix(9, N).T.reshape(-1).clone()
    for N in (2, 3, 4):
        A = data_matrix(11, N, N)
        f = lambda x, A=A, N=N: (lambda X: torch.linalg.slogdet(X)[1] + torch.trace(A @ torch.linalg.inv(X)))(
            x.reshape(N, N).T)
        yield "logdet_trace", N, f, conditioned_matrix(10, N).T.reshape(-1).clone()


def value_and_grad(f, x):
    x = x.detach().requires_grad_(True)
    value = f(x)
    (g,) = torch.autograd.grad(value, x)
    return value.detach(), g


def hessian(f, x):
    return torch.autograd.functional.hessian(f, x, vectorize=True)


SKIPPED = {
    "factorization/hessian/torch/1000": "the dense Hessian 2(V'V ⊗ I) is nk × nk = 5000 × 5000 (200 MB)",
}


def cases():
    for problem, n, f, x in problems():
        small = problem in ("inverse_energy", "logdet_trace")
        yield f"{problem}/grad/torch/{n}", (lambda f=f, x=x: value_and_grad(f, x))
        if small:
            yield f"{problem}/grad_hessian/torch/{n}", (lambda f=f, x=x: (*value_and_grad(f, x), hessian(f, x)))
        else:
            yield f"{problem}/hessian/torch/{n}", (lambda f=f, x=x: (hessian(f, x),))


def time_case(run, repetitions, min_time):
    """Median CPU and wall time per call (µs) over repetitions of at least min_time each."""
    run()  # warm-up
    start = time.perf_counter()
    run()
    once = max(time.perf_counter() - start, 1e-9)
    calls = max(1, int(min_time / once))
    cpu, real = [], []
    for _ in range(repetitions):
        c0, r0 = time.process_time(), time.perf_counter()
        for _ in range(calls):
            run()
        cpu.append((time.process_time() - c0) / calls * 1e6)
        real.append((time.perf_counter() - r0) / calls * 1e6)
    return statistics.median(cpu), statistics.median(real), calls


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.05)
    parser.add_argument("--filter", default="", help="run only cases whose name contains this")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    results = []
    for name, run in cases():
        if args.filter not in name or name in SKIPPED:
            continue
        value = run()
        cpu, real, calls = time_case(run, args.repetitions, args.min_time)
        results.append({"name": name, "cpu_time_us": cpu, "real_time_us": real, "calls_per_repetition": calls,
                        "checksum": checksum(*value)})
        print(f"{name:45s} {cpu:14.3f} us", file=sys.stderr)
    context = {"torch": torch.__version__, "threads": torch.get_num_threads(), "repetitions": args.repetitions}
    with open(args.output, "w") as out:
        json.dump({"context": context, "benchmarks": results, "skipped": SKIPPED}, out, indent=1)


if __name__ == "__main__":
    main()
