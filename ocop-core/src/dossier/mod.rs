//! The dossier: what a producer files, what the commune and the province send on, the evidence
//! each criterion needs, the registration slip's number and the procedure's deadlines.
//!
//! Everything here is read from the edition's `dossier.toml` (26/2026 Điều 6-8 and Phụ lục III;
//! what is known of 148). Each question is a request with one reader, so that every problem
//! is reported with its path:
//!
//! | request | fields | answered by |
//! |---|---|---|
//! | [`ChecklistRequest`] | `edition?`, `filedOn?`, `productSet`, `subjectType`, `case`, `level?`, `decisions?` | [`Catalog::dossier_checklist`](crate::Catalog::dossier_checklist) |
//! | [`FiledDossier`] | the checklist's fields, `package?`, `documents`, `samples`, `paperCopies`, `electronicCopies`, `evidence` | [`Catalog::check_dossier`](crate::Catalog::check_dossier) |
//! | [`StepDeadlineRequest`] | `edition?`, `step`, `from`, `decisions?` | [`Catalog::procedure_deadline`](crate::Catalog::procedure_deadline) |
//! | [`SlipRequest`] | `slip`, `edition?` | [`Catalog::parse_registration_slip`](crate::Catalog::parse_registration_slip) |
//! | [`SlipParts`] | `edition`, `number`, `second`, `province`, `commune`, `year` | [`Catalog::format_registration_slip`](crate::Catalog::format_registration_slip) |
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

mod checklist;
mod slip;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::calendar::{self, YearDecisions};
pub use crate::catalog::model::DossierKind;
use crate::catalog::model::{
    CaseRequirement, Copies, Level, LinkStrength, ProcedureStep, SubjectType, TimeLimit,
};
pub use crate::error::DossierProblem;
use crate::error::InputError;
use crate::read::{self, Fields, Input};
use crate::text::{Str, Text};
pub use slip::{RegistrationSlip, SlipParts, SlipRequest};

// ---- requests ----

/// What the checklist is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistRequest {
    /// Edition id; optional when `filed_on` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub edition: Option<String>,
    /// The day the commune receives the dossier.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub filed_on: Option<Date>,
    /// The product set (1-26).
    pub product_set: u8,
    /// Who applies.
    pub subject_type: SubjectType,
    /// First evaluation, upgrade or re-evaluation.
    pub case: DossierKind,
    /// The level aimed at; by default the first level of the procedure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub level: Option<Level>,
    /// Decisions on days off to add to the bundled ones, for the deadlines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub decisions: Vec<YearDecisions>,
}

/// A dossier as filed: what it is for, and the items it declares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FiledDossier {
    /// What it is for (the checklist's request fields, at the same level in JSON).
    #[serde(flatten)]
    pub request: ChecklistRequest,
    /// The set filed (by default the producer's `product-dossier`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub package: Option<String>,
    /// The documents it holds, by id; a set's id stands for all its documents.
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub documents: Vec<String>,
    /// Product samples sent.
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub samples: u32,
    /// Paper sets.
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub paper_copies: u32,
    /// Electronic sets.
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub electronic_copies: u32,
    /// Kinds of evidence attached to the self-assessment report, by id.
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub evidence: Vec<String>,
}

/// A deadline of the procedure to compute: `{ "step": "commune_review", "from": "2027-02-01" }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StepDeadlineRequest {
    /// Edition id; by default the one in force on `from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub edition: Option<String>,
    /// The step.
    pub step: ProcedureStep,
    /// The day of the event the limit counts from.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub from: Date,
    /// Decisions on days off to add to the bundled ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
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
    "package",
    "documents",
    "samples",
    "paperCopies",
    "electronicCopies",
    "evidence",
];

/// Most ids in a filed dossier's lists.
const MAX_ITEMS: usize = 100;

