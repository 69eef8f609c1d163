#!/usr/bin/env bash
# Checks `kamcanvas import-csv` from the outside: both real CSV exports give their
# portfolios (account counts and revenue per year against the CSV, accounts against
# *.kamcanvas.json), a nasty Dutch export gives its good rows with the bad ones reported
# as FILE:line N, column C: message and exit 1, the options work, usage errors exit 2.
#   tests/cli/test_import_csv.sh BUILD_DIR
set -uo pipefail

build="${1:?usage: test_import_csv.sh BUILD_DIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
kc="$build/kamcanvas"
shared="${KC_SHARED_DIR:-$root/../shared}"
real="$shared/data/real"
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
    grep -Eq -- "$2" "$1" || fail "no line matching '$2' in $(basename "$1"): $(head -c 400 "$1")"
}

expect_empty() {
    checks=$((checks + 1))
    [ ! -s "$1" ] || fail "$(basename "$1") should be empty: $(head -c 200 "$1")"
}

# expect_python SCRIPT ARGS...: the script exits 0 (it prints why when it does not).
expect_python() {
    checks=$((checks + 1))
    local script="$1"; shift
    python3 -c "$script" "$@" >"$tmp/py" 2>&1 || fail "$(head -c 400 "$tmp/py")"
}

[ -x "$kc" ] || { echo "FAIL: $kc not built"; exit 1; }

# ---- the real exports, as they are ----
for pair in "superstore-customers.csv superstore.kamcanvas.json" "northwind-customers.csv northwind.kamcanvas.json"; do
    read -r csv expected <<<"$pair"
    expect_status 0 "$kc" import-csv "$real/$csv"
    cp "$tmp/out" "$tmp/imported.json"
    expect_line "$tmp/err" "^$real/$csv: mapping: customer_id=id, customer_name=name, segment=segment, region=region, revenue_"
    expect_line "$tmp/err" "^$real/$csv: [0-9]+ accounts imported, 0 rows refused \\(comma-separated, decimal point\\)\$"
    expect_status 0 "$kc" validate "$tmp/imported.json"
    # Counts and revenue per year against the CSV itself (Python's csv module).
    expect_python '
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
p = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(p["accounts"]) == len(rows), (len(p["accounts"]), len(rows))
years = [k[8:] for k in rows[0] if k.startswith("revenue_") and k != "revenue_total"]
for y in years:
    want = sum(float(r["revenue_" + y]) for r in rows)
    got = sum(a.get("revenue", {}).get(y, 0) for a in p["accounts"])
    assert abs(want - got) < 0.005, (y, want, got)
assert p["portfolio"]["name"] == sys.argv[1].rsplit("/", 1)[1][:-4], p["portfolio"]
' "$real/$csv" "$tmp/imported.json"
    # Account by account against the portfolio made from the same table.
    expect_python '
import json, sys
got = json.load(open(sys.argv[1], encoding="utf-8"))["accounts"]
want = json.load(open(sys.argv[2], encoding="utf-8"))["accounts"]
assert got == want, next((i, g, w) for i, (g, w) in enumerate(zip(got, want)) if g != w) if len(got) == len(want) else (len(got), len(want))
' "$tmp/imported.json" "$real/$expected"
    # What the import gives is a portfolio the other commands take.
    expect_status 0 "$kc" analyze "$tmp/imported.json"
done

# ---- --name, --currency, standard input ----
expect_status 0 "$kc" import-csv --name "Northwind customers" --currency USD - <"$real/northwind-customers.csv"
expect_python '
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
assert p["portfolio"] == {"name": "Northwind customers", "currency": "USD"}, p["portfolio"]
assert len(p["accounts"]) == 91
' "$tmp/out"

# ---- --map corrects the guess ----
expect_status 0 "$kc" import-csv "$real/superstore-customers.csv" --map state=region --map revenue_2016=ignore --map=segment=-
expect_line "$tmp/err" "mapping: customer_id=id, customer_name=name, state=region, revenue_2017=revenue_2017,"
expect_python '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))["accounts"][0]
assert a["id"] == "SM-20320" and a["region"] == "Florida", a
assert "segment" not in a and "2016" not in a["revenue"], a
' "$tmp/out"

