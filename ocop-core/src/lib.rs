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

// The binding features only add derives (tsify, uniffi) and the few type mappings below; the
// binding crates (ocop-wasm, ocop-ffi) do the rest. `ocop_lib` is set by build.rs.
#[cfg(all(ocop_lib, feature = "uniffi"))]
uniffi::setup_scaffolding!("ocop_core");

#[cfg(all(ocop_lib, feature = "uniffi"))]
mod ffi_types {
    use std::collections::HashMap;

    use crate::Str;
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
        try_lift: |s| Ok(s.parse()?),
    });
    // The answers stay in code order in Rust; a map crosses the FFI.
    uniffi::custom_type!(Answers, HashMap<String, Option<u32>>, {
        lower: |a| a.0.into_iter().collect(),
        try_lift: |m| Ok(Answers(m.into_iter().collect())),
    });
    uniffi::custom_type!(Decimal, String, {
        remote,
        lower: |d| d.to_string(),
        try_lift: |s| Ok(s.parse()?),
    });
}

#[cfg(all(ocop_lib, feature = "wasm"))]
mod ts_types {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Shared strings are plain strings in TypeScript.
    #[wasm_bindgen(typescript_custom_section)]
    const TS_TYPES: &'static str = "export type Str = string;";
}

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
