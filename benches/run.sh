#!/usr/bin/env bash
# The whole comparison in one command (not in CI): the Rust criterion benchmarks, the JS
# comparison of ocop's npm package with the alternatives (Node, with cold starts in Node and
# headless Chromium), and the Kotlin call over JNA. `--quick` shortens every part.
#
#   bash benches/run.sh [--quick]
#
# Needs what scripts/setup.sh installs; builds the npm package when it is missing and installs
# benches/js's pinned packages (benches/js/install.sh). benches/README.md holds the latest output.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=()
[ "${1:-}" = "--quick" ] && quick=(--quick)

echo "# Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"

echo
echo "## Rust (criterion${quick:+, --quick})"
# Keep criterion's verdicts: "name: [low median high]" per benchmark.
cargo bench -q --locked -p ocop-benches --bench ocop -- "${quick[@]}" 2>/dev/null \
  | awk '/^[^ ]/ && !/time:/ { name = $0 }
         /time:/ && !/%/ { line = $0; if (line ~ /^[^ ]/) { name = line; sub(/ +time:.*/, "", name) }
                   sub(/.*time: +/, "", line); print "- " name ": " line }' 
echo
echo "## JavaScript (Node $(node --version))"
[ -f bindings/npm/pkg/package.json ] || bash bindings/npm/build.sh >/dev/null
bash benches/js/install.sh
node benches/js/bench.mjs "${quick[@]}"

echo
echo "## Kotlin (JVM, over JNA)"
bash bindings/kotlin/bench/run.sh
