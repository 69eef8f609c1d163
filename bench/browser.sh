#!/usr/bin/env bash
# Browser benchmark with a big portfolio (default 100,000 accounts) in headless Chromium:
# load and analyze next to JSON.parse of the same text in the same page, the wasm heap
# against the file size, and frame times while scrolling and after a weight change.
#   bench/browser.sh            (SIZES="10000 100000" to choose; RUNS=3 load repetitions)
#
# The app is taken from KC_SITE_DIR (default build-web/site), read only: build it first
# (scripts/build-web, or BUILD_DIR=build-web-bench scripts/build-web and
# KC_SITE_DIR=build-web-bench/site).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${KC_SHARED_DIR:-$root/../shared}"
site="${KC_SITE_DIR:-$root/build-web/site}"
sizes="${SIZES:-100000}"
export NODE_PATH=/usr/share/nodejs

[ -s "$site/kamcanvas.wasm" ] || { echo "browser.sh: no app in $site (build it: scripts/build-web)" >&2; exit 1; }
data="$root/build-bench/data"
mkdir -p "$data"
files=()
for n in $sizes; do
  file="$data/p$n.json"
  [ -s "$file" ] || { python3 "$shared/tools/gen_portfolio.py" --accounts "$n" --seed 7 >"$file.tmp" && mv "$file.tmp" "$file"; }
  files+=("$file")
done
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
cd "$root" && KC_SITE_DIR="$site" node bench/browser.mjs "${files[@]}"
