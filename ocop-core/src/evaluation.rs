//! The evaluation: one filled-in scoring sheet (phiếu đánh giá), as the JSON interchange format
//! that every surface shares.
//!
//! ```json
//! { "edition": "26/2026", "productSet": 9, "subjectType": "cooperative",
//!   "answers": { "A1.1": 2, "A1.2": 0, "A3.5": null },
//!   "knockouts": ["C6.1"], "dossierRejected": false }
//! ```
//!
//! `answers` maps a criterion code to the 0-based position of the ticked option in printed
//! order, or `null` when no option applies (0 points; any star marker on it fails). Every
//! criterion of the sheet must be answered, except after a knock-out that stops the evaluation,
//! on a rejected dossier, or on a criterion knocked out as "not assessed". `edition` may be left
//! out when `evaluatedOn` is given: the edition in force that day is used.
//! The format is versioned by `formatVersion` (currently 1; optional).

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::model::{KnockoutKind, Level, Procedure, SubjectType};
use crate::catalog::text::Lang;
use crate::catalog::{Catalog, Edition, SheetRef};
use crate::error::{ErrorCode, InputError, InputErrors, Warning, WarningCode};
use crate::json::{self, Fields, FromJson, pointer_segment, wrong_type};
use crate::limits;

/// Version of the JSON interchange formats this library reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Criterion code → the ticked option (0-based), or `None` when no option applies. Kept in
/// code order so that problems are always reported in the same order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(
    all(ocop_lib, feature = "wasm"),
    tsify(hashmap_as_object, missing_as_null)
)]
pub struct Answers(pub BTreeMap<String, Option<u32>>);

