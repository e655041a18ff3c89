#!/bin/sh
# The public header compiles alone, pedantic, as C11 and as C++; a
# sub-header included directly is refused.
set -eu
: "${abs_top_srcdir:?}" "${CC:=cc}" "${CXX:=c++}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '#include <netan/netan.h>\nint main(void) { return netan_version() == 0; }\n' > "$tmp/t.c"
cp "$tmp/t.c" "$tmp/t.cc"
$CC -std=c11 -pedantic -Wall -Wextra -Werror -I"$abs_top_srcdir/include" $GLIB_CFLAGS -c "$tmp/t.c" -o "$tmp/c.o"
$CXX -std=c++17 -pedantic -Wall -Wextra -Werror -I"$abs_top_srcdir/include" $GLIB_CFLAGS -c "$tmp/t.cc" -o "$tmp/cc.o"
printf '#include <netan/netan-case.h>\n' > "$tmp/direct.c"
if $CC -I"$abs_top_srcdir/include" $GLIB_CFLAGS -c "$tmp/direct.c" -o "$tmp/d.o" 2>/dev/null; then
  echo "FAIL: a sub-header can be included directly"; exit 1
fi
echo "headers: netan.h compiles alone as C11 and C++17 (-pedantic -Werror); sub-headers refuse direct use"
