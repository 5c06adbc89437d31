#!/usr/bin/env bash
# Builds the npm package into bindings/npm/pkg/ (gitignored): the wasm (Debian's rustc with
# build-std, in a subshell with $OCOP_TOOLS/env-wasm.sh), wasm-bindgen's web glue, wasm-opt -Oz
# from npm binaryen, the ESM entries, the types and package.json (version = the crate's).
# Prints the sizes, raw and gzipped. Idempotent; exits non-zero on any failure.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/pkg"
OCOP_TOOLS="${OCOP_TOOLS:-/opt/ocop-tools}"
WASM_BINDGEN_VERSION=0.2.130 # = the wasm-bindgen crate in Cargo.lock
BUDGET_GZIP_KB=150

say() { printf 'npm build: %s\n' "$*"; }

# 1. The wasm. Unstable size flags are available because the env builds std itself
#    (RUSTC_BOOTSTRAP): no file/line strings in panics, and panics abort at once (a panic in
#    ocop is a bug; it traps either way, this only drops the unused formatting code).
#    The profile's `strip = true` would drop the target_features section wasm-bindgen reads;
#    wasm-opt strips the names instead.
say "cargo build -p ocop-wasm (wasm32, profile wasm-release)"
(
  # shellcheck disable=SC1091
  source "$OCOP_TOOLS/env-wasm.sh"
  cd "$ROOT"
  export RUSTFLAGS="-Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"
  # std's own size-over-speed variants (smaller sort, fmt and collections): −12 KB gzip.
  # Measured and rejected: opt-level "s" (+15 KB gzip over "z"), -Zfmt-debug=none (−0.4 KB,
  # but `{:?}` in a message would print nothing), wasm-opt --converge (−1 KB, 3× slower).
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_PROFILE_WASM_RELEASE_STRIP=false
  cargo build --quiet --locked --profile wasm-release -p ocop-wasm
)
TARGET_DIR="$ROOT/${OCOP_WASM_TARGET_DIR:-target/wasm}"
RAW="$TARGET_DIR/wasm32-unknown-unknown/wasm-release/ocop_wasm.wasm"

# 2. Glue and optimisation, in a fresh staging directory so nothing stale is shipped.
# shellcheck disable=SC1091
source "$OCOP_TOOLS/env-tools.sh"
WASM_BINDGEN="$HOME/.cargo/bin/wasm-bindgen"
command -v "$WASM_BINDGEN" >/dev/null || WASM_BINDGEN=wasm-bindgen
have=$("$WASM_BINDGEN" --version)
[ "$have" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || { echo "need wasm-bindgen $WASM_BINDGEN_VERSION, found: $have (run scripts/setup.sh)" >&2; exit 1; }
STAGE=$(mktemp -d "$HERE/.pkg-stage.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
say "wasm-bindgen --target web"
"$WASM_BINDGEN" --target web --out-dir "$STAGE/wasm" --out-name ocop_wasm "$RAW"
BOUND="$STAGE/wasm/ocop_wasm_bg.wasm"
say "wasm-opt -Oz (binaryen $(wasm-opt --version | awk '{print $3}'))"
wasm-opt -Oz --strip-debug --strip-producers --strip-target-features -o "$BOUND.opt" "$BOUND"
cp "$BOUND" "$STAGE/unoptimised.wasm"
mv "$BOUND.opt" "$BOUND"

# 3. The package: entries, types, README and package.json with the crate's version.
VERSION=$(cd "$ROOT" && cargo metadata --no-deps --format-version 1 --locked \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages.find(p=>p.name==="ocop-wasm");if(!p)process.exit(1);console.log(p.version)})')
cp "$HERE"/src/index.js "$HERE"/src/node.js "$HERE"/src/index.d.ts "$HERE"/README.md "$STAGE/"
node -e '
  const fs = require("fs");
  const [template, out, version] = process.argv.slice(1);
  const manifest = JSON.parse(fs.readFileSync(template, "utf8"));
  manifest.version = version;
  fs.writeFileSync(out, JSON.stringify(manifest, null, 2) + "\n");
' "$HERE/src/package.json" "$STAGE/package.json" "$VERSION"

# 4. Sizes, then swap the staged package in. The packed catalogs are the build script's
#    output (the newest, for this build); the wasm's code and data sections are read from it.
BINS=$(ls -t "$TARGET_DIR"/wasm32-unknown-unknown/wasm-release/build/ocop-core-*/out/*.bin 2>/dev/null | head -n 2 || true)
node --input-type=module -e '
  import { readFileSync } from "node:fs";
  import { gzipSync } from "node:zlib";
  const [stage, budget] = [process.argv[1], Number(process.argv[2])];
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
  const row = (name, file) => {
    const bytes = readFileSync(`${stage}/${file}`);
    const gz = gzipSync(bytes, { level: 9 }).length;
    console.log(`  ${name.padEnd(34)} ${kb(bytes.length)} raw ${kb(gz)} gzip`);
    return gz;
  };
  console.log("npm build: sizes");
  row("wasm after wasm-bindgen", "unoptimised.wasm");
  const gz = row("wasm after wasm-opt -Oz (shipped)", "wasm/ocop_wasm_bg.wasm");
  // The shipped wasm by section: code (functions) and data (the catalogs and all constants).
  const wasm = readFileSync(`${stage}/wasm/ocop_wasm_bg.wasm`);
  const sections = {};
  for (let i = 8; i < wasm.length;) {
    const id = wasm[i++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const b = wasm[i++];
      size += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    sections[id] = wasm.subarray(i, i + size);
    i += size;
  }
  const part = (name, bytes) =>
    console.log(`    ${name.padEnd(32)} ${kb(bytes.length)} raw ${kb(gzipSync(bytes, { level: 9 }).length)} gzip`);
  part("of which code section", sections[10] ?? Buffer.alloc(0));
  part("of which data section", sections[11] ?? Buffer.alloc(0));
  for (const bin of process.argv.slice(3)) {
    const name = bin.split("/").pop().replace(".bin", "").replace("-", "/");
    part(`  catalog ${name} (packed)`, readFileSync(bin));
  }
  row("JS glue (wasm/ocop_wasm.js)", "wasm/ocop_wasm.js");
  row("types (wasm/ocop_wasm.d.ts)", "wasm/ocop_wasm.d.ts");
  const over = gz / 1024 - budget;
  console.log(over > 0
    ? `  budget ${budget} KB gzip for the wasm: over by ${over.toFixed(1)} KB (see README "Size")`
    : `  budget ${budget} KB gzip for the wasm: within, ${(-over).toFixed(1)} KB to spare`);
' "$STAGE" "$BUDGET_GZIP_KB" $BINS
rm "$STAGE/unoptimised.wasm"
rm -rf "$OUT"
mv "$STAGE" "$OUT"
trap - EXIT
chmod 755 "$OUT"
say "ocop $VERSION → ${OUT#"$ROOT"/}"
