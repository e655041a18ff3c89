#!/bin/sh
# The `netan` command: version, help, exit codes, messages naming
# file:line:column, and byte-identical charts across runs.
set -u
: "${abs_top_builddir:?}" "${abs_top_srcdir:?}"
netan="$abs_top_builddir/netan"
# it carries libnetan's code: the netan-i18n module (phones, names) is not beside it
: "${NETAN_MODULE_DIR:=$abs_top_builddir/libnetan/.libs}"; export NETAN_MODULE_DIR
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

"$netan" analyze "$data" --chart "$tmp/a.svg" --chart "$tmp/a.dot" --chart "$tmp/a.pdf" >/dev/null 2>&1
sleep 1
"$netan" analyze "$data" --chart "$tmp/b.svg" --chart "$tmp/b.dot" --chart "$tmp/b.pdf" >/dev/null 2>&1
check "same input gives byte-identical SVG, DOT and PDF" 'cmp -s "$tmp/a.svg" "$tmp/b.svg" && cmp -s "$tmp/a.dot" "$tmp/b.dot" && cmp -s "$tmp/a.pdf" "$tmp/b.pdf" && [ -s "$tmp/a.svg" ]'
"$netan" analyze "$data" --chart "$tmp/c.gif" >/dev/null 2>"$tmp/err"; rc=$?
check "an unknown chart format is an error, and no file is left" '[ $rc -eq 1 ] && [ ! -e "$tmp/c.gif" ]'
"$netan" analyze "$data" --format xml >/dev/null 2>&1; rc=$?
check "a bad --format exits 2" '[ $rc -eq 2 ]'

# ---- ingest / info / resolve on a case file
sample="$abs_top_srcdir/examples/sample-case"
c="$tmp/case.netan"
"$netan" ingest "$c" "$sample/case/transfers.csv" --spec "$sample/specs/transfers.ini" --rejects "$tmp/trej.csv" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "ingest creates the case file and reports rows" '[ $rc -eq 0 ] && [ -s "$c" ] && grep -q "546 rows read, 532 ingested, 14 rejected" "$tmp/out"'
check "ingest names each rejected row file:line:column" 'grep -q "transfers.csv:[0-9]*:[0-9]*: " "$tmp/err" && [ $(wc -l < "$tmp/trej.csv") -eq 15 ]'
"$netan" ingest "$c" "$sample/case/associations.csv" --spec "$sample/specs/associations.ini" --format json >"$tmp/out.json" 2>/dev/null; rc=$?
check "ingest appends a second source; --format json parses" '[ $rc -eq 0 ] && "${PYTHON:-/usr/bin/python3}" -c "import json,sys; d=json.load(open(sys.argv[1])); s=d[\"sources\"][0]; assert s[\"rows_read\"]==s[\"rows_ingested\"]+s[\"rows_rejected\"]" "$tmp/out.json"'
"$netan" info "$c" --format json >"$tmp/info.json" 2>/dev/null; rc=$?
check "info --format json lists both sources with their grading" '[ $rc -eq 0 ] && "${PYTHON:-/usr/bin/python3}" -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d[\"sources\"])==2 and d[\"sources\"][0][\"grading\"] and d[\"counts\"][\"events\"]==532" "$tmp/info.json"'
cp "$c" "$tmp/before.netan"
printf 'caller,callee,type,start,duration\n+38163111222,+38164444555,call,2026-11-02T10:00:00Z,60\n+38163111222,+38164444555,call,not a time,60\n' > "$tmp/cdr.csv"
"$netan" ingest "$c" "$tmp/cdr.csv" --kind cdr --strict >/dev/null 2>"$tmp/err"; rc=$?
check "ingest --strict fails at the bad row and leaves the case file as it was" '[ $rc -eq 1 ] && grep -q "cdr.csv:3:4:" "$tmp/err" && "$netan" info "$c" --format json | grep -q "\"sources\": 2"'
"$netan" ingest "$c" "$tmp/cdr.csv" --kind telepathy >/dev/null 2>"$tmp/err"; rc=$?
check "an unknown kind is an error that lists the kinds" '[ $rc -eq 1 ] && grep -q "cdr, transfers" "$tmp/err"'
printf 'not a case' > "$tmp/bogus.netan"
"$netan" info "$tmp/bogus.netan" >/dev/null 2>"$tmp/err"; rc=$?
check "info on a file that is not a case says so" '[ $rc -eq 1 ] && grep -qi "not a netan case" "$tmp/err"'
"$netan" resolve "$c" --suggest --format csv >"$tmp/sugg.csv" 2>/dev/null; rc=$?
check "resolve --suggest lists candidate pairs" '[ $rc -eq 0 ] && head -1 "$tmp/sugg.csv" | grep -q "^a,a_key,a_label,b,b_key"'
a=$(sed -n 2p "$tmp/sugg.csv" | cut -d, -f1); b=$(sed -n 2p "$tmp/sugg.csv" | cut -d, -f4)
"$netan" resolve "$c" --merge "$a" --merge "$b" --rule test >"$tmp/out" 2>&1; rc=$?
check "resolve --merge records the merge" '[ $rc -eq 0 ] && grep -q "^merge 0:" "$tmp/out" && "$netan" info "$c" | grep -q "merges: 1 active"'
"$netan" resolve "$c" --unmerge 0 >/dev/null 2>&1; rc=$?
check "resolve --unmerge undoes it" '[ $rc -eq 0 ] && "$netan" info "$c" | grep -q "merges: 0 active (1 recorded)"'
"$netan" analyze "$c" --format csv --top 3 >"$tmp/an.csv" 2>/dev/null; rc=$?
check "analyze runs on a case file" '[ $rc -eq 0 ] && [ $(wc -l < "$tmp/an.csv") -eq 4 ]'

