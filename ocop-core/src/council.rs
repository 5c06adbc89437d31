//! A council's result: members' sheets averaged with exact decimals.
//!
//! The decision bands the "tổng điểm trung bình" (average total) and gives no rounding rule,
//! so by default the exact mean decides the band (compared as `sum ≥ threshold × members`,
//! never through a rounded number) and is shown to 2 decimals. A council may set a rounding
//! rule, a maximum spread between members' totals (provinces use 10 points) and a quorum
//! (e.g. 75% of members with the chair); all are off by default. Star markers are checked on
//! each criterion's mean by default ([`MarkerBasis`]). Knock-outs, a rejected dossier and unmet
//! requirements are the council's decisions; knock-outs that members flag but the council does
//! not adopt are listed.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::Catalog;
use crate::catalog::model::{Level, SubjectType};
use crate::error::{InputError, InputErrors, Problem, Warning, WarningCode};
use crate::evaluation::{
    Answers, Evaluation, HEADER_FIELDS, Header, RequirementRule, Resolved, Tick, answer_path,
};
use crate::rating::{self, TotalBasis};
pub use crate::rating::{MarkerBasis, Rounding, RoundingMode};
use crate::read::{self, Fields, Input};
use crate::scoring::{ScoreReport, Sheets, build_report};
use crate::text::Str;

/// A council's scoring of one product: the product, the council's decisions and each
/// member's sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CouncilInput {
    /// Format version (1 or 2). Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub format_version: Option<u32>,
    /// Your reference, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reference: Option<String>,
    /// Edition id; optional when `evaluated_on` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub edition: Option<String>,
    /// Day of the council's meeting.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub evaluated_on: Option<Date>,
    /// The product set (1–26).
    pub product_set: u8,
    /// Who applies.
    pub subject_type: SubjectType,
    /// Knock-outs the council decided apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub knockouts: Vec<String>,
    /// The council rejected the dossier.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub dossier_rejected: bool,
    /// Tourism case (1 or 2), inferred from the answers when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tourism_case: Option<u8>,
    /// The council level (default: the procedure's first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub level: Option<Level>,
    /// Criteria whose printed requirement ("Yêu cầu") the council found not met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub requirements_not_met: Vec<String>,
    /// What an unmet requirement does to the ticked options; none means
    /// [`RequirementRule::Warn`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub requirement_rule: Option<RequirementRule>,
    /// Each member's sheet.
    pub members: Vec<MemberSheet>,
    /// Optional council rules.
    #[serde(default)]
    pub rules: CouncilRules,
}

/// One member's sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberSheet {
    /// The member's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub name: Option<String>,
    /// The member chairs the council.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub chair: bool,
    /// Criterion code → ticked option, or `None` when no option applies.
    #[serde(default)]
    pub answers: Answers,
    /// Knock-outs this member found to apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub knockouts: Vec<String>,
}

/// Optional council rules; all off by default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CouncilRules {
    /// How the mean is rounded before banding (default: not rounded).
    #[serde(default)]
    pub rounding: Rounding,
    /// Largest allowed difference between members' totals (provinces use 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub max_spread: Option<u8>,
    /// Who must be present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub quorum: Option<Quorum>,
    /// How star markers are checked across members.
    #[serde(default)]
    pub marker_basis: MarkerBasis,
}

/// A quorum: at least `min_percent` of `council_size` members present, with the chair if
/// `chair_required`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Quorum {
    /// Members the council has.
    pub council_size: u8,
    /// Share that must be present, in percent (e.g. 75).
    pub min_percent: u8,
    /// The chair must be among them.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub chair_required: bool,
}

/// The council's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub mean: Decimal,
    /// The mean after the council's rounding rule, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Disagreement {
    /// Criterion code.
    pub code: Str,
    /// Each member's option (`None`: no option ticked).
    pub options: Vec<Option<u8>>,
    /// Each member's points.
    pub points: Vec<u8>,
    /// Highest minus lowest.
    pub spread: u8,
}

/// A knock-out flagged by members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct MemberKnockout {
    /// Criterion code.
    pub code: String,
    /// Members (0-based) who flagged it.
    pub members: Vec<u32>,
    /// The council decided it applies.
    pub adopted: bool,
}

const MEMBER_FIELDS: &[&str] = &["name", "chair", "answers", "knockouts"];
const RULE_FIELDS: &[&str] = &["rounding", "maxSpread", "quorum", "markerBasis"];

