//! Runs the shared golden cases in `tests/cases/` against ocop-core.
//!
//! Each case names a `kind` (the function to call), an `input` (its JSON) and an `expect`:
//! the hand-worked one-line fingerprint of the answer. The input is read by the core's own
//! reader for that kind, exactly as every binding reads it, so a refused input gives the same
//! `errors=` line everywhere. The fingerprint rules are in `tests/cases/README.md`; the npm,
//! Kotlin, Python and Swift test suites build the same line from their own typed results, and
//! the SHA-256 of all lines is the cross-surface digest.

use std::fmt::Write as _;
use std::path::Path;

use ocop_core::carry_over::{Bound, CarryOver, CarryOverRequest, CarryStatus, Reachable};
use ocop_core::certificate::CertificateInput;
use ocop_core::council::CouncilReport;
use ocop_core::product_code::ProductCode;
use ocop_core::requests::{
    DossierRulesRequest, PortfolioRequest, ProductCodeParts, ProductCodeRequest, RoundRequest,
};
use ocop_core::result_code::{ResultCode, Verification, VerifyRequest};
use ocop_core::rounds::RoundAnswer;
use ocop_core::scoring::ScoreReport;
use ocop_core::{
    Catalog, Choice, CompareRequest, Comparison, CouncilInput, Evaluation, Input, InputErrors,
    Outcome, Plan, PlanRequest,
};
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
        "score" => read::<Evaluation>(input)
            .and_then(|e| catalog.score(&e))
            .map(|r| score(&r)),
        "council" => read::<CouncilInput>(input)
            .and_then(|c| catalog.council(&c))
            .map(|r| council(&r)),
        "plan" => read::<PlanRequest>(input)
            .and_then(|p| catalog.plan(&p))
            .map(|p| plan(&p)),
        "compare" => read::<CompareRequest>(input)
            .and_then(|c| catalog.compare(&c))
            .map(|c| compare(&c)),
        "certificate" => read::<CertificateInput>(input)
            .and_then(|c| catalog.certificate(&c))
            .map(|c| certificate(&c)),
        "dossierRules" => read::<DossierRulesRequest>(input)
            .and_then(|r| catalog.dossier_rules(&r))
            .map(|r| format!("edition={} finish_by={}", r.edition, opt(r.finish_by))),
        "round" => read::<RoundRequest>(input)
            .and_then(|r| catalog.round_for_submission(&r))
            .map(|r| round(&r)),
        "nextRound" => read::<RoundRequest>(input)
            .and_then(|r| catalog.next_round(&r))
            .map(|r| round(&r)),
        "productCode" => read::<ProductCodeRequest>(input)
            .and_then(|r| catalog.parse_product_code(&r))
            .map(|c| product_code(&c)),
        "productCodeFormat" => read::<ProductCodeParts>(input)
            .and_then(|p| catalog.format_product_code(&p))
            .map(|code| format!("formatted={code}")),
        "portfolio" => read::<PortfolioRequest>(input)
            .and_then(|p| catalog.portfolio_request(&p))
            .map(|r| portfolio(&r)),
        "carryOver" => read::<CarryOverRequest>(input)
            .and_then(|r| catalog.carry_over(&r))
            .map(|c| carry_over(&c)),
        "reachable" => read::<Evaluation>(input)
            .and_then(|e| catalog.reachable(&e))
            .map(|r| reachable(&r)),
        "resultCode" => read::<Evaluation>(input)
            .and_then(|e| catalog.result_code(&e))
            .map(|c| result_code(&c)),
        "verifyResultCode" => read::<VerifyRequest>(input)
            .and_then(|r| catalog.verify_result_code(&r))
            .map(|v| verification(&v)),
        "deadline" => read::<calendar::DeadlineRequest>(input)
            .and_then(|r| calendar::deadline(&r))
            .map(|d| deadline(&d)),
        "holidays" => read::<calendar::HolidaysRequest>(input)
            .and_then(|r| calendar::holidays(&r))
            .map(|h| holidays(&h)),
        "procedureDeadline" => read::<dossier::StepDeadlineRequest>(input)
            .and_then(|r| catalog.procedure_deadline(&r))
            .map(|d| step_deadline(&d)),
        "dossierChecklist" => read::<dossier::ChecklistRequest>(input)
            .and_then(|r| catalog.dossier_checklist(&r))
            .map(|c| checklist(&c)),
        "dossierCheck" => read::<dossier::FiledDossier>(input)
            .and_then(|d| catalog.check_dossier(&d))
            .map(|c| dossier_check(&c)),
        "registrationSlip" => read::<dossier::SlipRequest>(input)
            .and_then(|r| catalog.parse_registration_slip(&r))
            .map(|s| slip(&s)),
        "registrationSlipFormat" => read::<dossier::SlipParts>(input)
            .and_then(|p| catalog.format_registration_slip(&p))
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

fn read<T: Input>(input: &Value) -> Result<T, InputErrors> {
    T::from_json_value(input)
}

