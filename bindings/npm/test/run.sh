#!/usr/bin/env bash
# Tests the built npm package (bindings/npm/pkg, from build.sh), never the sources: the package
# is linked as node_modules/ocop and imported by its name.
#   1. types     tsc --noEmit --strict on test/types/*.ts
#   2. node      node --test: the package, every function's answers, malformed input, and the
#                golden cases with the digest the Rust core prints (ocop-cases, run here)
#   3. chromium  the golden cases in headless Chromium through the web entry (local server)
#   4. demo      the demo page clicked through in Chromium; screenshots in test-output/
# Prints one line per part and exits non-zero if any failed; logs in test-output/*.log.
# Idempotent. Needs scripts/setup.sh's tools (Node, typescript, playwright-core, chromium).
set -euo pipefail

HERE=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OCOP_TOOLS="${OCOP_TOOLS:-/opt/ocop-tools}"
# shellcheck disable=SC1091
source "$OCOP_TOOLS/env-tools.sh"
OUT="$HERE/test-output"
mkdir -p "$OUT"
cd "$HERE"

[ -f pkg/package.json ] && [ -f pkg/wasm/ocop_wasm_bg.wasm ] \
  || { echo "npm tests: no built package in bindings/npm/pkg (run bash bindings/npm/build.sh)" >&2; exit 1; }
# The tests import `ocop` by name: resolve it to the built package.
mkdir -p node_modules
ln -sfn ../pkg node_modules/ocop

# The cross-surface digest, from the Rust core (host cargo, not the wasm env).
rust_out=$(cd "$ROOT" && cargo run -q --locked -p ocop-conformance --bin ocop-cases -- --quiet)
OCOP_RUST_DIGEST=$(sed -n 's/^digest \([0-9a-f]\{64\}\)$/\1/p' <<<"$rust_out")
[ -n "$OCOP_RUST_DIGEST" ] || { echo "npm tests: no digest from ocop-cases:" >&2; echo "$rust_out" >&2; exit 1; }
export OCOP_RUST_DIGEST

# The example forms as the Rust core prints them (the CLI), for ocop/forms to match byte for byte.
mkdir -p "$OUT/forms-rust"
for kind in sheet council mau-01 mau-02 mau-03; do
  (cd "$ROOT" && cargo run -q --locked -p ocop-cli -- form "$kind" --example --lang vi --output "$OUT/forms-rust/$kind.html" 2>/dev/null)
done

failed=0
# part NAME LOG COMMAND...: runs one part, prints its one-line summary.
part() {
  local name=$1 log="$OUT/$2.log"; shift 2
  local t0=$SECONDS status=ok
  "$@" >"$log" 2>&1 || status=FAIL
  local summary
  summary=$(summarise "$log")
  printf 'npm tests: %-9s %-4s %s (%ss; log: %s)\n' "$name" "$status" "$summary" $((SECONDS - t0)) "${log#"$ROOT"/}"
  if [ "$status" = FAIL ]; then
    failed=1
    tail -n 40 "$log" | sed 's/^/    | /'
  fi
}
# The counts node --test prints (tap), the digest lines, or tsc's error count.
summarise() {
  local pass fail digests
  pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$1" | tail -n1)
  fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$1" | tail -n1)
  digests=$(grep -o '^# \(Node\|Chromium\): digest [0-9a-f]\{12\}' "$1" | sed 's/^# //; s/: digest / digest /' | paste -sd, - || true)
  if [ -n "$pass" ]; then
    printf '%s passed, %s failed%s' "$pass" "$fail" "${digests:+; $digests… (Rust ${OCOP_RUST_DIGEST:0:12}…)}"
  else
    printf '%s type errors' "$(grep -c 'error TS' "$1" || true)"
  fi
}

part types types tsc --noEmit --strict -p test/types/tsconfig.json
part node node node --test --test-reporter=tap test/api.test.js test/errors.test.js test/golden.test.js test/forms.test.js
part chromium chromium node --test --test-reporter=tap test/browser.test.js
part demo demo node --test --test-reporter=tap test/demo.test.js

if ((failed)); then
  echo "npm tests: FAILED"
  exit 1
fi
echo "npm tests: all passed (screenshots in ${OUT#"$ROOT"/})"
