#!/usr/bin/env bash
# Installs every tool the tests need on a fresh Debian 12 machine (root, registries only).
# Idempotent and quiet when everything is already present. Nothing here downloads a prebuilt
# binary or a browser: Debian packages, crates.io, npm and PyPI only.
#
# Tools land in $OCOP_TOOLS (default /opt/ocop-tools). The wasm environment lives in
# $OCOP_TOOLS/env-wasm.sh and must only be sourced in a subshell that builds ocop-wasm:
# its CARGO_BUILD_TARGET and build-std settings would break native builds.
set -euo pipefail

OCOP_TOOLS="${OCOP_TOOLS:-/opt/ocop-tools}"
# Pins. wasm-bindgen-cli must equal the wasm-bindgen crate version in Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130
CARGO_FUZZ_VERSION=0.13.2
NPM_TOOLS="binaryen@132.0.0 playwright-core@1.65.1 kotlin-compiler@2.4.20 typescript@5.9.3"
# maturin builds the Python wheel (keep it equal to build-system.requires in
# bindings/python/pyproject.toml); mypy checks its types; pandas and duckdb run the analysts'
# recipes (docs/analysts.md, bindings/python/recipes.sh).
PIP_TOOLS="tree-sitter==0.26.1 tree-sitter-swift==0.7.4 maturin==1.16.0 mypy==2.4.1 pandas==3.1.1 duckdb==1.5.6"
# Debian packages; versions pinned where the recipe was proven, falling back to the current
# candidate if the archive moved on (security updates replace old versions).
APT_PACKAGES="rustc-web=1.96.0+dfsg1-1~deb12u2 cargo-web=1.96.0+dfsg1-1~deb12u2
rust-web-src=1.96.0+dfsg1-1~deb12u2 lld-19=1:19.1.7-3~deb12u1 libjna-java=5.13.0-2
openjdk-17-jdk-headless libgoogle-gson-java=2.10-1 chromium chromium-driver
poppler-utils=22.12.0-2+deb12u3"

say() { printf 'setup: %s\n' "$*"; }
export DEBIAN_FRONTEND=noninteractive

# 1. Debian packages.
missing=()
for spec in $APT_PACKAGES; do
  name="${spec%%=*}"
  dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q 'install ok installed' || missing+=("$spec")
