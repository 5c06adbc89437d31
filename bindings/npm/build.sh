#!/usr/bin/env bash
# Builds the npm package into bindings/npm/pkg/ (gitignored): the wasm twice, every function and
# the scoring build (Debian's rustc with build-std, in a subshell with $OCOP_TOOLS/env-wasm.sh),
# wasm-bindgen's web glue, wasm-opt -Oz from npm binaryen, the editions' packed files
# (editions/*.bin), the wasm and editions embedded as base64 of their gzip (wasm/*embedded.js,
# editions/*.js), the ESM entries, the types and package.json (version = the crate's). Prints the
# sizes, raw and gzipped, of the wasm and of what each entry loads. Idempotent; exits non-zero on
# any failure.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/pkg"
OCOP_TOOLS="${OCOP_TOOLS:-/opt/ocop-tools}"
WASM_BINDGEN_VERSION=0.2.130 # = the wasm-bindgen crate in Cargo.lock
BUDGET_GZIP_KB=100 # issue 16: a page scoring a 26/2026 sheet (ocop/score)

say() { printf 'npm build: %s\n' "$*"; }

# 1. The wasm, three times: every function (`ocop`, `ocop/slim`, workerd) and the scoring build
#    (`ocop/score`: score, safeScore, Form, scoreBatch), neither with the editions' data, which
#    ships as files of its own (editions/); and the printed forms (`ocop/forms`), a module of its
#    own with the editions inside, so that the other entries do not carry them. Unstable size flags are available because the env
#    builds std itself (RUSTC_BOOTSTRAP): no file/line strings in panics, and panics abort at
#    once (a panic in ocop is a bug; it traps either way, this only drops the unused formatting
#    code). The profile's `strip = true` would drop the target_features section wasm-bindgen
#    reads; wasm-opt strips the names instead.
TARGET_DIR="$ROOT/${OCOP_WASM_TARGET_DIR:-target/wasm}"
RAW="$TARGET_DIR/wasm32-unknown-unknown/wasm-release/ocop_wasm.wasm"
STAGE=$(mktemp -d "$HERE/.pkg-stage.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
# build_wasm NAME [cargo args…]: builds ocop-wasm into $STAGE/NAME.wasm; prints the OUT_DIR of
# ocop-core's build script, where the packed editions are.
build_wasm() {
  local name=$1; shift
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
    cargo build --quiet --locked --profile wasm-release -p ocop-wasm "$@" \
      --message-format=json-render-diagnostics
  ) | node -e '
    let s = "";
    process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const out = s.split("\n").filter(Boolean).map((l) => JSON.parse(l))
        .find((m) => m.reason === "build-script-executed" && /ocop-core/.test(m.package_id));
      if (!out) process.exit(1);
      console.log(out.out_dir);
    });'
  cp "$RAW" "$STAGE/$name.wasm"
}
say "cargo build -p ocop-wasm (wasm32, profile wasm-release): every function"
EDITIONS_OUT=$(build_wasm full)
say "cargo build -p ocop-wasm --no-default-features --features score: the scoring build"
build_wasm score --no-default-features --features score >/dev/null
say "cargo build -p ocop-wasm --no-default-features --features forms: the printed forms"
build_wasm forms --no-default-features --features forms >/dev/null

