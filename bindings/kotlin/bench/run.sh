#!/usr/bin/env bash
# Kotlin micro-benchmark over JNA against the release library: one `score` call (µs/call) and
# `scoreBatch` (µs/sheet), each the median of 7 rounds after 5 warm-up rounds.
set -euo pipefail
cd "$(dirname "$0")/../../.."
# shellcheck disable=SC1091
source "${OCOP_TOOLS:-/opt/ocop-tools}/env-tools.sh"
lib=$(bash bindings/kotlin/generate.sh --release)
build=bindings/kotlin/build
mkdir -p "$build"
"$KOTLIN_HOME/bin/kotlinc-jvm" -nowarn -cp "$JNA_JAR" -d "$build/bench.jar" \
  $(find bindings/kotlin/generated -name '*.kt') bindings/kotlin/bench/ScoreBench.kt
java -Djna.library.path="$(dirname "$lib")" \
  -cp "$build/bench.jar:$JNA_JAR:$KOTLIN_HOME/lib/kotlin-stdlib.jar" \
  vn.ocop.bench.ScoreBenchKt ocop-cli/src/example.json
