#!/usr/bin/env bash
# Generates the Swift bindings from the built ocop-ffi library:
#   Sources/Ocop/generated/{ocop,ocop_core}.swift   the Swift API (target Ocop)
#   generated/include/                              the C headers and one module map, OcopFFI,
#                                                   for build-xcframework.sh
# Runs on Linux and macOS; the XCFramework itself needs macOS (build-xcframework.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
lib=$(bash bindings/build-ffi.sh)
swift=bindings/swift
rm -rf "$swift/generated" "$swift/Sources/Ocop/generated"
mkdir -p "$swift/generated/include" "$swift/Sources/Ocop/generated"
cargo run -q --locked -p uniffi-bindgen -- generate --no-format --language swift \
  --out-dir "$swift/generated/uniffi" "$lib" >/dev/null
mv "$swift"/generated/uniffi/*.swift "$swift/Sources/Ocop/generated/"
mv "$swift"/generated/uniffi/*.h "$swift/generated/include/"
rm -r "$swift/generated/uniffi"
# uniffi writes one module map per namespace; both declare the module OcopFFI (uniffi.toml),
# so the XCFramework carries one map with both headers.
{
  echo "module OcopFFI {"
  for h in "$swift"/generated/include/*.h; do echo "    header \"$(basename "$h")\""; done
  echo "    export *"
  echo "}"
} >"$swift/generated/include/module.modulemap"
