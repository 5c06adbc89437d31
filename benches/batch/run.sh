#!/usr/bin/env bash
# The batch figures (not in CI; CI runs flat-memory.sh): 17,000 evaluations to a CSV summary,
# 1,000,000 streamed rows with the peak memory, and the analysts' Python recipes on 17,000 and
# 300,000 rows. Release builds; one run each; prints the load average, since the machine is
# shared. Figures and how to read them: benches/batch/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q --release --locked -p ocop-cli
ocop=target/release/ocop
work=target/batch-bench
mkdir -p "$work"
"$ocop" catalog --edition 26/2026 --format json >"$work/catalog.json"
python3 benches/batch/generate.py "$work/catalog.json" 17000 "$work/e17k.csv"
python3 benches/batch/generate.py "$work/catalog.json" 1000000 "$work/e1m.csv" --bad-every 10000
# /usr/bin/time's line is the last on standard error.
measure() { /usr/bin/time -f "%e s wall, %U s user, %M KiB peak" "$@" 2>&1 >/dev/null | tail -1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
for jobs in 1 2; do
  echo "17,000 evaluations → CSV summary, --jobs $jobs: $(measure "$ocop" score "$work/e17k.csv" -o "$work/s17k.csv" --jobs "$jobs")"
done
echo "17,000 evaluations → .xlsx summary: $(measure "$ocop" score "$work/e17k.csv" -o "$work/s17k.xlsx")"
echo "1,000,000 rows streamed → CSV summary: $(measure "$ocop" score "$work/e1m.csv" -o "$work/s1m.csv")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for rows in 17000 300000; do
  ROWS=$rows bash bindings/python/recipes.sh --release --time | grep -v passed
done
rm -f "$work/e1m.csv" "$work/s1m.csv"
