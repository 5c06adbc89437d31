#!/usr/bin/env bash
# What Linux can check of the Swift package (no Swift compiler here): the bindings generate,
# the generated Swift, the root Package.swift and the XCTest file parse (tree-sitter-swift), the
# test file uses only API the generated Swift declares, and Package.swift matches the layout and
# build-xcframework.sh. `swift test` itself runs on macOS (see README.md). Ends with
# "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
trap 'echo "0 passed, 1 failed (could not build or generate)"' ERR
# shellcheck disable=SC1091
source "${OCOP_TOOLS:-/opt/ocop-tools}/env-tools.sh"
bash bindings/swift/generate.sh
exec "$OCOP_TOOLS/venv/bin/python" bindings/swift/check_swift.py bindings/swift Package.swift