# 2. Glue and optimisation, in the staging directory so nothing stale is shipped.
# shellcheck disable=SC1091
source "$OCOP_TOOLS/env-tools.sh"
WASM_BINDGEN="$HOME/.cargo/bin/wasm-bindgen"
command -v "$WASM_BINDGEN" >/dev/null || WASM_BINDGEN=wasm-bindgen
have=$("$WASM_BINDGEN" --version)
[ "$have" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || { echo "need wasm-bindgen $WASM_BINDGEN_VERSION, found: $have (run scripts/setup.sh)" >&2; exit 1; }
say "wasm-bindgen --target web; wasm-opt -Oz (binaryen $(wasm-opt --version | awk '{print $3}'))"
# No default `new URL('ocop_wasm_bg.wasm', import.meta.url)` in the glue: only ocop/slim names
# the file, so bundlers do not copy it for apps that use the embedded default entry.
for name in full score forms; do
  out_dir=wasm out_name=ocop_wasm
  [ "$name" = score ] && out_name=ocop_score
  [ "$name" = forms ] && out_dir=forms out_name=ocop_forms
  "$WASM_BINDGEN" --target web --omit-default-module-path --out-dir "$STAGE/$out_dir" --out-name "$out_name" "$STAGE/$name.wasm"
  bound="$STAGE/$out_dir/${out_name}_bg.wasm"
  cp "$bound" "$STAGE/$name.unoptimised.wasm"
  wasm-opt -Oz --strip-debug --strip-producers --strip-target-features -o "$bound.opt" "$bound"
  mv "$bound.opt" "$bound"
  rm "$STAGE/$name.wasm"
done
# The scoring build's types are the full build's (score.d.ts picks its functions from them).
rm "$STAGE/wasm/ocop_score.d.ts" "$STAGE/wasm/ocop_score_bg.wasm.d.ts"
# `[Symbol.dispose]()` in the types needs TypeScript's esnext.disposable lib, which projects on
# lib es2022 lack (an error under skipLibCheck: false); the glue still installs it where the
# runtime has Symbol.dispose, so `using form = new Form(...)` works there.
sed -i '/^    \[Symbol\.dispose\](): void;$/d' "$STAGE/wasm/ocop_wasm.d.ts"
sed -i '/^    \[Symbol\.dispose\](): void;$/d' "$STAGE/forms/ocop_forms.d.ts"
# The editions' data, each as two files: the rules (`26-2026.bin`, enough to score) and the
# words of the labels (`26-2026.labels.bin`), as build.rs packed them.
mkdir -p "$STAGE/editions"
# The editions only (the correspondences beside them are inside the wasm).
find "$EDITIONS_OUT" -maxdepth 1 -name "*.bin" ! -name "*-from-*" -exec cp {} "$STAGE/editions/" \;
# The embedded copies, for the entries that carry their data inside their JavaScript: base64
# of the gzip, because gzip cannot compress base64 of raw bytes well (+40% over the binary);
# this way it costs under 1%.
node -e '
  const fs = require("fs");
  const zlib = require("zlib");
  const stage = process.argv[1];
  const embed = (from, to, what) => {
    const bytes = fs.readFileSync(from);
    const text = zlib.gzipSync(bytes, { level: 9 }).toString("base64");
    if (!zlib.gunzipSync(Buffer.from(text, "base64")).equals(bytes)) throw new Error(`embedded copy of ${from} differs`);
    fs.writeFileSync(to, `// ${what}, gzip, as base64 (generated by build.sh).\nexport default "${text}";\n`);
  };
  embed(`${stage}/wasm/ocop_wasm_bg.wasm`, `${stage}/wasm/embedded.js`, "The WebAssembly of ocop_wasm_bg.wasm");
  embed(`${stage}/wasm/ocop_score_bg.wasm`, `${stage}/wasm/score-embedded.js`, "The WebAssembly of ocop_score_bg.wasm");
  embed(`${stage}/forms/ocop_forms_bg.wasm`, `${stage}/forms/embedded.js`, "The WebAssembly of ocop_forms_bg.wasm");
  for (const bin of fs.readdirSync(`${stage}/editions`).filter((f) => f.endsWith(".bin"))) {
    embed(`${stage}/editions/${bin}`, `${stage}/editions/${bin.replace(/\.bin$/, ".js")}`, `editions/${bin}`);
  }
' "$STAGE"

# 3. The package: entries, types, README and package.json with the crate's version.
VERSION=$(cd "$ROOT" && cargo metadata --no-deps --format-version 1 --locked \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages.find(p=>p.name==="ocop-wasm");if(!p)process.exit(1);console.log(p.version)})')
cp "$HERE"/src/{index,node,slim,workerd,score,load,forms}.js "$HERE"/src/{index,slim,score,forms}.d.ts "$HERE"/README.md "$STAGE/"
node -e '
  const fs = require("fs");
  const [template, out, version] = process.argv.slice(1);
  const manifest = JSON.parse(fs.readFileSync(template, "utf8"));
  manifest.version = version;
  fs.writeFileSync(out, JSON.stringify(manifest, null, 2) + "\n");
' "$HERE/src/package.json" "$STAGE/package.json" "$VERSION"

