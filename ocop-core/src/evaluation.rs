//! The evaluation: one filled-in scoring sheet (phiếu đánh giá), as the JSON interchange format
//! that every surface shares, and its check against the sheet.
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
//!
//! A criterion may print a requirement ("Yêu cầu: 100% sản phẩm được trồng trên địa bàn cấp
//! tỉnh"). The caller states the requirements not met in `requirementsNotMet`; by default the
//! result warns (`REQUIREMENT_NOT_MET`), and with `"requirementRule": "refuseOption"` the ticked
//! option does not count (0 points, its markers fail). The library never guesses a requirement
//! from other answers.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;
use serde_json::Value;

use crate::catalog::compiled::CompiledSheet;
use crate::catalog::model::{CriterionOption, KnockoutKind, Level, Procedure, SubjectType};
use crate::catalog::{Catalog, Edition, SheetRef};
use crate::error::{InputError, InputErrors, Problem, Warning, WarningCode};
use crate::limits;
use crate::read::{self, Fields, FromJson, Input, pointer_segment};
use crate::wire::Choice;

/// Version of the JSON formats this library writes (reports carry it); inputs of versions 1
/// and 2 are read (the evaluation format only gained optional fields).
pub const FORMAT_VERSION: u32 = 2;

/// Criterion code → the ticked option (0-based), or `None` when no option applies. Kept in
/// code order so that problems are always reported in the same order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(hashmap_as_object, missing_as_null))]
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

/// `answers`: criterion code → option number or `null` (no option ticked).
impl FromJson for Answers {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Self> {
        let Some(map) = v.as_object() else {
            errors.push(InputError::at(
                path,
                Problem::wrong_type("an object of criterion code → option number", v),
            ));
            return None;
        };
        if map.len() > limits::MAX_ANSWERS {
            errors.push(InputError::at(
                path,
                Problem::TooManyItems {
                    what: "answers",
                    max: limits::MAX_ANSWERS,
                    found: map.len(),
                },
            ));
            return None;
        }
        let mut out = Answers::default();
        for (code, value) in map {
            // The path is written only for a problem: a form's answers are read at every tick.
            let here = || format!("{path}/{}", pointer_segment(code));
            let option = match value {
                Value::Null => Some(None),
                Value::Number(n) => match (n.as_u64().map(u32::try_from), n.as_i64()) {
                    (Some(Ok(option)), _) => Some(Some(option)),
                    (_, Some(negative)) if negative < 0 => {
                        errors.push(InputError::at(here(), Problem::NegativeOption(negative)));
                        None
                    }
                    _ => u32::read_at(value, &here(), errors).map(Some),
                },
                other => {
                    errors.push(InputError::at(
                        here(),
                        Problem::wrong_type("an option number (0 = first option) or null", other),
                    ));
                    None
                }
            };
            if let Some(option) = option {
                out.insert(code.clone(), option);
            }
        }
        Some(out)
    }
}

/// What to do with a ticked option whose printed requirement the caller states is not met.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum RequirementRule {
    /// Count the option and warn (`REQUIREMENT_NOT_MET`): the text does not say the
    /// requirement is a condition of the option (the default).
    #[default]
    Warn,
    /// Do not count the option: the criterion scores 0 and its star markers fail.
    RefuseOption,
}

impl Choice for RequirementRule {
    const ALL: &'static [RequirementRule] = &[RequirementRule::Warn, RequirementRule::RefuseOption];
    const WHAT: &'static str = "a requirement rule";
}

impl FromJson for SubjectType {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<SubjectType> {
        let Some(name) = v.as_str() else {
            errors.push(InputError::at(
                path,
                Problem::wrong_type("a subject type", v),
            ));
            return None;
        };
        SubjectType::parse(name).or_else(|| {
            errors.push(InputError::at(
                path,
                Problem::UnknownSubjectType {
                    found: name.chars().take(limits::MAX_TEXT_CHARS).collect(),
                    allowed: SubjectType::names(),
                },
            ));
            None
        })
    }
}

read::read_choices!(RequirementRule);

