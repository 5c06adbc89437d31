//! A council's result: members' sheets averaged with exact decimals.
//!
//! The decision bands the "tổng điểm trung bình" (average total) and gives no rounding rule,
//! so by default the exact mean decides the band (compared as `sum ≥ threshold × members`,
//! never through a rounded number) and is shown to 2 decimals. A council may set a rounding
//! rule, a maximum spread between members' totals (provinces use 10 points) and a quorum
//! (e.g. 75% of members with the chair); all are off by default. Star markers are checked on
//! each criterion's mean by default ([`MarkerBasis`]). Knock-outs and a rejected dossier are the
//! council's decisions; knock-outs that members flag but the council does not adopt are listed.

use jiff::civil::Date;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::Catalog;
use crate::catalog::model::{Level, SubjectType};
use crate::catalog::text::{Str, Text};
use crate::error::{ErrorCode, InputError, InputErrors, Warning, WarningCode};
use crate::evaluation::{Answers, Evaluation, Resolved};
use crate::json::{self, Fields, wrong_type};
use crate::limits;
use crate::scoring::{ScoreReport, build_report, mean};

/// A council's scoring of one product: the product, the council's decisions and each
/// member's sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CouncilInput {
    /// Format version (1). Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub format_version: Option<u32>,
    /// Your reference, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub reference: Option<String>,
    /// Edition id; optional when `evaluated_on` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub edition: Option<String>,
    /// Day of the council's meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(optional, type = "string"))]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub evaluated_on: Option<Date>,
    /// The product set (1–26).
    pub product_set: u8,
    /// Who applies.
    pub subject_type: SubjectType,
    /// Knock-outs the council decided apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub knockouts: Vec<String>,
    /// The council rejected the dossier.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = false))]
    pub dossier_rejected: bool,
    /// Tourism case (1 or 2), inferred from the answers when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub tourism_case: Option<u8>,
    /// The council level (default: the procedure's first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub level: Option<Level>,
    /// Each member's sheet.
    pub members: Vec<MemberSheet>,
    /// Optional council rules.
    #[serde(default)]
    pub rules: CouncilRules,
}

/// One member's sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberSheet {
    /// The member's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub name: Option<String>,
    /// The member chairs the council.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = false))]
    pub chair: bool,
    /// Criterion code → ticked option, or `None` when no option applies.
    #[serde(default)]
    pub answers: Answers,
    /// Knock-outs this member found to apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub knockouts: Vec<String>,
}

/// Optional council rules; all off by default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CouncilRules {
    /// How the mean is rounded before banding (default: not rounded).
    #[serde(default)]
    pub rounding: Rounding,
    /// Largest allowed difference between members' totals (provinces use 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub max_spread: Option<u8>,
    /// Who must be present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = None))]
    pub quorum: Option<Quorum>,
    /// How star markers are checked across members.
    #[serde(default)]
    pub marker_basis: MarkerBasis,
}

/// Rounding of the council's mean before banding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rounding {
    /// The rule.
    #[serde(default)]
    pub mode: RoundingMode,
    /// Decimal places kept (0 to 4).
    #[serde(default)]
    pub decimals: u8,
}

/// A rounding rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum RoundingMode {
    /// Band on the exact mean (the default).
    #[default]
    None,
    /// Half away from zero (89.5 → 90 at 0 decimals).
    HalfUp,
    /// Half to even (banker's rounding).
    HalfEven,
    /// Towards zero (89.99 → 89).
    Down,
    /// Away from zero (89.01 → 90).
    Up,
}

/// A quorum: at least `min_percent` of `council_size` members present, with the chair if
/// `chair_required`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quorum {
    /// Members the council has.
    pub council_size: u8,
    /// Share that must be present, in percent (e.g. 75).
    pub min_percent: u8,
    /// The chair must be among them.
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = false))]
    pub chair_required: bool,
}

/// How star markers are checked across members' sheets (the text does not say).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum MarkerBasis {
    /// On each criterion's mean over members (the default, matching the averaged total).
    #[default]
    CriterionMean,
    /// Every member's sheet must meet the marker.
    EveryMember,
    /// More than half of the members' sheets must meet it.
    Majority,
}

