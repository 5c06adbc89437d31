#!/usr/bin/env bash
# The npm tarball (dist/ocop-<version>.tgz) installed with npm into a fresh consumer outside the
# repository; Node imports it (ESM) and scores the CLI's example (npm/check.mjs). The package's
# own tests (bindings/npm/test) cover the API; this checks what `npm pack` ships.
# Builds the tarball first unless scripts/test.sh already did (OCOP_DIST_READY=1).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${OCOP_DIST_READY:-}" = 1 ] || bash scripts/package.sh npm
version=$(bash scripts/package.sh --version)
consumer=$(mktemp -d)
trap 'rm -rf "$consumer"' EXIT
echo '{ "name": "ocop-consumer", "private": true, "type": "module" }' >"$consumer/package.json"
cp tests/packaging/npm/check.mjs "$consumer/"
(cd "$consumer" && npm install --silent --no-audit --no-fund "$OLDPWD/dist/ocop-$version.tgz")
(cd "$consumer" && node check.mjs "$OLDPWD/ocop-cli/src/example.json")
