//! The requests that wrap an evaluation or an office question: each a core type with one
//! reader, so that every binding reads it the same way and only converts values.
//!
//! | request | fields | answered by |
//! |---|---|---|
//! | [`PlanRequest`] | `evaluation`, `targetStar?`, `onlyCriteria?` | [`Catalog::plan`] |
//! | [`CompareRequest`] | `selfAssessment`, `council` (a sheet, or a council with `members`) | [`Catalog::compare`] |
//! | [`DossierRulesRequest`] | `filedOn`, `kind` | [`Catalog::dossier_rules`] |
//! | [`RoundRequest`] | `on`, `level` | [`Catalog::round_for_submission`], [`Catalog::next_round`] |
//! | [`ProductCodeRequest`] | `code`, `edition?`, `known?` | [`Catalog::parse_product_code`] |
//! | [`ProductCodeParts`] | `edition`, `province`, `area`, `sequence`, `year` | [`Catalog::format_product_code`] |
//! | [`PortfolioRequest`] | `csv`, `on`, `expiringWithinDays?`, `targets?` | [`Catalog::portfolio_request`] |
//! | [`crate::CarryOverRequest`] | `evaluation`, `to?`, `issuedOn?`, `on?` | [`Catalog::carry_over`] |
//! | [`crate::VerifyRequest`] | `code`, `claimedStars?` | [`Catalog::verify_result_code`] |

use jiff::civil::Date;
use serde::Serialize;
use serde_json::Value;

use crate::catalog::Catalog;
use crate::catalog::model::Level;
use crate::council::CouncilInput;
use crate::error::{InputError, InputErrors, Problem};
use crate::evaluation::Evaluation;
use crate::limits;
use crate::planner::Plan;
use crate::portfolio::{PortfolioReport, TargetSet};
use crate::read::{self, Fields, Input};
use crate::self_assessment::Comparison;

// Defined beside what answers them (no cycle back to this module), listed here with the others.
pub use crate::certificate::DossierRulesRequest;
pub use crate::product_code::{ProductCodeParts, ProductCodeRequest};

/// A plan: the smallest set of upgrades that lifts an evaluation to `target_star` (default: one
/// star more than now), changing only `only_criteria` when given. With `only_criteria` and no
/// `target_star`, the best star reachable by changing only those criteria.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PlanRequest {
    /// The evaluation to lift.
    pub evaluation: Evaluation,
    /// The star to reach (1–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub target_star: Option<u8>,
    /// The only criteria that may change (codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub only_criteria: Option<Vec<String>>,
}

impl Input for PlanRequest {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<PlanRequest> {
        let f = Fields::new(
            value,
            path,
            "a plan request",
            &[&["evaluation", "targetStar", "onlyCriteria"]],
            errors,
        );
        let evaluation = f.required("evaluation", errors);
        let target_star = f.optional("targetStar", errors);
        let only_criteria = f
            .raw("onlyCriteria")
            .map(|v| read::codes(v, &f.path("onlyCriteria"), errors));
        Some(PlanRequest {
            evaluation: evaluation?,
            target_star,
            only_criteria: only_criteria.map(|o| o.unwrap_or_default()),
        })
    }
}

/// What a self-assessment is compared with: the council's consensus sheet, or a council
/// whose members' mean is the council's sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(untagged)]
pub enum CouncilOrSheet {
    /// The council's consensus sheet.
    Sheet(Evaluation),
    /// A council with its members' sheets.
    Council(CouncilInput),
}

impl CouncilOrSheet {
    /// Whether a JSON value is a council rather than one sheet: it has a non-null `members`.
    /// The one rule, for every surface that accepts either.
    ///
    /// ```
    /// use ocop_core::requests::CouncilOrSheet;
    /// let value = |text| serde_json::from_str(text).unwrap();
    /// assert!(CouncilOrSheet::is_council(&value(r#"{"members": []}"#)));
    /// assert!(!CouncilOrSheet::is_council(&value(r#"{"members": null, "answers": {}}"#)));
    /// ```
    pub fn is_council(value: &Value) -> bool {
        value.get("members").is_some_and(|m| !m.is_null())
    }
}

impl Input for CouncilOrSheet {
    /// A council (see [`CouncilOrSheet::is_council`]), or else a sheet.
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<CouncilOrSheet> {
        if CouncilOrSheet::is_council(value) {
            CouncilInput::read(value, path, errors).map(CouncilOrSheet::Council)
        } else {
            Evaluation::read(value, path, errors).map(CouncilOrSheet::Sheet)
        }
    }
}

/// A producer's self-assessment beside the council's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CompareRequest {
    /// The producer's own sheet.
    pub self_assessment: Evaluation,
    /// The council's sheet, or the council.
    pub council: CouncilOrSheet,
}

