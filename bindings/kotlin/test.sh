#!/usr/bin/env bash
# Kotlin on the JVM against the built ocop-ffi library: the shared golden cases (their digest
# must equal the Rust digest), the error paths and the catalog. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
trap 'echo "0 passed, 1 failed (could not build or generate)"' ERR
# shellcheck disable=SC1091
source "${OCOP_TOOLS:-/opt/ocop-tools}/env-tools.sh"
GSON_JAR=/usr/share/java/gson.jar

lib=$(bash bindings/kotlin/generate.sh)
rust_digest=$(cargo run -q --locked -p ocop-conformance --bin ocop-cases -- --quiet | sed -n 's/^digest //p' || true)
[ -n "$rust_digest" ] || { echo "no digest from the Rust cases"; false; }

build=bindings/kotlin/build
mkdir -p "$build"
"$KOTLIN_HOME/bin/kotlinc-jvm" -nowarn -cp "$JNA_JAR:$GSON_JAR" -d "$build/tests.jar" \
  $(find bindings/kotlin/generated bindings/kotlin/test -name '*.kt')
exec java -Djna.library.path="$(dirname "$lib")" \
  -cp "$build/tests.jar:$JNA_JAR:$GSON_JAR:$KOTLIN_HOME/lib/kotlin-stdlib.jar" \
  vn.ocop.test.MainKt "$PWD" "$rust_digest"