done
if ((${#missing[@]})); then
  say "apt: installing ${missing[*]%%=*}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || apt-get install -y -qq --no-install-recommends "${missing[@]%%=*}" >/dev/null
fi

# 2. Rust components and cargo-installed tools (rustup's stable for native builds).
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" \
    || { say "rustup: adding $component"; rustup component add "$component" >/dev/null 2>&1; }
done
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "cargo: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: one locked dependency of the CLI is missing from the registry.
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! cargo +nightly fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  say "cargo: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install -q cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

# 3. npm tools (wasm-opt from binaryen 132, not Debian's 108; playwright-core drives Debian's
#    Chromium; the kotlin-compiler package carries the whole Kotlin distribution; tsc).
mkdir -p "$OCOP_TOOLS/node" "$OCOP_TOOLS/wasm-bin"
[ -f "$OCOP_TOOLS/node/package.json" ] || echo '{"name":"ocop-tools","private":true}' >"$OCOP_TOOLS/node/package.json"
for pkg in $NPM_TOOLS; do
  name="${pkg%@*}" version="${pkg##*@}"
  have=$(node -p "try{require('$OCOP_TOOLS/node/node_modules/$name/package.json').version}catch(e){''}")
  if [ "$have" != "$version" ]; then
    say "npm: installing $pkg"
    (cd "$OCOP_TOOLS/node" && npm install --silent --no-audit --no-fund --save-exact "$pkg" >/dev/null)
  fi
done

# 4. Python tools (a Swift grammar, to check that the generated Swift parses; maturin and mypy
#    for the wheel; pandas and DuckDB for the analysts' recipes).
if [ ! -x "$OCOP_TOOLS/venv/bin/python" ]; then
  say "python: creating $OCOP_TOOLS/venv"
  python3 -m venv "$OCOP_TOOLS/venv"
fi
for pkg in $PIP_TOOLS; do
  name="${pkg%%==*}" version="${pkg##*==}"
  have=$("$OCOP_TOOLS/venv/bin/python" -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p' || true)
  if [ "$have" != "$version" ]; then
    say "pip: installing $pkg"
    "$OCOP_TOOLS/venv/bin/python" -m pip install -q "$pkg"
  fi
done

# 5. A PATH shim and env files. Debian's rustc-web is the only rustc with a wasm32 std source.
for bin in cargo rustc rustdoc; do ln -sfn "/usr/bin/$bin" "$OCOP_TOOLS/wasm-bin/$bin"; done
for bin in wasm-bindgen wasm-bindgen-test-runner; do ln -sfn "$HOME/.cargo/bin/$bin" "$OCOP_TOOLS/wasm-bin/$bin"; done
ln -sfn "$OCOP_TOOLS/node/node_modules/.bin/wasm-opt" "$OCOP_TOOLS/wasm-bin/wasm-opt"
cat >"$OCOP_TOOLS/env-wasm.sh.new" <<EOF
# Source only in a subshell that builds ocop-wasm (see scripts/setup.sh).
export PATH="$OCOP_TOOLS/wasm-bin:\$PATH"
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_BUILD_TARGET=wasm32-unknown-unknown
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19
export CARGO_TARGET_DIR="\${OCOP_WASM_TARGET_DIR:-target/wasm}"
EOF
cat >"$OCOP_TOOLS/env-tools.sh.new" <<EOF
# Paths to the JVM, browser and Node tools; safe to source anywhere.
export OCOP_TOOLS="$OCOP_TOOLS"
export KOTLIN_HOME="$OCOP_TOOLS/node/node_modules/kotlin-compiler"
export JNA_JAR=/usr/share/java/jna.jar
export CHROMIUM=/usr/bin/chromium
export NODE_TOOLS="$OCOP_TOOLS/node/node_modules"
export PATH="$OCOP_TOOLS/node/node_modules/.bin:\$PATH"
EOF
for f in env-wasm.sh env-tools.sh; do
  if cmp -s "$OCOP_TOOLS/$f.new" "$OCOP_TOOLS/$f"; then rm "$OCOP_TOOLS/$f.new"; else mv "$OCOP_TOOLS/$f.new" "$OCOP_TOOLS/$f"; fi
done

# 6. The npm packaging matrix's tools (Vite, webpack, Next.js, wrangler with workerd, Deno, Bun,
#    publint, attw), pinned by its committed lockfile and installed beside it, where the test apps
#    resolve them. Redone only when the lockfile changes. Install scripts are off; Bun's is run
#    by name: it links the binary from its platform package (Deno's and workerd's need nothing).
MATRIX="$(cd "$(dirname "$0")/.." && pwd)/bindings/npm/packaging-tests"
if [ -f "$MATRIX/package-lock.json" ]; then
  stamp=$(sha256sum "$MATRIX/package-lock.json" | cut -c1-64)
  if [ "$(cat "$MATRIX/node_modules/.ocop-lock-sha256" 2>/dev/null)" != "$stamp" ]; then
    say "npm: installing the packaging matrix's tools (bindings/npm/packaging-tests, about 30 s)"
    (cd "$MATRIX" && npm ci --silent --ignore-scripts --no-audit --no-fund >/dev/null && node node_modules/bun/install.js)
    echo "$stamp" >"$MATRIX/node_modules/.ocop-lock-sha256"
  fi
fi

# 7. The JS comparison's pinned packages (benches/js: json-logic-js, json-rules-engine, Zen), for
#    CI's agreement check and benches/run.sh. Redone only when its lockfile changes.
bash "$(cd "$(dirname "$0")/.." && pwd)/benches/js/install.sh"