impl std::ops::Deref for Answers {
    type Target = BTreeMap<String, Option<u32>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Answers {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl<K: Into<String>> FromIterator<(K, Option<u32>)> for Answers {
    fn from_iter<I: IntoIterator<Item = (K, Option<u32>)>>(iter: I) -> Answers {
        Answers(iter.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a String, &'a Option<u32>);
    type IntoIter = std::collections::btree_map::Iter<'a, String, Option<u32>>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// One filled-in scoring sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct Evaluation {
    /// Format version (1). Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub format_version: Option<u32>,
    /// Your own reference for this evaluation (a product name or code), echoed in the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub reference: Option<String>,
    /// Edition id (`26/2026`, `148/2023`). Optional when `evaluated_on` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub edition: Option<String>,
    /// Day of the evaluation: picks the edition in force and, for 148, the procedure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(optional, type = "string"))]
    pub evaluated_on: Option<Date>,
    /// The product set's number (1–26).
    pub product_set: u8,
    /// Who applies.
    pub subject_type: SubjectType,
    /// Criterion code → ticked option (0-based), or `None` when no option applies.
    #[serde(default)]
    pub answers: Answers,
    /// Criteria whose knock-out condition the council found to apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub knockouts: Vec<String>,
    /// The dossier was rejected ("Hồ sơ bị loại khi…").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = false))]
    pub dossier_rejected: bool,
    /// For the tourism sheet: which of the two cases applies (1 or 2). Inferred from the
    /// answers when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub tourism_case: Option<u8>,
    /// The council level that scored (default: the first level of the procedure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub level: Option<Level>,
}

const FIELDS: &[&str] = &[
    "formatVersion",
    "reference",
    "edition",
    "evaluatedOn",
    "productSet",
    "subjectType",
    "answers",
    "knockouts",
    "dossierRejected",
    "tourismCase",
    "level",
];

impl Evaluation {
    /// An evaluation of product set `product_set` on edition `edition`, with no answers yet.
    ///
    /// ```
    /// use ocop_core::{Evaluation, SubjectType};
    /// let mut e = Evaluation::new("26/2026", 9, SubjectType::Household);
    /// e.answers.insert("A1.1".into(), Some(2));
    /// ```
    pub fn new(edition: &str, product_set: u8, subject_type: SubjectType) -> Evaluation {
        Evaluation {
            format_version: None,
            reference: None,
            edition: Some(edition.to_owned()),
            evaluated_on: None,
            product_set,
            subject_type,
            answers: Answers::default(),
            knockouts: Vec::new(),
            dossier_rejected: false,
            tourism_case: None,
            level: None,
        }
    }

    /// Reads an evaluation from JSON text, reporting every malformed field at once.
    ///
    /// ```
    /// use ocop_core::{Evaluation, ErrorCode};
    /// let e = Evaluation::from_json(r#"{"edition":"26/2026","productSet":9,"subjectType":"farm","answers":{"A1.1":2}}"#).unwrap();
    /// assert_eq!(e.answers["A1.1"], Some(2));
    ///
    /// let errors = Evaluation::from_json(r#"{"productSet":"nine","subjectType":"bank","colour":1}"#).unwrap_err();
    /// let codes: Vec<_> = errors.0.iter().map(|e| e.code).collect();
    /// assert_eq!(codes, [ErrorCode::UnknownField, ErrorCode::WrongType, ErrorCode::UnknownSubjectType]);
    /// ```
    pub fn from_json(text: &str) -> Result<Evaluation, InputErrors> {
        let value = json::parse(text, limits::MAX_INPUT_BYTES)?;
        Evaluation::from_json_value(&value, "")
    }

    /// Reads an evaluation from a parsed JSON value; errors are reported under `path`.
    pub fn from_json_value(value: &Value, path: &str) -> Result<Evaluation, InputErrors> {
        let mut errors = Vec::new();
        let f = Fields::new(value, path, FIELDS, &mut errors);
        let format_version = f.optional::<u32>("formatVersion", &mut errors);
        let reference = f.optional("reference", &mut errors);
        let edition = f.optional("edition", &mut errors);
        let evaluated_on = f.optional("evaluatedOn", &mut errors);
        let product_set = f.required::<u8>("productSet", &mut errors);
        let subject_type = f.required::<SubjectType>("subjectType", &mut errors);
        let answers = f.optional("answers", &mut errors).unwrap_or_default();
        let knockouts: Vec<String> = f.optional("knockouts", &mut errors).unwrap_or_default();
        if knockouts.len() > limits::MAX_KNOCKOUTS {
            errors.push(InputError::new(
                ErrorCode::TooManyItems,
                f.path("knockouts"),
                format!("at most {}", limits::MAX_KNOCKOUTS),
            ));
        }
        let dossier_rejected = f.optional("dossierRejected", &mut errors).unwrap_or(false);
        let tourism_case = f.optional("tourismCase", &mut errors);
        let level = f.optional("level", &mut errors);
        match (errors.is_empty(), product_set, subject_type) {
            (true, Some(product_set), Some(subject_type)) => Ok(Evaluation {
                format_version,
                reference,
                edition,
                evaluated_on,
                product_set,
                subject_type,
                answers,
                knockouts,
                dossier_rejected,
                tourism_case,
                level,
            }),
            _ => Err(InputErrors(errors)),
        }
    }

    /// Reads a batch: a JSON array of evaluations, each read on its own so that a malformed
    /// item never loses the others. Errors for the batch as a whole (not JSON, not an array,
    /// too large, too many items) come first.
    ///
    /// ```
    /// let items = ocop_core::Evaluation::batch_from_json(r#"[{"productSet":1,"subjectType":"farm"}, 7]"#).unwrap();
    /// assert!(items[0].is_ok());
    /// assert!(items[1].is_err());
    /// ```
    pub fn batch_from_json(
        text: &str,
    ) -> Result<Vec<Result<Evaluation, InputErrors>>, InputErrors> {
        let Some(items) = json::split_array(text)? else {
            return Err(InputErrors::one(
                ErrorCode::WrongType,
                "",
                "a batch is a JSON array of evaluations",
            ));
        };
        Ok(items
            .into_iter()
            .map(|item| {
                json::parse(item, limits::MAX_INPUT_BYTES)
                    .and_then(|v| Evaluation::from_json_value(&v, ""))
            })
            .collect())
    }

    /// The evaluation as JSON (camelCase).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl FromJson for SubjectType {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<SubjectType> {
        let Some(text) = v.as_str() else {
            errors.push(wrong_type(path, "a subject type", v));
            return None;
        };
        SubjectType::parse(text).or_else(|| {
            let all: Vec<_> = SubjectType::ALL.iter().map(|t| t.id()).collect();
            errors.push(InputError::new(
                ErrorCode::UnknownSubjectType,
                path,
                format!(
                    "`{text}` is not a subject type; use one of: {}",
                    all.join(", ")
                ),
            ));
            None
        })
    }
}

impl FromJson for Level {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Level> {
        match v.as_str() {
            Some("district") => Some(Level::District),
            Some("province") => Some(Level::Province),
            Some("central") => Some(Level::Central),
            _ => {
                errors.push(wrong_type(path, "one of district, province, central", v));
                None
            }
        }
    }
}

/// What was answered for one criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Answered {
    /// This option (0-based) was ticked.
    Option(u8),
    /// Answered `null`: no option applies.
    Unticked,
    /// Not answered, which the outcome allows (after a stop, on a rejected dossier…).
    Missing,
}

/// An evaluation checked against its sheet: everything needed to score it.
#[derive(Debug)]
pub(crate) struct Resolved<'a> {
    pub(crate) edition: &'a Edition,
    pub(crate) sheet: SheetRef<'a>,
    pub(crate) subject_type: SubjectType,
    pub(crate) evaluated_on: Option<Date>,
    pub(crate) procedure: Option<&'a Procedure>,
    pub(crate) level: Level,
    pub(crate) tourism_case: Option<u8>,
    pub(crate) answers: Vec<Answered>,
    /// Positions of the knock-outs that apply, in printed order.
    pub(crate) knockouts: Vec<usize>,
    /// Knock-outs that applied by themselves ("0 points on any criterion above").
    pub(crate) automatic_knockouts: Vec<usize>,
    pub(crate) dossier_rejected: bool,
    pub(crate) warnings: Vec<Warning>,
    pub(crate) reference: Option<String>,
}

impl Resolved<'_> {
    /// Points counted for each criterion (0 where unticked, missing, not assessed or after a stop).
    pub(crate) fn points(&self) -> Vec<u8> {
        let stop = self.stop_position();
        let range_points = &self.sheet.compiled.points;
        self.answers
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let not_assessed = self.is_not_assessed(i);
                match a {
                    Answered::Option(o) if stop.is_none_or(|s| i <= s) && !not_assessed => self
                        .sheet
                        .compiled
                        .option_range(i)
                        .and_then(|r| range_points.get(r.start + usize::from(*o)))
                        .copied()
                        .unwrap_or(0),
                    _ => 0,
                }
            })
            .collect()
    }

    /// The earliest knock-out that stops the evaluation.
    pub(crate) fn stop_position(&self) -> Option<usize> {
        self.knockouts
            .iter()
            .copied()
            .find(|&p| self.knockout_kind(p) == Some(KnockoutKind::StopEvaluation))
    }

    /// The first knock-out that eliminates the product.
    pub(crate) fn eliminated_at(&self) -> Option<usize> {
        self.knockouts
            .iter()
            .copied()
            .find(|&p| self.knockout_kind(p) == Some(KnockoutKind::Eliminate))
    }

    pub(crate) fn is_not_assessed(&self, position: usize) -> bool {
        self.knockouts.contains(&position)
            && self.knockout_kind(position) == Some(KnockoutKind::NotAssessed)
    }

    fn knockout_kind(&self, position: usize) -> Option<KnockoutKind> {
        self.sheet
            .compiled
            .criteria
            .get(position)
            .and_then(|c| c.knockout)
    }
}

