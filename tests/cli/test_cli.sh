#!/usr/bin/env bash
# Checks `kamcanvas validate` and `kamcanvas fmt` from the outside on the shared good
# and bad files: exit codes, the FILE:PLACE: message lines, the ok line, and that fmt
# keeps every value and is a fixed point.
#   tests/cli/test_cli.sh BUILD_DIR
set -uo pipefail

build="${1:?usage: test_cli.sh BUILD_DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
kc="$build/kamcanvas"
shared="${KC_SHARED_DIR:-$root/../shared}"
data="$shared/data"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
checks=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_status STATUS COMMAND...: runs the command, output kept in $tmp/out and $tmp/err.
expect_status() {
    local want="$1"; shift
    checks=$((checks + 1))
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" = "$want" ] || fail "$* exited $got, expected $want: $(head -c 300 "$tmp/err")"
}

# expect_line FILE REGEX: some line of FILE matches the extended regex.
expect_line() {
    checks=$((checks + 1))
    grep -Eq -- "$2" "$1" || fail "no line matching '$2' in $(basename "$1"): $(head -c 300 "$1")"
}

expect_empty() {
    checks=$((checks + 1))
    [ ! -s "$1" ] || fail "$(basename "$1") should be empty: $(head -c 200 "$1")"
}

[ -x "$kc" ] || { echo "FAIL: $kc not built"; exit 1; }