# ---- a nasty Dutch export: BOM, semicolons, decimal comma, CRLF, quotes with newlines ----
printf '\xEF\xBB\xBFKlantnummer;Bedrijfsnaam;Branche;Omzet 2023;Omzet 2024;Score Innovatie\r\n' >"$tmp/nasty.csv"
printf 'K1;"Bakkerij ""De Hoek""";Retail;1.234,56;2.000;4\r\n' >>"$tmp/nasty.csv"
printf 'K2;"Caf\xC3\xA9\r\nDe Leeuw";Horeca;12,5;abc;3\r\n' >>"$tmp/nasty.csv"
printf 'K3;Zuivel;;1.000;;\r\n' >>"$tmp/nasty.csv"
printf 'K1;Dubbel;;5;;\r\n' >>"$tmp/nasty.csv"
printf ';;;;;\r\n' >>"$tmp/nasty.csv"
expect_status 1 "$kc" import-csv "$tmp/nasty.csv"
expect_line "$tmp/err" "^$tmp/nasty.csv:line 3, column Omzet 2024: not a number: \"abc\"\$"
expect_line "$tmp/err" "^$tmp/nasty.csv:line 6, column Klantnummer: duplicate id \"K1\": line 2 has it already\$"
expect_line "$tmp/err" "^$tmp/nasty.csv: 2 accounts imported, 2 rows refused \\(semicolon-separated, decimal comma\\)\$"
cp "$tmp/out" "$tmp/nasty.json"
expect_status 0 "$kc" validate "$tmp/nasty.json"
expect_python '
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
assert [a["id"] for a in p["accounts"]] == ["K1", "K3"], p["accounts"]
assert p["accounts"][0]["name"] == "Bakkerij \"De Hoek\""
assert p["accounts"][0]["revenue"] == {"2023": 1234.56, "2024": 2000}, p["accounts"][0]
assert p["accounts"][1]["revenue"] == {"2023": 1000}
assert p["criteria"] == [{"id": "innovatie", "name": "Innovatie"}], p["criteria"]
assert p["accounts"][0]["scores"] == {"innovatie": 4}
' "$tmp/nasty.json"

# ---- --decimal and --separator ----
printf 'id;name;omzet_2024\n1;A;1.234\n2;B;500\n' >"$tmp/ambiguous.csv"
expect_status 1 "$kc" import-csv "$tmp/ambiguous.csv"
expect_line "$tmp/err" "^$tmp/ambiguous.csv:line 2, column omzet_2024: \"1.234\" could be written with a decimal point or a decimal comma"
expect_status 0 "$kc" import-csv "$tmp/ambiguous.csv" --decimal ,
expect_python 'import json,sys; a=json.load(open(sys.argv[1]))["accounts"]; assert a[0]["revenue"] == {"2024": 1234}, a' "$tmp/out"
expect_status 0 "$kc" import-csv "$tmp/ambiguous.csv" --decimal=.
expect_python 'import json,sys; a=json.load(open(sys.argv[1]))["accounts"]; assert a[0]["revenue"] == {"2024": 1.234}, a' "$tmp/out"
printf 'name\tomzet_2024,eur\nA,1\t5\n' >"$tmp/tabs.csv"   # a tie: detection takes the comma
expect_status 1 "$kc" import-csv "$tmp/tabs.csv"
expect_status 0 "$kc" import-csv "$tmp/tabs.csv" --separator tab
expect_line "$tmp/err" "mapping: name=name, omzet_2024,eur=revenue_2024\$"
expect_python 'import json,sys; a=json.load(open(sys.argv[1]))["accounts"]; assert a == [{"id": "acc-001", "name": "A,1", "revenue": {"2024": 5}}], a' "$tmp/out"

# ---- files that cannot be imported: nothing on stdout, exit 1 ----
expect_status 1 "$kc" import-csv "$tmp/does-not-exist.csv"
expect_line "$tmp/err" "does-not-exist.csv: cannot read: "
: >"$tmp/empty.csv"
expect_status 1 "$kc" import-csv "$tmp/empty.csv"
expect_empty "$tmp/out"
expect_line "$tmp/err" "^$tmp/empty.csv:line 1: the file is empty"
printf '\xFF\xFEi\0d\0\n\0' >"$tmp/utf16.csv"
expect_status 1 "$kc" import-csv "$tmp/utf16.csv"
expect_empty "$tmp/out"
expect_line "$tmp/err" "UTF-16"
printf 'telefoon,plaats\n1,2\n' >"$tmp/nameless.csv"
expect_status 1 "$kc" import-csv "$tmp/nameless.csv"
expect_empty "$tmp/out"
expect_line "$tmp/err" "no column is mapped to name"

# ---- usage ----
expect_status 0 "$kc" import-csv --help
expect_line "$tmp/out" "^usage: kamcanvas import-csv FILE.csv"
expect_status 0 "$kc" --help
expect_line "$tmp/out" "^  import-csv FILE.csv "
expect_status 2 "$kc" import-csv
expect_status 2 "$kc" import-csv "$tmp/nasty.csv" "$tmp/ambiguous.csv"
expect_status 2 "$kc" import-csv "$tmp/nasty.csv" --bogus
expect_status 2 "$kc" import-csv "$tmp/nasty.csv" --separator '|'
expect_status 2 "$kc" import-csv "$tmp/nasty.csv" --decimal
expect_status 2 "$kc" import-csv "$tmp/nasty.csv" --currency usd
expect_status 2 "$kc" import-csv "$tmp/nasty.csv" --map Nope=name
expect_line "$tmp/err" "no column 'Nope'"
expect_status 2 "$kc" import-csv "$tmp/nasty.csv" --map Branche=sector
expect_line "$tmp/err" "unknown field 'sector'"
expect_status 2 "$kc" import-csv "$tmp/nasty.csv" --map Branche
expect_empty "$tmp/out"

echo "test_import_csv: $checks checks, $failures failed"
[ "$failures" = 0 ]