impl Catalog {
    /// Checks `evaluation` against its edition and sheet, collecting every problem.
    pub(crate) fn resolve<'a>(
        &'a self,
        evaluation: &Evaluation,
    ) -> Result<Resolved<'a>, InputErrors> {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        if let Some(v) = evaluation.format_version {
            if v != FORMAT_VERSION {
                errors.push(InputError::new(
                    ErrorCode::FormatVersionUnsupported,
                    "/formatVersion",
                    format!("this library reads format version {FORMAT_VERSION}, not {v}"),
                ));
            }
        }
        if let Some(r) = &evaluation.reference {
            if r.chars().count() > limits::MAX_TEXT_CHARS {
                errors.push(InputError::new(
                    ErrorCode::StringTooLong,
                    "/reference",
                    format!("at most {} characters", limits::MAX_TEXT_CHARS),
                ));
            }
        }
        // Also checked when reading JSON; here for evaluations built in code or a binding.
        for (field, len, max) in [
            ("/answers", evaluation.answers.len(), limits::MAX_ANSWERS),
            (
                "/knockouts",
                evaluation.knockouts.len(),
                limits::MAX_KNOCKOUTS,
            ),
        ] {
            if len > max {
                errors.push(InputError::new(
                    ErrorCode::TooManyItems,
                    field,
                    format!("at most {max}, not {len}"),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(InputErrors(errors));
        }
        let edition = self.pick_edition(evaluation, &mut errors, &mut warnings);
        let sheet = edition.and_then(|e| {
            e.find_sheet(evaluation.product_set)
                .map_err(|e| errors.push(e))
                .ok()
        });
        let (Some(edition), Some(sheet)) = (edition, sheet) else {
            return Err(InputErrors(errors));
        };
        if !edition.subject_type_eligible(evaluation.subject_type, evaluation.product_set) {
            errors.push(InputError::new(
                ErrorCode::SubjectTypeNotEligible,
                "/subjectType",
                format!(
                    "a {} may apply only for the tourism product set",
                    evaluation.subject_type.id()
                ),
            ));
        }
        let procedure = edition.procedure_on(evaluation.evaluated_on);
        if evaluation.evaluated_on.is_none() && edition.data().procedures.len() > 1 {
            warnings.push(Warning::new(
                WarningCode::ProcedureAssumed,
                "/evaluatedOn",
                format!(
                    "no evaluation date: the latest procedure of {} was assumed",
                    edition.id()
                ),
            ));
        }
        let level = pick_level(evaluation.level, procedure, &mut errors);
        let answers = Vec::new();
        let mut r = Resolved {
            edition,
            sheet,
            subject_type: evaluation.subject_type,
            evaluated_on: evaluation.evaluated_on,
            procedure,
            level,
            tourism_case: None,
            answers,
            knockouts: Vec::new(),
            automatic_knockouts: Vec::new(),
            dossier_rejected: evaluation.dossier_rejected,
            warnings,
            reference: evaluation.reference.clone(),
        };
        r.tourism_case = check_case(&sheet, evaluation, &mut errors);
        r.knockouts = check_knockouts(&sheet, &evaluation.knockouts, &mut errors);
        r.answers = check_answers(&mut r, evaluation, &mut errors);
        apply_automatic_knockouts(&mut r);
        check_missing(&mut r, &mut errors);
        note_doubts(&mut r);
        if errors.is_empty() {
            Ok(r)
        } else {
            Err(InputErrors(errors))
        }
    }

    fn pick_edition(
        &self,
        evaluation: &Evaluation,
        errors: &mut Vec<InputError>,
        warnings: &mut Vec<Warning>,
    ) -> Option<&Edition> {
        match (&evaluation.edition, evaluation.evaluated_on) {
            (Some(id), date) => {
                let found = self.find_edition(id).map_err(|e| errors.push(e)).ok();
                match (found, date) {
                    (Some(e), Some(d)) if !e.in_force_on(d) => warnings.push(Warning::new(
                        WarningCode::EditionNotInForce,
                        "/edition",
                        format!("{} was not in force on {d}; scored on it as asked", e.id()),
                    )),
                    _ => {}
                }
                found
            }
            (None, Some(date)) => {
                let found = self.edition_in_force(date);
                if found.is_none() {
                    errors.push(InputError::new(
                        ErrorCode::NoEditionInForce,
                        "/evaluatedOn",
                        format!("no edition this library carries was in force on {date}"),
                    ));
                }
                found
            }
            (None, None) => {
                errors.push(InputError::new(
                    ErrorCode::MissingEdition,
                    "/edition",
                    "give `edition` or `evaluatedOn` (the edition in force that day is used)",
                ));
                None
            }
        }
    }
}

fn pick_level(
    asked: Option<Level>,
    procedure: Option<&Procedure>,
    errors: &mut Vec<InputError>,
) -> Level {
    let levels: Vec<Level> = procedure
        .map(|p| p.levels.iter().map(|l| l.level).collect())
        .unwrap_or_default();
    match asked {
        Some(l) if levels.contains(&l) => l,
        Some(l) => {
            errors.push(InputError::new(
                ErrorCode::LevelNotInProcedure,
                "/level",
                format!(
                    "the procedure {} has no {l:?} council",
                    procedure.map_or("", |p| p.id.as_str())
                ),
            ));
            l
        }
        None => levels.first().copied().unwrap_or(Level::Province),
    }
}

fn check_case(
    sheet: &SheetRef<'_>,
    evaluation: &Evaluation,
    errors: &mut Vec<InputError>,
) -> Option<u8> {
    let case = evaluation.tourism_case?;
    let cases: Vec<u8> = sheet
        .criteria()
        .flat_map(|c| c.cases.iter().map(|k| k.case))
        .collect();
    if cases.is_empty() {
        errors.push(InputError::new(
            ErrorCode::TourismCaseNotApplicable,
            "/tourismCase",
            format!("product set {} has no alternative cases", sheet.product_set),
        ));
    } else if !cases.contains(&case) {
        errors.push(InputError::new(
            ErrorCode::TourismCaseOutOfRange,
            "/tourismCase",
            "the case must be 1 or 2",
        ));
    }
    Some(case)
}

fn locate(
    sheet: &SheetRef<'_>,
    code: &str,
    path: &str,
    errors: &mut Vec<InputError>,
) -> Option<usize> {
    let found = sheet.position(code);
    if found.is_none() {
        let (error, message) = if sheet.edition().has_criterion_code(code) {
            (
                ErrorCode::CriterionNotOnSheet,
                format!(
                    "{code} is not on the sheet for product set {}",
                    sheet.product_set
                ),
            )
        } else {
            (
                ErrorCode::UnknownCriterion,
                format!(
                    "no criterion of edition {} has the code `{code}`",
                    sheet.edition().id()
                ),
            )
        };
        errors.push(InputError::new(error, path, message));
    }
    found
}

fn check_knockouts(
    sheet: &SheetRef<'_>,
    codes: &[String],
    errors: &mut Vec<InputError>,
) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let path = format!("/knockouts/{i}");
        let Some(p) = locate(sheet, code, &path, errors) else {
            continue;
        };
        if sheet
            .compiled
            .criteria
            .get(p)
            .is_some_and(|c| c.knockout.is_none())
        {
            errors.push(InputError::new(
                ErrorCode::NoKnockoutOnCriterion,
                path,
                format!("{code} has no knock-out condition on this sheet"),
            ));
        } else if !found.contains(&p) {
            found.push(p);
        }
    }
    found.sort_unstable();
    found
}

