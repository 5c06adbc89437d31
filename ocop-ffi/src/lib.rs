//! ocop for Kotlin, Swift and Python, through uniffi (proc-macros, no UDL).
//!
//! Thin by design: each function converts its arguments, calls one method of
//! [`Catalog::builtin`] (or of one of its editions) and returns the core's own records and
//! enums, which derive their uniffi types in `ocop-core` under its `uniffi` feature. Points and
//! means cross as decimal strings (`"89.67"`), days as `YYYY-MM-DD` strings.
//!
//! A malformed input is refused with [`OcopError`] — Kotlin `OcopException`, Swift and Python
//! `OcopError` — carrying the stable code of `docs/errors.md`, the JSON Pointer of the first
//! problem, a sentence, and every problem found. Rule outcomes (a rejected dossier, a
//! knock-out, a star marker that caps the stars) are data in the results, never errors.
//!
//! `unsafe` is forbidden in the code written here. The `extern "C"` scaffolding and the
//! `unsafe impl`s of uniffi's FFI traits come out of uniffi's macros, which the lint does not
//! inspect (as in `ocop-core`, which forbids `unsafe` too).
#![forbid(unsafe_code)]

use ocop_core::catalog::model::{EditionData, ProductSetInfo, Sheet};
use ocop_core::catalog::{SearchHit, SheetRef};
use ocop_core::certificate::{CertificateInput, CertificateStatus, DossierKind, DossierRules};
use ocop_core::portfolio::{PortfolioReport, TargetSet};
use ocop_core::product_code::{AdminCodes, ProductCode};
use ocop_core::rounds::RoundAnswer;
use ocop_core::{
    Catalog, Comparison, CouncilInput, CouncilReport, Date, Edition, EditionSummary, ErrorCode,
    Evaluation, InputErrors, Lang, Level, Plan, ScoreReport, Text, WarningCode,
};

pub use ocop_core::ffi_types::OcopError;

uniffi::setup_scaffolding!("ocop");
// Days in this crate's own signatures use the core's `Date` ↔ `YYYY-MM-DD` mapping.
uniffi::use_remote_type!(ocop_core::Date);

type Result<T> = std::result::Result<T, OcopError>;

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn find_edition(id: &str) -> Result<&'static Edition> {
    Ok(catalog().find_edition(id).map_err(InputErrors::from)?)
}

fn find_sheet(edition: &str, product_set: u8) -> Result<SheetRef<'static>> {
    Ok(find_edition(edition)?
        .find_sheet(product_set)
        .map_err(InputErrors::from)?)
}

// ---- catalog ----

/// Every edition the library carries, newest first, in a few lines each.
#[uniffi::export]
pub fn editions() -> Vec<EditionSummary> {
    catalog().editions().iter().map(Edition::summary).collect()
}

/// All of an edition's data (`26/2026`, `148/2023` or a printed number such as
/// `148/QĐ-TTg`): identity, rules, procedures, taxonomy and every scoring sheet.
#[uniffi::export]
pub fn edition_data(edition: String) -> Result<EditionData> {
    Ok(find_edition(&edition)?.data().clone())
}

/// The product sets (bộ sản phẩm) of an edition, by number.
#[uniffi::export]
pub fn product_sets(edition: String) -> Result<Vec<ProductSetInfo>> {
    Ok(find_edition(&edition)?.data().product_sets.clone())
}

/// The scoring sheet of one product set: parts, sections, criteria and their options.
#[uniffi::export]
pub fn sheet(edition: String, product_set: u8) -> Result<Sheet> {
    Ok(find_sheet(&edition, product_set)?.data().clone())
}

/// Product sets whose names match `query`, typed with or without diacritics ("nuoc mam" finds
/// "nước mắm"), best first.
#[uniffi::export]
pub fn find_product_sets(edition: String, query: String) -> Result<Vec<SearchHit>> {
    Ok(find_edition(&edition)?.find_product_sets(&query))
}