/// The council's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CouncilReport {
    /// The result on the council's total (members' mean); lines carry each criterion's mean.
    pub result: ScoreReport,
    /// Each member's own total and stars.
    pub members: Vec<MemberResult>,
    /// Sum of the members' totals.
    pub sum_of_totals: u32,
    /// Number of members who scored.
    pub member_count: u32,
    /// The mean, to 2 decimals.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub mean: Decimal,
    /// The mean after the council's rounding rule, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(optional, type = "string"))]
    pub rounded_mean: Option<Decimal>,
    /// Highest minus lowest member total.
    pub spread: u8,
    /// The spread is over the council's limit.
    pub spread_exceeded: bool,
    /// The quorum check, when the council has a quorum rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<QuorumCheck>,
    /// False when the spread is exceeded or the quorum is not met: the council must discuss
    /// and score again.
    pub result_stands: bool,
    /// Criteria on which members ticked different options.
    pub disagreements: Vec<Disagreement>,
    /// Knock-outs members flagged, and whether the council adopted them.
    pub member_knockouts: Vec<MemberKnockout>,
    /// The rules applied.
    pub rules: CouncilRules,
}

/// One member's own result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct MemberResult {
    /// Name, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Chairs the council.
    pub chair: bool,
    /// The member's total.
    pub total: u8,
    /// Band by that total.
    pub band: u8,
    /// Stars after that member's markers.
    pub stars: u8,
}

/// Whether the members present make a quorum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct QuorumCheck {
    /// Members who scored.
    pub present: u8,
    /// Members the council has.
    pub council_size: u8,
    /// Members needed.
    pub required: u8,
    /// The chair scored.
    pub chair_present: bool,
    /// The quorum is met.
    pub met: bool,
}

/// A criterion on which members ticked different options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Disagreement {
    /// Criterion code.
    pub code: Str,
    /// Name.
    pub name: Text,
    /// Each member's option (`None`: no option ticked).
    pub options: Vec<Option<u8>>,
    /// Each member's points.
    pub points: Vec<u8>,
    /// Highest minus lowest.
    pub spread: u8,
}

/// A knock-out flagged by members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct MemberKnockout {
    /// Criterion code.
    pub code: String,
    /// Members (0-based) who flagged it.
    pub members: Vec<u32>,
    /// The council decided it applies.
    pub adopted: bool,
}

const FIELDS: &[&str] = &[
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
    "members",
    "rules",
];
const MEMBER_FIELDS: &[&str] = &["name", "chair", "answers", "knockouts"];
const RULE_FIELDS: &[&str] = &["rounding", "maxSpread", "quorum", "markerBasis"];

impl CouncilInput {
    /// Reads a council from JSON text, reporting every malformed field.
    pub fn from_json(text: &str) -> Result<CouncilInput, InputErrors> {
        let value = json::parse(text, limits::MAX_INPUT_BYTES)?;
        CouncilInput::from_json_value(&value)
    }

