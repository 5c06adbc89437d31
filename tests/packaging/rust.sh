#!/usr/bin/env bash
# The packaged crates as a crates.io user gets them (dist/ocop-{core,cli}-<version>.crate,
# unpacked outside the repository):
#   1. tests/packaging/rust, a crate outside the workspace with `ocop-core = "<version>"`, runs
#      the README's Rust example against the packaged ocop-core;
#   2. `cargo install` of the packaged ocop-cli; `ocop score --example` gives 75 points, 3 stars.
# Builds the crates first unless scripts/test.sh already did (OCOP_DIST_READY=1).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${OCOP_DIST_READY:-}" = 1 ] || bash scripts/package.sh crates
version=$(bash scripts/package.sh --version)
crates=$(mktemp -d)
trap 'rm -rf "$crates"' EXIT
for c in ocop-core ocop-cli; do tar -xzf "dist/$c-$version.crate" -C "$crates"; done
# The packaged ocop-core stands in for the crates.io one; nothing else is patched.
patch=(--config "patch.crates-io.ocop-core.path=\"$crates/ocop-core-$version\"")
export CARGO_TARGET_DIR="$PWD/target/packaging/cargo"

echo "== the README's Rust example in a consumer crate"
grep -qx "ocop-core = \"$version\"" tests/packaging/rust/Cargo.toml \
  || { echo "tests/packaging/rust/Cargo.toml: set ocop-core = \"$version\" (the workspace version)"; exit 1; }
cargo run -q --manifest-path tests/packaging/rust/Cargo.toml "${patch[@]}"

echo "== cargo install of the packaged ocop-cli"
root="$PWD/target/packaging/cargo-root"
rm -rf "$root"
# --debug: the check is that it installs and runs; a release build would add minutes.
cargo install -q --debug --locked --path "$crates/ocop-cli-$version" --root "$root" "${patch[@]}"

# The CLI's example: 75 points, in the 4★ band but held at 3★ (the one place that knows the
# shape of the JSON answer).
check() {
  python3 -c 'import json, sys
r = json.load(sys.stdin)["result"]
got = (r["total"], r.get("stars"))
sys.exit(0 if got == ("75", 3) else f"expected 75 points and 3 stars, got {got}")'
}
"$root/bin/ocop" score --example --format json | check
echo "installed ocop: score --example gives 75 points, 3 stars"