// ---- evaluations and scoring ----

/// Reads an evaluation from its JSON interchange form, reporting every malformed field.
#[uniffi::export]
pub fn evaluation_from_json(json: String) -> Result<Evaluation> {
    Ok(Evaluation::from_json(&json)?)
}

/// An evaluation in its JSON interchange form, for storing.
#[uniffi::export]
pub fn evaluation_to_json(evaluation: Evaluation) -> String {
    evaluation.to_json()
}

/// Scores an evaluation: total, subtotals, lines, band, stars after markers, outcome,
/// recognition and warnings.
#[uniffi::export]
pub fn score(evaluation: Evaluation) -> Result<ScoreReport> {
    Ok(catalog().score(&evaluation)?)
}

/// Scores an evaluation stored as JSON: [`evaluation_from_json`] then [`score`].
#[uniffi::export]
pub fn score_json(json: String) -> Result<ScoreReport> {
    Ok(catalog().score(&Evaluation::from_json(&json)?)?)
}

/// Scores many sheets of one product set at once, for high throughput. `rows` holds one row
/// per sheet: one byte per criterion in printed order (the order of [`sheet`]), the ticked
/// option's position or 255 when no option applies. Returns 3 bytes per sheet: total, band and
/// stars (star markers applied). Knock-outs, rejection and warnings need [`score`].
#[uniffi::export]
pub fn score_batch(edition: String, product_set: u8, rows: Vec<u8>) -> Result<Vec<u8>> {
    let scores = find_sheet(&edition, product_set)?
        .score_batch(&rows)
        .map_err(|e| e.under("/rows"))?;
    Ok(scores
        .iter()
        .flat_map(|s| [s.total, s.band, s.stars])
        .collect())
}

// ---- councils and self-assessment ----

/// Reads a council (the product, the council's decisions and each member's sheet) from JSON.
#[uniffi::export]
pub fn council_from_json(json: String) -> Result<CouncilInput> {
    Ok(CouncilInput::from_json(&json)?)
}

/// Aggregates a council: the result on the members' mean, each member's result, the spread
/// and quorum checks, and where members disagree.
#[uniffi::export]
pub fn council(input: CouncilInput) -> Result<CouncilReport> {
    Ok(catalog().council(&input)?)
}

/// A producer's self-assessment beside the council's consensus sheet.
#[uniffi::export]
pub fn compare(self_assessment: Evaluation, council_sheet: Evaluation) -> Result<Comparison> {
    Ok(catalog().compare(&self_assessment, &council_sheet)?)
}

/// A producer's self-assessment beside a council's members' mean.
#[uniffi::export]
pub fn compare_with_council(
    self_assessment: Evaluation,
    council: CouncilInput,
) -> Result<Comparison> {
    Ok(catalog().compare_with_council(&self_assessment, &council)?)
}

// ---- planner ----

/// The smallest set of upgrades that lifts a rated evaluation to `target_star` (default: one
/// star more), changing only `only_criteria` when given.
#[uniffi::export(default(target_star = None, only_criteria = None))]
pub fn plan(
    evaluation: Evaluation,
    target_star: Option<u8>,
    only_criteria: Option<Vec<String>>,
) -> Result<Plan> {
    Ok(catalog().plan(&evaluation, target_star, only_criteria.as_deref())?)
}

/// The best star reachable by changing only `only_criteria`, with the smallest plan to it.
#[uniffi::export]
pub fn best_reachable(evaluation: Evaluation, only_criteria: Vec<String>) -> Result<Plan> {
    Ok(catalog().best_reachable(&evaluation, &only_criteria)?)
}

// ---- certificates, dossiers and rounds ----

/// A certificate judged on a day: expiry, re-evaluation window, grace, revocation.
#[uniffi::export]
pub fn certificate(input: CertificateInput) -> Result<CertificateStatus> {
    Ok(catalog().certificate(&input)?)
}