/// One filled-in scoring sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Evaluation {
    /// Format version (1 or 2). Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub format_version: Option<u32>,
    /// Your own reference for this evaluation (a product name or code), echoed in the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reference: Option<String>,
    /// Edition id (`26/2026`, `148/2023`). Optional when `evaluated_on` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub edition: Option<String>,
    /// Day of the evaluation: picks the edition in force and, for 148, the procedure.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
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
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub knockouts: Vec<String>,
    /// The dossier was rejected ("Hồ sơ bị loại khi…").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub dossier_rejected: bool,
    /// For the tourism sheet: which of the two cases applies (1 or 2). Inferred from the
    /// answers when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tourism_case: Option<u8>,
    /// The council level that scored (default: the first level of the procedure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub level: Option<Level>,
    /// Criteria whose printed requirement ("Yêu cầu") is not met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub requirements_not_met: Vec<String>,
    /// What an unmet requirement does to the ticked option; none means
    /// [`RequirementRule::Warn`]. (An `Option` so that Kotlin and Swift may leave it out.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub requirement_rule: Option<RequirementRule>,
}

/// The fields an evaluation and a council share: the product and the council's decisions.
pub(crate) const HEADER_FIELDS: &[&str] = &[
    "formatVersion",
    "reference",
    "edition",
    "evaluatedOn",
    "productSet",
    "subjectType",
    "knockouts",
    "dossierRejected",
    "tourismCase",
    "level",
    "requirementsNotMet",
    "requirementRule",
];

/// The shared fields, read once for evaluations and councils.
pub(crate) struct Header {
    pub(crate) format_version: Option<u32>,
    pub(crate) reference: Option<String>,
    pub(crate) edition: Option<String>,
    pub(crate) evaluated_on: Option<Date>,
    pub(crate) product_set: u8,
    pub(crate) subject_type: SubjectType,
    pub(crate) knockouts: Vec<String>,
    pub(crate) dossier_rejected: bool,
    pub(crate) tourism_case: Option<u8>,
    pub(crate) level: Option<Level>,
    pub(crate) requirements_not_met: Vec<String>,
    pub(crate) requirement_rule: Option<RequirementRule>,
}

impl Header {
    pub(crate) fn read(f: &Fields<'_>, errors: &mut Vec<InputError>) -> Option<Header> {
        let format_version = f.optional::<u32>("formatVersion", errors);
        let reference = f.optional("reference", errors);
        let edition = f.optional("edition", errors);
        let evaluated_on = f.optional("evaluatedOn", errors);
        let product_set = f.required::<u8>("productSet", errors);
        let subject_type = f.required::<SubjectType>("subjectType", errors);
        let knockouts = f.raw("knockouts").and_then(|v| {
            read::list(
                v,
                &f.path("knockouts"),
                "knock-outs",
                limits::MAX_KNOCKOUTS,
                errors,
            )
        });
        let dossier_rejected = f.optional("dossierRejected", errors);
        let tourism_case = f.optional("tourismCase", errors);
        let level = f.optional("level", errors);
        let requirements_not_met = f
            .raw("requirementsNotMet")
            .and_then(|v| read::codes(v, &f.path("requirementsNotMet"), errors));
        let requirement_rule = f.optional("requirementRule", errors);
        Some(Header {
            format_version,
            reference,
            edition,
            evaluated_on,
            product_set: product_set?,
            subject_type: subject_type?,
            knockouts: knockouts.unwrap_or_default(),
            dossier_rejected: dossier_rejected.unwrap_or(false),
            tourism_case,
            level,
            requirements_not_met: requirements_not_met.unwrap_or_default(),
            requirement_rule,
        })
    }
}

impl Input for Evaluation {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Evaluation> {
        let before = errors.len();
        let f = Fields::new(
            value,
            path,
            "an evaluation object",
            &[HEADER_FIELDS, &["answers"]],
            errors,
        );
        let header = Header::read(&f, errors);
        let answers = f.optional("answers", errors);
        let h = header.filter(|_| errors.len() == before)?;
        Some(Evaluation::from_header(h, answers.unwrap_or_default()))
    }
}

