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

pub mod catalog;

pub use catalog::model::{KnockoutKind, Level, SubjectType};
pub use catalog::text::{Lang, Str, Text};
pub use catalog::{Catalog, Edition, SheetRef};
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
pub use evaluation::{Evaluation, FORMAT_VERSION};
pub use planner::{Change, Plan};
pub use scoring::{Outcome, Score, ScoreReport};
pub use self_assessment::{Comparison, Difference};
