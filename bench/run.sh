#!/usr/bin/env bash
# Native benchmark of reading and analysing 10k, 100k and 1M accounts.
#   bench/run.sh [BUILD_DIR]        (default: build-bench; SIZES="10000 100000" to choose)
# Builds kamcanvas_bench (Release) in BUILD_DIR, generates the portfolios once with
# ../shared/tools/gen_portfolio.py into BUILD_DIR/data (ignored by git, never committed),
# and prints read time, analyze time and peak memory per size, one process per file.
# The browser half (the same files in the wasm build) belongs to the web benchmark.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build-bench}"
shared="${KC_SHARED_DIR:-$root/../shared}"
sizes="${SIZES:-10000 100000 1000000}"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target kamcanvas_bench >/dev/null

mkdir -p "$build/data"
for n in $sizes; do
    file="$build/data/p$n.json"
    if [ ! -s "$file" ]; then
        echo "generating $n accounts ..." >&2
        python3 "$shared/tools/gen_portfolio.py" --accounts "$n" --seed 7 >"$file.tmp"
        mv "$file.tmp" "$file"
    fi
done

echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
for n in $sizes; do
    echo
    "$build/kamcanvas_bench" "$build/data/p$n.json"
done
