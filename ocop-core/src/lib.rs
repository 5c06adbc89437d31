//! # ocop-core
//!
//! Vietnam's OCOP rules ("Mỗi xã một sản phẩm", One Commune One Product) as data and code:
//! the product sets, every scoring sheet of each edition of the rules, scoring, star rating,
//! councils and certificates.
//!
//! ```
//! use ocop_core::Catalog;
//!
//! let edition = Catalog::builtin().edition("26/2026").unwrap();
//! assert_eq!(edition.data().product_sets.len(), 26);
//! ```
#![forbid(unsafe_code)]

// The binding features add derives (tsify, uniffi), the type mappings below and, for uniffi,
// the one error type every binding function returns; the binding crates (ocop-wasm, ocop-ffi)
// do the rest. `ocop_lib` is set by build.rs.
#[cfg(all(ocop_lib, feature = "uniffi"))]
uniffi::setup_scaffolding!("ocop_core");

#[cfg(all(ocop_lib, feature = "uniffi"))]
pub mod ffi_types {
    //! What the uniffi bindings need beyond derives: the types that cross as strings or maps,
    //! and [`OcopError`], the one error of every binding function.
    //!
    //! The error is defined here rather than in `ocop-ffi` because uniffi reports a value that
    //! fails to convert on the way in (a date or decimal string inside a record) as the
    //! function's own error only when the conversion fails with that very type; any other
    //! failure would reach Kotlin, Swift or Python as an internal error.

    use std::collections::HashMap;
    use std::fmt;

    use crate::Str;
    use crate::error::{ErrorCode, InputError, InputErrors};
    use crate::evaluation::Answers;
    use jiff::civil::Date;
    use rust_decimal::Decimal;

    // Strings, days (YYYY-MM-DD) and decimals cross the FFI as strings.
    uniffi::custom_type!(Str, String, {
        lower: |s| s.to_string(),
        try_lift: |s| Ok(Str::from(s)),
    });
    uniffi::custom_type!(Date, String, {
        remote,
        lower: |d| d.to_string(),
        try_lift: |s| crate::json::parse_date(&s).ok_or_else(|| {
            refused(ErrorCode::InvalidDate, format!("`{s}` is not a date in the form YYYY-MM-DD"))
        }),
    });
    // The answers stay in code order in Rust; a map crosses the FFI.
    uniffi::custom_type!(Answers, HashMap<String, Option<u32>>, {
        lower: |a| a.0.into_iter().collect(),
        try_lift: |m| Ok(Answers(m.into_iter().collect())),
    });
    uniffi::custom_type!(Decimal, String, {
        remote,
        lower: |d| d.to_string(),
        try_lift: |s| s.parse().map_err(|_| {
            refused(ErrorCode::WrongType, format!("`{s}` is not a decimal number such as 12.5"))
        }),
    });

    /// A string that does not convert: the binding cannot tell which field it came from, so
    /// the path is the input as a whole.
    fn refused(code: ErrorCode, message: String) -> uniffi::deps::anyhow::Error {
        OcopError::from(InputErrors::one(code, "", message)).into()
    }

    /// Why a call was refused: Kotlin `OcopException`, Swift and Python `OcopError`.
    ///
    /// `code`, `path` and `reason` describe the first problem; `errors` lists every problem
    /// found, in order. The codes are those of `docs/errors.md`.
    #[derive(Clone, Debug, PartialEq, Eq, uniffi::Error)]
    pub enum OcopError {
        /// The input is malformed (or, with code `INTERNAL`, a value could not cross the FFI).
        Invalid {
            /// Stable code of the first problem.
            code: ErrorCode,
            /// JSON Pointer to the first problem (`""`: the input as a whole).
            path: String,
            /// The first problem, in plain English.
            reason: String,
            /// Every problem, the first included.
            errors: Vec<InputError>,
        },
    }

    impl From<InputErrors> for OcopError {
        fn from(InputErrors(errors): InputErrors) -> OcopError {
            match errors.first().cloned() {
                Some(first) => OcopError::Invalid {
                    code: first.code,
                    path: first.path,
                    reason: first.message,
                    errors,
                },
                None => {
                    InputErrors::one(ErrorCode::Internal, "", "refused without a reason").into()
                }
            }
        }
    }

    impl fmt::Display for OcopError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let OcopError::Invalid { errors, .. } = self;
            fmt::Display::fmt(&InputErrors(errors.clone()), f)
        }
    }

    impl std::error::Error for OcopError {}
}

#[cfg(all(ocop_lib, feature = "wasm"))]
mod ts_types {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Shared strings are plain strings in TypeScript.
    #[wasm_bindgen(typescript_custom_section)]
    const TS_TYPES: &'static str = "export type Str = string;";
}

pub mod calendar;
pub mod catalog;

pub use catalog::model::{KnockoutKind, Level, SubjectType};
pub use catalog::text::{Lang, Str, Text};
pub use catalog::{Catalog, Edition, EditionSummary, SheetRef};
/// Dates are `jiff` civil dates (`YYYY-MM-DD` in JSON).
pub use jiff::civil::Date;
/// Points and means are exact decimals (strings in JSON).
pub use rust_decimal::Decimal;
pub mod certificate;
pub mod council;
pub mod dossier;
pub mod error;
pub mod evaluation;
mod explain;
mod json;
pub mod limits;
pub mod planner;
pub mod portfolio;
pub mod product_code;
pub mod recognition;
pub mod rounds;
pub mod scoring;
pub mod self_assessment;

pub use council::{CouncilInput, CouncilReport, CouncilRules, MemberSheet};
pub use error::{Answer, ErrorCode, InputError, InputErrors, Warning, WarningCode};
pub use evaluation::{Answers, Evaluation, FORMAT_VERSION};
pub use planner::{Change, Plan};
pub use scoring::{Outcome, Score, ScoreReport};
pub use self_assessment::{Comparison, Difference};
