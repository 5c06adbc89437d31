#!/usr/bin/env bash
# The analysts' recipes (docs/analysts.md) run as written, with pandas and DuckDB from the tools
# venv scripts/setup.sh makes, against the packaged wheel (dist/, scripts/package.sh; built first
# unless OCOP_DIST_READY=1): on a generated table of ROWS evaluations (default 17,000), checked
# against `ocop score`'s summary of the same file.
#
#   bash bindings/python/recipes.sh                   # the test (debug CLI)
#   ROWS=300000 bash bindings/python/recipes.sh --release --time   # the figures
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
profile=debug; flags=()
for a in "$@"; do if [ "$a" = --release ]; then profile=release; else flags+=("$a"); fi; done
python="${OCOP_TOOLS:-/opt/ocop-tools}/venv/bin/python"
[ -x "$python" ] || { echo "no $python: run scripts/setup.sh"; exit 1; }
[ "${OCOP_DIST_READY:-}" = 1 ] || bash scripts/package.sh python >/dev/null
wheel=$(ls dist/ocop-"$(bash scripts/package.sh --version)"-py3-none-*.whl)
cargo build -q --locked --profile "${profile/debug/dev}" -p ocop-cli
ocop="${CARGO_TARGET_DIR:-target}/$profile/ocop"
work="${CARGO_TARGET_DIR:-target}/recipes"
mkdir -p "$work" && work=$(cd "$work" && pwd) && rm -rf "$work/site"
# The wheel beside the tools venv's pandas and DuckDB, without touching that venv.
"$python" -m pip install -q --no-deps --target "$work/site" "$wheel"
"$ocop" catalog --edition 26/2026 --format json >"$work/catalog.json"
python3 benches/batch/generate.py "$work/catalog.json" "${ROWS:-17000}" "$work/evaluations.csv"
"$ocop" score "$work/evaluations.csv" -o "$work/summary.csv"
cd "$work"
PYTHONPATH="$work/site" "$python" "$root/bindings/python/test_recipes.py" \
  "$root/docs/analysts.md" summary.csv "${flags[@]}"
