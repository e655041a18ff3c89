#!/bin/sh
# `netan chart` (issue 5): byte-identical output across processes, ISO 216
# pages in SVG and PDF, hostile text, focus charts against the analysis
# commands, renderer failures that leave no file, and exit codes
# (2: the command line is wrong, 1: the work failed).
set -u
: "${abs_top_builddir:?}" "${abs_top_srcdir:?}"
netan="$abs_top_builddir/netan"
# it carries libnetan's code: the netan-i18n module (phones, names) is not beside it
: "${NETAN_MODULE_DIR:=$abs_top_builddir/libnetan/.libs}"; export NETAN_MODULE_DIR
py="${PYTHON:-/usr/bin/python3}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
ok() { passes=$((passes + 1)); echo "ok   $1"; }
no() { fails=$((fails + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else no "$1"; fi; }

# the sample case, ingested as quickstart.sh does
sample="$abs_top_srcdir/examples/sample-case"
c="$tmp/case.netan"
for csv in "$sample"/case/*.csv; do
  name=$(basename "$csv" .csv)
  "$netan" ingest "$c" "$csv" --spec "$sample/specs/$name.ini" --received 2024-08-15 >/dev/null 2>&1 || no "ingest $name"
done
check "the sample case is ingested" '[ -s "$c" ]'
"$netan" info "$c" --format json >"$tmp/info.json" 2>/dev/null
siren="$abs_top_srcdir/tests/data/siren.csv"

# ---- determinism: two processes, same command, same bytes (also PDF)
mkdir "$tmp/r1" "$tmp/r2"
for r in r1 r2; do
  (cd "$tmp/$r" && "$netan" chart ../case.netan -o c.svg -o c.dot -o c.pdf --type phone --page A3 --landscape \
     --title "Sample" --case-ref "OP-1" --banner "RESTRICTED" --date 2024-08-15 >/dev/null 2>"$tmp/$r/err")
done
check "chart: byte-identical SVG, DOT and PDF across processes" \
  'for f in c.svg c.dot c.pdf; do [ -s "$tmp/r1/$f" ] && cmp -s "$tmp/r1/$f" "$tmp/r2/$f" || exit 1; done'
mkdir "$tmp/s1" "$tmp/s2"
for r in s1 s2; do
  (cd "$tmp/$r" && SOURCE_DATE_EPOCH=1717200000 "$netan" chart "$siren" -o c.svg -o c.pdf >/dev/null 2>&1)
  [ $r = s1 ] && sleep 1
done
check "chart: SOURCE_DATE_EPOCH instead of --date gives identical SVG and PDF, dated that day" \
  'cmp -s "$tmp/s1/c.svg" "$tmp/s2/c.svg" && cmp -s "$tmp/s1/c.pdf" "$tmp/s2/c.pdf" && grep -q "2024&#45;06&#45;01\|2024-06-01" "$tmp/s1/c.svg"'

# ---- pages: ISO 216 in points (A4 595x842, A3 842x1191), within 1 pt
for page in A4 A3; do
  for orient in portrait landscape; do
    flag=; [ $orient = landscape ] && flag=--landscape
    "$netan" chart "$siren" -o "$tmp/p.svg" -o "$tmp/p.pdf" --page $page $flag --date 2024-08-15 --size-by none >/dev/null 2>&1
    check "chart: $page $orient is ISO 216 in the SVG and the PDF MediaBox" \
      '"$py" - "$tmp/p.svg" "$tmp/p.pdf" $page $orient <<"EOF"
import re, sys, xml.etree.ElementTree as ET
w, h = {"A4": (595.28, 841.89), "A3": (841.89, 1190.55)}[sys.argv[3]]
if sys.argv[4] == "landscape":
    w, h = h, w
r = ET.parse(sys.argv[1]).getroot()
sw, sh = (float(r.get(k).rstrip("pt")) for k in ("width", "height"))
boxes = re.findall(rb"/MediaBox\s*\[\s*([-0-9. ]+)\]", open(sys.argv[2], "rb").read())
assert boxes, "no MediaBox"
for b in boxes:
    x0, y0, x1, y1 = map(float, b.split())
    assert abs(x1 - x0 - w) <= 1 and abs(y1 - y0 - h) <= 1, (b, w, h)
assert abs(sw - w) <= 1 and abs(sh - h) <= 1, (sw, sh, w, h)
EOF'
  done
done

# ---- hostile text from the command line
nl='
'
"$netan" chart "$siren" -o "$tmp/h.svg" --wrap 0 --date 2024-08-15 \
  --title '<script>alert(1)</script> "T" \N' --case-ref 'R&D \G' --author "two${nl}lines" \
  --banner '<<b>SECRET</b>> &lt;' >/dev/null 2>"$tmp/err"; rc=$?
check "chart: hostile title, case ref, author and banner render" '[ $rc -eq 0 ] && [ -s "$tmp/h.svg" ]'
check "chart: ... as well-formed SVG without script, each text as typed, banner top and bottom" \
  '"$py" - "$tmp/h.svg" <<"EOF"
import sys, xml.etree.ElementTree as ET
S = "{http://www.w3.org/2000/svg}"
svg = open(sys.argv[1], "rb").read()
assert b"<script" not in svg
r = ET.fromstring(svg)
assert not any(e.tag.endswith("script") for e in r.iter())
items = {g.find(S + "title").text: [t.text for t in g.iter(S + "text")]
         for g in r.iter(S + "g") if g.get("class") == "node"}
bottom = [t for n in ("netan_page_corner", "netan_page_row_left", "netan_page_row_right", "netan_page_bottom", "netan_page_base") if n in items for t in items[n]]
assert "<script>alert(1)</script> \"T\" \\N" in bottom, bottom
assert bottom[bottom.index("Case reference") + 1] == "R&D \\G", bottom
i = bottom.index("Author / unit")
assert bottom[i + 1:i + 3] == ["two", "lines"], bottom
assert items["netan_page_top"] == ["<<b>SECRET</b>> &lt;"], items["netan_page_top"]
assert bottom[-1] == "<<b>SECRET</b>> &lt;", bottom
EOF'

# ---- footer: every source with the first 12 hex digits of its SHA-256, and the version
"$netan" chart "$c" -o "$tmp/f.dot" --date 2024-08-15 --size-by none --color-by none >/dev/null 2>&1
check "chart: the footer names each source with its SHA-256 prefix and netan's version" \
  '"$py" - "$tmp/f.dot" "$tmp/info.json" "$("$netan" --version)" <<"EOF"
import json, re, sys, html
# the footer wraps long lines: compare modulo line breaks
dot = " ".join(html.unescape(re.sub(r"<BR[^>]*>", " ", open(sys.argv[1], encoding="utf-8").read())).split())
info = json.load(open(sys.argv[2]))
assert len(info["sources"]) == 6
for s in info["sources"]:
    assert len(s["sha256"]) == 64, s
    assert "%s (%s)" % (s["name"], s["sha256"][:12]) in dot, s["name"]
assert sys.argv[3] in dot, sys.argv[3]
EOF'

# ---- focus charts draw what the analysis commands return
"$netan" ego "$siren" 1 --hops 2 --format csv >"$tmp/ego.csv" 2>/dev/null
"$netan" chart "$siren" -o "$tmp/ego.svg" --focus 1 --hops 2 --date 2024-08-15 >/dev/null 2>&1; rc=$?
check "chart --focus --hops 2: exactly the entities of netan ego" \
  '[ $rc -eq 0 ] && "$py" - "$tmp/ego.svg" "$tmp/ego.csv" <<"EOF"
import csv, re, sys, xml.etree.ElementTree as ET
drawn = {g.get("id") for g in ET.parse(sys.argv[1]).getroot().iter("{http://www.w3.org/2000/svg}g")
         if re.fullmatch(r"entity\d+", g.get("id", ""))}
rows = list(csv.DictReader(open(sys.argv[2])))
want = {"entity" + r["entity"] for r in rows}
assert len(want) > 3 and drawn == want, (drawn ^ want)
EOF'
"$netan" chart "$siren" -o "$tmp/col.svg" --collapse --date 2024-08-15 >/dev/null 2>&1; rc=$?
"$netan" communities "$siren" --method louvain --seed 42 --members --format csv >"$tmp/mem.csv" 2>/dev/null
check "chart --collapse: one node per community, one line per linked pair of communities" \
  '[ $rc -eq 0 ] && "$py" - "$tmp/col.svg" "$tmp/mem.csv" "$siren" <<"EOF"
import csv, sys, xml.etree.ElementTree as ET
S = "{http://www.w3.org/2000/svg}"
rows = list(csv.DictReader(open(sys.argv[2])))
key_col = "key" if "key" in rows[0] else "entity_key"
part = {r[key_col]: int(r["community"]) for r in rows}
pairs = set()
for r in list(csv.DictReader(open(sys.argv[3]))):
    a, b = part[r["source"].strip()], part[r["target"].strip()]
    if a != b:
        pairs.add(frozenset((a, b)))
root = ET.parse(sys.argv[1]).getroot()
nodes = {g.get("id") for g in root.iter(S + "g") if g.get("class") == "node" and g.get("id", "").startswith("community")}
edges = [g for g in root.iter(S + "g") if g.get("class") == "edge"]
assert nodes == {"community%d" % k for k in set(part.values())}, nodes
assert len(edges) == len(pairs), (len(edges), len(pairs))
EOF'

# ---- renderer failures: an error, a message, and no file left
"$netan" chart "$siren" -o "$tmp/bad.svg" --layout spiral >/dev/null 2>"$tmp/err"; rc=$?
check "chart --layout spiral: exit 2, names the layouts, no file" \
  '[ $rc -eq 2 ] && grep -q "layout" "$tmp/err" && [ ! -e "$tmp/bad.svg" ]'
NETAN_RENDER="$tmp/nothing-here" "$netan" chart "$siren" -o "$tmp/bad.svg" >/dev/null 2>"$tmp/err"; rc=$?
check "chart with NETAN_RENDER pointing nowhere: exit 1, says so, no file" \
  '[ $rc -eq 1 ] && grep -q "NETAN_RENDER" "$tmp/err" && [ ! -e "$tmp/bad.svg" ]'
mkdir "$tmp/noicons"
NETAN_ICON_DIR="$tmp/noicons" "$netan" chart "$siren" -o "$tmp/bad.pdf" >/dev/null 2>"$tmp/err"; rc=$?
check "chart with NETAN_ICON_DIR empty: exit 1, says so, no file" \
  '[ $rc -eq 1 ] && grep -q "NETAN_ICON_DIR" "$tmp/err" && [ ! -e "$tmp/bad.pdf" ]'
"$netan" chart "$siren" -o "$tmp/ok.svg" -o "$tmp/nodir/x.pdf" >/dev/null 2>"$tmp/err"; rc=$?
check "chart to a directory that does not exist: exit 1, names the file" \
  '[ $rc -eq 1 ] && grep -q "nodir" "$tmp/err" && [ ! -e "$tmp/nodir/x.pdf" ]'

# ---- bad arguments: 2 when the command line is wrong, 1 when the work fails
"$netan" chart "$siren" -o "$tmp/bad.svg" --page A5 >/dev/null 2>"$tmp/err"; rc=$?
check "chart --page A5: exit 2, names A4 and A3, no file" '[ $rc -eq 2 ] && grep -q "A4" "$tmp/err" && [ ! -e "$tmp/bad.svg" ]'
"$netan" chart "$siren" -o "$tmp/bad.svg" --color-by shoe >/dev/null 2>"$tmp/err"; rc=$?
check "chart --color-by shoe: exit 2, lists the keys, no file" '[ $rc -eq 2 ] && grep -q "jurisdiction" "$tmp/err" && [ ! -e "$tmp/bad.svg" ]'
"$netan" chart "$siren" -o "$tmp/bad.svg" --path 1 >/dev/null 2>"$tmp/err"; rc=$?
check "chart --path with one entity: exit 2, says two are needed" '[ $rc -eq 2 ] && grep -q "two" "$tmp/err" && [ ! -e "$tmp/bad.svg" ]'
"$netan" chart "$siren" -o "$tmp/bad.svg" --focus 1 --collapse >/dev/null 2>"$tmp/err"; rc=$?
check "chart --focus with --collapse: exit 2" '[ $rc -eq 2 ] && grep -q "one of" "$tmp/err" && [ ! -e "$tmp/bad.svg" ]'
"$netan" chart "$siren" -o "$tmp/bad.svg" --community 1 --path 1,44 >/dev/null 2>"$tmp/err"; rc=$?
check "chart --community with --path: exit 2" '[ $rc -eq 2 ] && [ ! -e "$tmp/bad.svg" ]'
"$netan" chart "$siren" -o "$tmp/bad.svg" --focus nobody >/dev/null 2>"$tmp/err"; rc=$?
check "chart --focus on an entity not in the case: exit 1, names it" '[ $rc -eq 1 ] && grep -q "nobody" "$tmp/err" && [ ! -e "$tmp/bad.svg" ]'
"$netan" chart "$c" -o "$tmp/bad.svg" --type phone --focus "$(sed -n 2p "$sample/case/associations.csv" | cut -d, -f3)" >/dev/null 2>"$tmp/err"; rc=$?
check "chart --focus on a person outside a phones-only view: exit 1, no file" '[ $rc -eq 1 ] && [ -s "$tmp/err" ] && [ ! -e "$tmp/bad.svg" ]'
"$netan" chart "$siren" -o "$tmp/bad.svg" --community 999 >/dev/null 2>"$tmp/err"; rc=$?
check "chart --community 999: exit 1, says it has no members" '[ $rc -eq 1 ] && grep -q "999" "$tmp/err" && [ ! -e "$tmp/bad.svg" ]'
"$netan" chart "$siren" -o "$tmp/bad.svg" --edge-labels colour >/dev/null 2>"$tmp/err"; rc=$?
check "chart --edge-labels colour: exit 2, lists the labels" '[ $rc -eq 2 ] && grep -q "amount" "$tmp/err" && [ ! -e "$tmp/bad.svg" ]'
"$netan" chart "$siren" >/dev/null 2>"$tmp/err"; rc=$?
check "chart without -o: exit 2" '[ $rc -eq 2 ]'

echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
