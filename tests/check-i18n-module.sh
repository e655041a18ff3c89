#!/bin/sh
# The netan-i18n module (libnetan/ingest/i18n-module.h): libnetan links
# none of the libraries it holds, it exports its entry alone, and a
# build-tree libnetan finds it beside itself, with no NETAN_MODULE_DIR
# (the Python package's libnetan.so).
set -eu
: "${abs_top_builddir:?}" "${PYTHON:=/usr/bin/python3}"
libs="$abs_top_builddir/libnetan/.libs"
if readelf -d "$libs/libnetan.so" | grep NEEDED | grep -E 'phonenumber|protobuf|icu|absl|pcre2'; then
  echo "FAIL: libnetan.so links a library of the netan-i18n module"; exit 1
fi
exported=$(nm -D --defined-only "$libs/netan-i18n.so" | awk '{print $3}' | sort -u | tr '\n' ' ')
if [ "$exported" != "netan_i18n_module_entry " ]; then
  echo "FAIL: netan-i18n.so exports $exported"; exit 1
fi
if [ -n "${ASAN_LIB:-}" ]; then
  LD_PRELOAD="$ASAN_LIB${LD_PRELOAD:+:$LD_PRELOAD}"; ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  export LD_PRELOAD ASAN_OPTIONS
fi
env -u NETAN_MODULE_DIR PYTHONPATH="$abs_top_builddir/bindings/python/stage" PYTHONDONTWRITEBYTECODE=1 "$PYTHON" -c '
import netan
key = netan.normalize("phone", "069 053 0705", "RS")
assert key == "+381690530705", key
mapped = [l.split()[-1] for l in open("/proc/self/maps") if l.rstrip().endswith("netan-i18n.so")]
print("netan-i18n: found by libnetan at", mapped[0])
'
echo "netan-i18n: libnetan.so links none of its libraries; it exports netan_i18n_module_entry alone"
