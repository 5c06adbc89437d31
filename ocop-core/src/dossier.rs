//! The dossier: what a producer files, what the commune and the province send on, the evidence
//! each criterion needs, the registration slip's number and the procedure's deadlines.
//!
//! Everything here is read from the edition's `dossier.toml` (26/2026 Điều 6-8 and Phụ lục III;
//! what is known of 148). Requests are JSON, read field by field so that every problem is
//! reported with its path:
//!
//! ```json
//! { "edition": "26/2026", "productSet": 9, "subjectType": "cooperative",
//!   "case": "first", "level": "province", "filedOn": "2027-02-01" }
//! ```
//!
//! `case` is `first`, `upgrade` or `reevaluation` (Mẫu 01 mục 4); `level` is the level the
//! product aims at (`province` for 3-4 stars, `central` for 5), by default the first level of
//! the procedure; `filedOn` is the day the commune receives the dossier, which picks the
//! edition in force when `edition` is left out and starts the commune's 15 working days.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::calendar::{self, DeadlineRequest, YearDecisions};
use crate::catalog::model::{
    CaseRequirement, Copies, DossierKind, DossierPackage, DossierSpec, Level, LinkStrength,
    ProcedureStep, SegmentKind, SubjectType, TimeLimit,
};
use crate::catalog::text::{Str, Text};
use crate::catalog::{Catalog, Edition, SheetRef};
use crate::error::{ErrorCode, InputError, InputErrors};
use crate::json::{self, Fields, FromJson, wrong_type};
use crate::limits;

/// Why a dossier question has no answer: the one list of this module's refusals.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DossierProblem {
    /// Not one of the cases.
    #[error("`{given}` is not a dossier case; use first, upgrade or reevaluation")]
    UnknownCase {
        /// What was given.
        given: String,
    },
    /// Not one of the steps with a time limit.
    #[error(
        "`{given}` is not a step with a time limit; use commune_review, reevaluation or revocation"
    )]
    UnknownStep {
        /// What was given.
        given: String,
    },
    /// An id that the edition's dossier does not have.
    #[error("edition {edition} has no dossier item `{id}`; its items are: {known}")]
    UnknownItem {
        /// The edition.
        edition: String,
        /// The id given.
        id: String,
        /// The ids it has.
        known: String,
    },
    /// A set that is not sent for this case and level.
    #[error(
        "`{id}` is not a set sent for a {case} dossier at {level} level; the sets are: {known}"
    )]
    UnknownPackage {
        /// The id given.
        id: String,
        /// The case.
        case: &'static str,
        /// The level.
        level: &'static str,
        /// The sets that are.
        known: String,
    },
    /// The edition's text, as this library has it, does not define what was asked.
    #[error("edition {edition} does not define {what}")]
    NotInEdition {
        /// The edition.
        edition: String,
        /// What it lacks.
        what: String,
    },
    /// A registration slip number that does not have the printed shape.
    #[error("{reason}")]
    InvalidSlip {
        /// What is wrong.
        reason: String,
    },
}

impl DossierProblem {
    /// The stable code of this problem.
    pub fn code(&self) -> ErrorCode {
        match self {
            DossierProblem::UnknownCase { .. } => ErrorCode::UnknownDossierCase,
            DossierProblem::UnknownStep { .. } => ErrorCode::WrongType,
            DossierProblem::UnknownItem { .. } | DossierProblem::UnknownPackage { .. } => {
                ErrorCode::UnknownDossierItem
            }
            DossierProblem::NotInEdition { .. } => ErrorCode::NotInEdition,
            DossierProblem::InvalidSlip { .. } => ErrorCode::InvalidRegistrationSlip,
        }
    }

    /// The problem as an input error at `path` (a JSON Pointer).
    pub fn at(self, path: impl Into<String>) -> InputError {
        InputError::new(self.code(), path, self.to_string())
    }
}

// ---- requests ----

/// What the checklist is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct ChecklistRequest {
    /// Edition id; optional when `filed_on` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub edition: Option<String>,
    /// The day the commune receives the dossier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(optional, type = "string"))]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub filed_on: Option<Date>,
    /// The product set (1-26).
    pub product_set: u8,
    /// Who applies.
    pub subject_type: SubjectType,
    /// First evaluation, upgrade or re-evaluation.
    pub case: DossierKind,
    /// The level aimed at; by default the first level of the procedure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub level: Option<Level>,
    /// Decisions on days off to add to the bundled ones, for the deadlines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub decisions: Vec<YearDecisions>,
}

/// A dossier as filed: what it is for, and the items it declares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct FiledDossier {
    /// What it is for (the checklist's request fields, at the same level in JSON).
    #[serde(flatten)]
    pub request: ChecklistRequest,
    /// The set filed (by default the producer's `product-dossier`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub package: Option<String>,
    /// The documents it holds, by id; a set's id stands for all its documents.
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub documents: Vec<String>,
    /// Product samples sent.
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = 0))]
    pub samples: u32,
    /// Paper sets.
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = 0))]
    pub paper_copies: u32,
    /// Electronic sets.
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = 0))]
    pub electronic_copies: u32,
    /// Kinds of evidence attached to the self-assessment report, by id.
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub evidence: Vec<String>,
}

