#!/usr/bin/env bash
# Builds ocop-ffi and generates its Kotlin bindings (packages vn.ocop and vn.ocop.core) into
# bindings/kotlin/generated, for working on them and for the benchmark. Prints the path of the
# native library the bindings load. The tests use the packaged jar instead (package.sh).
#
#   bash bindings/kotlin/generate.sh            # debug library
#   bash bindings/kotlin/generate.sh --release  # optimised library (benchmarks)
set -euo pipefail
cd "$(dirname "$0")/../.."
lib=$(bash bindings/build-ffi.sh "$@")
out=bindings/kotlin/generated
rm -rf "$out"
cargo run -q --locked -p uniffi-bindgen -- generate --no-format --language kotlin --out-dir "$out" \
  "$lib" >/dev/null
echo "$lib"
