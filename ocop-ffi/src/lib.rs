//! ocop for Kotlin, Swift and Python, through uniffi (proc-macros, no UDL).
//!
//! Thin by design: each function converts its arguments, calls one method of
//! [`Catalog::builtin`] (or of one of its editions) and returns the core's own records and
//! enums, which derive their uniffi types in `ocop-core` under its `uniffi` feature. Points and
//! means cross as decimal strings (`"89.67"`), days as `YYYY-MM-DD` strings. Every input type
//! also has a `…_from_json` reader: the core's one reader for it, so a malformed JSON input gets
//! the same codes and paths here as in Rust, the npm package and the CLI.
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

use std::sync::Mutex;

use ocop_core::calendar::{self, Deadline, DeadlineRequest, HolidayYear, HolidaysRequest};
use ocop_core::carry_over::{CarryOver, CarryOverRequest, Reachable};
use ocop_core::catalog::correspondence::Correspondence;
use ocop_core::catalog::model::{EditionData, ProductSetInfo, Sheet};
use ocop_core::catalog::{SearchHit, SheetRef};
use ocop_core::certificate::{CertificateInput, CertificateStatus, DossierRules};
use ocop_core::dossier::{
    ChecklistRequest, DossierCheck, DossierChecklist, FiledDossier, RegistrationSlip, SlipParts,
    SlipRequest, StepDeadline, StepDeadlineRequest,
};
use ocop_core::explain::{Explanation, Languages, PlanExplanation};
use ocop_core::forms::{CouncilForm, DossierForm, SheetForm};
use ocop_core::portfolio::{PortfolioReport, TargetSet};
use ocop_core::product_code::ProductCode;
use ocop_core::requests::{
    DossierRulesRequest, PortfolioRequest, ProductCodeParts, ProductCodeRequest, RoundRequest,
};
use ocop_core::result_code::{ResultCode, Verification, VerifyRequest};
use ocop_core::rounds::RoundAnswer;
use ocop_core::scorer::FormResult;
use ocop_core::summary::Summary;
use ocop_core::{
    Catalog, CompareRequest, Comparison, CouncilInput, CouncilReport, Edition, EditionSummary,
    ErrorCode, Evaluation, Input, InputErrors, Lang, Plan, PlanRequest, Problem, ScoreReport,
    Scorer, SubjectType, Text, WarningCode,
};

pub use ocop_core::ffi::OcopError;

uniffi::setup_scaffolding!("ocop");

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
    catalog().editions().map(Edition::summary).collect()
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

/// The scoring sheet of one product set: parts, sections, criteria, options and doubts.
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

// ---- readers: one per input, the core's own ----

