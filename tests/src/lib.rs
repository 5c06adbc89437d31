//! Runs the shared golden cases in `tests/cases/` against ocop-core.
//!
//! Each case names a `kind` (the function to call), an `input` (its JSON) and an `expect`:
//! the hand-worked one-line fingerprint of the answer. The fingerprint rules are in
//! `tests/cases/README.md`; the npm, Kotlin, Python and Swift test suites build the same line
//! from their own typed results, and the SHA-256 of all lines is the cross-surface digest.

use std::fmt::Write as _;
use std::path::Path;

use ocop_core::council::CouncilReport;
use ocop_core::scoring::ScoreReport;
use ocop_core::{Catalog, Comparison, CouncilInput, Evaluation, InputErrors, Outcome, Plan};
use ocop_core::{calendar, dossier};
use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// One golden case.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Unique name.
    pub name: String,
    /// How the expected answer was worked out.
    pub note: String,
    /// Which function: score, council, plan, compare...
    pub kind: String,
    /// The function's input.
    pub input: Value,
    /// The fingerprint of the expected answer.
    pub expect: String,
}

/// Every case in `dir/*.json` (each file holds an array), in file then array order.
pub fn load_cases(dir: &Path) -> Result<Vec<Case>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut more: Vec<Case> =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        cases.append(&mut more);
    }
    Ok(cases)
}

/// The fingerprint of running `case` on `catalog`.
pub fn run(catalog: &Catalog, case: &Case) -> String {
    let input = &case.input;
    let result = match case.kind.as_str() {
        "score" => Evaluation::from_json_value(input, "")
            .and_then(|e| catalog.score(&e))
            .map(|r| score(&r)),
        "council" => CouncilInput::from_json_value(input)
            .and_then(|c| catalog.council(&c))
            .map(|r| council(&r)),
        "plan" => plan_case(catalog, input).map(|p| plan(&p)),
        "compare" => compare_case(catalog, input).map(|c| compare(&c)),
        "certificate" => serde("certificate", input)
            .and_then(|c| catalog.certificate(&c))
            .map(|c| certificate(&c)),
        "dossierRules" => dossier_case(catalog, input),
        "round" | "nextRound" => round_case(catalog, &case.kind, input),
        "productCode" => product_code_case(catalog, input),
        "productCodeFormat" => format_case(catalog, input),
        "portfolio" => portfolio_case(catalog, input),
        "deadline" => calendar::DeadlineRequest::from_json_value(input, "")
            .and_then(|r| calendar::deadline(&r))
            .map(|d| deadline(&d)),
        "holidays" => calendar::HolidaysRequest::from_json_value(input, "")
            .and_then(|r| calendar::holidays(&r))
            .map(|h| holidays(&h)),
        "procedureDeadline" => dossier::StepDeadlineRequest::from_json_value(input, "")
            .and_then(|r| catalog.procedure_deadline(&r))
            .map(|d| step_deadline(&d)),
        "dossierChecklist" => dossier::ChecklistRequest::from_json_value(input, "")
            .and_then(|r| catalog.dossier_checklist(&r))
            .map(|c| checklist(&c)),
        "dossierCheck" => dossier::FiledDossier::from_json_value(input, "")
            .and_then(|d| catalog.check_dossier(&d))
            .map(|c| dossier_check(&c)),
        "registrationSlip" => catalog
            .parse_registration_slip(
                &text(input, "slip").unwrap_or_default(),
                text(input, "edition").as_deref(),
            )
            .map(|s| slip(&s)),
        "registrationSlipFormat" => serde::<dossier::SlipParts>("slip parts", input)
            .and_then(|parts| {
                catalog
                    .format_registration_slip(&text(input, "edition").unwrap_or_default(), &parts)
            })
            .map(|f| format!("formatted={f}")),
        other => return format!("unknown kind `{other}`"),
    };
    result.unwrap_or_else(|e| errors(&e))
}

