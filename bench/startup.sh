#!/usr/bin/env bash
# Start-up benchmark in headless Chromium: the web app next to Dear ImGui's own bare GLFW
# example built with the app's flags, alternately, each in a fresh browser context (a first
# visit: empty cache). Prints per run and the medians: time from navigation start to the
# first frame drawn (both), to window.kamcanvas.ready (the app), and the ratio (goal <= 1.3x).
#   bench/startup.sh            RUNS=15 (default) runs of each
#
# The app is taken from KC_SITE_DIR (default build-web/site), read only: build it first
# (scripts/build-web, or BUILD_DIR=build-web-bench scripts/build-web and
# KC_SITE_DIR=build-web-bench/site). The bare example is built here into
# BENCH_BARE_DIR (default build-bench-bare) from bench/bare/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
site="${KC_SITE_DIR:-$root/build-web/site}"
bare="${BENCH_BARE_DIR:-$root/build-bench-bare}"
export NODE_PATH=/usr/share/nodejs

[ -s "$site/kamcanvas.wasm" ] || { echo "startup.sh: no app in $site (build it: scripts/build-web)" >&2; exit 1; }
"$root/scripts/setup" >/dev/null
emcmake cmake -S "$root/bench/bare" -B "$bare" -DCMAKE_BUILD_TYPE=Release -DIMGUI_DIR="$root/third_party/imgui" >/dev/null
cmake --build "$bare" -j"${JOBS:-2}" >/dev/null

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
echo "app: $site ($(stat -c %s "$site/kamcanvas.wasm") bytes of wasm); bare: $bare/site ($(stat -c %s "$bare/site/bare.wasm") bytes of wasm)"
cd "$root" && node bench/startup.mjs "$site" "$bare/site"