/// A deadline of the procedure to compute: `{ "step": "commune_review", "from": "2027-02-01" }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct StepDeadlineRequest {
    /// Edition id; by default the one in force on `from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub edition: Option<String>,
    /// The step.
    pub step: ProcedureStep,
    /// The day of the event the limit counts from.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub from: Date,
    /// Decisions on days off to add to the bundled ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub decisions: Vec<YearDecisions>,
}

const CHECKLIST_FIELDS: &[&str] = &[
    "edition",
    "filedOn",
    "productSet",
    "subjectType",
    "case",
    "level",
    "decisions",
];
const FILED_FIELDS: &[&str] = &[
    "edition",
    "filedOn",
    "productSet",
    "subjectType",
    "case",
    "level",
    "decisions",
    "package",
    "documents",
    "samples",
    "paperCopies",
    "electronicCopies",
    "evidence",
];
const STEP_FIELDS: &[&str] = &["edition", "step", "from", "decisions"];

/// Most ids in a filed dossier's lists.
const MAX_ITEMS: usize = 100;

impl ChecklistRequest {
    /// Reads a request from JSON, reporting every problem with its path.
    ///
    /// ```
    /// use ocop_core::ErrorCode;
    /// use ocop_core::dossier::ChecklistRequest;
    /// let r = ChecklistRequest::from_json(r#"{"edition":"26/2026","productSet":9,"subjectType":"farm","case":"upgrade"}"#).unwrap();
    /// assert_eq!(r.case.id(), "upgrade");
    /// let e = ChecklistRequest::from_json(r#"{"productSet":9,"subjectType":"farm","case":"second"}"#).unwrap_err();
    /// assert_eq!((e.0[0].code, e.0[0].path.as_str()), (ErrorCode::UnknownDossierCase, "/case"));
    /// ```
    pub fn from_json(text: &str) -> Result<ChecklistRequest, InputErrors> {
        ChecklistRequest::from_json_value(&json::parse(text, limits::MAX_INPUT_BYTES)?, "")
    }

    /// Reads a request from a parsed JSON value; errors are reported under `path`.
    pub fn from_json_value(value: &Value, path: &str) -> Result<ChecklistRequest, InputErrors> {
        let mut errors = Vec::new();
        let f = Fields::new(value, path, CHECKLIST_FIELDS, &mut errors);
        let request = read_request(&f, &mut errors);
        match request {
            Some(r) if errors.is_empty() => Ok(r),
            _ => Err(InputErrors(errors)),
        }
    }
}

fn read_request(f: &Fields<'_>, errors: &mut Vec<InputError>) -> Option<ChecklistRequest> {
    let edition = f.optional("edition", errors);
    let filed_on = f.optional("filedOn", errors);
    let product_set = f.required::<u8>("productSet", errors);
    let subject_type = f.required::<SubjectType>("subjectType", errors);
    let case = f.required::<DossierKind>("case", errors);
    let level = f.optional("level", errors);
    let decisions = calendar::decisions_field(f, errors);
    Some(ChecklistRequest {
        edition,
        filed_on,
        product_set: product_set?,
        subject_type: subject_type?,
        case: case?,
        level,
        decisions,
    })
}

impl FiledDossier {
    /// Reads a filed dossier from JSON, reporting every problem with its path.
    ///
    /// ```
    /// let d = ocop_core::dossier::FiledDossier::from_json(r#"{"edition":"26/2026","productSet":9,
    ///   "subjectType":"farm","case":"first","documents":["registration-form"],"samples":5}"#).unwrap();
    /// assert_eq!(d.samples, 5);
    /// ```
    pub fn from_json(text: &str) -> Result<FiledDossier, InputErrors> {
        FiledDossier::from_json_value(&json::parse(text, limits::MAX_INPUT_BYTES)?, "")
    }

    /// Reads a filed dossier from a parsed JSON value; errors are reported under `path`.
    pub fn from_json_value(value: &Value, path: &str) -> Result<FiledDossier, InputErrors> {
        let mut errors = Vec::new();
        let f = Fields::new(value, path, FILED_FIELDS, &mut errors);
        let request = read_request(&f, &mut errors);
        let package = f.optional("package", &mut errors);
        let documents: Vec<String> = f.optional("documents", &mut errors).unwrap_or_default();
        let evidence: Vec<String> = f.optional("evidence", &mut errors).unwrap_or_default();
        for (field, n) in [("documents", documents.len()), ("evidence", evidence.len())] {
            if n > MAX_ITEMS {
                errors.push(InputError::new(
                    ErrorCode::TooManyItems,
                    f.path(field),
                    format!("at most {MAX_ITEMS} ids"),
                ));
            }
        }
        let samples = f.optional("samples", &mut errors).unwrap_or(0);
        let paper_copies = f.optional("paperCopies", &mut errors).unwrap_or(0);
        let electronic_copies = f.optional("electronicCopies", &mut errors).unwrap_or(0);
        match request {
            Some(request) if errors.is_empty() => Ok(FiledDossier {
                request,
                package,
                documents,
                samples,
                paper_copies,
                electronic_copies,
                evidence,
            }),
            _ => Err(InputErrors(errors)),
        }
    }
}

impl StepDeadlineRequest {
    /// Reads a request from JSON, reporting every problem with its path.
    pub fn from_json(text: &str) -> Result<StepDeadlineRequest, InputErrors> {
        StepDeadlineRequest::from_json_value(&json::parse(text, limits::MAX_INPUT_BYTES)?, "")
    }

