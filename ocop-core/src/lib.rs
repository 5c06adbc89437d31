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
//!
//! ## How it is laid out
//! - The rules as data: [`catalog`] (editions, sheets, validated at build time), [`text`]
//!   (labels in Vietnamese and English).
//! - Reading input: [`read`] (one reader per input, every problem with its path), [`error`]
//!   (the problems and their stable codes), [`limits`].
//! - The inputs: [`evaluation`] (a filled-in sheet), [`council`], [`requests`] (plan, compare,
//!   office requests).
//! - The rules as code: [`rating`] (bands and star markers), [`scoring`] (the report),
//!   [`scorer`] (a sheet compiled for a form), [`council`], [`planner`], [`self_assessment`],
//!   [`recognition`], [`explain`] (the labelled report).
//! - The office: [`certificate`], [`rounds`], [`product_code`], [`portfolio`], [`dossier`]
//!   (checklists, filed dossiers, registration slips), [`calendar`] (working days, deadlines),
//!   [`forms`] (the printed sheets and forms, as HTML).
//! - After the certificate: [`carry_over`] (a 148 evaluation under 26/2026, by the reviewed
//!   [`catalog::correspondence`]), [`result_code`] (a stamp's code anyone can verify).
//! - Batches: [`table`] (evaluations one per row, as in CSV files and spreadsheets),
//!   [`summary`] (a report in one line).
//!
//! ## Features
//! - `embedded-editions` (default): the built-in editions' data inside the crate. Without it
//!   the catalog knows each edition and takes its packed files at run time
//!   ([`Catalog::load_packed`]), as the npm package does so that a page loads only what it uses.
//! - `toml-loader` (default): read an edition from TOML files at run time (a draft or provincial
//!   edition).
//! - `wasm`, `uniffi`: derives for the binding crates (TypeScript types, uniffi records).
#![forbid(unsafe_code)]
// On docs.rs, items behind a feature say which one (Cargo.toml: package.metadata.docs.rs).
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod calendar;
pub mod carry_over;
pub mod catalog;
pub mod certificate;
pub mod council;
pub mod dossier;
pub mod error;
pub mod evaluation;
pub mod explain;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod forms;
pub mod limits;
pub mod planner;
pub mod portfolio;
pub mod product_code;
pub mod rating;
pub mod read;
pub mod recognition;
pub mod requests;
pub mod result_code;
pub mod rounds;
pub mod scorer;
pub mod scoring;
pub mod self_assessment;
pub mod summary;
pub mod table;
pub mod text;
pub mod wire;

pub use carry_over::{CarryOver, CarryOverRequest};
pub use catalog::model::{DossierKind, KnockoutKind, Level, SubjectType};
pub use catalog::{Catalog, Edition, EditionSummary, SheetRef};
pub use council::{CouncilInput, CouncilReport, CouncilRules, MemberSheet};
pub use error::{
    ErrorCode, InputError, InputErrors, Problem, RowError, SafeResult, Warning, WarningCode,
};
pub use evaluation::{Answers, Evaluation, FORMAT_VERSION};
pub use explain::{Explanation, Label, Languages};
/// Dates are `jiff` civil dates (`YYYY-MM-DD` in JSON).
pub use jiff::civil::Date;
pub use planner::{Change, Plan};
pub use read::Input;
pub use requests::{CompareRequest, CouncilOrSheet, PlanRequest};
pub use result_code::{ResultCode, Verification, VerifyRequest};
/// Points and means are exact decimals (strings in JSON).
pub use rust_decimal::Decimal;
pub use scorer::Scorer;
pub use scoring::{Outcome, Score, ScoreReport};
pub use self_assessment::{Comparison, Difference};
pub use text::{Lang, Str, Text};
pub use wire::Choice;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("ocop_core");

#[cfg(feature = "wasm")]
mod ts_types {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Shared strings are plain strings in TypeScript.
    #[wasm_bindgen(typescript_custom_section)]
    const TS_TYPES: &'static str = "export type Str = string;";
}