impl Input for CouncilInput {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<CouncilInput> {
        let before = errors.len();
        let f = Fields::new(
            value,
            path,
            "a council object",
            &[HEADER_FIELDS, &["members", "rules"]],
            errors,
        );
        let header = Header::read(&f, errors);
        let members = match f.raw("members") {
            None if f.is_object() => {
                errors.push(InputError::at(
                    f.path("members"),
                    Problem::MissingField("members".into()),
                ));
                None
            }
            None => None,
            Some(v) => read::list(
                v,
                &f.path("members"),
                "members",
                crate::limits::MAX_COUNCIL_MEMBERS,
                errors,
            ),
        };
        let rules = f.optional("rules", errors);
        let h = header.filter(|_| errors.len() == before)?;
        Some(CouncilInput {
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
            requirements_not_met: h.requirements_not_met,
            requirement_rule: h.requirement_rule,
            members: members?,
            rules: rules.unwrap_or_default(),
        })
    }
}

impl Input for MemberSheet {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<MemberSheet> {
        let before = errors.len();
        let f = Fields::new(value, path, "a member's sheet", &[MEMBER_FIELDS], errors);
        let m = MemberSheet {
            name: f.optional("name", errors),
            chair: f.optional("chair", errors).unwrap_or(false),
            answers: f.optional("answers", errors).unwrap_or_default(),
            knockouts: f
                .raw("knockouts")
                .and_then(|v| read::codes(v, &f.path("knockouts"), errors))
                .unwrap_or_default(),
        };
        (errors.len() == before).then_some(m)
    }
}

impl Input for CouncilRules {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<CouncilRules> {
        let f = Fields::new(value, path, "the council's rules", &[RULE_FIELDS], errors);
        Some(CouncilRules {
            rounding: f.optional("rounding", errors).unwrap_or_default(),
            max_spread: f.optional("maxSpread", errors),
            quorum: f.optional("quorum", errors),
            marker_basis: f.optional("markerBasis", errors).unwrap_or_default(),
        })
    }
}

impl Input for Rounding {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Rounding> {
        let f = Fields::new(
            value,
            path,
            "a rounding rule",
            &[&["mode", "decimals"]],
            errors,
        );
        Some(Rounding {
            mode: f.optional("mode", errors).unwrap_or_default(),
            decimals: f.optional("decimals", errors).unwrap_or(0),
        })
    }
}

impl Input for Quorum {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Quorum> {
        let f = Fields::new(
            value,
            path,
            "a quorum",
            &[&["councilSize", "minPercent", "chairRequired"]],
            errors,
        );
        let council_size = f.required("councilSize", errors);
        let min_percent = f.required("minPercent", errors);
        Some(Quorum {
            council_size: council_size?,
            min_percent: min_percent?,
            chair_required: f.optional("chairRequired", errors).unwrap_or(false),
        })
    }
}

read::read_choices!(RoundingMode, MarkerBasis);
read::deserialize_through_reader!(CouncilInput, MemberSheet, CouncilRules, Rounding, Quorum);

impl CouncilInput {
    /// Builds a council from members' evaluations (one file per member), which must be for the
    /// same edition, product set and producer. Knock-outs, unmet requirements and rejections
    /// reported in any sheet become the council's decisions; members are named as given.
    pub fn from_evaluations(
        evaluations: &[(String, Evaluation)],
    ) -> Result<CouncilInput, InputErrors> {
        let Some((_, first)) = evaluations.first() else {
            return Err(InputErrors::at("", Problem::CouncilEmpty));
        };
        let mut errors = Vec::new();
        let mut knockouts: Vec<String> = Vec::new();
        let mut requirements: Vec<String> = Vec::new();
        let mut members = Vec::new();
        for (i, (name, e)) in evaluations.iter().enumerate() {
            let same = e.edition == first.edition
                && e.evaluated_on == first.evaluated_on
                && e.product_set == first.product_set
                && e.subject_type == first.subject_type
                && e.level == first.level;
            if !same {
                errors.push(InputError::at(
                    format!("/members/{i}"),
                    Problem::MemberMismatch(name.clone()),
                ));
            }
            for (all, own) in [
                (&mut knockouts, &e.knockouts),
                (&mut requirements, &e.requirements_not_met),
            ] {
                for k in own {
                    if !all.contains(k) {
                        all.push(k.clone());
                    }
                }
            }
            members.push(MemberSheet {
                name: Some(name.clone()),
                chair: false,
                answers: e.answers.clone(),
                knockouts: e.knockouts.clone(),
            });
        }
        InputErrors::or_ok(errors, ())?;
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
            requirements_not_met: requirements,
            requirement_rule: first.requirement_rule,
            members,
            rules: CouncilRules::default(),
        })
    }

    /// A member's sheet as an evaluation of the product, with the council's decisions.
    pub(crate) fn member_evaluation(
        &self,
        answers: Answers,
        tourism_case: Option<u8>,
    ) -> Evaluation {
        Evaluation {
            format_version: self.format_version,
            reference: None,
            edition: self.edition.clone(),
            evaluated_on: self.evaluated_on,
            product_set: self.product_set,
            subject_type: self.subject_type,
            answers,
            knockouts: self.knockouts.clone(),
            dossier_rejected: self.dossier_rejected,
            tourism_case,
            level: self.level,
            requirements_not_met: self.requirements_not_met.clone(),
            requirement_rule: self.requirement_rule,
        }
    }

    /// Member `index`'s own sheet as an evaluation of the product (numbered from 0): their
    /// answers and the knock-outs they flagged, with the council's other decisions. What a
    /// member's printed Phiếu đánh giá shows ([`crate::forms::SheetForm`]).
    pub fn member_sheet(&self, index: usize) -> Option<Evaluation> {
        let m = self.members.get(index)?;
        let mut e = self.member_evaluation(m.answers.clone(), self.tourism_case);
        e.knockouts.clone_from(&m.knockouts);
        e.reference.clone_from(&m.name);
        Some(e)
    }

    /// The product and the council's decisions alone (no answers required), for checking them
    /// once.
    fn header_evaluation(&self, knockouts: &[String]) -> Evaluation {
        let mut e = self.member_evaluation(Answers::default(), self.tourism_case);
        e.dossier_rejected = true; // so that no answers are required here
        e.knockouts = knockouts.to_vec();
        e
    }
}

