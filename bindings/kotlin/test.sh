#!/usr/bin/env bash
# Kotlin on the JVM against the packaged jar (dist/maven/vn/ocop/ocop/<v>/ocop-<v>.jar), as a
# JVM app gets it: the tests are compiled against the jar and JNA only, and run with no
# library path, so the native library comes out of the jar. They run the shared golden cases
# (their digest must equal the Rust digest), the error paths and the catalog. Builds the jar
# first unless scripts/test.sh already did (OCOP_DIST_READY=1). Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
trap 'echo "0 passed, 1 failed (could not build or compile)"' ERR
# shellcheck disable=SC1091
source "${OCOP_TOOLS:-/opt/ocop-tools}/env-tools.sh"
GSON_JAR=/usr/share/java/gson.jar

[ "${OCOP_DIST_READY:-}" = 1 ] || bash scripts/package.sh jvm
version=$(bash scripts/package.sh --version)
jar=dist/maven/vn/ocop/ocop/$version/ocop-$version.jar
# The POM beside it: its coordinates, and the JNA it declares is the one the tests run with.
python3 - "${jar%.jar}.pom" "$version" "$(basename "$(readlink -f "$JNA_JAR")")" <<'PY'
import sys, xml.etree.ElementTree as ET
pom, version, jna_jar = sys.argv[1:]
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
root = ET.parse(pom).getroot()
coords = [root.findtext(f"m:{k}", namespaces=ns) for k in ("groupId", "artifactId", "version")]
deps = {d.findtext("m:artifactId", namespaces=ns): d.findtext("m:version", namespaces=ns)
        for d in root.iterfind("m:dependencies/m:dependency", ns)}
assert coords == ["vn.ocop", "ocop", version], coords
assert jna_jar == f"jna-{deps.get('jna')}.jar", (jna_jar, deps)
assert set(deps) == {"jna", "kotlin-stdlib"}, deps
PY
rust_digest=$(cargo run -q --locked -p ocop-conformance --bin ocop-cases -- --quiet | sed -n 's/^digest //p' || true)
[ -n "$rust_digest" ] || { echo "no digest from the Rust cases"; false; }

build=bindings/kotlin/build
mkdir -p "$build"
"$KOTLIN_HOME/bin/kotlinc-jvm" -nowarn -cp "$jar:$JNA_JAR:$GSON_JAR" -d "$build/tests.jar" bindings/kotlin/test/*.kt
exec java -cp "$build/tests.jar:$jar:$JNA_JAR:$GSON_JAR:$KOTLIN_HOME/lib/kotlin-stdlib.jar" \
  vn.ocop.test.MainKt "$PWD" "$rust_digest"
