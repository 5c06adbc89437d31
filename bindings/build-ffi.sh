#!/usr/bin/env bash
# Builds ocop-ffi and prints the path of its native library, which the Swift generator and the
# Kotlin benchmark read the interface from (uniffi's library mode). The packaged jar and wheel
# build their own (bindings/kotlin/package.sh, maturin).
#
#   bash bindings/build-ffi.sh            # debug library (the Swift check)
#   bash bindings/build-ffi.sh --release  # optimised library (benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=debug
[ "${1:-}" = --release ] && profile=release
case "$(uname)" in Darwin) lib=libocop_ffi.dylib ;; *) lib=libocop_ffi.so ;; esac
cargo build -q --locked --profile "${profile/debug/dev}" -p ocop-ffi
echo "${CARGO_TARGET_DIR:-target}/$profile/$lib"