fn check_answers(
    r: &mut Resolved<'_>,
    evaluation: &Evaluation,
    errors: &mut Vec<InputError>,
) -> Vec<Answered> {
    let sheet = r.sheet;
    let mut answers = vec![Answered::Missing; sheet.criterion_count()];
    let mut case = r.tourism_case;
    for (code, option) in &evaluation.answers {
        let path = format!("/answers/{}", pointer_segment(code));
        let Some(p) = locate(&sheet, code, &path, errors) else {
            continue;
        };
        let Some(criterion) = sheet.criterion(p) else {
            continue;
        };
        let Some(slot) = answers.get_mut(p) else {
            continue;
        };
        let Some(o) = option else {
            *slot = Answered::Unticked;
            continue;
        };
        let chosen = usize::try_from(*o)
            .ok()
            .and_then(|i| criterion.options.get(i).map(|opt| (i, opt)));
        let Some((i, opt)) = chosen else {
            *slot = Answered::Unticked; // answered, wrongly: reported here, not again as missing
            errors.push(InputError::new(
                ErrorCode::OptionOutOfRange,
                path,
                format!(
                    "{code} has options 0 to {}, not {o}",
                    criterion.options.len().saturating_sub(1)
                ),
            ));
            continue;
        };
        if let Some(c) = opt.case {
            match case {
                None => case = Some(c),
                Some(k) if k != c => errors.push(InputError::new(
                    ErrorCode::MixedTourismCases,
                    path.clone(),
                    format!("option {i} of {code} is for case {c}, but case {k} applies to this evaluation"),
                )),
                _ => {}
            }
        }
        if !opt.subject_types.is_empty() && !opt.subject_types.contains(&r.subject_type) {
            errors.push(InputError::new(
                ErrorCode::SubjectTypeOptionMismatch,
                path,
                format!(
                    "option {i} of {code} is for {}; a {} may tick {}",
                    names(&opt.subject_types),
                    r.subject_type.id(),
                    allowed_options(&criterion.options, r.subject_type)
                ),
            ));
        }
        *slot = Answered::Option(u8::try_from(i).unwrap_or(u8::MAX));
    }
    r.tourism_case = case;
    // The organisation-type criterion follows from the subject type when only one option fits
    // (not on a rejected dossier, whose sheet is usually left empty).
    if let Some(p) = sheet
        .compiled
        .subject_criterion
        .map(usize::from)
        .filter(|_| !r.dossier_rejected)
    {
        if let (Some(Answered::Missing), Some(c)) = (answers.get(p), sheet.criterion(p)) {
            let fits: Vec<usize> = c
                .options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.subject_types.contains(&r.subject_type))
                .map(|(i, _)| i)
                .collect();
            if let [only] = fits.as_slice() {
                if let Some(slot) = answers.get_mut(p) {
                    *slot = Answered::Option(u8::try_from(*only).unwrap_or(u8::MAX));
                }
                r.warnings.push(Warning::new(
                    WarningCode::AnswerFilled,
                    format!("/answers/{}", pointer_segment(&c.code)),
                    format!(
                        "{} set to option {only}, the only one for a {}",
                        c.code,
                        r.subject_type.id()
                    ),
                ));
            }
        }
    }
    answers
}

