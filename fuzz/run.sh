#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60) on the stored corpus (which it grows and
# then minimises), and prints the executions per target. Crashes land in fuzz/artifacts/ and
# stop the run; each becomes a regression test in ocop-core.
#
#   bash fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
minimise=${OCOP_FUZZ_MINIMISE:-1}
# OCOP_FUZZ_GROW=0 (the smoke run) reads the stored corpus but writes new inputs to a scratch
# folder, so a test run leaves the repository as it found it.
grow=${OCOP_FUZZ_GROW:-1}
cargo +nightly fuzz build -O >/dev/null 2>&1 || cargo +nightly fuzz build -O
for target in $(cargo +nightly fuzz list); do
  mkdir -p "corpus/$target" "artifacts/$target"
  log=$(mktemp)
  dirs=("corpus/$target")
  [ "$grow" = 1 ] || dirs=("$(mktemp -d)" "corpus/$target")
  if ! cargo +nightly fuzz run -O "$target" "${dirs[@]}" -- \
      -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 -timeout=10 >"$log" 2>&1; then
    echo "$target: CRASH (see fuzz/artifacts/$target)"
    tail -n 40 "$log"
    exit 1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  echo "$target: ${execs:-?} executions in ${seconds}s, no crash"
  rm -f "$log"
  [ "$grow" = 1 ] || rm -rf "${dirs[0]}"
  if [ "$minimise" = 1 ] && [ "$seconds" -ge 30 ]; then
    cargo +nightly fuzz cmin -O "$target" "corpus/$target" >/dev/null 2>&1 || true
  fi
done
