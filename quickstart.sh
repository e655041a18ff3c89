#!/usr/bin/env bash
# netan quick start, on a fresh Debian 12 machine (root, or a user with sudo).
#
#   ./quickstart.sh          install what is missing, build, and run the main
#                            job on the bundled sample case (ingest -> measures
#                            -> chart); charts are written under out/
#   ./quickstart.sh check    install, build, and run every test (make check);
#                            the exit status is the tests'
#
# Running it again rebuilds only what changed. BUILD_DIR (default _build)
# and CONFIGURE_FLAGS (e.g. --enable-sanitizers) can be set in the environment.
set -euo pipefail
cd "$(dirname "$0")"
top=$PWD
mode=${1:-run}
case "$mode" in run|check) ;; *) echo "usage: $0 [check]" >&2; exit 2 ;; esac

packages=(
  build-essential autoconf automake libtool libtool-bin pkg-config
  libglib2.0-dev libigraph-dev libgraphviz-dev graphviz libcunit1-dev zlib1g-dev
  libicu-dev libsqlite3-dev libphonenumber-dev libpcre2-dev
  python3 python3-dev python3-pytest python3-networkx python3-igraph python3-pandas
  python3-phonenumbers python3-stdnum python3-icu python3-jellyfish python3-scipy time
  fonts-dejavu-core
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build=${BUILD_DIR:-_build}
[ -x configure ] || { echo "== autoreconf -fi"; autoreconf -fi; }
mkdir -p "$build"
if [ ! -f "$build/Makefile" ]; then
  echo "== configure"
  (cd "$build" && "$top/configure" PYTHON=/usr/bin/python3 ${CONFIGURE_FLAGS:-})
fi
jobs=$(nproc 2>/dev/null || echo 2)
echo "== make"
make -C "$build" -j"$jobs" >/dev/null

if [ "$mode" = check ]; then
  echo "== make check"
  exec make -C "$build" -j"$jobs" check
fi

# The netan command carries libnetan's code; the netan-i18n module it loads
# for phones and names is in the build tree's libnetan/.libs.
NETAN_MODULE_DIR="$(cd "$build" && pwd)/libnetan/.libs"
export NETAN_MODULE_DIR

echo "== main job: the sample case (examples/sample-case: six agencies' files)"
mkdir -p out
case_file=out/sample-case.netan
rm -f "$case_file" out/sample-rejects.csv  # rebuilt from the files each run: same input, same output
for csv in examples/sample-case/case/*.csv; do
  name=$(basename "$csv" .csv)
  "$build/netan" ingest "$case_file" "$csv" --spec "examples/sample-case/specs/$name.ini" \
    --received 2024-08-15 --rejects "out/rejects-$name.csv" 2>/dev/null | head -1
done
echo
"$build/netan" info "$case_file" | sed -n '1,/sources:/p' | head -n -1
echo
echo "== who is central in the calls between phones, and which groups they form"
"$build/netan" analyze "$case_file" --type phone --top 10
echo
echo "== charts: the whole case, its communities collapsed, and the top broker's ego network"
chart_opts=(--case-ref "SAMPLE-2024" --author "netan sample case" --banner "SYNTHETIC DATA - FOR DEMONSTRATION")
"$build/netan" chart "$case_file" -o out/sample-chart.svg -o out/sample-chart.pdf --page A3 --landscape \
  --title "Smuggling ring on the Western Balkan route: the whole case" "${chart_opts[@]}"
"$build/netan" chart "$case_file" -o out/sample-communities.svg -o out/sample-communities.pdf --collapse \
  --page A4 --landscape --title "The case's communities, collapsed" "${chart_opts[@]}"
# the top broker: the person with the highest betweenness in the whole case
# (the sample case README says who the planted brokers are; betweenness alone
# mixes brokers and cell leaders)
broker=$("$build/netan" centrality "$case_file" --measure betweenness --format csv |
  awk -F, 'NR > 1 && $5 == "person" { print "#" $2; exit }')
"$build/netan" chart "$case_file" -o out/sample-ego.svg -o out/sample-ego.pdf --focus "$broker" --hops 2 \
  --page A4 --landscape --title "Ego network (2 hops) of the person of highest betweenness" "${chart_opts[@]}"
echo
echo "== names that may be one person (to be confirmed by an analyst)"
"$build/netan" resolve "$case_file" --suggest --top 5 | cut -c1-150
echo
echo "Case:    $top/$case_file"
echo "Charts:  $top/out/sample-chart.svg, .pdf (whole case, A3)"
echo "         $top/out/sample-communities.svg, .pdf (communities collapsed)"
echo "         $top/out/sample-ego.svg, .pdf (the top broker's ego network)"
echo "Rejects: $top/out/rejects-*.csv (file, line, column, reason)"
