//! ocop for the web: the core through wasm-bindgen, built into the npm package by
//! `bindings/npm/build.sh`.
//!
//! A thin layer. Each function reads its JavaScript argument into the core's input type
//! (through `serde_json::Value` and the core's own reader for that type, so every field problem
//! is reported with its JSON Pointer and the same code as on every other surface), calls one
//! method of [`ocop_core::Catalog::builtin`], and returns the result as plain JavaScript
//! objects (decimals as strings, absent values as `null` or left out, exactly as the core's
//! JSON). No rule lives here.
//!
//! Malformed input is thrown as a JS `Error` named `OcopError` with `code`, `path` and
//! `errors` ([`convert::Refused`]); rule outcomes (a rejected dossier, a knock-out, a star
//! marker that caps the stars) are data in the result. The TypeScript types come from the
//! core's `tsify` derives plus the few declared here.

// Three WebAssembly modules from this crate: every function (feature `full`, the default), the
// scoring functions alone (`score`, for `ocop/score`) and the printed forms (`forms`, for
// `ocop/forms`), so that a scoring page pays for neither the office nor the forms.
#[cfg(feature = "score")]
pub mod catalog;
// Some readers serve only the scoring and office functions.
#[cfg_attr(not(feature = "score"), allow(dead_code))]
pub mod convert;
#[cfg(feature = "full")]
pub mod dossier;
#[cfg(feature = "forms")]
pub mod forms;
#[cfg(feature = "full")]
pub mod office;
#[cfg(feature = "full")]
pub mod reeval;
#[cfg(feature = "score")]
pub mod scoring;

use wasm_bindgen::prelude::wasm_bindgen;

/// The TypeScript declarations that no Rust type carries.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/**
 * What `safeScore` returns instead of throwing: the result, or every problem in the input.
 */
export type SafeResult<T> =
    | { type: "success"; result: T }
    | { type: "failure"; errors: InputError[] };

/**
 * What every function throws when its input is malformed (never for a rule outcome such as a
 * rejected dossier, which is data in the result).
 */
export interface OcopError extends Error {
    name: "OcopError";
    /** Stable code of the first problem (see `errorCodes()`). */
    code: ErrorCode;
    /** JSON Pointer to the first problem (`""`: the input as a whole). */
    path: string;
    /** Every problem found, the first included. */
    errors: InputError[];
}
"#;
