#!/usr/bin/env bash
# CI step: 1,000,000 CSV rows stream through `ocop score` in flat memory (see flat_memory.py).
# Uses the debug binary `cargo test` already built; a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q --locked -p ocop-cli
exec python3 benches/batch/flat_memory.py "${CARGO_TARGET_DIR:-target}/debug/ocop" "${CARGO_TARGET_DIR:-target}/flat-memory"