# ---- validate: every good file is ok, with its account count ----
for f in "$data"/examples/*.json "$data"/real/*.kamcanvas.json; do
    expect_status 0 "$kc" validate "$f"
    accounts=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1], encoding="utf-8"))["accounts"]))' "$f")
    expect_line "$tmp/out" "^$f: ok \\($accounts accounts?, [0-9]+ warnings?\\)\$"
done

# ---- validate: every bad file fails, an error line's place contains the .expect text ----
for f in "$data"/bad/*.json; do
    expect_status 1 "$kc" validate "$f"
    expect_empty "$tmp/out"
    want="$(tr -d '\r\n' <"${f%.json}.expect")"
    checks=$((checks + 1))
    IFS='|&' read -ra parts <<<"$want"
    found=0
    for part in "${parts[@]}"; do
        # FILE:PLACE: message — the place is what lies between "FILE:" and the next ": ".
        if awk -v prefix="$f:" -v part="$part" '
            index($0, prefix) == 1 { rest = substr($0, length(prefix) + 1);
                                     place = substr(rest, 1, index(rest, ": ") - 1);
                                     if (index(place, part)) hit = 1 }
            END { exit hit ? 0 : 1 }' "$tmp/err"; then
            found=$((found + 1))
        fi
    done
    if [[ "$want" == *"&"* ]]; then [ "$found" = "${#parts[@]}" ] || fail "$f: not all of '$want' in: $(cat "$tmp/err")"
    else [ "$found" -ge 1 ] || fail "$f: '$want' not in: $(cat "$tmp/err")"; fi
done

# ---- validate: exact lines for a few files ----
expect_status 1 "$kc" validate "$data/bad/truncated.json"
expect_line "$tmp/err" "^$data/bad/truncated.json:3:26: unexpected end of input; expected ',' or '\\}'\$"
expect_status 1 "$kc" validate "$data/bad/negative-revenue.json"
expect_line "$tmp/err" "^$data/bad/negative-revenue.json:/accounts/0/revenue/2025: must be a number ≥ 0, got -5\$"
expect_status 1 "$kc" validate "$data/bad/future-version.json"
expect_line "$tmp/err" "^$data/bad/future-version.json:/kamcanvas: format 2 is newer than this program understands \\(1\\)\$"
checks=$((checks + 1)); [ "$(wc -l <"$tmp/err")" = 1 ] || fail "future-version: more than one line: $(cat "$tmp/err")"
expect_status 0 "$kc" validate "$data/examples/wallet.json"
expect_line "$tmp/err" "^$data/examples/wallet.json:/accounts/1/revenue/2025: warning: revenue 80 is above the wallet 40"
expect_line "$tmp/out" "^$data/examples/wallet.json: ok \\(4 accounts, 1 warning\\)\$"

# ---- validate: several files, one bad: all are checked, exit 1 ----
expect_status 1 "$kc" validate "$data/examples/one-customer.json" "$data/bad/duplicate-id.json" "$data/examples/ties.json"
expect_line "$tmp/out" "one-customer.json: ok \\(1 account, 0 warnings\\)"
expect_line "$tmp/out" "ties.json: ok"
expect_line "$tmp/err" "duplicate-id.json:/accounts/1/id: "

# ---- validate: standard input, unreadable files, usage ----
expect_status 0 sh -c "\"$kc\" validate - < \"$data/examples/matrix.json\""
expect_line "$tmp/out" "^-: ok \\(5 accounts"
expect_status 1 "$kc" validate "$tmp/does-not-exist.json"
expect_line "$tmp/err" "does-not-exist.json: cannot read: "
printf '' >"$tmp/empty.json"
expect_status 1 "$kc" validate "$tmp/empty.json"
expect_line "$tmp/err" "empty.json:1:1: empty file"
expect_status 2 "$kc" validate
expect_status 2 "$kc" validate --strict "$data/examples/empty.json"
expect_status 0 "$kc" validate --help
expect_line "$tmp/out" "^usage: kamcanvas validate FILE"
expect_line "$tmp/out" "FILE: ok \\(N accounts, K warnings\\)"

# ---- fmt: values kept, key order normalised, a fixed point ----
python3 /dev/null 2>/dev/null || { echo "FAIL: python3 needed for the fmt checks"; exit 1; }
for f in "$data"/examples/*.json "$data"/real/*.kamcanvas.json; do
    expect_status 0 "$kc" fmt "$f"
    expect_empty "$tmp/err"
    cp "$tmp/out" "$tmp/once.json"
    checks=$((checks + 1))
    python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1], encoding="utf-8")) != json.load(open(sys.argv[2], encoding="utf-8")))' \
        "$f" "$tmp/once.json" || fail "fmt $f changed a value"
    expect_status 0 "$kc" fmt "$tmp/once.json"
    checks=$((checks + 1))
    cmp -s "$tmp/out" "$tmp/once.json" || fail "fmt is not a fixed point for $f"
done
expect_status 0 "$kc" fmt "$data/examples/unicode.json"
checks=$((checks + 1))
[ "$(head -n 1 "$tmp/out")" = "{" ] && [ "$(tail -c 1 "$tmp/out" | od -An -c | tr -d ' ')" = '\n' ] ||
    fail "fmt output: '{' on the first line and a newline at the end expected"
expect_line "$tmp/out" '^  "kamcanvas": 1,$'
expect_line "$tmp/out" '^    "name": "Café Ålesund — 中文 ✓",$'
# Unknown top-level members come after the known ones, in file order.
checks=$((checks + 1))
[ "$(grep -n '"x_top"' "$tmp/out" | cut -d: -f1)" -gt "$(grep -n '"accounts"' "$tmp/out" | cut -d: -f1)" ] ||
    fail "x_top should follow the known keys"

# ---- validate and fmt on a generated awkward portfolio (ties, gaps, unknown keys) ----
gen="$shared/tools/gen_portfolio.py"
if [ -f "$gen" ]; then
    python3 "$gen" --accounts 2000 --seed 3 --awkward >"$tmp/generated.json"
    expect_status 0 "$kc" validate "$tmp/generated.json"
    expect_line "$tmp/out" "generated.json: ok \\(2000 accounts, [0-9]+ warnings\\)"
    expect_line "$tmp/err" "generated.json:/accounts/[0-9]+/revenue/2025: warning: revenue "
    expect_status 0 "$kc" fmt "$tmp/generated.json"
    cp "$tmp/out" "$tmp/generated-once.json"
    checks=$((checks + 1))
    python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1], encoding="utf-8")) != json.load(open(sys.argv[2], encoding="utf-8")))' \
        "$tmp/generated.json" "$tmp/generated-once.json" || fail "fmt changed a value of the generated portfolio"
    expect_status 0 "$kc" fmt "$tmp/generated-once.json"
    checks=$((checks + 1))
    cmp -s "$tmp/out" "$tmp/generated-once.json" || fail "fmt is not a fixed point for the generated portfolio"
else
    fail "$gen not found"
fi

# ---- fmt: invalid input prints nothing on stdout; usage ----
expect_status 1 "$kc" fmt "$data/bad/pyramid-over-100.json"
expect_empty "$tmp/out"
expect_line "$tmp/err" "pyramid-over-100.json:/portfolio/pyramid: "
expect_status 2 "$kc" fmt
expect_status 2 "$kc" fmt "$data/examples/empty.json" "$data/examples/ties.json"
expect_status 0 "$kc" fmt --help
expect_line "$tmp/out" "^usage: kamcanvas fmt FILE"

echo "test_cli: $checks checks, $failures failed"
[ "$failures" = 0 ]