read::deserialize_through_reader!(Evaluation);

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
            requirements_not_met: Vec::new(),
            requirement_rule: None,
        }
    }

    pub(crate) fn from_header(h: Header, answers: Answers) -> Evaluation {
        Evaluation {
            format_version: h.format_version,
            reference: h.reference,
            edition: h.edition,
            evaluated_on: h.evaluated_on,
            product_set: h.product_set,
            subject_type: h.subject_type,
            answers,
            knockouts: h.knockouts,
            dossier_rejected: h.dossier_rejected,
            tourism_case: h.tourism_case,
            level: h.level,
            requirements_not_met: h.requirements_not_met,
            requirement_rule: h.requirement_rule,
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
        let Some(items) = read::split_array(text)? else {
            return Err(InputErrors::at(
                "",
                Problem::WrongType {
                    expected: "a JSON array of evaluations",
                    found: "another JSON value".into(),
                },
            ));
        };
        Ok(items
            .into_iter()
            .map(|item| {
                read::parse(item, limits::MAX_INPUT_BYTES)
                    .and_then(|v| Evaluation::from_json_value(&v))
            })
            .collect())
    }

    /// The evaluation as JSON (camelCase).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What was answered for one criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tick {
    /// This option (0-based) was ticked.
    Option(u8),
    /// Answered `null`: no option applies.
    NoOption,
    /// Not answered, which the outcome allows (after a stop, on a rejected dossier…).
    Blank,
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
    pub(crate) ticks: Vec<Tick>,
    /// The organisation-type criterion, when it was filled in from the subject type.
    pub(crate) filled: Option<usize>,
    /// Positions of the knock-outs that apply, in printed order.
    pub(crate) knockouts: Vec<usize>,
    /// Knock-outs that applied by themselves ("0 points on any criterion above").
    pub(crate) automatic_knockouts: Vec<usize>,
    pub(crate) dossier_rejected: bool,
    /// Positions of the criteria whose printed requirement is stated not met.
    pub(crate) requirements_not_met: Vec<usize>,
    pub(crate) requirement_rule: RequirementRule,
    pub(crate) warnings: Vec<Warning>,
    pub(crate) reference: Option<String>,
}

impl Resolved<'_> {
    pub(crate) fn compiled(&self) -> &CompiledSheet {
        self.sheet.compiled
    }

    /// The option that counts on each criterion: none where unticked, blank, not assessed,
    /// after a stop, or refused for an unmet requirement.
    pub(crate) fn counted(&self) -> Vec<Option<u8>> {
        let stop = self.stop_position();
        (0..self.ticks.len())
            .map(|p| match self.ticks.get(p) {
                Some(Tick::Option(o)) if stop.is_none_or(|s| p <= s) && !self.excluded(p) => {
                    Some(*o)
                }
                _ => None,
            })
            .collect()
    }

    /// Not assessed (knock-out), or its option refused for an unmet requirement.
    pub(crate) fn excluded(&self, p: usize) -> bool {
        self.is_not_assessed(p) || self.requirement_refused(p)
    }

    pub(crate) fn requirement_refused(&self, p: usize) -> bool {
        self.requirement_rule == RequirementRule::RefuseOption
            && self.requirements_not_met.contains(&p)
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
        self.compiled()
            .criteria
            .get(position)
            .and_then(|c| c.knockout)
    }

    /// The path of the criterion at `position` (`/answers/<code>`).
    pub(crate) fn path_of(&self, position: usize) -> String {
        answer_path(
            self.sheet
                .criterion(position)
                .map_or("", |c| c.code.as_str()),
        )
    }
}

/// `/answers/<code>`, escaped.
pub(crate) fn answer_path(code: &str) -> String {
    format!("/answers/{}", pointer_segment(code))
}

