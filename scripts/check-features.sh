#!/usr/bin/env bash
# Each ocop-core feature alone, and none: a `cfg(feature = …)` that leans on another feature
# compiles in the workspace (where the features are unified) and breaks a user who picks one.
set -euo pipefail
cd "$(dirname "$0")/.."
for features in "" embedded-editions toml-loader wasm uniffi; do
  echo "ocop-core --no-default-features --features '$features'"
  cargo clippy -q -p ocop-core --lib --locked --no-default-features --features "$features" -- -D warnings
done
# ocop-wasm's three modules: every function (default), the scoring build (ocop/score) and the
# printed forms (ocop/forms).
for features in score forms; do
  echo "ocop-wasm --no-default-features --features $features"
  cargo clippy -q -p ocop-wasm --lib --locked --no-default-features --features "$features" -- -D warnings
done
