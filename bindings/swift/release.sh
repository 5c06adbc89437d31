#!/usr/bin/env bash
# macOS only (Xcode, rustup): a Swift release of the workspace version, so that
# `.package(url:, from: "<version>")` works. Builds the XCFramework, zips it into
# dist/OcopFFI.xcframework.zip, points Package.swift's `release` at its download URL with its
# checksum, and stages the generated Swift (SwiftPM reads sources from the tagged commit; on
# other commits they are generated and ignored). Then commit, tag <version>, upload the zip.
#
#   OCOP_RELEASE_URL=https://…/releases/download/<version> bash bindings/swift/release.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(bash scripts/package.sh --version)
url=${OCOP_RELEASE_URL:-https://example.invalid/ocop/releases/download/$version}/OcopFFI.xcframework.zip
bash bindings/swift/build-xcframework.sh
zip=dist/OcopFFI.xcframework.zip
mkdir -p dist
rm -f "$zip"
ditto -c -k --sequesterRsrc --keepParent bindings/swift/generated/OcopFFI.xcframework "$zip"
python3 bindings/swift/set_release.py Package.swift "$url" "$zip"
checksum=$(swift package compute-checksum "$zip")
grep -q "checksum: \"$checksum\"" Package.swift || { echo "Package.swift lacks checksum $checksum" >&2; exit 1; }
git add Package.swift
git add -f bindings/swift/Sources/Ocop/generated
echo "Staged. Next: git commit -m 'Swift $version' && git tag $version, and upload $zip to $url"
