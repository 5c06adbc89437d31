#!/usr/bin/env bash
# Builds every artefact a user installs into dist/ (gitignored), all with one version: the
# workspace's ([workspace.package] in Cargo.toml).
#   crates  dist/ocop-core-<v>.crate, dist/ocop-cli-<v>.crate   `cargo package`, each verified
#           (built from its tarball, ocop-cli against the packaged ocop-core)
#   npm     dist/ocop-<v>.tgz                                   `npm pack` of bindings/npm/pkg
#   python  dist/ocop-<v>-py3-none-<platform>.whl               maturin (bindings/python)
#   jvm     dist/maven/vn/ocop/ocop/<v>/ocop-<v>{.jar,-sources.jar,.pom}   (bindings/kotlin)
# Swift and Android artefacts need macOS or the Android NDK: see tests/packaging/README.md.
# scripts/test.sh installs each artefact into a clean consumer (the "package" steps).
#
#   bash scripts/package.sh                 # everything
#   bash scripts/package.sh crates python   # some of: crates npm python jvm
#   bash scripts/package.sh --version       # prints the version
set -euo pipefail
cd "$(dirname "$0")/.."
OCOP_TOOLS="${OCOP_TOOLS:-/opt/ocop-tools}"

version=$(cargo metadata -q --no-deps --format-version 1 --locked | python3 -c \
  'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "ocop-core"))')
if [ "${1:-}" = --version ]; then echo "$version"; exit 0; fi
kinds=${*:-crates npm python jvm}
mkdir -p dist

timed() {
  local what=$1 t0=$SECONDS; shift
  echo "== $what"
  "$@"
  echo "   ($((SECONDS - t0)) s)"
}

crates() {
  rm -f dist/ocop-core-*.crate dist/ocop-cli-*.crate
  # --allow-dirty: a local run packages the working tree as it is; CI's tree is clean.
  # Verification builds each crate from its tarball, ocop-cli against the packaged ocop-core.
  # scripts/test.sh skips it (OCOP_PACKAGE_VERIFY=0): tests/packaging/rust.sh builds the same
  # tarballs right after, as a consumer and with `cargo install`.
  local verify=()
  [ "${OCOP_PACKAGE_VERIFY:-1}" = 0 ] && verify=(--no-verify)
  cargo package -q --locked --allow-dirty "${verify[@]}" -p ocop-core -p ocop-cli
  cp "${CARGO_TARGET_DIR:-target}"/package/ocop-{core,cli}-"$version".crate dist/
}

npm_tarball() {
  rm -f dist/ocop-*.tgz
  bash bindings/npm/build.sh >/dev/null
  npm pack --silent ./bindings/npm/pkg --pack-destination dist >/dev/null
}

wheel() {
  rm -f dist/ocop-*.whl
  (cd bindings/python && "$OCOP_TOOLS/venv/bin/maturin" build --quiet --release --out ../../dist)
}

jar_files() {
  bash bindings/kotlin/package.sh >/dev/null
}

for kind in $kinds; do
  case $kind in
    crates) timed "crates (cargo package)" crates ;;
    npm) timed "npm (bindings/npm/build.sh, npm pack)" npm_tarball ;;
    python) timed "python (maturin build)" wheel ;;
    jvm) timed "jvm (bindings/kotlin/package.sh)" jar_files ;;
    *) echo "unknown artefact kind: $kind (crates npm python jvm)" >&2; exit 2 ;;
  esac
done

# One version across all of them.
expect=()
for kind in $kinds; do
  case $kind in
    crates) expect+=("ocop-core-$version.crate" "ocop-cli-$version.crate") ;;
    npm) expect+=("ocop-$version.tgz") ;;
    python) expect+=("ocop-$version-py3-none-*.whl") ;;
    jvm) expect+=(maven/vn/ocop/ocop/"$version"/ocop-"$version"{.jar,-sources.jar,.pom}) ;;
  esac
done
echo "== dist/ (version $version)"
for name in "${expect[@]}"; do
  # shellcheck disable=SC2086 # the wheel's platform tag is a glob
  file=$(ls dist/$name 2>/dev/null | head -n 1)
  [ -n "$file" ] || { echo "missing: dist/$name" >&2; exit 1; }
  printf '   %-64s %8s KB\n' "${file#dist/}" $(( $(stat -c %s "$file") / 1024 ))
done