# ---- issue 4 commands on an edge list and on the case file
"$netan" centrality "$data" --measure betweenness,closeness,pagerank --top 3 --format csv >"$tmp/cen.csv" 2>"$tmp/err"; rc=$?
check "centrality: several measures in one table, most central first" '[ $rc -eq 0 ] && head -1 "$tmp/cen.csv" | grep -q "betweenness,closeness,pagerank" && sed -n 2p "$tmp/cen.csv" | grep -q "^1,[0-9]*,1,"'
"$netan" centrality "$data" --measure telepathy >/dev/null 2>"$tmp/err"; rc=$?
check "centrality: an unknown measure lists the known ones" '[ $rc -eq 1 ] && grep -q "closeness" "$tmp/err"'
"$netan" communities "$data" --method leiden --seed 3 --format json >"$tmp/com.json" 2>/dev/null; rc=$?
check "communities: a summary per community (json)" '[ $rc -eq 0 ] && "${PYTHON:-/usr/bin/python3}" -c "import json,sys; d=json.load(open(sys.argv[1])); assert sum(r[\"size\"] for r in d[\"rows\"])==44" "$tmp/com.json"'
"$netan" communities "$data" --method walktrap --members --format csv >"$tmp/mem.csv" 2>/dev/null; rc=$?
check "communities --members lists every entity" '[ $rc -eq 0 ] && [ $(wc -l < "$tmp/mem.csv") -eq 45 ]'
"$netan" path "$data" 1 44 --k 2 --format csv >"$tmp/path.csv" 2>/dev/null; rc=$?
check "path: steps with the evidence of each link (siren.csv rows)" '[ $rc -eq 0 ] && grep -q "siren.csv:" "$tmp/path.csv"'
"$netan" path "$data" 1 nobody >/dev/null 2>"$tmp/err"; rc=$?
check "path: an unknown entity is named in the error" '[ $rc -eq 1 ] && grep -q "nobody" "$tmp/err"'
"$netan" ego "$data" 15 --hops 1 --format csv >"$tmp/ego.csv" 2>/dev/null; rc=$?
check "ego: the entity and its 15 neighbours" '[ $rc -eq 0 ] && [ $(wc -l < "$tmp/ego.csv") -eq 17 ]'
"$netan" connect "$data" 11 44 6 >"$tmp/con.txt" 2>/dev/null; rc=$?
check "connect: the connecting network of three seeds" '[ $rc -eq 0 ] && grep -q "seed" "$tmp/con.txt"'
"$netan" common "$data" 1 15 --format csv >"$tmp/common.csv" 2>/dev/null; rc=$?
check "common: contacts of both" '[ $rc -eq 0 ] && [ $(wc -l < "$tmp/common.csv") -gt 1 ]'

echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