impl Input for ChecklistRequest {
    /// ```
    /// use ocop_core::{ErrorCode, Input};
    /// use ocop_core::dossier::{ChecklistRequest, DossierKind};
    /// let r = ChecklistRequest::from_json(r#"{"edition":"26/2026","productSet":9,"subjectType":"farm","case":"upgrade"}"#).unwrap();
    /// assert_eq!(r.case, DossierKind::Upgrade);
    /// let e = ChecklistRequest::from_json(r#"{"productSet":9,"subjectType":"farm","case":"second"}"#).unwrap_err();
    /// assert_eq!((e.0[0].code, e.0[0].path.as_str()), (ErrorCode::WrongType, "/case"));
    /// ```
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<ChecklistRequest> {
        let f = Fields::new(
            value,
            path,
            "a dossier checklist request",
            &[CHECKLIST_FIELDS],
            errors,
        );
        read_request(&f, errors)
    }
}

fn read_request(f: &Fields<'_>, errors: &mut Vec<InputError>) -> Option<ChecklistRequest> {
    let edition = f.optional("edition", errors);
    let filed_on = f.optional("filedOn", errors);
    let product_set = f.required("productSet", errors);
    let subject_type = f.required("subjectType", errors);
    let case = f.required("case", errors);
    let level = f.optional("level", errors);
    let decisions = calendar::decisions_field(f, errors);
    Some(ChecklistRequest {
        edition,
        filed_on,
        product_set: product_set?,
        subject_type: subject_type?,
        case: case?,
        level,
        decisions: decisions?,
    })
}

impl Input for FiledDossier {
    /// ```
    /// use ocop_core::Input;
    /// let d = ocop_core::dossier::FiledDossier::from_json(r#"{"edition":"26/2026","productSet":9,
    ///   "subjectType":"farm","case":"first","documents":["registration-form"],"samples":5}"#).unwrap();
    /// assert_eq!(d.samples, 5);
    /// ```
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<FiledDossier> {
        let f = Fields::new(
            value,
            path,
            "a filed dossier",
            &[CHECKLIST_FIELDS, FILED_FIELDS],
            errors,
        );
        let request = read_request(&f, errors);
        let package = f.optional("package", errors);
        let documents = ids(&f, "documents", errors);
        let evidence = ids(&f, "evidence", errors);
        let samples = f.optional("samples", errors).unwrap_or(0);
        let paper_copies = f.optional("paperCopies", errors).unwrap_or(0);
        let electronic_copies = f.optional("electronicCopies", errors).unwrap_or(0);
        Some(FiledDossier {
            request: request?,
            package,
            documents: documents?,
            samples,
            paper_copies,
            electronic_copies,
            evidence: evidence?,
        })
    }
}

/// A list of item ids: empty when absent, `None` when bad.
fn ids(f: &Fields<'_>, key: &str, errors: &mut Vec<InputError>) -> Option<Vec<String>> {
    match f.raw(key) {
        None => Some(Vec::new()),
        Some(v) => read::list(v, &f.path(key), "dossier item ids", MAX_ITEMS, errors),
    }
}

impl Input for StepDeadlineRequest {
    fn read(
        value: &Value,
        path: &str,
        errors: &mut Vec<InputError>,
    ) -> Option<StepDeadlineRequest> {
        let f = Fields::new(
            value,
            path,
            "a procedure deadline request",
            &[&["edition", "step", "from", "decisions"]],
            errors,
        );
        let edition = f.optional("edition", errors);
        let step = f.required("step", errors);
        let from = f.required("from", errors);
        let decisions = calendar::decisions_field(&f, errors);
        Some(StepDeadlineRequest {
            edition,
            step: step?,
            from: from?,
            decisions: decisions?,
        })
    }
}

read::read_choices!(DossierKind, ProcedureStep);
read::deserialize_through_reader!(ChecklistRequest, FiledDossier, StepDeadlineRequest);

// ---- answers ----

/// Everything to file for a case, from the producer's registration to the last set sent on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkedCriterion {
    /// The criterion's code on this sheet.
    pub code: Str,
    /// How the link was made.
    pub strength: LinkStrength,
}

/// A criterion of the sheet and the evidence to attach for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