    /// Reads a council from a parsed JSON value.
    pub fn from_json_value(value: &Value) -> Result<CouncilInput, InputErrors> {
        if !value.is_object() {
            return Err(InputErrors(vec![wrong_type("", "a council object", value)]));
        }
        let mut errors = Vec::new();
        let f = Fields::new(value, "", FIELDS, &mut errors);
        let header = Evaluation::from_json_value(&header_only(value), "");
        let members = match f.raw("members") {
            None => {
                errors.push(InputError::new(
                    ErrorCode::MissingField,
                    "/members",
                    "`members` is required",
                ));
                Vec::new()
            }
            Some(Value::Array(items)) if items.len() > limits::MAX_COUNCIL_MEMBERS => {
                errors.push(InputError::new(
                    ErrorCode::TooManyItems,
                    "/members",
                    format!("at most {} members", limits::MAX_COUNCIL_MEMBERS),
                ));
                Vec::new()
            }
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, m)| member(m, &format!("/members/{i}"), &mut errors))
                .collect(),
            Some(other) => {
                errors.push(wrong_type("/members", "an array of member sheets", other));
                Vec::new()
            }
        };
        let rules = f
            .raw("rules")
            .map(|v| rules(v, &mut errors))
            .unwrap_or_default();
        match header {
            Err(InputErrors(mut e)) => {
                e.retain(|x| x.code != ErrorCode::UnknownField);
                errors.extend(e);
                Err(InputErrors(errors))
            }
            Ok(_) if !errors.is_empty() => Err(InputErrors(errors)),
            Ok(h) => Ok(CouncilInput {
                format_version: h.format_version,
                reference: h.reference,
                edition: h.edition,
                evaluated_on: h.evaluated_on,
                product_set: h.product_set,
                subject_type: h.subject_type,
                knockouts: h.knockouts,
                dossier_rejected: h.dossier_rejected,
                tourism_case: h.tourism_case,
                level: h.level,
                members,
                rules,
            }),
        }
    }

    /// Builds a council from members' evaluations (one file per member), which must be for the
    /// same edition, product set and producer. Knock-outs and rejections reported in any sheet
    /// become the council's decisions; members are named `name_i`.
    pub fn from_evaluations(
        evaluations: &[(String, Evaluation)],
    ) -> Result<CouncilInput, InputErrors> {
        let Some((_, first)) = evaluations.first() else {
            return Err(InputErrors::one(
                ErrorCode::CouncilEmpty,
                "",
                "no member sheets were given",
            ));
        };
        let mut errors = Vec::new();
        let mut knockouts: Vec<String> = Vec::new();
        let mut members = Vec::new();
        for (i, (name, e)) in evaluations.iter().enumerate() {
            let same = e.edition == first.edition
                && e.evaluated_on == first.evaluated_on
                && e.product_set == first.product_set
                && e.subject_type == first.subject_type
                && e.level == first.level;
            if !same {
                errors.push(InputError::new(
                    ErrorCode::CouncilMismatch,
                    format!("/members/{i}"),
                    format!("{name} is not for the same edition, date, product set, producer and level as the first sheet"),
                ));
            }
            for k in &e.knockouts {
                if !knockouts.contains(k) {
                    knockouts.push(k.clone());
                }
            }
            members.push(MemberSheet {
                name: Some(name.clone()),
                chair: false,
                answers: e.answers.clone(),
                knockouts: e.knockouts.clone(),
            });
        }
        if !errors.is_empty() {
            return Err(InputErrors(errors));
        }
        Ok(CouncilInput {
            format_version: first.format_version,
            reference: first.reference.clone(),
            edition: first.edition.clone(),
            evaluated_on: first.evaluated_on,
            product_set: first.product_set,
            subject_type: first.subject_type,
            knockouts,
            dossier_rejected: evaluations.iter().any(|(_, e)| e.dossier_rejected),
            tourism_case: evaluations.iter().find_map(|(_, e)| e.tourism_case),
            level: first.level,
            members,
            rules: CouncilRules::default(),
        })
    }

    fn member_evaluation(&self, m: &MemberSheet, tourism_case: Option<u8>) -> Evaluation {
        Evaluation {
            format_version: self.format_version,
            reference: None,
            edition: self.edition.clone(),
            evaluated_on: self.evaluated_on,
            product_set: self.product_set,
            subject_type: self.subject_type,
            answers: m.answers.clone(),
            knockouts: self.knockouts.clone(),
            dossier_rejected: self.dossier_rejected,
            tourism_case,
            level: self.level,
        }
    }
}