    /// Reads a request from a parsed JSON value; errors are reported under `path`.
    pub fn from_json_value(value: &Value, path: &str) -> Result<StepDeadlineRequest, InputErrors> {
        let mut errors = Vec::new();
        let f = Fields::new(value, path, STEP_FIELDS, &mut errors);
        let edition = f.optional("edition", &mut errors);
        let step = f.required::<ProcedureStep>("step", &mut errors);
        let from = f.required::<Date>("from", &mut errors);
        let decisions = calendar::decisions_field(&f, &mut errors);
        match (step, from) {
            (Some(step), Some(from)) if errors.is_empty() => Ok(StepDeadlineRequest {
                edition,
                step,
                from,
                decisions,
            }),
            _ => Err(InputErrors(errors)),
        }
    }
}

impl FromJson for DossierKind {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<DossierKind> {
        let Some(text) = v.as_str() else {
            errors.push(wrong_type(path, "first, upgrade or reevaluation", v));
            return None;
        };
        let found = DossierKind::ALL.into_iter().find(|k| k.id() == text);
        if found.is_none() {
            errors.push(
                DossierProblem::UnknownCase {
                    given: text.to_owned(),
                }
                .at(path),
            );
        }
        found
    }
}

impl FromJson for ProcedureStep {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<ProcedureStep> {
        let found = match v.as_str() {
            Some("commune_review") => Some(ProcedureStep::CommuneReview),
            Some("reevaluation") => Some(ProcedureStep::Reevaluation),
            Some("revocation") => Some(ProcedureStep::Revocation),
            _ => None,
        };
        if found.is_none() {
            let given = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            errors.push(DossierProblem::UnknownStep { given }.at(path));
        }
        found
    }
}

// ---- answers ----

/// Everything to file for a case, from the producer's registration to the last set sent on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct DossierChecklist {
    /// The edition whose rules apply.
    pub edition: Str,
    /// The product set.
    pub product_set: u8,
    /// Who applies.
    pub subject_type: SubjectType,
    /// The case.
    pub case: DossierKind,
    /// The level aimed at.
    pub level: Level,
    /// The sets sent from one body to the next, in order.
    pub packages: Vec<PackageChecklist>,
    /// The product samples, where the edition says.
    pub samples: Option<SamplesNeeded>,
    /// What this case adds to the producer's dossier.
    pub case_requirements: Vec<CaseRequirement>,
    /// Every kind of evidence the self-assessment report may attach, with the criteria it
    /// supports on this product set's sheet.
    pub evidence: Vec<EvidenceChecklist>,
    /// The sheet's criteria in order, each with the evidence that supports it.
    pub criteria: Vec<CriterionChecklist>,
    /// The procedure's time limits.
    pub time_limits: Vec<TimeLimit>,
    /// The deadlines that follow from `filedOn` (the commune's review).
    pub deadlines: Vec<StepDeadline>,
    /// What the edition's text, as this library has it, does not say.
    pub gaps: Vec<Str>,
}

/// A set sent from one body to the next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct PackageChecklist {
    /// Its id.
    pub id: Str,
    /// Its name.
    pub name: Text,
    /// Who prepares it.
    pub prepared_by: Text,
    /// Who receives it.
    pub sent_to: Text,
    /// Its contents in order: documents, and sets sent inside it.
    pub items: Vec<PackageItem>,
    /// The product samples travel with it.
    pub samples: bool,
    /// How many copies, where the edition says.
    pub copies: Option<Copies>,
    /// The article.
    pub basis: Str,
}

/// A document of a set, or a set sent inside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct PackageItem {
    /// Its id.
    pub id: Str,
    /// Its name.
    pub name: Text,
    /// A set rather than a document.
    pub is_set: bool,
    /// The form it is filled on (`Mẫu số 01`), if the edition prints one.
    pub form: Option<Str>,
    /// When it is needed, if not always ("nếu có").
    pub condition: Option<Text>,
    /// The article.
    pub basis: Str,
}

/// The samples a dossier sends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct SamplesNeeded {
    /// How many (0 when the product set sends none).
    pub count: u8,
    /// The product set sends none (tourism services).
    pub exempt: bool,
    /// Who provides them.
    pub provided_by: Text,
    /// The article.
    pub basis: Str,
    /// How sure we are of it.
    pub confidence_note: Option<Str>,
}

/// A kind of evidence and the criteria it supports on this sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct EvidenceChecklist {
    /// Its id.
    pub id: Str,
    /// The row's "Nội dung".
    pub name: Text,
    /// The row's "Yêu cầu".
    pub requirement: Text,
    /// The criteria it supports on this sheet, in sheet order (inferred links).
    pub criteria: Vec<LinkedCriterion>,
    /// Anything else about it.
    pub note: Option<Text>,
}

/// A criterion an evidence kind supports, and how the link was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct LinkedCriterion {
    /// The criterion's code on this sheet.
    pub code: Str,
    /// How the link was made.
    pub strength: LinkStrength,
}

/// A criterion of the sheet and the evidence to attach for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct CriterionChecklist {
    /// Its code.
    pub code: Str,
    /// Its name.
    pub name: Text,
    /// The evidence kinds that support it, by id.
    pub evidence: Vec<Str>,
    /// The commune assesses it (Mẫu số 03) before the council scores.
    pub assessed_by_commune: bool,
}