fn names(types: &[SubjectType]) -> String {
    types.iter().map(|t| t.id()).collect::<Vec<_>>().join(", ")
}

fn allowed_options(options: &[crate::catalog::model::CriterionOption], t: SubjectType) -> String {
    let fits: Vec<String> = options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.subject_types.contains(&t))
        .map(|(i, _)| i.to_string())
        .collect();
    match fits.as_slice() {
        [] => "no option".into(),
        [one] => format!("option {one}"),
        many => format!("options {}", many.join(" or ")),
    }
}

fn apply_automatic_knockouts(r: &mut Resolved<'_>) {
    let sheet = r.sheet;
    for (p, c) in sheet.criteria().enumerate() {
        let Some(k) = &c.knockout else { continue };
        if k.when_any_zero.is_empty() || r.knockouts.contains(&p) {
            continue;
        }
        let points = r.points();
        let zero = k
            .when_any_zero
            .iter()
            .filter_map(|code| sheet.position(code))
            .any(|q| {
                matches!(
                    r.answers.get(q),
                    Some(Answered::Option(_) | Answered::Unticked)
                ) && points.get(q) == Some(&0)
            });
        if zero {
            r.knockouts.push(p);
            r.knockouts.sort_unstable();
            r.automatic_knockouts.push(p);
        }
    }
}

