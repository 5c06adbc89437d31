#!/usr/bin/env bash
# The printed forms as an officer gets them: each example form (`ocop form <kind> --example`) is
# printed to PDF in headless Chromium, its text read back with pdftotext and checked against the
# data it was printed from (scripts/check_forms.py), and its first page rasterised with pdftoppm
# into target/forms/ to look at. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/forms
mkdir -p "$OUT"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
cargo build -q --locked -p ocop-cli
for kind in sheet council mau-01 mau-02 mau-03; do
  for lang in vi en; do
    suffix=$([ "$lang" = vi ] && echo "" || echo ".en")
    t0=$(date +%s%N)
    target/debug/ocop form "$kind" --example --lang "$lang" \
      --output "$OUT/$kind$suffix.html" --pdf "$OUT/$kind$suffix.pdf" 2>/dev/null
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    pages=$(pdfinfo "$OUT/$kind$suffix.pdf" | sed -n 's/^Pages: *//p')
    echo "printed $kind$suffix: $pages page(s), $(stat -c %s "$OUT/$kind$suffix.pdf") bytes, ${ms} ms"
  done
  pdftoppm -r 80 -png -f 1 -l 1 "$OUT/$kind.pdf" "$OUT/$kind-page"
done
python3 scripts/check_forms.py "$OUT" target/debug/ocop