impl Catalog {
    /// Checks `evaluation` against its edition and sheet, collecting every problem.
    pub(crate) fn resolve<'a>(
        &'a self,
        evaluation: &Evaluation,
    ) -> Result<Resolved<'a>, InputErrors> {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        check_fields(evaluation, &mut errors);
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
            errors.push(InputError::at(
                "/subjectType",
                Problem::SubjectTypeNotEligible(evaluation.subject_type.id()),
            ));
        }
        let procedure = edition.procedure_on(evaluation.evaluated_on);
        if evaluation.evaluated_on.is_none() && edition.data().procedures.len() > 1 {
            warnings.push(Warning::new(WarningCode::ProcedureAssumed, "/evaluatedOn"));
        }
        let level = pick_level(evaluation.level, procedure, &mut errors);
        let mut r = Resolved {
            edition,
            sheet,
            subject_type: evaluation.subject_type,
            evaluated_on: evaluation.evaluated_on,
            procedure,
            level,
            tourism_case: None,
            ticks: Vec::new(),
            filled: None,
            knockouts: Vec::new(),
            automatic_knockouts: Vec::new(),
            dossier_rejected: evaluation.dossier_rejected,
            requirements_not_met: Vec::new(),
            requirement_rule: evaluation.requirement_rule.unwrap_or_default(),
            warnings,
            reference: evaluation.reference.clone(),
        };
        r.tourism_case = check_case(&sheet, evaluation, &mut errors);
        r.knockouts = check_knockouts(&sheet, &evaluation.knockouts, &mut errors);
        r.requirements_not_met =
            check_requirements(&sheet, &evaluation.requirements_not_met, &mut errors);
        r.ticks = check_answers(&mut r, evaluation, &mut errors);
        apply_automatic_knockouts(&mut r);
        check_missing(&mut r, &mut errors);
        note_doubts(&mut r);
        InputErrors::or_ok(errors, r)
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
                if let (Some(e), Some(d)) = (found, date) {
                    if !e.in_force_on(d) {
                        warnings.push(Warning::new(WarningCode::EditionNotInForce, "/edition"));
                    }
                }
                found
            }
            (None, Some(date)) => self
                .find_edition_in_force(date, "/evaluatedOn")
                .map_err(|e| errors.push(e))
                .ok(),
            (None, None) => {
                errors.push(InputError::at("/edition", Problem::MissingEdition));
                None
            }
        }
    }
}