fn check_missing(r: &mut Resolved<'_>, errors: &mut Vec<InputError>) {
    let rejected = r.dossier_rejected || r.eliminated_at().is_some();
    let stop = r.stop_position();
    let mut ignored = false;
    let mut partial = false;
    let sheet = r.sheet;
    for (p, c) in sheet.criteria().enumerate() {
        let after_stop = stop.is_some_and(|s| p > s);
        let answered = !matches!(r.answers.get(p), Some(Answered::Missing) | None);
        if answered && after_stop {
            ignored = true;
        }
        if answered || after_stop || r.is_not_assessed(p) {
            continue;
        }
        if rejected {
            partial = true;
            continue;
        }
        let hint = if sheet.compiled.subject_criterion == u16::try_from(p).ok() {
            format!(
                "; a {} may tick {}",
                r.subject_type.id(),
                allowed_options(&c.options, r.subject_type)
            )
        } else {
            String::new()
        };
        errors.push(InputError::new(
            ErrorCode::MissingAnswer,
            format!("/answers/{}", pointer_segment(&c.code)),
            format!(
                "{} ({}) has no answer: give an option number, or null if none applies{hint}",
                c.code,
                c.name.get(Lang::En)
            ),
        ));
    }
    if ignored {
        r.warnings.push(Warning::new(
            WarningCode::AnswersIgnored,
            "/answers",
            "answers after the point where evaluation stopped are not counted",
        ));
    }
    if partial {
        r.warnings.push(Warning::new(
            WarningCode::PartialAnswers,
            "/answers",
            "some criteria are unanswered; the total counts only those given",
        ));
    }
}

