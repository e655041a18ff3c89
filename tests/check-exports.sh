#!/bin/sh
# The shared library exports exactly the functions the public headers
# declare with NETAN_API: nothing internal leaks, nothing declared is missing.
set -eu
: "${abs_top_builddir:?}" "${abs_top_srcdir:?}"
so="$abs_top_builddir/libnetan/.libs/libnetan.so"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$so" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sed 's/@.*//' | sort -u > "$tmp/exported"
cat "$abs_top_srcdir"/include/netan/*.h | tr '\n' ' ' | sed 's/;/;\n/g' | grep 'NETAN_API' \
  | sed -n 's/.*[ *]\(netan_[a-z0-9_]*\) *(.*/\1/p' | sort -u > "$tmp/declared"
if ! diff -u "$tmp/declared" "$tmp/exported"; then
  echo "FAIL: exported symbols differ from the NETAN_API declarations (- declared, + exported)"
  exit 1
fi
echo "exports: $(wc -l < "$tmp/exported") symbols, all declared NETAN_API"
