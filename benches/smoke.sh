#!/usr/bin/env bash
# CI's benchmark smoke run: every Rust benchmark once (`--test`), so they keep compiling and
# running. The full runs are `bash benches/run.sh` (see benches/README.md); they are not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -q -p ocop-benches --bench ocop -- --test