/// The checks that need no sheet, for evaluations read from JSON and built in code alike.
fn check_fields(e: &Evaluation, errors: &mut Vec<InputError>) {
    if let Some(v) = e.format_version {
        if !(1..=FORMAT_VERSION).contains(&v) {
            errors.push(InputError::at(
                "/formatVersion",
                Problem::FormatVersion {
                    supported: FORMAT_VERSION,
                    found: v,
                },
            ));
        }
    }
    let long = |s: &String| s.chars().count() > limits::MAX_TEXT_CHARS;
    if e.reference.as_ref().is_some_and(long) {
        errors.push(InputError::at(
            "/reference",
            Problem::StringTooLong(limits::MAX_TEXT_CHARS),
        ));
    }
    if e.edition.as_ref().is_some_and(long) {
        errors.push(InputError::at(
            "/edition",
            Problem::StringTooLong(limits::MAX_TEXT_CHARS),
        ));
    }
    for (field, what, len, max) in [
        ("/answers", "answers", e.answers.len(), limits::MAX_ANSWERS),
        (
            "/knockouts",
            "knock-outs",
            e.knockouts.len(),
            limits::MAX_KNOCKOUTS,
        ),
        (
            "/requirementsNotMet",
            "criterion codes",
            e.requirements_not_met.len(),
            limits::MAX_ANSWERS,
        ),
    ] {
        if len > max {
            errors.push(InputError::at(
                field,
                Problem::TooManyItems {
                    what,
                    max,
                    found: len,
                },
            ));
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
            errors.push(InputError::at(
                "/level",
                Problem::LevelNotInProcedure {
                    procedure: procedure.map_or_else(String::new, |p| p.id.to_string()),
                    level: l.wire(),
                },
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
        errors.push(InputError::at(
            "/tourismCase",
            Problem::TourismCaseNotApplicable(sheet.product_set),
        ));
    } else if !cases.contains(&case) {
        errors.push(InputError::at(
            "/tourismCase",
            Problem::TourismCaseOutOfRange,
        ));
    }
    Some(case)
}

/// The position of criterion `code` on the sheet, or the error (at `path()`) that says why it
/// is not there.
pub(crate) fn locate(
    sheet: &SheetRef<'_>,
    code: &str,
    path: impl FnOnce() -> String,
) -> Result<usize, InputError> {
    sheet.position(code).ok_or_else(|| {
        let problem = if sheet.edition().has_criterion_code(code) {
            Problem::CriterionNotOnSheet {
                code: code.to_owned(),
                product_set: sheet.product_set,
            }
        } else {
            Problem::UnknownCriterion {
                edition: sheet.edition().id().to_owned(),
                code: code.chars().take(limits::MAX_TEXT_CHARS).collect(),
            }
        };
        InputError::at(path(), problem)
    })
}

/// The positions of `codes` (each at `field/i`), sorted and without repeats; `keep` refuses a
/// criterion that cannot take this kind of statement.
fn positions(
    sheet: &SheetRef<'_>,
    codes: &[String],
    field: &str,
    errors: &mut Vec<InputError>,
    keep: impl Fn(usize, &str) -> Option<Problem>,
) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        let path = || format!("{field}/{i}");
        match locate(sheet, code, path) {
            Err(e) => errors.push(e),
            Ok(p) => match keep(p, code) {
                Some(problem) => errors.push(InputError::at(path(), problem)),
                None if !found.contains(&p) => found.push(p),
                None => {}
            },
        }
    }
    found.sort_unstable();
    found
}

fn check_knockouts(
    sheet: &SheetRef<'_>,
    codes: &[String],
    errors: &mut Vec<InputError>,
) -> Vec<usize> {
    positions(sheet, codes, "/knockouts", errors, |p, code| {
        sheet
            .compiled
            .criteria
            .get(p)
            .is_some_and(|c| c.knockout.is_none())
            .then(|| Problem::NoKnockoutOnCriterion(code.to_owned()))
    })
}

fn check_requirements(
    sheet: &SheetRef<'_>,
    codes: &[String],
    errors: &mut Vec<InputError>,
) -> Vec<usize> {
    positions(sheet, codes, "/requirementsNotMet", errors, |p, code| {
        sheet
            .criterion(p)
            .is_some_and(|c| c.requirement.is_none())
            .then(|| Problem::NoRequirementOnCriterion(code.to_owned()))
    })
}

fn check_answers(
    r: &mut Resolved<'_>,
    evaluation: &Evaluation,
    errors: &mut Vec<InputError>,
) -> Vec<Tick> {
    let sheet = r.sheet;
    let mut ticks = vec![Tick::Blank; sheet.criterion_count()];
    let mut case = r.tourism_case;
    for (code, option) in &evaluation.answers {
        let path = || answer_path(code);
        let p = match locate(&sheet, code, path) {
            Ok(p) => p,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let (Some(criterion), Some(slot)) = (sheet.criterion(p), ticks.get_mut(p)) else {
            continue;
        };
        let Some(o) = option else {
            *slot = Tick::NoOption;
            continue;
        };
        let chosen = usize::try_from(*o)
            .ok()
            .and_then(|i| criterion.options.get(i).map(|opt| (i, opt)));
        let Some((i, opt)) = chosen else {
            *slot = Tick::NoOption; // answered, wrongly: reported here, not again as missing
            errors.push(InputError::at(
                path(),
                Problem::OptionOutOfRange {
                    code: code.clone(),
                    last: criterion.options.len().saturating_sub(1),
                    found: i64::from(*o),
                },
            ));
            continue;
        };
        if let Some(c) = opt.case {
            match case {
                None => case = Some(c),
                Some(k) if k != c => errors.push(InputError::at(
                    path(),
                    Problem::MixedTourismCases {
                        code: code.clone(),
                        option: i,
                        case: c,
                        applies: k,
                    },
                )),
                _ => {}
            }
        }
        if !opt.subject_types.is_empty() && !opt.subject_types.contains(&r.subject_type) {
            errors.push(InputError::at(
                path(),
                Problem::SubjectTypeOptionMismatch {
                    code: code.clone(),
                    option: i,
                    for_types: names(&opt.subject_types),
                    subject_type: r.subject_type.id(),
                    allowed: allowed_options(&criterion.options, r.subject_type),
                },
            ));
        }
        *slot = Tick::Option(u8::try_from(i).unwrap_or(u8::MAX));
    }
    r.tourism_case = case;
    fill_subject_criterion(r, &mut ticks);
    ticks
}

/// The organisation-type criterion follows from the subject type when only one option fits
/// (not on a rejected dossier, whose sheet is usually left empty).
fn fill_subject_criterion(r: &mut Resolved<'_>, ticks: &mut [Tick]) {
    let sheet = r.sheet;
    let Some(p) = sheet
        .compiled
        .subject_criterion
        .map(usize::from)
        .filter(|_| !r.dossier_rejected)
    else {
        return;
    };
    let (Some(Tick::Blank), Some(c)) = (ticks.get(p), sheet.criterion(p)) else {
        return;
    };
    let fits: Vec<usize> = c
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.subject_types.contains(&r.subject_type))
        .map(|(i, _)| i)
        .collect();
    if let ([only], Some(slot)) = (fits.as_slice(), ticks.get_mut(p)) {
        *slot = Tick::Option(u8::try_from(*only).unwrap_or(u8::MAX));
        r.filled = Some(p);
        r.warnings.push(Warning::new(
            WarningCode::AnswerFilled,
            answer_path(&c.code),
        ));
    }
}

fn names(types: &[SubjectType]) -> String {
    types.iter().map(|t| t.id()).collect::<Vec<_>>().join(", ")
}

fn allowed_options(options: &[CriterionOption], t: SubjectType) -> String {
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
        let counted = r.counted();
        let zero = k
            .when_any_zero
            .iter()
            .filter_map(|code| sheet.position(code))
            .any(|q| {
                matches!(r.ticks.get(q), Some(Tick::Option(_) | Tick::NoOption))
                    && sheet
                        .compiled
                        .points_of(q, counted.get(q).copied().flatten())
                        == 0
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
        let answered = !matches!(r.ticks.get(p), Some(Tick::Blank) | None);
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
        errors.push(InputError::at(
            answer_path(&c.code),
            Problem::MissingAnswer {
                code: c.code.to_string(),
                hint,
            },
        ));
    }
    if ignored {
        r.warnings
            .push(Warning::new(WarningCode::AnswersIgnored, "/answers"));
    }
    if partial {
        r.warnings
            .push(Warning::new(WarningCode::PartialAnswers, "/answers"));
    }
}

/// Warnings about the data the result rests on: a provisional sheet, corrected or doubtful
/// points, implied options, how a knock-out was read, unmet requirements.
fn note_doubts(r: &mut Resolved<'_>) {
    let sheet = r.sheet;
    if sheet.provisional.is_some() {
        r.warnings
            .push(Warning::new(WarningCode::ProvisionalSheet, "/productSet"));
    }
    for (p, c) in sheet.criteria().enumerate() {
        let Some(Tick::Option(o)) = r.ticks.get(p) else {
            continue;
        };
        let Some(opt) = c.options.get(usize::from(*o)) else {
            continue;
        };
        for (flag, code) in [
            (opt.printed_points.is_some(), WarningCode::CorrectedPoints),
            (opt.suspected_typo.is_some(), WarningCode::SuspectedTypo),
            (opt.implied, WarningCode::ImpliedOption),
        ] {
            if flag {
                r.warnings.push(Warning::new(code, answer_path(&c.code)));
            }
        }
    }
    for p in r.requirements_not_met.clone() {
        r.warnings
            .push(Warning::new(WarningCode::RequirementNotMet, r.path_of(p)));
    }
    for p in r.knockouts.clone() {
        let read = sheet
            .criterion(p)
            .and_then(|c| c.knockout.as_ref())
            .is_some_and(|k| {
                matches!(
                    k.kind,
                    KnockoutKind::NotAssessed | KnockoutKind::StopEvaluation
                )
            });
        if read {
            r.warnings
                .push(Warning::new(WarningCode::ReadingApplied, r.path_of(p)));
        }
    }
}
