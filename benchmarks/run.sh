#!/usr/bin/env bash
# Runs every benchmark single-threaded and writes docs/benchmarks.md and docs/benchmarks.png.
#
#   benchmarks/run.sh [build-dir]        (default build/bench, configured Release if absent)
#
# Environment: REPETITIONS (default 5), MIN_TIME (seconds per repetition, default 0.05),
# CPU (the core to pin to with taskset, default 1), COMPILE_TIMES (0: do not rebuild), PYTHON (default /usr/bin/python3, the
# Debian interpreter that sees python3-torch and python3-matplotlib).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(realpath -m "${1:-$root/build/bench}")"  # absolute: the programs run from the results directory
repetitions="${REPETITIONS:-5}"
min_time="${MIN_TIME:-0.05}"
cpu="${CPU:-1}"
python="${PYTHON:-/usr/bin/python3}"
[[ -x "$python" ]] || python=python3

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
pin=()
if command -v taskset >/dev/null && taskset -c "$cpu" true 2>/dev/null; then pin=(taskset -c "$cpu"); fi

# The SymPy peer of bench_elements (benchmarks/sympy_peer.py) needs SymPy in $python: Debian's
# python3-sympy is installed when missing (as root, or with sudo); without it the SymPy cases
# are skipped. The build directory is told which interpreter has it.
if ! "$python" -c 'import sympy' 2>/dev/null; then
  as_root=()
  ((EUID == 0)) || as_root=(sudo)
  if command -v apt-get >/dev/null && { ((EUID == 0)) || command -v sudo >/dev/null; }; then
    "${as_root[@]}" apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-sympy
  fi
fi
sympy=()
if "$python" -c 'import sympy' 2>/dev/null; then
  sympy=(-DMATDIFF_SYMPY_PYTHON="$(command -v "$python")")
else
  echo "SymPy not found (Debian: python3-sympy): bench_elements runs without the SymPy cases" >&2
fi

# -Wno-uninitialized: g++ 12's AVX-512 intrinsics (avx512fintrin.h, _mm512_undefined_pd)
# trip -Wuninitialized inside Eigen's kernels on machines that have AVX-512 (GCC bug 105593).
flags="-O3 -march=native -DNDEBUG -Wno-uninitialized"
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="$flags" \
    -DMATDIFF_BUILD_TESTS=OFF -DMATDIFF_BUILD_DOCS=OFF -DMATDIFF_BUILD_BENCHMARKS=ON "${sympy[@]}"
elif ((${#sympy[@]})); then
  cmake -S "$root" -B "$build" "${sympy[@]}" >/dev/null
fi

# Build one program at a time, recording compile times (wall, user and system seconds; from
# scratch unless COMPILE_TIMES=0, which builds only what is out of date and keeps the times).
results="$build/benchmark-results"
mkdir -p "$results"
[[ "${COMPILE_TIMES:-1}" == 0 ]] || : >"$results/compile_times.txt"
programs=(neurips small planning spd adolc elements)
rm -f "$results/notes.md"  # notes belong to one hand-made run
targets="$(cat "$build/CMakeFiles/TargetDirectories.txt")"
for program in "${programs[@]}"; do
  if [[ "$targets" != *"bench_$program"* ]]; then
    echo "bench_$program is not configured (see the CMake output); skipping it" >&2
    continue
  fi
  if [[ "${COMPILE_TIMES:-1}" == 0 ]]; then
    cmake --build "$build" --target "bench_$program" -j1
    continue
  fi
  rm -f "$build/benchmarks/bench_$program"
  find "$build/benchmarks/CMakeFiles/bench_$program.dir" -name '*.o' -delete 2>/dev/null || true
  TIMEFORMAT="bench_$program %R %U %S"
  { time cmake --build "$build" --target "bench_$program" -j1 2>&3; } 3>&2 2>>"$results/compile_times.txt"
done

# ADOL-C (default buffer sizes) spills large tapes to files in the working directory: run in
# the results directory, and remove them afterwards.
cd "$results"
for program in "${programs[@]}"; do
  executable="$build/benchmarks/bench_$program"
  [[ -x "$executable" ]] || continue
  echo "== $program" >&2
  "${pin[@]}" "$executable" --benchmark_repetitions="$repetitions" --benchmark_min_time="$min_time" \
    --benchmark_report_aggregates_only=true --benchmark_out="$results/$program.json" \
    --benchmark_out_format=json
done

rm -f "$results"/ADOLC-*.tap "$results/torch.json"
if "$python" -c 'import torch' 2>/dev/null; then
  echo "== torch" >&2
  "${pin[@]}" "$python" "$root/benchmarks/peers_torch.py" "$results/torch.json" \
    --repetitions "$repetitions" --min-time "$min_time"
else
  echo "PyTorch not found (Debian: python3-torch): no PyTorch column" >&2
fi

{
  echo "compiler $(c++ --version | head -1)"
  echo "flags $(grep -E '^CMAKE_CXX_FLAGS(_RELEASE)?:' "$build/CMakeCache.txt" | tr '\n' ' ') -std=c++20"
  echo "cpu $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "cores $(nproc --all) online; pinned: ${pin[*]:-no}"
  echo "load $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min, at the end of the run)"
} >"$results/machine.txt"

"$python" "$root/benchmarks/report.py" "$results" "$root/docs"