fn note_doubts(r: &mut Resolved<'_>) {
    let sheet = r.sheet;
    if let Some(p) = &sheet.provisional {
        r.warnings.push(Warning::new(
            WarningCode::ProvisionalSheet,
            "/productSet",
            p.reason.to_string(),
        ));
    }
    for (p, c) in sheet.criteria().enumerate() {
        let Some(Answered::Option(o)) = r.answers.get(p) else {
            continue;
        };
        let Some(opt) = c.options.get(usize::from(*o)) else {
            continue;
        };
        let path = format!("/answers/{}", pointer_segment(&c.code));
        if let Some(printed) = &opt.printed_points {
            r.warnings.push(Warning::new(
                WarningCode::CorrectedPoints,
                path.clone(),
                format!(
                    "{} option {o} is printed as {printed}; {} is used",
                    c.code, opt.points
                ),
            ));
        }
        if let Some(t) = &opt.suspected_typo {
            r.warnings.push(Warning::new(
                WarningCode::SuspectedTypo,
                path.clone(),
                format!(
                    "{} option {o} counts {} as printed; probably {}: {}",
                    c.code, opt.points, t.likely_points, t.reason
                ),
            ));
        }
        if opt.implied {
            r.warnings.push(Warning::new(
                WarningCode::ImpliedOption,
                path.clone(),
                format!("{} prints no options; option {o} is implied", c.code),
            ));
        }
    }
    for &p in &r.knockouts {
        let Some(c) = sheet.criterion(p) else {
            continue;
        };
        let Some(k) = &c.knockout else { continue };
        let path = format!("/answers/{}", pointer_segment(&c.code));
        let reading = match k.kind {
            KnockoutKind::NotAssessed => {
                "read as: this criterion scores 0 (the text may also mean the product is not evaluated)"
            }
            KnockoutKind::StopEvaluation => {
                "read as: criteria after this one are not evaluated; the partial total is shown and no star is awarded"
            }
            KnockoutKind::Eliminate => continue,
        };
        r.warnings.push(Warning::new(
            WarningCode::ReadingApplied,
            path,
            format!("{} knock-out {reading}", c.code),
        ));
    }
}
