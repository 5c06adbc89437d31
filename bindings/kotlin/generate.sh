#!/usr/bin/env bash
# Builds ocop-ffi and generates its Kotlin bindings (packages vn.ocop and vn.ocop.core) into
# bindings/kotlin/generated. Prints the path of the native library the bindings load.
#
#   bash bindings/kotlin/generate.sh            # debug library (tests)
#   bash bindings/kotlin/generate.sh --release  # optimised library (benchmarks, packaging)
set -euo pipefail
cd "$(dirname "$0")/../.."
profile=debug
[ "${1:-}" = --release ] && profile=release
target="${CARGO_TARGET_DIR:-target}"
case "$(uname)" in Darwin) lib=libocop_ffi.dylib ;; *) lib=libocop_ffi.so ;; esac

cargo build -q --locked --profile "${profile/debug/dev}" -p ocop-ffi
out=bindings/kotlin/generated
rm -rf "$out"
# The generator reads the interface from the library itself (uniffi's library mode).
cargo run -q --locked -p uniffi-bindgen -- generate --no-format --language kotlin --out-dir "$out" \
  "$target/$profile/$lib" >/dev/null
echo "$target/$profile/$lib"
