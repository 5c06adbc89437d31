//! ocop for the web (wasm-bindgen). Built into the npm package by `bindings/npm/build.sh`.
