#!/usr/bin/env bash
# Builds ocop-ffi and prints the path of its native library, which the Kotlin, Python and Swift
# generators read the interface from (uniffi's library mode) and the bindings load.
#
#   bash bindings/build-ffi.sh            # debug library (tests)
#   bash bindings/build-ffi.sh --release  # optimised library (benchmarks, packaging)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=debug
[ "${1:-}" = --release ] && profile=release
case "$(uname)" in Darwin) lib=libocop_ffi.dylib ;; *) lib=libocop_ffi.so ;; esac
cargo build -q --locked --profile "${profile/debug/dev}" -p ocop-ffi
echo "${CARGO_TARGET_DIR:-target}/$profile/$lib"
