#!/bin/sh
# Rebuild logius-2022.pdf deterministically (pdfLaTeX from TeX Live, Debian packages).
set -e
cd "$(dirname "$0")"
export SOURCE_DATE_EPOCH=0 FORCE_SOURCE_DATE=1 TZ=UTC
tmp=$(mktemp -d)
for run in 1 2; do
  pdflatex -interaction=nonstopmode -halt-on-error -output-directory="$tmp" logius-2022.tex >/dev/null
done
cp "$tmp/logius-2022.pdf" logius-2022.pdf
rm -rf "$tmp"
