#!/usr/bin/env bash
# Installs benches/js's pinned packages (json-logic-js, json-rules-engine, @gorules/zen-engine)
# from its package-lock.json into benches/js/node_modules; quiet and quick when they are there.
# Redone only when the lockfile changes. Called by scripts/setup.sh and benches/run.sh.
#
# Not `npm ci`: npm 11 refuses a lockfile that lacks Zen's optional packages for the other
# platforms (darwin, win32, arm64, wasm32-wasi), which this lockfile cannot list because the
# registry it was made against does not serve them. `npm install --no-save` installs exactly
# the versions the lockfile pins (integrity-checked), fetches this platform's Zen binary, and
# leaves package.json and the lockfile untouched.
set -euo pipefail
cd "$(dirname "$0")"
stamp=$(sha256sum package-lock.json | cut -c1-64)
[ "$(cat node_modules/.ocop-lock-sha256 2>/dev/null)" = "$stamp" ] && exit 0
echo "benches/js: installing the comparison's pinned packages (about 10 s)"
npm install --no-save --no-audit --no-fund --silent >/dev/null
echo "$stamp" >node_modules/.ocop-lock-sha256