/// A deadline of the procedure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct StepDeadline {
    /// The edition whose time limit applies.
    pub edition: Str,
    /// The step.
    pub step: ProcedureStep,
    /// What is done within it.
    pub name: Text,
    /// The event it counts from.
    pub counted_from: Text,
    /// The article.
    pub basis: Str,
    /// The limit worked out on the calendar.
    pub deadline: calendar::Deadline,
}

/// What a filed dossier lacks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct DossierCheck {
    /// The edition whose rules apply.
    pub edition: Str,
    /// The set checked.
    pub package: Str,
    /// Nothing required is missing.
    pub complete: bool,
    /// What is missing, in the set's order.
    pub missing: Vec<MissingItem>,
    /// Documents needed only in some cases ("nếu có") and not declared: check them by hand.
    pub conditional: Vec<PackageItem>,
    /// Declared ids that are not part of this set.
    pub extra: Vec<Str>,
    /// Kinds of evidence that support a criterion of this sheet and were not declared (the
    /// evidence table is guidance, so this does not make the dossier incomplete).
    pub evidence_not_attached: Vec<EvidenceChecklist>,
}

/// Something a filed dossier lacks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct MissingItem {
    /// A document's id, or `samples`, `paperCopies`, `electronicCopies`.
    pub id: Str,
    /// Its name.
    pub name: Text,
    /// How many are needed.
    pub needed: u32,
    /// How many were declared.
    pub declared: u32,
}

// ---- the checklist ----

/// An edition and its dossier data, resolved for a request.
struct Resolved<'a> {
    edition: &'a Edition,
    spec: &'a DossierSpec,
    sheet: SheetRef<'a>,
    level: Level,
}

impl Catalog {
    /// What to file for a case, set by set, with the evidence each criterion needs.
    ///
    /// ```
    /// use ocop_core::Catalog;
    /// use ocop_core::dossier::ChecklistRequest;
    /// let r = ChecklistRequest::from_json(r#"{"edition":"26/2026","productSet":9,
    ///     "subjectType":"cooperative","case":"first","level":"province","filedOn":"2027-02-01"}"#).unwrap();
    /// let c = Catalog::builtin().dossier_checklist(&r).unwrap();
    /// let sets: Vec<&str> = c.packages.iter().map(|p| p.id.as_str()).collect();
    /// assert_eq!(sets, ["product-dossier", "commune-proposal"]);
    /// assert_eq!(c.samples.unwrap().count, 5);
    /// assert_eq!(c.deadlines[0].deadline.due_on.to_string(), "2027-03-01"); // 15 working days, across Tết
    /// ```
    pub fn dossier_checklist(
        &self,
        request: &ChecklistRequest,
    ) -> Result<DossierChecklist, InputErrors> {
        let r = self.resolve_dossier(request)?;
        let packages: Vec<PackageChecklist> = packages_for(r.spec, request.case, r.level)
            .into_iter()
            .map(|p| package_checklist(r.spec, p))
            .collect();
        let samples = r.spec.samples.as_ref().map(|s| {
            let exempt = s.except_product_sets.contains(&request.product_set);
            SamplesNeeded {
                count: if exempt { 0 } else { s.count },
                exempt,
                provided_by: s.provided_by.clone(),
                basis: s.basis.clone(),
                confidence_note: s.confidence_note.clone(),
            }
        });
        let evidence = evidence_for(r.spec, &r.sheet);
        let criteria = r
            .sheet
            .criteria()
            .map(|c| CriterionChecklist {
                code: c.code.clone(),
                name: c.name.clone(),
                evidence: evidence
                    .iter()
                    .filter(|e| e.criteria.iter().any(|l| l.code == c.code))
                    .map(|e| e.id.clone())
                    .collect(),
                assessed_by_commune: c.assessed_by_commune,
            })
            .collect();
        let mut deadlines = Vec::new();
        if let Some(filed_on) = request.filed_on {
            let limit = r
                .spec
                .time_limits
                .iter()
                .find(|t| t.step == ProcedureStep::CommuneReview);
            if let Some(limit) = limit {
                let d = step_deadline(r.edition, limit, filed_on, &request.decisions)
                    .map_err(|e| relocated(e, "/filedOn"))?;
                deadlines.push(d);
            }
        }
        Ok(DossierChecklist {
            edition: r.edition.data().identity.id.clone(),
            product_set: request.product_set,
            subject_type: request.subject_type,
            case: request.case,
            level: r.level,
            packages,
            samples,
            case_requirements: r
                .spec
                .case_requirements
                .iter()
                .filter(|c| c.case == request.case)
                .cloned()
                .collect(),
            evidence,
            criteria,
            time_limits: r.spec.time_limits.clone(),
            deadlines,
            gaps: r.spec.gaps.clone(),
        })
    }

