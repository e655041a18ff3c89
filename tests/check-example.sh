#!/bin/sh
# The C example builds against the public API and runs on real data.
set -eu
: "${abs_top_builddir:?}" "${abs_top_srcdir:?}"
out=$("$abs_top_builddir/examples/c/analyze" "$abs_top_srcdir/tests/data/siren.csv")
echo "$out"
echo "$out" | head -1 | grep -q "44 entities, 103 edges"
echo "$out" | grep -q "^1 "