fn round(r: &RoundAnswer) -> String {
    match &r.round {
        None => format!("edition={} round=-", r.edition),
        Some(x) => format!(
            "edition={} round={}#{} proposals_before={} completed_before={}",
            r.edition,
            x.level.wire(),
            x.number,
            x.proposals_before,
            x.completed_before
        ),
    }
}

fn product_code(c: &ProductCode) -> String {
    let segments = c
        .segments
        .iter()
        .map(|s| format!("{}:{}", s.kind.wire(), s.value));
    format!(
        "edition={} segments={} formatted={}",
        c.edition,
        list(segments),
        c.formatted
    )
}

/// The fingerprint of a certificate status.
pub fn certificate(c: &ocop_core::certificate::CertificateStatus) -> String {
    let state = ocop_core::wire::wire_name(&c.state).unwrap_or_default();
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

fn bound(b: &Bound) -> String {
    format!("{}:{}", b.total, opt(b.stars))
}

/// The fingerprint of a carry-over.
pub fn carry_over(c: &CarryOver) -> String {
    let with = |s: CarryStatus| {
        list(
            c.criteria
                .iter()
                .filter(|x| x.status == s)
                .map(|x| x.code.to_string()),
        )
    };
    let cert = c.certificate.as_ref();
    format!(
        "from={} to={} previous={}:{} carried={} rescored={} to_answer={} dropped={} lowest={} highest={} expires={} window={} warnings={}",
        c.previous_edition,
        c.edition,
        c.previous_total,
        opt(c.previous_stars),
        with(CarryStatus::Carried),
        with(CarryStatus::Rescored),
        list(c.to_answer.iter().map(ToString::to_string)),
        list(c.dropped.iter().map(ToString::to_string)),
        bound(&c.reachable.lowest),
        bound(&c.reachable.highest),
        opt(cert.map(|s| s.expires_on)),
        opt(cert
            .and_then(|s| s.reevaluation_window)
            .map(|w| format!("{}..{}", w.opens_on, w.closes_on))),
        list(c.warnings.iter().map(|w| w.code.to_string())),
    )
}

/// The fingerprint of a reachable range.
pub fn reachable(r: &Reachable) -> String {
    format!(
        "open={} lowest={} highest={}",
        r.unanswered,
        bound(&r.lowest),
        bound(&r.highest)
    )
}

/// The fingerprint of a result code made.
pub fn result_code(c: &ResultCode) -> String {
    format!(
        "code={} length={} stars={} total={}",
        c.code,
        c.code.len(),
        opt(c.stars),
        c.total
    )
}

/// The fingerprint of a verified result code.
pub fn verification(v: &Verification) -> String {
    format!(
        "holds={} stars={} total={} in_code={} mismatches={} signature={}",
        v.holds,
        opt(v.report.stars),
        v.report.total,
        opt(v.stars_in_code),
        list(v.mismatches.iter().map(|m| format!(
            "{}:{}>{}",
            ocop_core::wire::wire_name(&m.claimed_by).unwrap_or_default(),
            opt(m.claimed),
            opt(m.recomputed)
        ))),
        ocop_core::wire::wire_name(&v.signature).unwrap_or_default(),
    )
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
        opt(r.band),
        opt(r.stars),
        r.certifiable,
        list(r.blockers.iter().map(|b| format!("{}:{}", b.star, b.code))),
        opt(r.recognition.recognised_at.map(Choice::wire)),
        opt(r.recognition.forward_to.map(Choice::wire)),
        list(r.warnings.iter().map(|w| w.code.to_string())),
    )
}

/// The fingerprint of a council report.
pub fn council(r: &CouncilReport) -> String {
    format!(
        "mean={} rounded={} band={} stars={} spread={} exceeded={} stands={} quorum={} members={} disagree={} blockers={} forward={}",
        r.mean,
        opt(r.rounded_mean),
        opt(r.result.band),
        opt(r.result.stars),
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
        opt(r.result.recognition.forward_to.map(Choice::wire)),
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

/// The fingerprint of a time limit.
pub fn deadline(d: &calendar::Deadline) -> String {
    format!(
        "due={} holidays={}",
        d.due_on,
        list(
            d.holidays
                .iter()
                .map(|h| format!("{}:{}", h.date, h.kind.wire()))
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
                .map(|h| format!("{}:{}", day(&h.date), h.kind.wire()))
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
        d.step.wire(),
        d.deadline.unit.wire(),
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
    let joined = |ids: Vec<&str>| ids.join("+");
    format!(
        "edition={} level={} sets={} samples={samples} copies={copies} requirements={} commune={} evidence={} without={} due={} gaps={}",
        c.edition,
        c.level.wire(),
        list(c.packages.iter().map(|p| format!(
            "{}[{}]",
            p.id,
            joined(p.items.iter().map(|i| i.id.as_str()).collect())
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
                    joined(e.criteria.iter().map(|l| l.code.as_str()).collect())
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