    /// Checks a filed dossier's declared items against the checklist: what is missing, by name.
    ///
    /// ```
    /// use ocop_core::Catalog;
    /// use ocop_core::dossier::FiledDossier;
    /// let d = FiledDossier::from_json(r#"{"edition":"26/2026","productSet":9,"subjectType":"farm",
    ///     "case":"first","documents":["registration-form"],"samples":3,"paperCopies":1,"electronicCopies":1}"#).unwrap();
    /// let check = Catalog::builtin().check_dossier(&d).unwrap();
    /// assert!(!check.complete);
    /// let missing: Vec<&str> = check.missing.iter().map(|m| m.id.as_str()).collect();
    /// assert_eq!(missing, ["self-assessment-report", "samples"]);
    /// ```
    pub fn check_dossier(&self, filed: &FiledDossier) -> Result<DossierCheck, InputErrors> {
        let r = self.resolve_dossier(&filed.request)?;
        let edition = r.edition.id().to_owned();
        let mut errors = Vec::new();
        let chain = packages_for(r.spec, filed.request.case, r.level);
        let package = match &filed.package {
            None => chain.first().copied(),
            Some(id) => {
                let found = chain.iter().copied().find(|p| p.id == id.as_str());
                if found.is_none() {
                    let known: Vec<&str> = chain.iter().map(|p| p.id.as_str()).collect();
                    errors.push(
                        DossierProblem::UnknownPackage {
                            id: id.clone(),
                            case: filed.request.case.id(),
                            level: level_id(r.level),
                            known: known.join(", "),
                        }
                        .at("/package"),
                    );
                }
                found
            }
        };
        let known_items: Vec<&str> = r
            .spec
            .documents
            .iter()
            .map(|d| d.id.as_str())
            .chain(r.spec.packages.iter().map(|p| p.id.as_str()))
            .collect();
        for (i, id) in filed.documents.iter().enumerate() {
            if !known_items.contains(&id.as_str()) {
                errors.push(
                    DossierProblem::UnknownItem {
                        edition: edition.clone(),
                        id: id.clone(),
                        known: known_items.join(", "),
                    }
                    .at(format!("/documents/{i}")),
                );
            }
        }
        for (i, id) in filed.evidence.iter().enumerate() {
            if !r.spec.evidence.iter().any(|e| e.id == id.as_str()) {
                let known: Vec<&str> = r.spec.evidence.iter().map(|e| e.id.as_str()).collect();
                errors.push(
                    DossierProblem::UnknownItem {
                        edition: edition.clone(),
                        id: id.clone(),
                        known: known.join(", "),
                    }
                    .at(format!("/evidence/{i}")),
                );
            }
        }
        let Some(package) = package.filter(|_| errors.is_empty()) else {
            return Err(InputErrors(errors));
        };
        // A set's id declares every document in it.
        let declared: Vec<&str> = filed
            .documents
            .iter()
            .flat_map(|id| documents_in(r.spec, id))
            .collect();
        let needed = documents_in(r.spec, &package.id);
        let mut missing = Vec::new();
        let mut conditional = Vec::new();
        for id in &needed {
            if declared.contains(id) {
                continue;
            }
            let Some(doc) = r.spec.documents.iter().find(|d| d.id == *id) else {
                continue;
            };
            let item = document_item(r.spec, doc);
            if doc.condition.is_some() {
                conditional.push(item);
            } else {
                missing.push(MissingItem {
                    id: doc.id.clone(),
                    name: doc.name.clone(),
                    needed: 1,
                    declared: 0,
                });
            }
        }
        let samples_needed = r
            .spec
            .samples
            .as_ref()
            .filter(|s| package.samples && !s.except_product_sets.contains(&r.sheet.product_set))
            .map_or(0, |s| u32::from(s.count));
        let copies = r.spec.copies.as_ref().filter(|_| package.copies);
        for (id, name, needed, declared) in [
            (
                "samples",
                Text::new("Sản phẩm mẫu", "Product samples"),
                samples_needed,
                filed.samples,
            ),
            (
                "paperCopies",
                Text::new("Bộ hồ sơ giấy", "Paper sets"),
                copies.map_or(0, |c| u32::from(c.paper)),
                filed.paper_copies,
            ),
            (
                "electronicCopies",
                Text::new("Bộ hồ sơ điện tử", "Electronic sets"),
                copies.map_or(0, |c| u32::from(c.electronic)),
                filed.electronic_copies,
            ),
        ] {
            if declared < needed {
                missing.push(MissingItem {
                    id: id.into(),
                    name,
                    needed,
                    declared,
                });
            }
        }
        let extra = filed
            .documents
            .iter()
            .filter(|id| {
                let inside = documents_in(r.spec, id);
                !inside.iter().all(|d| needed.contains(d)) && *id != &*package.id
            })
            .map(|id| Str::from(id.as_str()))
            .collect();
        let evidence_not_attached = evidence_for(r.spec, &r.sheet)
            .into_iter()
            .filter(|e| !e.criteria.is_empty() && !filed.evidence.iter().any(|x| *x == *e.id))
            .collect();
        Ok(DossierCheck {
            edition: r.edition.data().identity.id.clone(),
            package: package.id.clone(),
            complete: missing.is_empty(),
            missing,
            conditional,
            extra,
            evidence_not_attached,
        })
    }

    /// The deadline of a step of the procedure, on the working-day calendar.
    ///
    /// ```
    /// use ocop_core::Catalog;
    /// use ocop_core::dossier::StepDeadlineRequest;
    /// let r = StepDeadlineRequest::from_json(r#"{"step":"reevaluation","from":"2026-08-03"}"#).unwrap();
    /// let d = Catalog::builtin().procedure_deadline(&r).unwrap();
    /// // 45 days after Monday 03/08/2026 is Thursday 17/09/2026.
    /// assert_eq!(d.deadline.due_on.to_string(), "2026-09-17");
    /// ```
    pub fn procedure_deadline(
        &self,
        request: &StepDeadlineRequest,
    ) -> Result<StepDeadline, InputErrors> {
        let edition = match &request.edition {
            Some(id) => self.find_edition(id)?,
            None => self.edition_in_force(request.from).ok_or_else(|| {
                InputErrors::one(
                    ErrorCode::NoEditionInForce,
                    "/from",
                    format!(
                        "no edition this library carries was in force on {}",
                        request.from
                    ),
                )
            })?,
        };
        let limit = edition
            .data()
            .dossier
            .as_ref()
            .and_then(|d| d.time_limits.iter().find(|t| t.step == request.step))
            .ok_or_else(|| {
                InputErrors::from(
                    DossierProblem::NotInEdition {
                        edition: edition.id().to_owned(),
                        what: format!("a time limit for {}", step_id(request.step)),
                    }
                    .at("/step"),
                )
            })?;
        step_deadline(edition, limit, request.from, &request.decisions)
            .map_err(|e| relocated(e, "/from"))
    }

