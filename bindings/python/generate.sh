#!/usr/bin/env bash
# Builds ocop-ffi and generates the Python package `ocop` into bindings/python/generated/ocop:
# the generated modules, the native library beside them, and an __init__.py that re-exports
# both (`import ocop; ocop.score(ocop.Evaluation(...))`).
#
#   bash bindings/python/generate.sh            # debug library (tests)
#   bash bindings/python/generate.sh --release  # optimised library
set -euo pipefail
cd "$(dirname "$0")/../.."
lib=$(bash bindings/build-ffi.sh "$@")
out=bindings/python/generated/ocop
rm -rf bindings/python/generated
mkdir -p "$out"
cargo run -q --locked -p uniffi-bindgen -- generate --no-format --language python --out-dir "$out" \
  "$lib" >/dev/null
cp "$lib" "$out/"
cat >"$out/__init__.py" <<'PY'
"""Vietnam's OCOP rules (scoring, councils, certificates) from the ocop Rust core."""
from .ocop_core import *  # noqa: F401,F403 - the records, enums and OcopError
from .ocop import *  # noqa: F401,F403 - the functions
PY
