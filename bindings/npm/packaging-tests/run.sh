#!/usr/bin/env bash
# The packaging matrix (run.js): the npm tarball of bindings/npm/pkg in Node (ESM and require),
# Deno, Bun, Vite (dev, build), webpack 5, Next.js 16 (Turbopack dev and build, webpack build),
# Cloudflare workerd (wrangler dev) and a plain page under a CSP, plus publint and attw.
# One line per rung; non-zero exit if any failed. Needs bash bindings/npm/build.sh first, and
# the tools that scripts/setup.sh installs here from this folder's package-lock.json.
#   bash bindings/npm/packaging-tests/run.sh [word…]   (only the rungs whose names contain a word)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OCOP_TOOLS="${OCOP_TOOLS:-/opt/ocop-tools}"
# shellcheck disable=SC1091
source "$OCOP_TOOLS/env-tools.sh" # playwright-core and Debian's Chromium

stamp=$(sha256sum "$HERE/package-lock.json" | cut -c1-64)
[ "$(cat "$HERE/node_modules/.ocop-lock-sha256" 2>/dev/null)" = "$stamp" ] \
  || { echo "packaging: the tools are not installed from package-lock.json (run bash scripts/setup.sh)" >&2; exit 1; }
cd "$HERE"
exec node run.js "$@"