/// The council fields that an evaluation also has, for reading them the same way.
fn header_only(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "members" | "rules"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn member(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<MemberSheet> {
    let before = errors.len();
    let f = Fields::new(value, path, MEMBER_FIELDS, errors);
    let m = MemberSheet {
        name: f.optional("name", errors),
        chair: f.optional("chair", errors).unwrap_or(false),
        answers: f.optional("answers", errors).unwrap_or_default(),
        knockouts: f.optional("knockouts", errors).unwrap_or_default(),
    };
    (errors.len() == before).then_some(m)
}

fn rules(value: &Value, errors: &mut Vec<InputError>) -> CouncilRules {
    let f = Fields::new(value, "/rules", RULE_FIELDS, errors);
    let rounding = f.raw("rounding").map(|v| {
        let g = Fields::new(v, "/rules/rounding", &["mode", "decimals"], errors);
        let mode = match g.raw("mode").map(Value::as_str) {
            None => Some(RoundingMode::None),
            Some(Some("none")) => Some(RoundingMode::None),
            Some(Some("halfUp")) => Some(RoundingMode::HalfUp),
            Some(Some("halfEven")) => Some(RoundingMode::HalfEven),
            Some(Some("down")) => Some(RoundingMode::Down),
            Some(Some("up")) => Some(RoundingMode::Up),
            Some(_) => {
                errors.push(InputError::new(
                    ErrorCode::InvalidCouncilRules,
                    "/rules/rounding/mode",
                    "use none, halfUp, halfEven, down or up",
                ));
                None
            }
        };
        Rounding {
            mode: mode.unwrap_or_default(),
            decimals: g.optional("decimals", errors).unwrap_or(0),
        }
    });
    let quorum = f.raw("quorum").and_then(|v| {
        let g = Fields::new(
            v,
            "/rules/quorum",
            &["councilSize", "minPercent", "chairRequired"],
            errors,
        );
        Some(Quorum {
            council_size: g.required("councilSize", errors)?,
            min_percent: g.required("minPercent", errors)?,
            chair_required: g.optional("chairRequired", errors).unwrap_or(false),
        })
    });
    let marker_basis = match f.raw("markerBasis").map(Value::as_str) {
        None | Some(Some("criterionMean")) => MarkerBasis::CriterionMean,
        Some(Some("everyMember")) => MarkerBasis::EveryMember,
        Some(Some("majority")) => MarkerBasis::Majority,
        Some(_) => {
            errors.push(InputError::new(
                ErrorCode::InvalidCouncilRules,
                "/rules/markerBasis",
                "use criterionMean, everyMember or majority",
            ));
            MarkerBasis::CriterionMean
        }
    };
    CouncilRules {
        rounding: rounding.unwrap_or_default(),
        max_spread: f.optional("maxSpread", errors),
        quorum,
        marker_basis,
    }
}

impl Catalog {
    /// Aggregates a council: the result on the members' mean total, each member's result,
    /// the spread and quorum checks, and where members disagree.
    ///
    /// ```
    /// use ocop_core::{Catalog, CouncilInput};
    /// let catalog = Catalog::builtin();
    /// let sheet = catalog.edition("26/2026").unwrap().sheet(9).unwrap();
    /// let best: serde_json::Map<String, serde_json::Value> =
    ///     sheet.criteria().map(|c| (c.code.to_string(), (c.options.len() - 1).into())).collect();
    /// let mut second = best.clone();
    /// second.insert("C6.5".into(), 2.into()); // 2 points instead of 4 on taste
    /// let council = serde_json::json!({
    ///     "edition": "26/2026", "productSet": 9, "subjectType": "cooperative",
    ///     "members": [{ "answers": best }, { "answers": second }, { "answers": best }]
    /// });
    /// let report = catalog.council(&CouncilInput::from_json(&council.to_string()).unwrap()).unwrap();
    /// assert_eq!(report.mean.to_string(), "99.33"); // (100 + 98 + 100) / 3
    /// assert_eq!(report.result.band.unwrap().star, 5);
    /// // 5★ needs 4 points on C6.5 and its mean is 3.33: markers cap the council at 4★.
    /// assert_eq!(report.result.stars.unwrap().star, 4);
    /// assert_eq!(report.disagreements[0].code, "C6.5");
    /// ```
    pub fn council(&self, input: &CouncilInput) -> Result<CouncilReport, InputErrors> {
        let mut errors = Vec::new();
        check_rules(input, &mut errors);
        if input.members.is_empty() {
            errors.push(InputError::new(
                ErrorCode::CouncilEmpty,
                "/members",
                "a council needs at least one member's sheet",
            ));
        }
        if input.members.len() > limits::MAX_COUNCIL_MEMBERS {
            errors.push(InputError::new(
                ErrorCode::TooManyItems,
                "/members",
                format!("at most {} members", limits::MAX_COUNCIL_MEMBERS),
            ));
        }
        // The product and the council's decisions, checked once.
        let mut header = input.member_evaluation(&MemberSheet::default(), input.tourism_case);
        header.dossier_rejected = true; // so that no answers are required here
        if let Err(InputErrors(e)) = self.resolve(&header) {
            errors.extend(e);
        }
        if !errors.is_empty() {
            return Err(InputErrors(errors));
        }
        let mut resolved: Vec<Resolved<'_>> = Vec::new();
        let mut case = input.tourism_case;
        for (i, m) in input.members.iter().enumerate() {
            let prefix = format!("/members/{i}");
            if m.name
                .as_ref()
                .is_some_and(|n| n.chars().count() > limits::MAX_TEXT_CHARS)
            {
                errors.push(InputError::new(
                    ErrorCode::StringTooLong,
                    format!("{prefix}/name"),
                    format!("at most {} characters", limits::MAX_TEXT_CHARS),
                ));
            }
            self.check_member_knockouts(input, m, &prefix, &mut errors);
            match self.resolve(&input.member_evaluation(m, case)) {
                Ok(r) => {
                    case = case.or(r.tourism_case);
                    resolved.push(r);
                }
                Err(e) => errors.extend(e.under(&prefix).0),
            }
        }
        match resolved.first() {
            Some(head) if errors.is_empty() => Ok(aggregate(input, head, &resolved)),
            _ => Err(InputErrors(errors)),
        }
    }

    fn check_member_knockouts(
        &self,
        input: &CouncilInput,
        m: &MemberSheet,
        prefix: &str,
        errors: &mut Vec<InputError>,
    ) {
        if m.knockouts.is_empty() {
            return;
        }
        let mut probe = input.member_evaluation(&MemberSheet::default(), input.tourism_case);
        probe.dossier_rejected = true;
        probe.knockouts = m.knockouts.clone();
        if let Err(e) = self.resolve(&probe) {
            let prefix = prefix.to_owned();
            errors.extend(e.0.into_iter().map(|mut x| {
                x.path = format!("{prefix}{}", x.path);
                x
            }));
        }
    }
}

fn check_rules(input: &CouncilInput, errors: &mut Vec<InputError>) {
    let r = &input.rules;
    if r.rounding.decimals > 4 {
        errors.push(InputError::new(
            ErrorCode::InvalidCouncilRules,
            "/rules/rounding/decimals",
            "at most 4 decimals",
        ));
    }
    if let Some(q) = r.quorum {
        if q.council_size == 0 || q.min_percent > 100 {
            errors.push(InputError::new(
                ErrorCode::InvalidCouncilRules,
                "/rules/quorum",
                "councilSize must be positive and minPercent at most 100",
            ));
        } else if input.members.len() > usize::from(q.council_size) {
            errors.push(InputError::new(
                ErrorCode::InvalidCouncilRules,
                "/rules/quorum/councilSize",
                "more members scored than the council has",
            ));
        }
    }
}

fn aggregate(
    input: &CouncilInput,
    head: &Resolved<'_>,
    resolved: &[Resolved<'_>],
) -> CouncilReport {
    let compiled = head.sheet.compiled;
    let n = u32::try_from(resolved.len()).unwrap_or(u32::MAX);
    let member_points: Vec<Vec<u8>> = resolved.iter().map(Resolved::points).collect();
    let criteria = compiled.criteria.len();
    let sums: Vec<u32> = (0..criteria)
        .map(|p| {
            member_points
                .iter()
                .map(|m| u32::from(m.get(p).copied().unwrap_or(0)))
                .sum()
        })
        .collect();
    let levels: Vec<u8> = compiled
        .criteria
        .iter()
        .enumerate()
        .map(|(p, c)| {
            let of = |m: &Vec<u8>| u32::from(m.get(p).copied().unwrap_or(0));
            match input.rules.marker_basis {
                MarkerBasis::CriterionMean => c.level_for(sums.get(p).copied().unwrap_or(0), n),
                MarkerBasis::EveryMember => member_points
                    .iter()
                    .map(|m| c.level_for(of(m), 1))
                    .min()
                    .unwrap_or(2),
                MarkerBasis::Majority => (3..=5u8)
                    .take_while(|&star| {
                        2 * member_points
                            .iter()
                            .filter(|m| c.level_for(of(m), 1) >= star)
                            .count()
                            > resolved.len()
                    })
                    .last()
                    .unwrap_or(2),
            }
        })
        .collect();
    let members: Vec<MemberResult> = input
        .members
        .iter()
        .zip(&member_points)
        .map(|(m, points)| {
            let total: u32 = points.iter().map(|p| u32::from(*p)).sum();
            let band = compiled.band(total, 1);
            let level = compiled
                .criteria
                .iter()
                .zip(points)
                .map(|(c, p)| c.level_for(u32::from(*p), 1))
                .min()
                .unwrap_or(5);
            MemberResult {
                name: m.name.clone(),
                chair: m.chair,
                total: u8::try_from(total).unwrap_or(u8::MAX),
                band,
                stars: band.min(level),
            }
        })
        .collect();
    let totals: Vec<u8> = members.iter().map(|m| m.total).collect();
    let spread = totals
        .iter()
        .max()
        .copied()
        .unwrap_or(0)
        .saturating_sub(totals.iter().min().copied().unwrap_or(0));
    let spread_exceeded = input.rules.max_spread.is_some_and(|max| spread > max);
    let quorum = input.rules.quorum.map(|q| {
        let present = u8::try_from(input.members.len()).unwrap_or(u8::MAX);
        let required =
            u8::try_from((u32::from(q.council_size) * u32::from(q.min_percent)).div_ceil(100))
                .unwrap_or(u8::MAX);
        let chair_present = input.members.iter().any(|m| m.chair);
        QuorumCheck {
            present,
            council_size: q.council_size,
            required,
            chair_present,
            met: present >= required && (chair_present || !q.chair_required),
        }
    });
    let sum_of_totals: u32 = sums.iter().sum();
    let rounded_mean = rounded(sum_of_totals, n, input.rules.rounding);
    let mut warnings = Vec::new();
    if spread_exceeded {
        warnings.push(Warning::new(
            WarningCode::SpreadExceeded,
            "/members",
            format!("members' totals differ by {spread} points, more than the {} allowed: the council should discuss and score again", input.rules.max_spread.unwrap_or(0)),
        ));
    }
    if quorum.is_some_and(|q| !q.met) {
        warnings.push(Warning::new(
            WarningCode::QuorumNotMet,
            "/members",
            "too few members scored, or the chair is absent",
        ));
    }
    let member_knockouts = member_knockouts(input);
    for k in member_knockouts.iter().filter(|k| !k.adopted) {
        warnings.push(Warning::new(
            WarningCode::MemberKnockoutNotAdopted,
            "/knockouts",
            format!(
                "{} of {n} members flagged the knock-out on {}; the council did not adopt it",
                k.members.len(),
                k.code
            ),
        ));
    }
    let disagreements = disagreements(head, resolved, &member_points);
    let mut result = build_report(head, &sums, n, &levels, None, rounded_mean, warnings);
    result.reference = input.reference.clone();
    CouncilReport {
        result,
        members,
        sum_of_totals,
        member_count: n,
        mean: mean(sum_of_totals, n),
        rounded_mean,
        spread,
        spread_exceeded,
        quorum,
        result_stands: !spread_exceeded && quorum.is_none_or(|q| q.met),
        disagreements,
        member_knockouts,
        rules: input.rules.clone(),
    }
}

fn rounded(sum: u32, n: u32, rule: Rounding) -> Option<Decimal> {
    let strategy = match rule.mode {
        RoundingMode::None => return None,
        RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
        RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
        RoundingMode::Down => RoundingStrategy::ToZero,
        RoundingMode::Up => RoundingStrategy::AwayFromZero,
    };
    if n == 0 {
        return None;
    }
    Some(
        (Decimal::from(sum) / Decimal::from(n))
            .round_dp_with_strategy(u32::from(rule.decimals), strategy),
    )
}

fn member_knockouts(input: &CouncilInput) -> Vec<MemberKnockout> {
    let mut out: Vec<MemberKnockout> = Vec::new();
    for (i, m) in input.members.iter().enumerate() {
        for code in &m.knockouts {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            match out.iter_mut().find(|k| &k.code == code) {
                Some(k) => k.members.push(i),
                None => out.push(MemberKnockout {
                    code: code.clone(),
                    members: vec![i],
                    adopted: input.knockouts.contains(code),
                }),
            }
        }
    }
    out
}

fn disagreements(
    head: &Resolved<'_>,
    resolved: &[Resolved<'_>],
    points: &[Vec<u8>],
) -> Vec<Disagreement> {
    use crate::evaluation::Answered;
    let mut out = Vec::new();
    for (p, c) in head.sheet.criteria().enumerate() {
        let options: Vec<Option<u8>> = resolved
            .iter()
            .map(|r| match r.answers.get(p) {
                Some(Answered::Option(o)) => Some(*o),
                _ => None,
            })
            .collect();
        if options.windows(2).all(|w| matches!(w, [a, b] if a == b)) {
            continue;
        }
        let pts: Vec<u8> = points
            .iter()
            .map(|m| m.get(p).copied().unwrap_or(0))
            .collect();
        let spread = pts
            .iter()
            .max()
            .copied()
            .unwrap_or(0)
            .saturating_sub(pts.iter().min().copied().unwrap_or(0));
        out.push(Disagreement {
            code: c.code.clone(),
            name: c.name.clone(),
            options,
            points: pts,
            spread,
        });
    }
    out
}
