#!/usr/bin/env bash
# What Linux can check of the Android module (no Android SDK or NDK here): the manifest, the
# Gradle build's ABIs and paths, the 16 KB page alignment flag (and that it aligns a library
# linked here). See check_android.py; README.md says what stays unverified. Ends with
# "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 bindings/android/check_android.py "$PWD" "$(bash scripts/package.sh --version)"
