#!/usr/bin/env bash
# Browser benchmark: load and analyze of 100,000 accounts in headless Chromium, next to
# JSON.parse of the same text in the same page.
#   bench/browser.sh            (SIZES="10000 100000" to choose; default 100000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${KC_SHARED_DIR:-$root/../shared}"
sizes="${SIZES:-100000}"
export NODE_PATH=/usr/share/nodejs

"$root/scripts/setup" >/dev/null
emcmake cmake -S "$root" -B "$root/build-web" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build-web" -j"${JOBS:-2}" >/dev/null

data="$root/build-bench/data"
mkdir -p "$data"
files=()
for n in $sizes; do
  file="$data/p$n.json"
  [ -s "$file" ] || { python3 "$shared/tools/gen_portfolio.py" --accounts "$n" --seed 7 >"$file.tmp" && mv "$file.tmp" "$file"; }
  files+=("$file")
done
cd "$root" && KC_SITE_DIR="$root/build-web/site" node bench/browser.mjs "${files[@]}"
