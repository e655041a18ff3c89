#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate the committed 96x96 PNG icons from the SVG sources.
# Needs rsvg-convert (Debian: librsvg2-bin) at development time only;
# the build installs the committed PNGs and never runs this script.
# Usage: libnetan/chart/icons/make-png.sh   (from any directory)
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
command -v rsvg-convert >/dev/null 2>&1 || {
	echo "make-png.sh: rsvg-convert not found (apt-get install librsvg2-bin)" >&2
	exit 1
}
for svg in "$dir"/*.svg; do
	png=${svg%.svg}.png
	rsvg-convert -w 96 -h 96 -f png -o "$png.tmp" "$svg"
	mv "$png.tmp" "$png"
	echo "  PNG  ${png#"$dir"/}"
done
