#!/usr/bin/env bash
# Every test, from a fresh machine: runs scripts/setup.sh (idempotent), then each step below,
# and ends with one "N passed, N failed" line. Exits non-zero if any step failed.
# A step whose surface is not built yet is reported as skipped, visibly.
#
#   scripts/test.sh            # everything
#   OCOP_STEPS="core npm" scripts/test.sh   # only steps whose names contain these words
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"
export OCOP_TOOLS="${OCOP_TOOLS:-/opt/ocop-tools}"
export CARGO_TERM_COLOR=never

passed=0 failed=0 skipped=0
failures=()
started=$(date +%s)

wanted() {
  [ -z "${OCOP_STEPS:-}" ] && return 0
  for w in $OCOP_STEPS; do [[ "$1" == *"$w"* ]] && return 0; done
  return 1
}

# step NAME COMMAND...: runs COMMAND, logs its output, records the result.
step() {
  local name=$1; shift
  wanted "$name" || return 0
  local log="$LOGS/${name// /-}.log" t0=$(date +%s)
  printf '%-44s ' "$name"
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    printf 'ok   (%ss)\n' $(( $(date +%s) - t0 ))
  else
    failed=$((failed + 1)); failures+=("$name")
    printf 'FAIL (%ss) — log: %s\n' $(( $(date +%s) - t0 )) "${log#$ROOT/}"
    tail -n 25 "$log" | sed 's/^/    | /'
  fi
}

# skip NAME REASON
skip() {
  wanted "$1" || return 0
  skipped=$((skipped + 1))
  printf '%-44s skip — %s\n' "$1" "$2"
}

# step_if FILE NAME COMMAND...: the step, or "not built yet" when FILE does not exist.
step_if() {
  local file=$1 name=$2; shift 2
  if [ -e "$file" ]; then step "$name" "$@"; else skip "$name" "not built yet ($file missing)"; fi
}

echo "== setup"
if ! bash scripts/setup.sh; then
  echo "setup failed"; echo "0 passed, 1 failed"; exit 1
fi
# shellcheck disable=SC1091
source "$OCOP_TOOLS/env-tools.sh"

echo "== steps"
step "core: format" cargo fmt --all -- --check
step "core: clippy" cargo clippy --workspace --all-targets --locked -- -D warnings
step "core: clippy with binding features" cargo clippy -p ocop-core --features wasm,uniffi --locked -- -D warnings
step "core: each feature alone" bash scripts/check-features.sh
step "core: tests and doctests" cargo test --workspace --locked
step "core: docs without broken links" env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
step "cli: main job (score --example)" cargo run -q -p ocop-cli --locked -- score --example
step "core: 148 to 26-2026 correspondence is up to date" python3 scripts/correspondence/generate.py --check
step "cli: 1M CSV rows stream in flat memory" bash benches/batch/flat-memory.sh
step "forms: printed to PDF in Chromium, read back" bash scripts/check-forms.sh
step_if bindings/npm/build.sh "npm: build wasm package" bash bindings/npm/build.sh
step_if bindings/npm/test/run.sh "npm: Node, Chromium and tsc tests" bash bindings/npm/test/run.sh
step_if bindings/npm/packaging-tests/run.sh "npm: packaging matrix on the npm tarball" bash bindings/npm/packaging-tests/run.sh
# The other artefacts into dist/ once (the npm tarball is the matrix's, above); then each is
# installed into a clean consumer with its own ecosystem's tools (the Kotlin and Python suites
# run against the jar and the wheel). A test script rebuilds its artefact itself unless this
# step passed (OCOP_DIST_READY).
built=$passed
step "package: crates, wheel and jar into dist" env OCOP_PACKAGE_VERIFY=0 bash scripts/package.sh crates python jvm
((passed > built)) && export OCOP_DIST_READY=1
step "package: crates in a consumer, cargo install" bash tests/packaging/rust.sh
step_if bindings/kotlin/test.sh "kotlin: JVM tests against the packaged jar" bash bindings/kotlin/test.sh
step_if bindings/python/test.sh "python: packaged wheel and pip install" bash bindings/python/test.sh
step_if bindings/python/recipes.sh "python: pandas and DuckDB recipes" bash bindings/python/recipes.sh
step_if bindings/swift/check.sh "swift: generation and Package.swift check" bash bindings/swift/check.sh
step_if bindings/android/check.sh "android: package build configuration check" bash bindings/android/check.sh
step_if fuzz/smoke.sh "fuzz: smoke run" bash fuzz/smoke.sh
step_if benches/smoke.sh "benches: smoke run" bash benches/smoke.sh
# Every JS implementation of the comparison (ocop's score, scoreBatch and Form, plain JS,
# json-logic-js, json-rules-engine, Zen) gives the same totals and stars; nothing is timed.
step_if bindings/npm/pkg/package.json "benches: JS agreement check" node benches/js/bench.mjs --check

elapsed=$(( $(date +%s) - started ))
echo
if ((failed)); then echo "failed steps: ${failures[*]}"; fi
echo "($skipped skipped, ${elapsed}s; logs in ${LOGS#$ROOT/})"
echo "$passed passed, $failed failed"
((failed == 0))