/// SHA-256 (hex) of the fingerprints joined by newlines: the cross-surface digest.
pub fn digest(lines: &[String]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(lines.join("\n").as_bytes());
    hasher.finalize().iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Reads a typed input with serde (for the kinds whose inputs are plain records).
fn serde<T: serde::de::DeserializeOwned>(what: &str, input: &Value) -> Result<T, InputErrors> {
    serde_json::from_value(input.clone()).map_err(|e| {
        InputErrors::one(
            ocop_core::ErrorCode::WrongType,
            "",
            format!("not a {what}: {e}"),
        )
    })
}

fn text(input: &Value, key: &str) -> Option<String> {
    input.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn dossier_case(catalog: &Catalog, input: &Value) -> Result<String, InputErrors> {
    let filed: jiff::civil::Date = serde("date", input.get("filedOn").unwrap_or(&Value::Null))?;
    let kind: ocop_core::certificate::DossierKind =
        serde("dossier kind", input.get("kind").unwrap_or(&Value::Null))?;
    let r = catalog.dossier_rules(filed, kind)?;
    Ok(format!(
        "edition={} finish_by={}",
        r.edition,
        opt(r.finish_by)
    ))
}

fn round_case(catalog: &Catalog, kind: &str, input: &Value) -> Result<String, InputErrors> {
    let on: jiff::civil::Date = serde("date", input.get("on").unwrap_or(&Value::Null))?;
    let level: ocop_core::Level = serde("level", input.get("level").unwrap_or(&Value::Null))?;
    let r = if kind == "round" {
        catalog.round_for_submission(on, level)?
    } else {
        catalog.next_round(on, level)?
    };
    Ok(match r.round {
        None => format!("edition={} round=-", r.edition),
        Some(x) => format!(
            "edition={} round={}#{} proposals_before={} completed_before={}",
            r.edition,
            level_id(x.level),
            x.number,
            x.proposals_before,
            x.completed_before
        ),
    })
}

fn product_code_case(catalog: &Catalog, input: &Value) -> Result<String, InputErrors> {
    let code = text(input, "code").unwrap_or_default();
    let known: Option<ocop_core::product_code::AdminCodes> = match input.get("known") {
        Some(v) => Some(serde("admin code list", v)?),
        None => None,
    };
    let c = catalog.parse_product_code(&code, text(input, "edition").as_deref(), known.as_ref())?;
    let segments = c.segments.iter().map(|s| {
        format!(
            "{}:{}",
            serde_json::to_value(s.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            s.value
        )
    });
    Ok(format!(
        "edition={} segments={} formatted={}",
        c.edition,
        list(segments),
        c.formatted
    ))
}

fn format_case(catalog: &Catalog, input: &Value) -> Result<String, InputErrors> {
    let n = |k: &str| input.get(k).and_then(Value::as_u64).unwrap_or(0);
    let code = catalog.format_product_code(
        &text(input, "edition").unwrap_or_default(),
        &text(input, "province").unwrap_or_default(),
        &text(input, "area").unwrap_or_default(),
        u32::try_from(n("sequence")).unwrap_or(u32::MAX),
        u16::try_from(n("year")).unwrap_or(u16::MAX),
    )?;
    Ok(format!("formatted={code}"))
}

fn portfolio_case(catalog: &Catalog, input: &Value) -> Result<String, InputErrors> {
    let (products, bad) =
        ocop_core::portfolio::read_products_csv(&text(input, "csv").unwrap_or_default())?;
    let on: jiff::civil::Date = serde("date", input.get("on").unwrap_or(&Value::Null))?;
    let days = input
        .get("expiringWithinDays")
        .and_then(Value::as_u64)
        .and_then(|d| u32::try_from(d).ok())
        .unwrap_or(180);
    let targets = match input.get("targets") {
        Some(Value::String(s)) if s == "ha-tinh-2023-2025" => {
            Some(ocop_core::portfolio::TargetSet::ha_tinh_2023_2025())
        }
        Some(v) => Some(ocop_core::portfolio::TargetSet::from_json(&v.to_string())?),
        None => None,
    };
    Ok(portfolio(&catalog.portfolio(
        &products,
        bad,
        on,
        days,
        targets.as_ref(),
    )?))
}

/// The fingerprint of a certificate status.
pub fn certificate(c: &ocop_core::certificate::CertificateStatus) -> String {
    let state = serde_json::to_value(c.state)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    format!(
        "issued_under={} rules={} expires={} state={state} valid={} window={} grace={} notice={}",
        c.issued_under,
        c.rules_of,
        c.expires_on,
        c.valid,
        opt(c
            .reevaluation_window
            .map(|w| format!("{}..{}", w.opens_on, w.closes_on))),
        opt(c.grace_until),
        opt(c.expiry_notice_by),
    )
}

/// The fingerprint of a portfolio report.
pub fn portfolio(r: &ocop_core::portfolio::PortfolioReport) -> String {
    let counts = |v: &[ocop_core::portfolio::Count]| {
        list(v.iter().map(|c| format!("{}:{}", c.key, c.count)))
    };
    format!(
        "products={} valid={} subjects={} stars={} groups={} types={} expiring={} due={} reevaluated={} expired_without={} coverage={} targets={} row_errors={}",
        r.products,
        r.valid_certificates,
        r.subjects,
        counts(&r.by_stars),
        counts(&r.by_group),
        counts(&r.by_subject_type),
        r.expiring.len(),
        r.reevaluation.due,
        r.reevaluation.reevaluated,
        r.reevaluation.expired_without,
        r.reevaluation.percent,
        list(r.targets.iter().map(|t| if t.met {
            format!("{}:met", t.id)
        } else {
            format!("{}:short{}", t.id, t.shortfall)
        })),
        list(r.row_errors.iter().map(|e| {
            format!(
                "{}:{}",
                e.line,
                e.errors
                    .iter()
                    .map(|x| x.code.to_string())
                    .collect::<Vec<_>>()
                    .join("+")
            )
        })),
    )
}

fn plan_case(catalog: &Catalog, input: &Value) -> Result<Plan, InputErrors> {
    let evaluation = Evaluation::from_json_value(
        input.get("evaluation").unwrap_or(&Value::Null),
        "/evaluation",
    )?;
    let target = input
        .get("targetStar")
        .and_then(Value::as_u64)
        .and_then(|t| u8::try_from(t).ok());
    let only: Option<Vec<String>> = input
        .get("onlyCriteria")
        .and_then(|v| serde_json::from_value(v.clone()).ok());
    match (only, target) {
        (Some(only), None) => catalog.best_reachable(&evaluation, &only),
        (only, target) => catalog.plan(&evaluation, target, only.as_deref()),
    }
}

fn compare_case(catalog: &Catalog, input: &Value) -> Result<Comparison, InputErrors> {
    let own = Evaluation::from_json_value(
        input.get("selfAssessment").unwrap_or(&Value::Null),
        "/selfAssessment",
    )?;
    let council = input.get("council").unwrap_or(&Value::Null);
    if council.get("members").is_some() {
        catalog.compare_with_council(&own, &CouncilInput::from_json_value(council)?)
    } else {
        catalog.compare(&own, &Evaluation::from_json_value(council, "/council")?)
    }
}

fn list<I: IntoIterator<Item = String>>(items: I) -> String {
    let v: Vec<String> = items.into_iter().collect();
    if v.is_empty() {
        "-".into()
    } else {
        v.join(",")
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".into(), |x| x.to_string())
}

/// `errors=CODE@path,...`
pub fn errors(e: &InputErrors) -> String {
    format!(
        "errors={}",
        list(e.0.iter().map(|x| format!("{}@{}", x.code, x.path)))
    )
}

/// The fingerprint of a score report.
pub fn score(r: &ScoreReport) -> String {
    let outcome = match &r.outcome {
        Outcome::Rated => "rated".to_owned(),
        Outcome::NotRated { at, .. } => format!("notRated@{at}"),
        Outcome::Rejected { at, .. } => {
            format!("rejected@{}", at.as_ref().map_or("dossier", |a| a.as_str()))
        }
    };
    format!(
        "total={} parts={} band={} stars={} certifiable={} outcome={outcome} blockers={} recognised={} forward={} warnings={}",
        r.total,
        list(r.parts.iter().map(|p| p.points.to_string())),
        opt(r.band.as_ref().map(|b| b.star)),
        opt(r.stars.as_ref().map(|s| s.star)),
        r.certifiable,
        list(r.blockers.iter().map(|b| format!("{}:{}", b.star, b.code))),
        opt(r.recognition.recognised_at.map(level_id)),
        opt(r.recognition.forward_to.map(level_id)),
        list(r.warnings.iter().map(|w| w.code.to_string())),
    )
}

fn level_id(l: ocop_core::Level) -> &'static str {
    match l {
        ocop_core::Level::District => "district",
        ocop_core::Level::Province => "province",
        ocop_core::Level::Central => "central",
    }
}

/// The fingerprint of a council report.
pub fn council(r: &CouncilReport) -> String {
    format!(
        "mean={} rounded={} band={} stars={} spread={} exceeded={} stands={} quorum={} members={} disagree={} blockers={} forward={}",
        r.mean,
        opt(r.rounded_mean),
        opt(r.result.band.as_ref().map(|b| b.star)),
        opt(r.result.stars.as_ref().map(|s| s.star)),
        r.spread,
        r.spread_exceeded,
        r.result_stands,
        opt(r.quorum.map(|q| q.met)),
        list(r.members.iter().map(|m| m.total.to_string())),
        list(r.disagreements.iter().map(|d| d.code.to_string())),
        list(
            r.result
                .blockers
                .iter()
                .map(|b| format!("{}:{}", b.star, b.code))
        ),
        opt(r.result.recognition.forward_to.map(level_id)),
    )
}

/// The fingerprint of a plan.
pub fn plan(p: &Plan) -> String {
    format!(
        "target={} reachable={} changes={} changed={} added={} total={} stars={}",
        p.target_star,
        p.reachable,
        list(
            p.changes
                .iter()
                .map(|c| format!("{}:{}", c.code, c.to_option))
        ),
        p.criteria_changed,
        p.points_added,
        p.new_total,
        p.new_stars,
    )
}

/// The fingerprint of a comparison.
pub fn compare(c: &Comparison) -> String {
    format!(
        "self={} council={} over={} under={} diffs={}",
        c.self_total,
        c.council_total,
        c.points_overclaimed,
        c.points_underclaimed,
        list(
            c.differences
                .iter()
                .map(|d| format!("{}:{}", d.code, d.at_stake))
        ),
    )
}

/// The JSON id of an enum value (`lunar_new_year`, `province`…).
fn id<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The fingerprint of a time limit.
pub fn deadline(d: &calendar::Deadline) -> String {
    format!(
        "due={} holidays={}",
        d.due_on,
        list(
            d.holidays
                .iter()
                .map(|h| format!("{}:{}", h.date, id(&h.kind)))
        ),
    )
}

/// The fingerprint of a year's days off (days as `MM-DD`).
pub fn holidays(y: &calendar::HolidayYear) -> String {
    let day = |d: &jiff::civil::Date| format!("{:02}-{:02}", d.month(), d.day());
    format!(
        "days={} worked={} readings={}",
        list(
            y.holidays
                .iter()
                .map(|h| format!("{}:{}", day(&h.date), id(&h.kind)))
        ),
        list(y.worked_weekend_days.iter().map(|c| day(&c.date))),
        y.readings.len(),
    )
}

/// The fingerprint of a deadline of the procedure.
pub fn step_deadline(d: &dossier::StepDeadline) -> String {
    format!(
        "edition={} step={} unit={} length={} due={}",
        d.edition,
        id(&d.step),
        id(&d.deadline.unit),
        d.deadline.length,
        d.deadline.due_on,
    )
}

/// The fingerprint of a dossier checklist.
pub fn checklist(c: &dossier::DossierChecklist) -> String {
    let samples = match &c.samples {
        None => "-".to_owned(),
        Some(s) if s.exempt => "exempt".to_owned(),
        Some(s) => s.count.to_string(),
    };
    let copies = c
        .packages
        .iter()
        .find_map(|p| p.copies.as_ref())
        .map_or_else(
            || "-".to_owned(),
            |x| format!("{}+{}", x.paper, x.electronic),
        );
    format!(
        "edition={} level={} sets={} samples={samples} copies={copies} requirements={} commune={} evidence={} without={} due={} gaps={}",
        c.edition,
        id(&c.level),
        list(c.packages.iter().map(|p| format!(
            "{}[{}]",
            p.id,
            p.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>().join("+")
        ))),
        c.case_requirements.len(),
        list(
            c.criteria
                .iter()
                .filter(|x| x.assessed_by_commune)
                .map(|x| x.code.to_string())
        ),
        list(
            c.evidence
                .iter()
                .filter(|e| !e.criteria.is_empty())
                .map(|e| format!(
                    "{}:{}",
                    e.id,
                    e.criteria
                        .iter()
                        .map(|l| l.code.as_str())
                        .collect::<Vec<_>>()
                        .join("+")
                ))
        ),
        list(
            c.criteria
                .iter()
                .filter(|x| x.evidence.is_empty())
                .map(|x| x.code.to_string())
        ),
        opt(c.deadlines.first().map(|d| d.deadline.due_on)),
        c.gaps.len(),
    )
}

/// The fingerprint of a filed dossier's check.
pub fn dossier_check(c: &dossier::DossierCheck) -> String {
    format!(
        "package={} complete={} missing={} conditional={} extra={} evidence_not_attached={}",
        c.package,
        c.complete,
        list(
            c.missing
                .iter()
                .map(|m| format!("{}:{}/{}", m.id, m.declared, m.needed))
        ),
        list(c.conditional.iter().map(|i| i.id.to_string())),
        list(c.extra.iter().map(ToString::to_string)),
        list(c.evidence_not_attached.iter().map(|e| e.id.to_string())),
    )
}

/// The fingerprint of a registration slip's number.
pub fn slip(s: &dossier::RegistrationSlip) -> String {
    format!(
        "edition={} number={} second={} province={} commune={} year={} formatted={}",
        s.edition, s.number, s.second, s.province, s.commune, s.year, s.formatted
    )
}