    fn resolve_dossier(&self, request: &ChecklistRequest) -> Result<Resolved<'_>, InputErrors> {
        let mut errors = Vec::new();
        let edition = match (&request.edition, request.filed_on) {
            (Some(id), _) => self.find_edition(id).map_err(|e| errors.push(e)).ok(),
            (None, Some(date)) => {
                let found = self.edition_in_force(date);
                if found.is_none() {
                    errors.push(InputError::new(
                        ErrorCode::NoEditionInForce,
                        "/filedOn",
                        format!("no edition this library carries was in force on {date}"),
                    ));
                }
                found
            }
            (None, None) => {
                errors.push(InputError::new(
                    ErrorCode::MissingEdition,
                    "/edition",
                    "give `edition` or `filedOn` (the edition in force that day is used)",
                ));
                None
            }
        };
        let Some(edition) = edition else {
            return Err(InputErrors(errors));
        };
        let sheet = edition
            .find_sheet(request.product_set)
            .map_err(|e| errors.push(e))
            .ok();
        if !edition.subject_type_eligible(request.subject_type, request.product_set) {
            errors.push(InputError::new(
                ErrorCode::SubjectTypeNotEligible,
                "/subjectType",
                format!(
                    "a {} may apply only for the tourism product set",
                    request.subject_type.id()
                ),
            ));
        }
        let procedure = edition.procedure_on(request.filed_on);
        let levels: Vec<Level> = procedure
            .map(|p| p.levels.iter().map(|l| l.level).collect())
            .unwrap_or_default();
        let level = match request.level {
            Some(l) if levels.contains(&l) => Some(l),
            Some(l) => {
                errors.push(InputError::new(
                    ErrorCode::LevelNotInProcedure,
                    "/level",
                    format!(
                        "the procedure {} has no {} level",
                        procedure.map_or("", |p| p.id.as_str()),
                        level_id(l)
                    ),
                ));
                None
            }
            None => levels.first().copied(),
        };
        let spec = edition.data().dossier.as_ref();
        if spec.is_none() {
            errors.push(
                DossierProblem::NotInEdition {
                    edition: edition.id().to_owned(),
                    what: "what a dossier holds".into(),
                }
                .at("/edition"),
            );
        }
        match (spec, sheet, level) {
            (Some(spec), Some(sheet), Some(level)) if errors.is_empty() => Ok(Resolved {
                edition,
                spec,
                sheet,
                level,
            }),
            _ => Err(InputErrors(errors)),
        }
    }
}

/// The sets sent for `case` when the product aims at `level`, in order.
fn packages_for(spec: &DossierSpec, case: DossierKind, level: Level) -> Vec<&DossierPackage> {
    spec.packages
        .iter()
        .filter(|p| p.levels.contains(&level) && (p.cases.is_empty() || p.cases.contains(&case)))
        .collect()
}

fn package_checklist(spec: &DossierSpec, p: &DossierPackage) -> PackageChecklist {
    let items = p
        .items
        .iter()
        .filter_map(|id| {
            if let Some(doc) = spec.documents.iter().find(|d| d.id == *id) {
                return Some(document_item(spec, doc));
            }
            spec.packages
                .iter()
                .find(|x| x.id == *id)
                .map(|inner| PackageItem {
                    id: inner.id.clone(),
                    name: inner.name.clone(),
                    is_set: true,
                    form: None,
                    condition: None,
                    basis: inner.basis.clone(),
                })
        })
        .collect();
    PackageChecklist {
        id: p.id.clone(),
        name: p.name.clone(),
        prepared_by: p.prepared_by.clone(),
        sent_to: p.sent_to.clone(),
        items,
        samples: p.samples,
        copies: spec.copies.clone().filter(|_| p.copies),
        basis: p.basis.clone(),
    }
}

fn document_item(spec: &DossierSpec, doc: &crate::catalog::model::DocumentInfo) -> PackageItem {
    PackageItem {
        id: doc.id.clone(),
        name: doc.name.clone(),
        is_set: false,
        form: doc.form.as_ref().and_then(|f| {
            spec.forms
                .iter()
                .find(|x| x.id == *f)
                .map(|x| x.number.clone())
        }),
        condition: doc.condition.clone(),
        basis: doc.basis.clone(),
    }
}