/// The edition a dossier filed on `filed_on` is evaluated under, and the day to finish by
/// when a transition carries it over.
#[uniffi::export]
pub fn dossier_rules(filed_on: Date, kind: DossierKind) -> Result<DossierRules> {
    Ok(catalog().dossier_rules(filed_on, kind)?)
}

/// The evaluation round a proposal submitted on `submitted_on` at `level` falls in.
#[uniffi::export]
pub fn round_for_submission(submitted_on: Date, level: Level) -> Result<RoundAnswer> {
    Ok(catalog().round_for_submission(submitted_on, level)?)
}

/// The next round at `level` still to be completed after `on`.
#[uniffi::export]
pub fn next_round(on: Date, level: Level) -> Result<RoundAnswer> {
    Ok(catalog().next_round(on, level)?)
}

// ---- product codes ----

/// Parses and checks a product code such as `38-12345-007-2026`; with no edition, the format
/// that fits is used. `known` lists the administrative codes that exist, if you have them.
#[uniffi::export(default(edition = None, known = None))]
pub fn parse_product_code(
    code: String,
    edition: Option<String>,
    known: Option<AdminCodes>,
) -> Result<ProductCode> {
    Ok(catalog().parse_product_code(&code, edition.as_deref(), known.as_ref())?)
}

/// Writes a product code from its parts (`area` is the commune under 26/2026, the district
/// under 148), checking each against the edition's format.
#[uniffi::export]
pub fn format_product_code(
    edition: String,
    province: String,
    area: String,
    sequence: u32,
    year: u16,
) -> Result<String> {
    Ok(catalog().format_product_code(&edition, &province, &area, sequence, year)?)
}

// ---- portfolios ----

/// A portfolio's indicators on `on` from products in CSV, and each target of `targets`. Bad
/// rows are reported in the result; the others still count.
#[uniffi::export(default(expiring_within_days = 180, targets = None))]
pub fn portfolio_csv(
    csv: String,
    on: Date,
    expiring_within_days: u32,
    targets: Option<TargetSet>,
) -> Result<PortfolioReport> {
    Ok(catalog().portfolio_csv(&csv, on, expiring_within_days, targets.as_ref())?)
}

/// Reads a target set from JSON and checks it.
#[uniffi::export]
pub fn target_set_from_json(json: String) -> Result<TargetSet> {
    Ok(TargetSet::from_json(&json)?)
}

/// The Hà Tĩnh 2023–2025 plan's targets, bundled as an example of a target set.
#[uniffi::export]
pub fn ha_tinh_targets() -> TargetSet {
    TargetSet::ha_tinh_2023_2025()
}

// ---- the code tables ----

/// A row of the error-code table (`docs/errors.md`).
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ErrorCodeInfo {
    /// The code.
    pub code: ErrorCode,
    /// Its stable text, e.g. `OPTION_OUT_OF_RANGE`.
    pub id: String,
    /// What it means, in Vietnamese and English.
    pub title: Text,
}

/// A row of the warning-code table (`docs/errors.md`).
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct WarningCodeInfo {
    /// The code.
    pub code: WarningCode,
    /// Its stable text, e.g. `PROVISIONAL_SHEET`.
    pub id: String,
    /// What it means, in Vietnamese and English.
    pub title: Text,
}

/// Every error code, in table order.
#[uniffi::export]
pub fn error_codes() -> Vec<ErrorCodeInfo> {
    ErrorCode::ALL
        .iter()
        .map(|&code| ErrorCodeInfo {
            code,
            id: code.as_str().to_owned(),
            title: Text::new(code.title(Lang::Vi), code.title(Lang::En)),
        })
        .collect()
}

/// Every warning code, in table order.
#[uniffi::export]
pub fn warning_codes() -> Vec<WarningCodeInfo> {
    WarningCode::ALL
        .iter()
        .map(|&code| WarningCodeInfo {
            code,
            id: code.as_str().to_owned(),
            title: Text::new(code.title(Lang::Vi), code.title(Lang::En)),
        })
        .collect()
}
