#!/usr/bin/env bash
# macOS only (Xcode and rustup): builds ocop-ffi as a static library for iOS devices, the iOS
# simulator and macOS, and packs the slices with the generated headers into
# bindings/swift/generated/OcopFFI.xcframework, the binary target of Package.swift.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname)" = Darwin ] || { echo "build-xcframework.sh needs macOS with Xcode" >&2; exit 1; }
export IPHONEOS_DEPLOYMENT_TARGET=13.0 MACOSX_DEPLOYMENT_TARGET=11.0   # as in Package.swift
targets="aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin"
rustup target add $targets
for t in $targets; do cargo build --release --locked --target "$t" -p ocop-ffi; done

bash bindings/swift/generate.sh   # Sources/Ocop/generated and generated/include
out=bindings/swift/generated
a() { echo "${CARGO_TARGET_DIR:-target}/$1/release/libocop_ffi.a"; }
mkdir -p "$out/ios-simulator" "$out/macos"
lipo -create "$(a aarch64-apple-ios-sim)" "$(a x86_64-apple-ios)" -output "$out/ios-simulator/libocop_ffi.a"
lipo -create "$(a aarch64-apple-darwin)" "$(a x86_64-apple-darwin)" -output "$out/macos/libocop_ffi.a"
rm -rf "$out/OcopFFI.xcframework"
xcodebuild -create-xcframework \
  -library "$(a aarch64-apple-ios)" -headers "$out/include" \
  -library "$out/ios-simulator/libocop_ffi.a" -headers "$out/include" \
  -library "$out/macos/libocop_ffi.a" -headers "$out/include" \
  -output "$out/OcopFFI.xcframework"
echo "$out/OcopFFI.xcframework"
