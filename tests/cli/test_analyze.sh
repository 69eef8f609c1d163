#!/usr/bin/env bash
# Checks `kamcanvas analyze` from the outside: every shared example and real portfolio
# gives its expected report (numbers within 1e-9 relative, keys, orders, nulls), errors
# come as FILE:PLACE: message with exit 1, usage errors exit 2.
#   tests/cli/test_analyze.sh BUILD_DIR
set -uo pipefail

build="${1:?usage: test_analyze.sh BUILD_DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
kc="$build/kamcanvas"
shared="${KC_SHARED_DIR:-$root/../shared}"
data="$shared/data"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_status STATUS COMMAND...: runs the command, output kept in $tmp/out and $tmp/err.
expect_status() {
    local want="$1"; shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" = "$want" ] || fail "$* exited $got, expected $want: $(head -c 300 "$tmp/err")"
}

compare_reports() {   # EXPECTED ACTUAL
    python3 - "$1" "$2" <<'PY'
import json, sys
def diff(e, a, path):
    num = lambda x: isinstance(x, (int, float)) and not isinstance(x, bool)
    if num(e) and num(a):
        ok = e == a or abs(e - a) <= 1e-9 * max(abs(e), abs(a))
        return None if ok else f"{path or '/'}: expected {e!r}, got {a!r}"
    if type(e) is not type(a):
        return f"{path or '/'}: expected {e!r}, got {a!r}"
    if isinstance(e, dict):
        if list(e) != list(a):
            return f"{path or '/'}: keys {list(e)[:8]} != {list(a)[:8]}"
        return next((d for k in e if (d := diff(e[k], a[k], f"{path}/{k}"))), None)
    if isinstance(e, list):
        if len(e) != len(a):
            return f"{path or '/'}: {len(e)} items expected, got {len(a)}"
        return next((d for i, (x, y) in enumerate(zip(e, a)) if (d := diff(x, y, f"{path}/{i}"))), None)
    return None if e == a else f"{path or '/'}: expected {e!r}, got {a!r}"
d = diff(json.load(open(sys.argv[1], encoding="utf-8")), json.load(open(sys.argv[2], encoding="utf-8")), "")
if d:
    print(d)
    sys.exit(1)
PY
}

# 1. Expected reports, with the spec's keys only and with the extensions after them.
check_report() {   # PORTFOLIO EXPECTED
    expect_status 0 "$kc" analyze --spec-only "$1"
    compare_reports "$2" "$tmp/out" >"$tmp/diff" || fail "$1: $(cat "$tmp/diff")"
    expect_status 0 "$kc" analyze "$1"
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert list(d)[-3:] == ["migration", "breakdowns", "weighting"], list(d); [d.pop(k) for k in ("migration", "breakdowns", "weighting")]; json.dump(d, open(sys.argv[2], "w"))' \
        "$tmp/out" "$tmp/stripped" || fail "$1: extensions are not the last three keys"
    compare_reports "$2" "$tmp/stripped" >"$tmp/diff" || fail "$1 (with extensions): $(cat "$tmp/diff")"
}
for portfolio in "$data"/examples/*.json; do
    check_report "$portfolio" "$data/expected/$(basename "$portfolio" .json).report.json"
done
for portfolio in "$data"/real/*.kamcanvas.json; do
    check_report "$portfolio" "$data/real/$(basename "$portfolio" .kamcanvas.json).report.json"
done

# 2. --year and standard input.
expect_status 0 "$kc" analyze --year 2024 "$data/examples/retention.json"
grep -q '^  "year": 2024,$' "$tmp/out" || fail "--year 2024 not reported as the year"
expect_status 0 "$kc" analyze --year=2024 - <"$data/examples/retention.json"
grep -q '"previous_year": 2023' "$tmp/out" || fail "--year=2024 from stdin: previous_year is not 2023"

# 3. Invalid files: every error as FILE:PLACE: message, exit 1, nothing on stdout.
for bad in "$data"/bad/*.json; do
    expect_status 1 "$kc" analyze "$bad"
    [ -s "$tmp/out" ] && fail "$bad: printed a report"
    place="$(cat "${bad%.json}.expect")"   # the start of the place
    grep -qF "$bad:$place" "$tmp/err" || fail "$bad: no error at $place in: $(head -c 300 "$tmp/err")"
done
expect_status 1 "$kc" analyze "$tmp/does-not-exist.json"
if [ -w /dev/full ]; then   # a report that cannot be written is an error, not a silent success
    "$kc" analyze "$data/examples/ties.json" >/dev/full 2>"$tmp/err" && fail "writing to /dev/full succeeded"
fi

# 4. Usage.
expect_status 0 "$kc" analyze --help
grep -q '^usage: kamcanvas analyze FILE' "$tmp/out" || fail "--help does not show the usage"
expect_status 2 "$kc" analyze
expect_status 2 "$kc" analyze "$data/examples/ties.json" --year 25
expect_status 2 "$kc" analyze "$data/examples/ties.json" --year
expect_status 2 "$kc" analyze "$data/examples/ties.json" --frobnicate
expect_status 2 "$kc" analyze "$data/examples/ties.json" "$data/examples/wallet.json"

if [ "$failures" -gt 0 ]; then
    echo "test_analyze: $failures failure(s)"
    exit 1
fi
echo "test_analyze: all passed"