/// The documents an id stands for: itself, or every document of a set and of the sets in it.
fn documents_in<'a>(spec: &'a DossierSpec, id: &str) -> Vec<&'a str> {
    if let Some(doc) = spec.documents.iter().find(|d| d.id == id) {
        return vec![doc.id.as_str()];
    }
    // Sets hold only sets defined before them (checked when the edition is built), so this ends.
    let Some(position) = spec.packages.iter().position(|p| p.id == id) else {
        return Vec::new();
    };
    let earlier = spec.packages.get(..position).unwrap_or_default();
    spec.packages
        .get(position)
        .map(|p| {
            p.items
                .iter()
                .flat_map(|item| {
                    if earlier.iter().any(|e| e.id == *item) {
                        documents_in(spec, item)
                    } else {
                        spec.documents
                            .iter()
                            .filter(|d| d.id == *item)
                            .map(|d| d.id.as_str())
                            .collect()
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Every evidence kind with the criteria it supports on `sheet`, in sheet order.
fn evidence_for(spec: &DossierSpec, sheet: &SheetRef<'_>) -> Vec<EvidenceChecklist> {
    spec.evidence
        .iter()
        .map(|e| {
            let mut criteria: Vec<(usize, LinkedCriterion)> = e
                .links
                .iter()
                .filter(|l| {
                    l.product_sets.is_empty() || l.product_sets.contains(&sheet.product_set)
                })
                .flat_map(|l| {
                    l.criteria.iter().filter_map(|code| {
                        sheet.position(code).map(|p| {
                            (
                                p,
                                LinkedCriterion {
                                    code: code.clone(),
                                    strength: l.strength,
                                },
                            )
                        })
                    })
                })
                .collect();
            criteria.sort_by_key(|(p, _)| *p);
            criteria.dedup_by_key(|(p, _)| *p);
            EvidenceChecklist {
                id: e.id.clone(),
                name: e.name.clone(),
                requirement: e.requirement.clone(),
                criteria: criteria.into_iter().map(|(_, c)| c).collect(),
                note: e.note.clone(),
            }
        })
        .collect()
}

fn step_deadline(
    edition: &Edition,
    limit: &TimeLimit,
    from: Date,
    decisions: &[YearDecisions],
) -> Result<StepDeadline, InputErrors> {
    let request = DeadlineRequest {
        from,
        length: u32::from(limit.length),
        unit: limit.unit,
        decisions: decisions.to_vec(),
    };
    Ok(StepDeadline {
        edition: edition.data().identity.id.clone(),
        step: limit.step,
        name: limit.name.clone(),
        counted_from: limit.counted_from.clone(),
        basis: limit.basis.clone(),
        deadline: calendar::deadline(&request)?,
    })
}

/// The calendar reports a bad starting day at `/from`; a request may name it differently.
fn relocated(errors: InputErrors, from: &str) -> InputErrors {
    InputErrors(
        errors
            .0
            .into_iter()
            .map(|mut e| {
                if e.path == "/from" {
                    e.path = from.to_owned();
                }
                e
            })
            .collect(),
    )
}

fn level_id(level: Level) -> &'static str {
    match level {
        Level::District => "district",
        Level::Province => "province",
        Level::Central => "central",
    }
}

fn step_id(step: ProcedureStep) -> &'static str {
    match step {
        ProcedureStep::CommuneReview => "commune_review",
        ProcedureStep::Reevaluation => "reevaluation",
        ProcedureStep::Revocation => "revocation",
    }
}

// ---- the registration slip ----

/// A registration slip's number: `Phiếu số: 12-01/PĐK-38-12345-2026`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct RegistrationSlip {
    /// The edition whose form prints it.
    pub edition: Str,
    /// The first blank before `/PĐK` (read as a running number).
    pub number: String,
    /// The second blank before `/PĐK`.
    pub second: String,
    /// Mã tỉnh.
    pub province: String,
    /// Mã xã.
    pub commune: String,
    /// Năm.
    pub year: u16,
    /// The number written out: `12-01/PĐK-38-12345-2026`.
    pub formatted: String,
}

/// The parts of a slip number to write out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct SlipParts {
    /// The first blank.
    pub number: String,
    /// The second blank.
    pub second: String,
    /// Mã tỉnh.
    pub province: String,
    /// Mã xã.
    pub commune: String,
    /// Năm.
    pub year: u16,
}

/// Longest blank before `/PĐK`, in characters.
const MAX_SLIP_PART: usize = 10;
/// Longest slip number, in bytes.
const MAX_SLIP_BYTES: usize = 80;

impl Catalog {
    /// Parses and checks a registration slip's number (Mẫu số 01: "Phiếu số: ……-…… /PĐK- (Mã
    /// tỉnh) - (Mã xã) - (Năm)"). Spaces are ignored, a leading "Phiếu số:" is allowed, and
    /// `PDK` is read as `PĐK`. With no edition, the newest edition that prints a slip is used.
    ///
    /// ```
    /// let slip = ocop_core::Catalog::builtin().parse_registration_slip("Phiếu số: 12-01 /PĐK- 38 - 12345 - 2026", None).unwrap();
    /// assert_eq!((slip.number.as_str(), slip.commune.as_str(), slip.year), ("12", "12345", 2026));
    /// assert_eq!(slip.formatted, "12-01/PĐK-38-12345-2026");
    ///
    /// let err = ocop_core::Catalog::builtin().parse_registration_slip("12-01/PĐK-38-1234-26", None).unwrap_err();
    /// let paths: Vec<&str> = err.0.iter().map(|e| e.path.as_str()).collect();
    /// assert_eq!(paths, ["/commune", "/year"]);
    /// ```
    pub fn parse_registration_slip(
        &self,
        text: &str,
        edition: Option<&str>,
    ) -> Result<RegistrationSlip, InputErrors> {
        if text.len() > MAX_SLIP_BYTES {
            return Err(InputErrors::one(
                ErrorCode::StringTooLong,
                "",
                format!("a slip number has at most {MAX_SLIP_BYTES} characters"),
            ));
        }
        let edition = self.slip_edition(edition)?;
        let compact: String = text.split_whitespace().collect();
        let compact = ["Phiếusố:", "Phiếusố"]
            .iter()
            .find_map(|p| compact.strip_prefix(p))
            .unwrap_or(&compact);
        let shape = || {
            InputErrors::from(
                DossierProblem::InvalidSlip {
                    reason: format!(
                        "`{}` does not have the shape …-…/PĐK-(mã tỉnh)-(mã xã)-(năm), e.g. 12-01/PĐK-38-12345-2026",
                        text.trim()
                    ),
                }
                .at(""),
            )
        };
        let (left, right) = compact.split_once('/').ok_or_else(shape)?;
        let (number, second) = left.split_once('-').ok_or_else(shape)?;
        let parts: Vec<&str> = right.split('-').collect();
        let [tag, province, commune, year] = parts.as_slice() else {
            return Err(shape());
        };
        if !["PĐK", "PDK"].contains(&tag.to_uppercase().as_str()) {
            return Err(shape());
        }
        let mut errors = Vec::new();
        for (path, value, what) in [
            ("/number", number, "the first blank"),
            ("/second", second, "the second blank"),
        ] {
            let ok = !value.is_empty()
                && value.chars().count() <= MAX_SLIP_PART
                && value.chars().all(|c| c.is_ascii_alphanumeric());
            if !ok {
                errors.push(
                    DossierProblem::InvalidSlip {
                        reason: format!(
                            "{what} before /PĐK is 1 to {MAX_SLIP_PART} letters or digits, not `{value}`"
                        ),
                    }
                    .at(path),
                );
            }
        }
        for (path, value, kind) in [
            ("/province", province, SegmentKind::Province),
            ("/commune", commune, SegmentKind::Commune),
        ] {
            if let Some(reason) = check_code(edition, value, kind) {
                errors.push(DossierProblem::InvalidSlip { reason }.at(path));
            }
        }
        let year_value = year
            .parse::<u16>()
            .ok()
            .filter(|y| year.len() == 4 && (2018..=2100).contains(y));
        if year_value.is_none() {
            errors.push(
                DossierProblem::InvalidSlip {
                    reason: format!(
                        "the year is 4 digits from 2018 (the OCOP programme) on, not `{year}`"
                    ),
                }
                .at("/year"),
            );
        }
        match year_value {
            Some(year) if errors.is_empty() => Ok(RegistrationSlip {
                edition: edition.data().identity.id.clone(),
                number: (*number).to_owned(),
                second: (*second).to_owned(),
                province: (*province).to_owned(),
                commune: (*commune).to_owned(),
                year,
                formatted: format!("{number}-{second}/PĐK-{province}-{commune}-{year}"),
            }),
            _ => Err(InputErrors(errors)),
        }
    }

    /// Writes a registration slip's number from its parts, checking each.
    ///
    /// ```
    /// use ocop_core::dossier::SlipParts;
    /// let parts = SlipParts { number: "7".into(), second: "2026".into(), province: "38".into(), commune: "12345".into(), year: 2026 };
    /// assert_eq!(ocop_core::Catalog::builtin().format_registration_slip("26/2026", &parts).unwrap(), "7-2026/PĐK-38-12345-2026");
    /// ```
    pub fn format_registration_slip(
        &self,
        edition: &str,
        parts: &SlipParts,
    ) -> Result<String, InputErrors> {
        let text = format!(
            "{}-{}/PĐK-{}-{}-{}",
            parts.number, parts.second, parts.province, parts.commune, parts.year
        );
        self.parse_registration_slip(&text, Some(edition))
            .map(|s| s.formatted)
    }

    fn slip_edition(&self, edition: Option<&str>) -> Result<&Edition, InputErrors> {
        let has_slip = |e: &Edition| {
            e.data()
                .dossier
                .as_ref()
                .is_some_and(|d| d.registration_slip.is_some())
        };
        match edition {
            Some(id) => {
                let e = self.find_edition(id)?;
                if has_slip(e) {
                    Ok(e)
                } else {
                    Err(DossierProblem::NotInEdition {
                        edition: e.id().to_owned(),
                        what: "a registration slip number".into(),
                    }
                    .at("/edition")
                    .into())
                }
            }
            None => self.editions().iter().find(|e| has_slip(e)).ok_or_else(|| {
                DossierProblem::NotInEdition {
                    edition: "any edition carried".into(),
                    what: "a registration slip number".into(),
                }
                .at("/edition")
                .into()
            }),
        }
    }
}

/// Why `value` is not an administrative code of `kind` under the edition, if it is not.
fn check_code(edition: &Edition, value: &str, kind: SegmentKind) -> Option<String> {
    let segment = edition
        .data()
        .product_code
        .segments
        .iter()
        .find(|s| s.kind == kind)?;
    let digits = value.len();
    let fits = !value.is_empty()
        && value.bytes().all(|b| b.is_ascii_digit())
        && (usize::from(segment.min_digits)..=usize::from(segment.max_digits)).contains(&digits);
    (!fits).then(|| {
        format!(
            "the {} has {} digits, not `{value}`",
            segment.name.en.to_lowercase(),
            segment.max_digits
        )
    })
}
