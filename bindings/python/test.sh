#!/usr/bin/env bash
# Python against the built ocop-ffi library: the shared golden cases (their digest must equal
# the Rust digest), the catalog and the error paths. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
trap 'echo "0 passed, 1 failed (could not build or generate)"' ERR
# shellcheck disable=SC1091
source "${OCOP_TOOLS:-/opt/ocop-tools}/env-tools.sh"
bash bindings/python/generate.sh
rust_digest=$(cargo run -q --locked -p ocop-conformance --bin ocop-cases -- --quiet | sed -n 's/^digest //p' || true)
[ -n "$rust_digest" ] || { echo "no digest from the Rust cases"; false; }
PYTHONPATH=bindings/python/generated exec python3 bindings/python/test_ocop.py "$PWD" "$rust_digest"
