#!/bin/sh
# The `netan` command: version, help, exit codes, messages naming
# file:line:column, and byte-identical charts across runs.
set -u
: "${abs_top_builddir:?}" "${abs_top_srcdir:?}"
netan="$abs_top_builddir/netan"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
ok() { passes=$((passes + 1)); echo "ok   $1"; }
no() { fails=$((fails + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else no "$1"; fi; }

v=$("$netan" --version); check "--version prints the version" '[ "$v" = "netan 0.1.0" ] || echo "$v" | grep -q "^netan [0-9]"'
check "--help lists analyze and an example" '"$netan" --help | grep -q "analyze" && "$netan" --help | grep -q "Example"'
"$netan" bogus >/dev/null 2>"$tmp/err"; rc=$?
check "unknown command exits 2" '[ $rc -eq 2 ] && grep -q "unknown command" "$tmp/err"'
"$netan" analyze >/dev/null 2>"$tmp/err"; rc=$?
check "analyze without a file exits 2" '[ $rc -eq 2 ]'
"$netan" analyze /nonexistent.csv >/dev/null 2>"$tmp/err"; rc=$?
check "missing file exits 1 and names it" '[ $rc -eq 1 ] && grep -q "/nonexistent.csv" "$tmp/err"'

printf 'source,target,weight\na,b,2\nb,c,x\nc,d\n"d"x,e,1\nd,a,1\n' > "$tmp/bad.csv"
"$netan" analyze "$tmp/bad.csv" --rejects "$tmp/rej.csv" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "bad rows are reported with file:line:column and the rest analysed" \
  '[ $rc -eq 0 ] && grep -q "bad.csv:3:3: weight" "$tmp/err" && grep -q "bad.csv:4:0: expected 3 fields" "$tmp/err" && grep -q "5 rows read, 2 ingested, 3 rejected" "$tmp/err"'
check "the rejects file lists every rejected row" '[ $(wc -l < "$tmp/rej.csv") -eq 4 ]'
"$netan" analyze "$tmp/bad.csv" --strict >/dev/null 2>"$tmp/err"; rc=$?
check "--strict stops at the first bad row with its location" '[ $rc -eq 1 ] && grep -q "bad.csv:3:3:" "$tmp/err"'

data="$abs_top_srcdir/tests/data/siren.csv"
"$netan" analyze "$data" --format csv --top 0 > "$tmp/siren.csv" 2>/dev/null; rc=$?
check "csv output has a row per entity" '[ $rc -eq 0 ] && [ $(wc -l < "$tmp/siren.csv") -eq 45 ]'
check "siren: entity 1 is the top broker (Morselli 2009)" 'sed -n 2p "$tmp/siren.csv" | grep -q "^1,1,1,"'
"$netan" analyze "$data" --format json --top 3 > "$tmp/siren.json" 2>/dev/null
check "json output parses" '"${PYTHON:-/usr/bin/python3}" -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d[\"rows\"])==3" "$tmp/siren.json"'

"$netan" analyze "$data" --chart "$tmp/a.svg" --chart "$tmp/a.dot" >/dev/null 2>&1
"$netan" analyze "$data" --chart "$tmp/b.svg" --chart "$tmp/b.dot" >/dev/null 2>&1
check "same input gives byte-identical SVG and DOT" 'cmp -s "$tmp/a.svg" "$tmp/b.svg" && cmp -s "$tmp/a.dot" "$tmp/b.dot" && [ -s "$tmp/a.svg" ]'
"$netan" analyze "$data" --chart "$tmp/c.gif" >/dev/null 2>"$tmp/err"; rc=$?
check "an unknown chart format is an error, and no file is left" '[ $rc -eq 1 ] && [ ! -e "$tmp/c.gif" ]'
"$netan" analyze "$data" --format xml >/dev/null 2>&1; rc=$?
check "a bad --format exits 2" '[ $rc -eq 2 ]'

echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
