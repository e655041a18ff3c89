#!/bin/sh
# bench/smoke-test.sh: runs the benchmark harness end to end on one tiny
# workload (bench/run --smoke) and checks that every expected row is in
# its results. Asserts nothing about timings.
#
# Environment (set by `make check`; defaults for a manual run from the
# source tree): abs_top_builddir (the netan build tree), abs_top_srcdir,
# PYTHON (default /usr/bin/python3). Writes only into a temporary
# directory, so it works in a read-only VPATH source tree (distcheck).
# Exit: 0 pass, 1 fail, 77 skip (python-igraph or networkx missing).
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

here=$(cd "$(dirname "$0")" && pwd)
: "${abs_top_srcdir:=$(dirname "$here")}"
: "${abs_top_builddir:=$abs_top_srcdir/_build}"
: "${PYTHON:=/usr/bin/python3}"
export PYTHONDONTWRITEBYTECODE=1

if ! "$PYTHON" -c 'import igraph, networkx' 2>/dev/null; then
  echo "SKIP: $PYTHON cannot import igraph and networkx (apt-get install python3-igraph python3-networkx)"
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/netan-bench-smoke.XXXXXX") || exit 1
keep=0
cleanup() { if [ "$keep" = 0 ]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

echo "bench smoke test: builddir=$abs_top_builddir, output in $tmp"
"$PYTHON" "$abs_top_srcdir/bench/run" --smoke --builddir "$abs_top_builddir" \
  --workdir "$tmp" --outdir "$tmp" --python "$PYTHON"
status=$?
if [ -f "$tmp/RESULTS.md" ]; then
  cat "$tmp/RESULTS.md"
fi
if [ "$status" -ne 0 ]; then
  echo "FAIL: bench/run --smoke exited with status $status (output kept in $tmp)"
  keep=1
  exit 1
fi

"$PYTHON" - "$tmp/results.json" "$tmp/RESULTS.md" <<'EOF'
import json
import sys

res = json.load(open(sys.argv[1]))
md = open(sys.argv[2]).read()
problems = []
ANALYSES = ["load", "degree", "betweenness", "pagerank", "closeness", "louvain", "process"]
expected = {
    "chart50": {
        "netan_c": ["ingest", "view", "load", "degree", "betweenness", "louvain",
                    "chart_dot", "chart_render", "process"],
        "netan_cli": ["process"],
        "igraph_c": ANALYSES,
        "python_igraph": ANALYSES,
        "networkx": ANALYSES,
        "io_floor": ["load", "process"],
        "layout_floor": ["chart_render"],
    },
    "calls-tiny": {
        "netan_c": ["ingest", "view", "load", "degree", "process"],
        "igraph_c": ["load", "degree", "process"],
        "python_igraph": ["load", "degree", "process"],
        "networkx": ["load", "degree", "process"],
        "io_floor": ["load", "read_cdr", "process"],
    },
}
# A step a tool cannot do yet must be reported as skipped, with a reason.
may_skip = {("netan_c", "pagerank"), ("netan_c", "closeness")}
cases = {c["id"]: c for c in res.get("cases", [])}
if res.get("failures"):
    problems.append("failures recorded: %s" % res["failures"])
for cid, tools in expected.items():
    c = cases.get(cid)
    if c is None:
        problems.append("case %s missing from results.json" % cid)
        continue
    if "## %s\n" % cid not in md:
        problems.append("case %s missing from RESULTS.md" % cid)
    for tool, steps in tools.items():
        s = c["summary"].get(tool)
        if s is None:
            problems.append("%s: no runs of %s" % (cid, tool))
            continue
        if s["ok"] != s["runs"] or s["errors"]:
            problems.append("%s: %s failed: %s" % (cid, tool, s["errors"]))
        for step in steps:
            d = s["steps"].get(step)
            if d is None or d.get("wall") is None or d["wall"]["median"] is None:
                problems.append("%s: %s has no %s row" % (cid, tool, step))
        for t, step in may_skip:
            if t == tool and cid == "chart50" and step not in s["steps"] and not s["skips"].get(step):
                problems.append("%s: %s neither ran nor skipped %s" % (cid, tool, step))
    for st, text in c.get("checks", []):
        if st == "FAIL":
            problems.append("%s: check failed: %s" % (cid, text))
    if not any(st == "ok" and "same graph" in text for st, text in c.get("checks", [])):
        problems.append("%s: the tools' graphs were not checked equal" % cid)
    # the rows of the markdown table
    sect = md.split("## %s\n" % cid, 1)[-1].split("\n## ", 1)[0]
    rows = ["| load |", "| degree |", "| whole process |"]
    if cid == "chart50":
        rows += ["| betweenness |", "| louvain |", "| pagerank |", "| chart_render |"]
    for row in rows:
        if row not in sect:
            problems.append("%s: RESULTS.md has no row %r" % (cid, row))
    for t, step in may_skip:
        if cid == "chart50" and step not in c["summary"].get(t, {}).get("steps", {}) \
                and ("%s: skipped" % step) not in sect:
            problems.append("%s: the skip of %s %s is not explained in RESULTS.md" % (cid, t, step))
for key in ("cpu_model", "logical_cpus"):
    if not res.get("machine", {}).get(key):
        problems.append("machine.%s missing" % key)
if "Machine:" not in md or res.get("date", "") not in md:
    problems.append("RESULTS.md lacks the machine line or the date")
if problems:
    print("FAIL:")
    for p in problems:
        print("  - " + p)
    sys.exit(1)
print("bench smoke test: all expected rows present")
EOF
status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: results incomplete (output kept in $tmp)"
  keep=1
  exit 1
fi
echo "PASS: bench smoke test"
exit 0