impl Catalog {
    /// Aggregates a council: the result on the members' mean total, each member's result,
    /// the spread and quorum checks, and where members disagree.
    ///
    /// ```
    /// use ocop_core::{Catalog, CouncilInput, Input};
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
    /// let report = catalog.council(&CouncilInput::from_json_value(&council).unwrap()).unwrap();
    /// assert_eq!(report.mean.to_string(), "99.33"); // (100 + 98 + 100) / 3
    /// assert_eq!(report.result.band, Some(5));
    /// // 5★ needs 4 points on C6.5 and its mean is 3.33: markers cap the council at 4★.
    /// assert_eq!(report.result.stars, Some(4));
    /// assert_eq!(report.disagreements[0].code, "C6.5");
    /// ```
    pub fn council(&self, input: &CouncilInput) -> Result<CouncilReport, InputErrors> {
        let mut errors = Vec::new();
        check_rules(input, &mut errors);
        if input.members.is_empty() {
            errors.push(InputError::at("/members", Problem::CouncilEmpty));
        }
        if input.members.len() > crate::limits::MAX_COUNCIL_MEMBERS {
            errors.push(InputError::at(
                "/members",
                Problem::TooManyItems {
                    what: "members",
                    max: crate::limits::MAX_COUNCIL_MEMBERS,
                    found: input.members.len(),
                },
            ));
        }
        // The product and the council's decisions, checked once.
        if let Err(InputErrors(e)) = self.resolve(&input.header_evaluation(&input.knockouts)) {
            errors.extend(e);
        }
        InputErrors::or_ok(std::mem::take(&mut errors), ())?;
        let mut resolved: Vec<Resolved<'_>> = Vec::new();
        let mut case = input.tourism_case;
        for (i, m) in input.members.iter().enumerate() {
            let prefix = format!("/members/{i}");
            if m.name
                .as_ref()
                .is_some_and(|n| n.chars().count() > crate::limits::MAX_TEXT_CHARS)
            {
                errors.push(InputError::at(
                    format!("{prefix}/name"),
                    Problem::StringTooLong(crate::limits::MAX_TEXT_CHARS),
                ));
            }
            if !m.knockouts.is_empty() {
                if let Err(e) = self.resolve(&input.header_evaluation(&m.knockouts)) {
                    errors.extend(e.under(&prefix).0);
                }
            }
            match self.resolve(&input.member_evaluation(m.answers.clone(), case)) {
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
}

fn check_rules(input: &CouncilInput, errors: &mut Vec<InputError>) {
    let r = &input.rules;
    if r.rounding.decimals > 4 {
        errors.push(InputError::at(
            "/rules/rounding/decimals",
            Problem::InvalidCouncilRules("at most 4 decimals"),
        ));
    }
    if let Some(q) = r.quorum {
        if q.council_size == 0 || q.min_percent > 100 {
            errors.push(InputError::at(
                "/rules/quorum",
                Problem::InvalidCouncilRules(
                    "councilSize must be positive and minPercent at most 100",
                ),
            ));
        } else if input.members.len() > usize::from(q.council_size) {
            errors.push(InputError::at(
                "/rules/quorum/councilSize",
                Problem::InvalidCouncilRules("more members scored than the council has"),
            ));
        }
    }
}

fn aggregate(
    input: &CouncilInput,
    head: &Resolved<'_>,
    resolved: &[Resolved<'_>],
) -> CouncilReport {
    let n = u32::try_from(resolved.len()).unwrap_or(u32::MAX);
    let counted: Vec<Vec<Option<u8>>> = resolved.iter().map(Resolved::counted).collect();
    let members = member_results(input, head, &counted);
    let totals: Vec<u8> = members.iter().map(|m| m.total).collect();
    let spread = totals
        .iter()
        .max()
        .copied()
        .unwrap_or(0)
        .saturating_sub(totals.iter().min().copied().unwrap_or(0));
    let spread_exceeded = input.rules.max_spread.is_some_and(|max| spread > max);
    let quorum = input.rules.quorum.map(|q| quorum_check(input, q));
    let member_knockouts = member_knockouts(input);
    let mut warnings = Vec::new();
    if spread_exceeded {
        warnings.push(Warning::new(WarningCode::SpreadExceeded, "/members"));
    }
    if quorum.is_some_and(|q| !q.met) {
        warnings.push(Warning::new(WarningCode::QuorumNotMet, "/members"));
    }
    for k in member_knockouts.iter().filter(|k| !k.adopted) {
        warnings.push(Warning::new(
            WarningCode::MemberKnockoutNotAdopted,
            answer_path(&k.code),
        ));
    }
    let disagreements = disagreements(head, resolved, &counted);
    let sum_of_totals: u32 = totals.iter().map(|t| u32::from(*t)).sum();
    let sheets = Sheets {
        counted,
        single: None,
        basis: input.rules.marker_basis,
        rounding: input.rules.rounding,
        extra_warnings: warnings,
    };
    let mut result = build_report(head, &sheets);
    result.reference = input.reference.clone();
    CouncilReport {
        result,
        members,
        sum_of_totals,
        member_count: n,
        mean: rating::mean(sum_of_totals, n),
        rounded_mean: input.rules.rounding.apply(sum_of_totals, n),
        spread,
        spread_exceeded,
        quorum,
        result_stands: !spread_exceeded && quorum.is_none_or(|q| q.met),
        disagreements,
        member_knockouts,
        rules: input.rules.clone(),
    }
}

/// Each member's own total, band and stars (on that member's markers).
fn member_results(
    input: &CouncilInput,
    head: &Resolved<'_>,
    counted: &[Vec<Option<u8>>],
) -> Vec<MemberResult> {
    let compiled = head.compiled();
    input
        .members
        .iter()
        .zip(counted)
        .map(|(m, own)| {
            let tally = rating::tally(
                compiled,
                std::slice::from_ref(own),
                MarkerBasis::CriterionMean,
            );
            let band = compiled.band(&TotalBasis::single(tally.total()));
            MemberResult {
                name: m.name.clone(),
                chair: m.chair,
                total: u8::try_from(tally.total()).unwrap_or(u8::MAX),
                band,
                stars: rating::stars(band, &tally.levels),
            }
        })
        .collect()
}

fn quorum_check(input: &CouncilInput, q: Quorum) -> QuorumCheck {
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
}

fn member_knockouts(input: &CouncilInput) -> Vec<MemberKnockout> {
    let mut out: Vec<MemberKnockout> = Vec::new();
    for (i, m) in input.members.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for code in &m.knockouts {
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
    counted: &[Vec<Option<u8>>],
) -> Vec<Disagreement> {
    let compiled = head.compiled();
    let mut out = Vec::new();
    for (p, c) in head.sheet.criteria().enumerate() {
        let options: Vec<Option<u8>> = resolved
            .iter()
            .map(|r| match r.ticks.get(p) {
                Some(Tick::Option(o)) => Some(*o),
                _ => None,
            })
            .collect();
        if options.windows(2).all(|w| matches!(w, [a, b] if a == b)) {
            continue;
        }
        let points: Vec<u8> = counted
            .iter()
            .map(|m| compiled.points_of(p, m.get(p).copied().flatten()))
            .collect();
        let spread = points
            .iter()
            .max()
            .copied()
            .unwrap_or(0)
            .saturating_sub(points.iter().min().copied().unwrap_or(0));
        out.push(Disagreement {
            code: c.code.clone(),
            options,
            points,
            spread,
        });
    }
    out
}
