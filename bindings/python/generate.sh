#!/usr/bin/env bash
# Builds ocop-ffi and generates the Python package `ocop` into bindings/python/generated/ocop:
# the generated modules, the native library beside them, and an __init__.py that re-exports
# both (`import ocop; ocop.score(ocop.Evaluation(...))`).
#
#   bash bindings/python/generate.sh            # debug library (tests)
#   bash bindings/python/generate.sh --release  # optimised library
set -euo pipefail
cd "$(dirname "$0")/../.."
profile=debug
[ "${1:-}" = --release ] && profile=release
target="${CARGO_TARGET_DIR:-target}"
case "$(uname)" in Darwin) lib=libocop_ffi.dylib ;; *) lib=libocop_ffi.so ;; esac

cargo build -q --locked --profile "${profile/debug/dev}" -p ocop-ffi
out=bindings/python/generated/ocop
rm -rf bindings/python/generated
mkdir -p "$out"
cargo run -q --locked -p uniffi-bindgen -- generate --no-format --language python --out-dir "$out" \
  "$target/$profile/$lib" >/dev/null
cp "$target/$profile/$lib" "$out/"
cat >"$out/__init__.py" <<'PY'
"""Vietnam's OCOP rules (scoring, councils, certificates) from the ocop Rust core."""
from .ocop_core import *  # noqa: F401,F403 - the records, enums and OcopError
from .ocop import *  # noqa: F401,F403 - the functions
PY
