#!/usr/bin/env bash
# Python against the package as users install it, each into a fresh venv, run from outside the
# repository (`python -I`: nothing but the installed package can be imported):
#   1. the wheel from dist/ (scripts/package.sh; built first unless OCOP_DIST_READY=1);
#   2. `pip install bindings/python` (maturin as the build backend, from PyPI).
# Each runs test_ocop.py (the shared golden cases, their digest equal to the Rust digest, typed
# calls and error paths); mypy --strict checks typing_check.py against the wheel's install.
# Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OCOP_TOOLS="${OCOP_TOOLS:-/opt/ocop-tools}"
trap 'echo "0 passed, 1 failed (could not build or install)"' ERR

[ "${OCOP_DIST_READY:-}" = 1 ] || bash scripts/package.sh python
version=$(bash scripts/package.sh --version)
wheel=$(ls dist/ocop-"$version"-py3-none-*.whl)
rust_digest=$(cargo run -q --locked -p ocop-conformance --bin ocop-cases -- --quiet | sed -n 's/^digest //p' || true)
[ -n "$rust_digest" ] || { echo "no digest from the Rust cases"; false; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
run_tests() { # VENV: the tests, from a folder outside the repository
  local out
  if out=$(cd "$work" && "$1/bin/python" -I "$ROOT/bindings/python/test_ocop.py" "$ROOT" "$rust_digest" 2>&1); then
    :
  fi
  echo "$out" | tail -n 20
  local line
  line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
  [ -n "$line" ] || line="0 passed, 1 failed"
  passed=$((passed + ${line%% passed*})); failed=$((failed + $(echo "$line" | sed 's/.*passed, \([0-9]*\) failed/\1/')))
}

echo "== the wheel ($wheel) in a fresh venv"
python3 -m venv "$work/wheel"
"$work/wheel/bin/pip" install -q --no-index "$wheel"
run_tests "$work/wheel"
echo "== mypy --strict on a typed caller"
if (cd "$work" && "$OCOP_TOOLS/venv/bin/mypy" --strict --no-incremental \
      --python-executable "$work/wheel/bin/python" "$ROOT/bindings/python/typing_check.py"); then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo "== pip install bindings/python in a fresh venv"
python3 -m venv "$work/source"
"$work/source/bin/pip" install -q "$ROOT/bindings/python"
run_tests "$work/source"

echo "$passed passed, $failed failed"
((failed == 0))