impl Input for CompareRequest {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<CompareRequest> {
        let f = Fields::new(
            value,
            path,
            "a comparison request",
            &[&["selfAssessment", "council"]],
            errors,
        );
        let self_assessment = f.required("selfAssessment", errors);
        let council = f.required("council", errors);
        Some(CompareRequest {
            self_assessment: self_assessment?,
            council: council?,
        })
    }
}

/// A day and a council level, to find an evaluation round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct RoundRequest {
    /// The day (of submission, or from which the next round is sought).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub on: Date,
    /// The council level.
    pub level: Level,
}

impl Input for RoundRequest {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<RoundRequest> {
        let f = Fields::new(value, path, "a round request", &[&["on", "level"]], errors);
        let on = f.required("on", errors);
        let level = f.required("level", errors);
        Some(RoundRequest {
            on: on?,
            level: level?,
        })
    }
}

/// The horizon for "expiring soon" when a request does not give one.
pub const DEFAULT_EXPIRING_WITHIN_DAYS: u32 = 180;

/// A province's products (CSV) judged on a day, against a plan's targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PortfolioRequest {
    /// The products, as CSV (see [`crate::portfolio`]).
    pub csv: String,
    /// The day of the report.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub on: Date,
    /// Certificates expiring within this many days are listed (default 180).
    #[cfg_attr(feature = "uniffi", uniffi(default = 180))]
    pub expiring_within_days: u32,
    /// The plan's targets: a target set, or the name of a bundled one (`ha-tinh-2023-2025`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub targets: Option<TargetSet>,
}

impl Input for PortfolioRequest {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<PortfolioRequest> {
        let f = Fields::new(
            value,
            path,
            "a portfolio request",
            &[&["csv", "on", "expiringWithinDays", "targets"]],
            errors,
        );
        let csv = f
            .raw("csv")
            .and_then(|v| read::bounded_text(v, &f.path("csv"), limits::MAX_CSV_BYTES, errors));
        if f.is_object() && f.raw("csv").is_none() {
            errors.push(InputError::at(
                f.path("csv"),
                Problem::MissingField("csv".into()),
            ));
        }
        let on = f.required("on", errors);
        let expiring_within_days = f.optional("expiringWithinDays", errors);
        let targets = f.raw("targets").and_then(|v| match v {
            Value::String(name) => TargetSet::bundled(name).or_else(|| {
                errors.push(InputError::at(
                    f.path("targets"),
                    Problem::NotOneOf {
                        what: "a bundled target set",
                        found: name.chars().take(limits::MAX_TEXT_CHARS).collect(),
                        allowed: TargetSet::BUNDLED.join(", "),
                    },
                ));
                None
            }),
            other => TargetSet::read(other, &f.path("targets"), errors),
        });
        Some(PortfolioRequest {
            csv: csv?,
            on: on?,
            expiring_within_days: expiring_within_days.unwrap_or(DEFAULT_EXPIRING_WITHIN_DAYS),
            targets,
        })
    }
}

read::deserialize_through_reader!(
    PlanRequest,
    CouncilOrSheet,
    CompareRequest,
    RoundRequest,
    PortfolioRequest,
);

impl Catalog {
    /// The plan asked for: see [`PlanRequest`]. Errors in the evaluation are reported under
    /// `/evaluation`.
    ///
    /// ```
    /// use ocop_core::{Catalog, Input, PlanRequest};
    /// let request = PlanRequest::from_json(&format!(
    ///     r#"{{"evaluation": {}, "targetStar": 4}}"#,
    ///     include_str!("../../ocop-cli/src/example.json")
    /// )).unwrap();
    /// let plan = Catalog::builtin().plan(&request).unwrap();
    /// assert_eq!(plan.changes[0].code, "B5.1"); // the marker that holds the example at 3★
    /// ```
    pub fn plan(&self, request: &PlanRequest) -> Result<Plan, InputErrors> {
        let e = &request.evaluation;
        match (&request.only_criteria, request.target_star) {
            (Some(only), None) => self.best_reachable(e, only),
            (only, target) => self.plan_to(e, target, only.as_deref()),
        }
    }

    /// The self-assessment compared with the council's sheet or the council's mean.
    pub fn compare(&self, request: &CompareRequest) -> Result<Comparison, InputErrors> {
        match &request.council {
            CouncilOrSheet::Sheet(sheet) => self.compare_sheets(&request.self_assessment, sheet),
            CouncilOrSheet::Council(council) => {
                self.compare_with_council(&request.self_assessment, council)
            }
        }
    }

    /// A portfolio report from a request: the CSV read (bad rows reported in the result), then
    /// [`Catalog::portfolio`].
    pub fn portfolio_request(
        &self,
        request: &PortfolioRequest,
    ) -> Result<PortfolioReport, InputErrors> {
        if let Some(targets) = &request.targets {
            targets.check().map_err(|e| e.under("/targets"))?;
        }
        self.portfolio_csv(
            &request.csv,
            request.on,
            request.expiring_within_days,
            request.targets.as_ref(),
        )
        .map_err(|e| e.under("/csv"))
    }
}
