#!/usr/bin/env bash
# The JVM artefact, Maven coordinates vn.ocop:ocop:<workspace version>, as a Maven repository
# under dist/maven (usable as is: `maven { url = uri(".../dist/maven") }`):
#   vn/ocop/ocop/<v>/ocop-<v>.jar          the generated Kotlin (packages vn.ocop, vn.ocop.core),
#                                          compiled, and the native library where JNA looks for
#                                          it on the classpath: <JNA resource prefix>/<library>
#   vn/ocop/ocop/<v>/ocop-<v>-sources.jar  the generated Kotlin sources
#   vn/ocop/ocop/<v>/ocop-<v>.pom          its dependencies: JNA and kotlin-stdlib
# This machine's library goes in (linux-x86-64/libocop_ffi.so here). Libraries built on other
# machines are added when present as target/jna-natives/<prefix>/<file>, the JNA layout:
#   linux-x86-64/libocop_ffi.so   linux-aarch64/libocop_ffi.so   win32-x86-64/ocop_ffi.dll
#   darwin-aarch64/libocop_ffi.dylib   darwin-x86-64/libocop_ffi.dylib
# Prints the path of the jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck disable=SC1091
source "${OCOP_TOOLS:-/opt/ocop-tools}/env-tools.sh"
# Versions the POM declares: the JNA tested here (Debian's), and the oldest kotlin-stdlib the
# classes need (compiled with -api-version below, readable by Kotlin 2.1 and later).
JNA_VERSION=5.13.0
KOTLIN_API=2.2
version=$(bash scripts/package.sh --version)
target=${CARGO_TARGET_DIR:-target}

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) prefix=linux-x86-64 lib=libocop_ffi.so ;;
  Linux-aarch64) prefix=linux-aarch64 lib=libocop_ffi.so ;;
  Darwin-arm64) prefix=darwin-aarch64 lib=libocop_ffi.dylib ;;
  Darwin-x86_64) prefix=darwin-x86-64 lib=libocop_ffi.dylib ;;
  *) echo "no JNA resource prefix known for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
# The release library, built with the same command as maturin's, so the wheel reuses it.
cargo rustc -q --locked --release -p ocop-ffi --lib --crate-type cdylib

build=$target/packaging/jvm
rm -rf "$build"
mkdir -p "$build/classes/$prefix" "$build/natives"
cargo run -q --locked -p uniffi-bindgen -- generate --no-format --language kotlin \
  --out-dir "$build/sources" "$target/release/$lib" >/dev/null
"$KOTLIN_HOME/bin/kotlinc-jvm" -nowarn -jvm-target 1.8 -language-version "$KOTLIN_API" \
  -api-version "$KOTLIN_API" -cp "$JNA_JAR" -d "$build/classes" $(find "$build/sources" -name '*.kt')
cp "$target/release/$lib" "$build/classes/$prefix/"
[ -d "$target/jna-natives" ] && cp -r "$target/jna-natives/." "$build/classes/"

pom() {
  cat <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>vn.ocop</groupId>
  <artifactId>ocop</artifactId>
  <version>$version</version>
  <packaging>jar</packaging>
  <name>ocop</name>
  <description>Vietnam's OCOP (One Commune One Product) rules for the JVM: the ocop Rust core through uniffi and JNA.</description>
  <url>https://example.invalid/ocop</url>
  <licenses>
    <license><name>MIT</name><url>https://opensource.org/licenses/MIT</url></license>
    <license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0</url></license>
  </licenses>
  <dependencies>
    <dependency>
      <groupId>net.java.dev.jna</groupId>
      <artifactId>jna</artifactId>
      <version>$JNA_VERSION</version>
    </dependency>
    <dependency>
      <groupId>org.jetbrains.kotlin</groupId>
      <artifactId>kotlin-stdlib</artifactId>
      <version>$KOTLIN_API.0</version>
    </dependency>
  </dependencies>
</project>
POM
}
meta=$build/classes/META-INF/maven/vn.ocop/ocop
mkdir -p "$meta"
pom >"$meta/pom.xml"
printf 'groupId=vn.ocop\nartifactId=ocop\nversion=%s\n' "$version" >"$meta/pom.properties"
printf 'Implementation-Title: ocop\nImplementation-Version: %s\nAutomatic-Module-Name: vn.ocop\n' \
  "$version" >"$build/MANIFEST.MF"

out=dist/maven/vn/ocop/ocop/$version
rm -rf dist/maven
mkdir -p "$out"
jar --create --file "$out/ocop-$version.jar" --manifest "$build/MANIFEST.MF" -C "$build/classes" .
jar --create --file "$out/ocop-$version-sources.jar" -C "$build/sources" .
pom >"$out/ocop-$version.pom"
echo "$out/ocop-$version.jar"