# 4. Sizes, then swap the staged package in.
node --input-type=module -e '
  import { readdirSync, readFileSync } from "node:fs";
  import { gzipSync } from "node:zlib";
  const [stage, budget] = [process.argv[1], Number(process.argv[2])];
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
  const gzipOf = (file) => gzipSync(readFileSync(`${stage}/${file}`), { level: 9 }).length;
  const row = (name, file) => {
    const bytes = readFileSync(`${stage}/${file}`);
    console.log(`  ${name.padEnd(40)} ${kb(bytes.length)} raw ${kb(gzipOf(file))} gzip`);
  };
  const sections = (file) => {
    const wasm = readFileSync(`${stage}/${file}`);
    const found = {};
    for (let i = 8; i < wasm.length;) {
      const id = wasm[i++];
      let size = 0;
      for (let shift = 0; ; shift += 7) {
        const b = wasm[i++];
        size += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) break;
      }
      found[id] = wasm.subarray(i, i + size);
      i += size;
    }
    return found;
  };
  const part = (name, bytes) =>
    console.log(`    ${name.padEnd(38)} ${kb(bytes.length)} raw ${kb(gzipSync(bytes, { level: 9 }).length)} gzip`);
  console.log("npm build: sizes");
  for (const [name, build, file] of [["every function", "full", "wasm/ocop_wasm_bg.wasm"], ["scoring build", "score", "wasm/ocop_score_bg.wasm"]]) {
    row(`wasm, ${name}, after wasm-bindgen`, `${build}.unoptimised.wasm`);
    row(`wasm, ${name}, after wasm-opt -Oz`, file);
    const s = sections(file);
    part("of which code section", s[10] ?? Buffer.alloc(0));
    part("of which data section", s[11] ?? Buffer.alloc(0));
  }
  for (const bin of readdirSync(`${stage}/editions`).filter((f) => f.endsWith(".bin")).sort()) row(`editions/${bin}`, `editions/${bin}`);
  row("ocop/forms wasm (wasm-opt -Oz, editions inside)", "forms/ocop_forms_bg.wasm");
  row("JS glue (wasm/ocop_wasm.js)", "wasm/ocop_wasm.js");
  row("JS glue (wasm/ocop_score.js)", "wasm/ocop_score.js");
  row("types (wasm/ocop_wasm.d.ts)", "wasm/ocop_wasm.d.ts");
  // What each entry loads: every file a page (or Worker, or Node) reads, each gzipped as a
  // server sends it, summed. The issue-16 goals: ocop (everything) and ocop/score.
  const snippets = readdirSync(`${stage}/wasm/snippets`, { recursive: true })
    .filter((f) => f.endsWith(".js")).map((f) => `wasm/snippets/${f}`);
  const shared = ["load.js", ...snippets];
  const formsSnippets = readdirSync(`${stage}/forms/snippets`, { recursive: true })
    .filter((f) => f.endsWith(".js")).map((f) => `forms/snippets/${f}`);
  const all = (ext) => readdirSync(`${stage}/editions`).filter((f) => f.endsWith(ext)).map((f) => `editions/${f}`);
  const total = (files) => files.reduce((n, f) => n + gzipOf(f), 0);
  console.log("npm build: what each entry loads (JS + wasm + editions)");
  for (const [name, files] of [
    ["ocop: browsers, bundlers (embedded)", ["index.js", ...shared, "wasm/ocop_wasm.js", "wasm/embedded.js", ...all(".js")]],
    ["ocop/slim (fetches the .wasm, .bin)", ["slim.js", ...shared, "wasm/ocop_wasm.js", "wasm/ocop_wasm_bg.wasm", ...all(".bin")]],
    ["ocop: workerd (imports .wasm, .bin)", ["workerd.js", ...snippets, "wasm/ocop_wasm.js", "wasm/ocop_wasm_bg.wasm", ...all(".bin")]],
    ["ocop: Node, Deno, Bun (embedded)", ["node.js", ...snippets, "wasm/ocop_wasm.js", "wasm/embedded.js", ...all(".js")]],
    ["ocop/score, 26/2026 (embedded)", ["score.js", ...shared, "wasm/ocop_score.js", "wasm/score-embedded.js", "editions/26-2026.js"]],
    ["ocop/score, + loadEdition(148/2023)", ["score.js", ...shared, "wasm/ocop_score.js", "wasm/score-embedded.js", "editions/26-2026.js", "editions/148-2023.js"]],
    ["ocop/forms (embedded, separate)", ["forms.js", "load.js", "forms/ocop_forms.js", ...formsSnippets, "forms/embedded.js"]],
  ]) {
    const raw = files.reduce((n, f) => n + readFileSync(`${stage}/${f}`).length, 0);
    console.log(`  ${name.padEnd(40)} ${kb(raw)} raw ${kb(total(files))} gzip`);
  }
  const everything = total(["index.js", ...shared, "wasm/ocop_wasm.js", "wasm/embedded.js", ...all(".js")]) / 1024;
  const scoring = total(["score.js", ...shared, "wasm/ocop_score.js", "wasm/score-embedded.js", "editions/26-2026.js"]) / 1024;
  for (const [what, kbs, goal] of [["ocop, everything", everything, 200], ["ocop/score, scoring 26/2026", scoring, budget]]) {
    console.log(kbs > goal
      ? `  goal ${goal} KB gzip for ${what}: over by ${(kbs - goal).toFixed(1)} KB (see README "Size")`
      : `  goal ${goal} KB gzip for ${what}: within, ${(goal - kbs).toFixed(1)} KB to spare`);
  }
' "$STAGE" "$BUDGET_GZIP_KB"
rm "$STAGE"/*.unoptimised.wasm
rm -rf "$OUT"
mv "$STAGE" "$OUT"
trap - EXIT
chmod 755 "$OUT"
say "ocop $VERSION → ${OUT#"$ROOT"/}"