/// `…_from_json(json)` for each input type: the core's reader, every problem reported.
macro_rules! readers {
    ($($(#[$doc:meta])* $name:ident -> $t:ty;)*) => {$(
        $(#[$doc])*
        #[uniffi::export]
        pub fn $name(json: String) -> Result<$t> {
            Ok(<$t as Input>::from_json(&json)?)
        }
    )*};
}

readers! {
    /// Reads an evaluation from its JSON interchange form.
    evaluation_from_json -> Evaluation;
    /// Reads a council (the product, the council's decisions and each member's sheet).
    council_from_json -> CouncilInput;
    /// Reads a plan request `{ evaluation, targetStar?, onlyCriteria? }`.
    plan_request_from_json -> PlanRequest;
    /// Reads a comparison request `{ selfAssessment, council }`.
    compare_request_from_json -> CompareRequest;
    /// Reads a certificate `{ issuedOn, on, … }`.
    certificate_from_json -> CertificateInput;
    /// Reads a dossier request `{ filedOn, kind }`.
    dossier_rules_request_from_json -> DossierRulesRequest;
    /// Reads a round request `{ on, level }`.
    round_request_from_json -> RoundRequest;
    /// Reads a product-code request `{ code, edition?, known? }`.
    product_code_request_from_json -> ProductCodeRequest;
    /// Reads product-code parts `{ edition, province, area, sequence, year }`.
    product_code_parts_from_json -> ProductCodeParts;
    /// Reads a portfolio request `{ csv, on, expiringWithinDays?, targets? }`.
    portfolio_request_from_json -> PortfolioRequest;
    /// Reads a target set.
    target_set_from_json -> TargetSet;
    /// Reads a carry-over request `{ evaluation, to?, issuedOn?, on? }`.
    carry_over_request_from_json -> CarryOverRequest;
    /// Reads a result code to verify `{ code, claimedStars? }`.
    verify_request_from_json -> VerifyRequest;
    /// Reads a deadline request `{ from, workingDays | days, decisions? }`.
    deadline_request_from_json -> DeadlineRequest;
    /// Reads a holidays request `{ year, decisions? }`.
    holidays_request_from_json -> HolidaysRequest;
    /// Reads a checklist request `{ edition?, filedOn?, productSet, subjectType, case, level?, decisions? }`.
    checklist_request_from_json -> ChecklistRequest;
    /// Reads a filed dossier (the checklist's fields with the items it declares).
    filed_dossier_from_json -> FiledDossier;
    /// Reads a procedure deadline request `{ edition?, step, from, decisions? }`.
    step_deadline_request_from_json -> StepDeadlineRequest;
    /// Reads a slip request `{ slip, edition? }`.
    slip_request_from_json -> SlipRequest;
    /// Reads slip parts `{ edition, number, second, province, commune, year }`.
    slip_parts_from_json -> SlipParts;
    /// Reads a sheet to print `{ evaluation, product?, assessor?, comments?, place?, signedOn?, language? }`.
    sheet_form_from_json -> SheetForm;
    /// Reads a council summary to print `{ council, product?, councilName?, place?, signedOn?, language? }`.
    council_form_from_json -> CouncilForm;
    /// Reads a dossier form to print `{ form, values?, evaluation?, descriptions?, evidence?, … }`.
    dossier_form_from_json -> DossierForm;
}

/// An evaluation in its JSON interchange form, for storing.
#[uniffi::export]
pub fn evaluation_to_json(evaluation: Evaluation) -> String {
    evaluation.to_json()
}

// ---- scoring ----

/// Scores an evaluation: total, subtotals, lines, band, stars after markers, outcome,
/// recognition and warnings, by code. [`explain`] adds the labels.
#[uniffi::export]
pub fn score(evaluation: Evaluation) -> Result<ScoreReport> {
    Ok(catalog().score(&evaluation)?)
}

/// A report worded for a person, in Vietnamese, English or both (the default).
#[uniffi::export(default(languages = None))]
pub fn explain(report: ScoreReport, languages: Option<Languages>) -> Result<Explanation> {
    Ok(catalog().explain(&report, languages.unwrap_or_default())?)
}

/// A report in one line, as a batch's summary table writes it: reference, edition, product
/// set, total, band, stars, outcome, first blocker, recognition and the warnings' codes.
#[uniffi::export]
pub fn summarize(report: ScoreReport) -> Summary {
    Summary::of(&report)
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

/// A scoring sheet being filled in: tick options one at a time and read the score at once.
#[derive(uniffi::Object)]
pub struct Form {
    inner: Mutex<Scorer<'static>>,
}

#[uniffi::export]
impl Form {
    /// A blank sheet of `product_set` in `edition`, filled in by `subject_type`.
    #[uniffi::constructor]
    pub fn new(edition: String, product_set: u8, subject_type: SubjectType) -> Result<Self> {
        Ok(Form {
            inner: Mutex::new(Scorer::new(catalog(), &edition, product_set, subject_type)?),
        })
    }

    /// Ticks `option` (0-based) on criterion `code`, or `None` when no option applies. A
    /// refused tick changes nothing.
    pub fn set(&self, code: String, option: Option<u8>) -> Result<()> {
        Ok(self.form()?.set(&code, option)?)
    }

    /// Forgets the answer on criterion `code`.
    pub fn clear(&self, code: String) -> Result<()> {
        Ok(self.form()?.clear(&code)?)
    }

    /// The score now.
    pub fn result(&self) -> Result<FormResult> {
        Ok(self.form()?.result())
    }

    /// The form as an evaluation (answered criteria only).
    pub fn evaluation(&self) -> Result<Evaluation> {
        Ok(self.form()?.evaluation())
    }

    /// The full report, once every criterion is answered.
    pub fn report(&self) -> Result<ScoreReport> {
        Ok(self.form()?.report()?)
    }
}

impl Form {
    fn form(&self) -> Result<std::sync::MutexGuard<'_, Scorer<'static>>> {
        self.inner.lock().map_err(|_| {
            InputErrors::at(
                "",
                Problem::Internal("the form was poisoned by a panic".into()),
            )
            .into()
        })
    }
}

// ---- councils, plans and self-assessment ----

/// Aggregates a council: the result on the members' mean, each member's result, the spread
/// and quorum checks, and where members disagree.
#[uniffi::export]
pub fn council(input: CouncilInput) -> Result<CouncilReport> {
    Ok(catalog().council(&input)?)
}

/// The smallest set of upgrades that lifts a rated evaluation to the target star (default: one
/// star more); with `only_criteria` and no target, the best star reachable.
#[uniffi::export]
pub fn plan(request: PlanRequest) -> Result<Plan> {
    Ok(catalog().plan(&request)?)
}

/// A plan worded for a person, in Vietnamese, English or both (the default).
#[uniffi::export(default(languages = None))]
pub fn explain_plan(plan: Plan, languages: Option<Languages>) -> Result<PlanExplanation> {
    Ok(catalog().explain_plan(&plan, languages.unwrap_or_default())?)
}

/// A producer's self-assessment beside the council's sheet or the council's mean.
#[uniffi::export]
pub fn compare(request: CompareRequest) -> Result<Comparison> {
    Ok(catalog().compare(&request)?)
}

// ---- certificates, dossiers and rounds ----

/// A certificate judged on a day: expiry, re-evaluation window, grace, revocation.
#[uniffi::export]
pub fn certificate(input: CertificateInput) -> Result<CertificateStatus> {
    Ok(catalog().certificate(&input)?)
}

/// The edition a dossier is evaluated under, and the day to finish by when a transition
/// carries it over.
#[uniffi::export]
pub fn dossier_rules(request: DossierRulesRequest) -> Result<DossierRules> {
    Ok(catalog().dossier_rules(&request)?)
}

/// The evaluation round a proposal submitted on a day at a level falls in.
#[uniffi::export]
pub fn round_for_submission(request: RoundRequest) -> Result<RoundAnswer> {
    Ok(catalog().round_for_submission(&request)?)
}

/// The next round at a level still to be completed after a day.
#[uniffi::export]
pub fn next_round(request: RoundRequest) -> Result<RoundAnswer> {
    Ok(catalog().next_round(&request)?)
}

// ---- dossiers and working days ----

/// The day a time limit ends, in working days or calendar days, with the holidays it skipped.
#[uniffi::export]
pub fn deadline(request: DeadlineRequest) -> Result<Deadline> {
    Ok(calendar::deadline(&request)?)
}

/// Every day off of a year: holidays, days in lieu and days swapped by decision.
#[uniffi::export]
pub fn holidays(request: HolidaysRequest) -> Result<HolidayYear> {
    Ok(calendar::holidays(&request)?)
}

/// What to file for a case: sets, documents, samples, copies, evidence per criterion, deadlines.
#[uniffi::export]
pub fn dossier_checklist(request: ChecklistRequest) -> Result<DossierChecklist> {
    Ok(catalog().dossier_checklist(&request)?)
}

/// A filed dossier checked against its checklist: what is missing, by name.
#[uniffi::export]
pub fn check_dossier(dossier: FiledDossier) -> Result<DossierCheck> {
    Ok(catalog().check_dossier(&dossier)?)
}

/// The deadline of a step of the procedure.
#[uniffi::export]
pub fn procedure_deadline(request: StepDeadlineRequest) -> Result<StepDeadline> {
    Ok(catalog().procedure_deadline(&request)?)
}

/// Parses and checks a registration slip's number.
#[uniffi::export]
pub fn parse_registration_slip(request: SlipRequest) -> Result<RegistrationSlip> {
    Ok(catalog().parse_registration_slip(&request)?)
}

/// Writes a registration slip's number from its parts.
#[uniffi::export]
pub fn format_registration_slip(parts: SlipParts) -> Result<String> {
    Ok(catalog().format_registration_slip(&parts)?)
}

// ---- printed forms (A4 HTML) ----

/// A member's Phiếu đánh giá as A4 HTML: the sheet as printed, ticked, with the totals.
#[uniffi::export]
pub fn print_sheet(form: SheetForm) -> Result<String> {
    Ok(catalog().print_sheet(&form)?)
}

/// The council's summary as A4 HTML: members, mean, spread, stars, blockers, signatures.
#[uniffi::export]
pub fn print_council(form: CouncilForm) -> Result<String> {
    Ok(catalog().print_council(&form)?)
}

/// Mẫu số 01, 02 or 03 of Phụ lục III as A4 HTML, filled with the values given.
#[uniffi::export]
pub fn print_dossier_form(form: DossierForm) -> Result<String> {
    Ok(catalog().print_dossier_form(&form)?)
}

// ---- product codes ----

/// Parses and checks a product code such as `38-12345-007-2026`.
#[uniffi::export]
pub fn parse_product_code(request: ProductCodeRequest) -> Result<ProductCode> {
    Ok(catalog().parse_product_code(&request)?)
}

/// Writes a product code from its parts, checking each against the edition's format.
#[uniffi::export]
pub fn format_product_code(parts: ProductCodeParts) -> Result<String> {
    Ok(catalog().format_product_code(&parts)?)
}

// ---- portfolios ----

/// A portfolio's indicators and targets; bad rows are reported in the result.
#[uniffi::export]
pub fn portfolio(request: PortfolioRequest) -> Result<PortfolioReport> {
    Ok(catalog().portfolio_request(&request)?)
}

/// A bundled plan's targets by name (`ha-tinh-2023-2025`), or `None`.
#[uniffi::export]
pub fn bundled_target_set(name: String) -> Option<TargetSet> {
    TargetSet::bundled(&name)
}

// ---- after the certificate: re-evaluation and result codes ----

/// The criterion correspondence from `old_edition` to `new_edition` (e.g. `148/2023` →
/// `26/2026`), or `None` when none is built in.
#[uniffi::export]
pub fn correspondence(old_edition: String, new_edition: String) -> Option<Correspondence> {
    catalog()
        .correspondence(&old_edition, &new_edition)
        .cloned()
}

/// Carries a 148 evaluation over to 26/2026: the answers kept, the criteria to answer afresh,
/// the lowest and highest result reachable, and the certificate's re-evaluation window.
#[uniffi::export]
pub fn carry_over(request: CarryOverRequest) -> Result<CarryOver> {
    Ok(catalog().carry_over(&request)?)
}

/// The lowest and highest total and stars a partly answered evaluation can still reach.
#[uniffi::export]
pub fn reachable(evaluation: Evaluation) -> Result<Reachable> {
    Ok(catalog().reachable(&evaluation)?)
}

/// The result code of an evaluation, for a stamp (see `docs/result-code.md`).
#[uniffi::export]
pub fn result_code(evaluation: Evaluation) -> Result<ResultCode> {
    Ok(catalog().result_code(&evaluation)?)
}

/// Recomputes a result code's result and checks the stars it claims (and those printed beside
/// it, if given). Proves consistency with the rules, not who issued the code.
#[uniffi::export]
pub fn verify_result_code(request: VerifyRequest) -> Result<Verification> {
    Ok(catalog().verify_result_code(&request)?)
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
