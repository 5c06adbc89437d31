//! The dossier and working days: what to file, a filed dossier checked, deadlines, the days off
//! of a year, and registration slip numbers.

use clap::{Args, Subcommand};
use jiff::civil::Date;
use ocop_core::calendar::{
    self, Deadline, DeadlineRequest, HolidaysRequest, Period, YearDecisions,
};
use ocop_core::catalog::model::ProcedureStep;
use ocop_core::dossier::{
    ChecklistRequest, DossierCheck, DossierChecklist, FiledDossier, SlipParts, SlipRequest,
    StepDeadlineRequest,
};
use ocop_core::{Catalog, Choice, DossierKind, Input, Lang, Level, SubjectType};

use crate::office::parse_id;
use crate::output::{answer, read, report};
use crate::render::{WIDTH, date, say, wrap};
use crate::{Exit, Out};

#[derive(Args)]
pub(crate) struct DeadlineArgs {
    /// The day of the event the limit counts from (the next day is the first counted).
    #[arg(long)]
    from: Date,
    /// A limit in working days (ngày làm việc).
    #[arg(long, conflicts_with_all = ["days", "step"])]
    working_days: Option<u32>,
    /// A limit in calendar days (ngày).
    #[arg(long, conflicts_with = "step")]
    days: Option<u32>,
    /// A step of the procedure instead: commune_review, reevaluation or revocation.
    #[arg(long, value_parser = parse_id::<ProcedureStep>)]
    step: Option<ProcedureStep>,
    /// Edition whose time limit to use with --step (default: the one in force on --from).
    #[arg(long)]
    edition: Option<String>,
    /// Decisions on days off to add (a JSON array), e.g. a province's own swaps.
    #[arg(long)]
    decisions: Option<String>,
}

#[derive(Args)]
pub(crate) struct HolidaysArgs {
    /// The year.
    year: u16,
    /// Decisions on days off to add (a JSON array).
    #[arg(long)]
    decisions: Option<String>,
}

#[derive(Subcommand)]
pub(crate) enum DossierAction {
    /// What to file: the sets sent on, their documents, samples, copies, evidence per criterion.
    Checklist(ChecklistArgs),
    /// Check a filed dossier (a JSON file: the checklist's fields and the items declared).
    Check {
        /// The filed dossier (`-` for standard input).
        file: String,
    },
}

#[derive(Args)]
pub(crate) struct ChecklistArgs {
    /// Product set (1-26).
    #[arg(long)]
    set: u8,
    /// Who applies: cooperative, cooperative_group, enterprise, farm, household…
    #[arg(long, default_value = "cooperative", value_parser = parse_id::<SubjectType>)]
    subject: SubjectType,
    /// first, upgrade or reevaluation.
    #[arg(long, default_value = "first", value_parser = parse_id::<DossierKind>)]
    case: DossierKind,
    /// The level aimed at: province (3-4★) or central (5★).
    #[arg(long, value_parser = parse_id::<Level>)]
    level: Option<Level>,
    /// The day the commune receives the dossier (starts its 15 working days).
    #[arg(long)]
    filed: Option<Date>,
    /// Edition (default: the one in force on --filed, or 26/2026).
    #[arg(long)]
    edition: Option<String>,
}

#[derive(Args)]
pub(crate) struct SlipArgs {
    #[command(subcommand)]
    action: SlipAction,
}

#[derive(Subcommand)]
enum SlipAction {
    /// Parse and check a slip number, e.g. "Phiếu số: 12-01/PĐK-38-12345-2026".
    Parse {
        /// The number as written.
        slip: String,
        /// Edition whose form to read it by.
        #[arg(long)]
        edition: Option<String>,
    },
    /// Write a slip number from its parts.
    Format {
        /// The first blank before /PĐK (a running number).
        #[arg(long)]
        number: String,
        /// The second blank before /PĐK.
        #[arg(long)]
        second: String,
        /// Province code (mã tỉnh).
        #[arg(long)]
        province: String,
        /// Commune code (mã xã).
        #[arg(long)]
        commune: String,
        /// Year.
        #[arg(long)]
        year: u16,
        /// Edition.
        #[arg(long, default_value = "26/2026")]
        edition: String,
    },
}

/// The decisions in `path`, or none; refused decisions are reported.
fn decisions(path: Option<&str>, out: Out) -> Result<Option<Vec<YearDecisions>>, String> {
    let Some(path) = path else {
        return Ok(Some(Vec::new()));
    };
    match YearDecisions::list_from_json(&read(path)?) {
        Ok(list) => Ok(Some(list)),
        Err(errors) => {
            report(&errors, &format!("{path}: "), out.lang);
            Ok(None)
        }
    }
}

pub(crate) fn run_deadline(args: &DeadlineArgs, out: Out) -> Result<Exit, String> {
    let Some(decisions) = decisions(args.decisions.as_deref(), out)? else {
        return Ok(Exit::InputRefused);
    };
    let lang = out.lang;
    if let Some(step) = args.step {
        let request = StepDeadlineRequest {
            edition: args.edition.clone(),
            step,
            from: args.from,
            decisions,
        };
        return answer(
            Catalog::builtin().procedure_deadline(&request),
            "",
            out,
            |d| {
                let mut lines = wrap(
                    &format!("{} ({}, {})", d.name.get(lang), d.edition, d.basis),
                    WIDTH,
                    2,
                );
                lines.extend(deadline_page(&d.deadline, lang));
                Ok(lines.join("\n"))
            },
        );
    }
    let period = match (args.working_days, args.days) {
        (Some(n), _) => Period::WorkingDays(n),
        (None, Some(n)) => Period::Days(n),
        (None, None) => return Err("give --working-days, --days or --step".into()),
    };
    let request = DeadlineRequest {
        from: args.from,
        period,
        decisions,
    };
    answer(calendar::deadline(&request), "", out, |d| {
        Ok(deadline_page(d, lang).join("\n"))
    })
}

fn deadline_page(d: &Deadline, lang: Lang) -> Vec<String> {
    let mut lines = vec![format!(
        "{}: {}",
        say(lang, "Hết hạn", "Due"),
        date(d.due_on)
    )];
    lines.extend(wrap(d.explanation.get(lang), WIDTH, 2));
    for h in &d.holidays {
        lines.push(format!("  {}  {}", date(h.date), h.name.get(lang)));
    }
    for r in &d.readings {
        lines.extend(wrap(&format!("* {}", r.get(lang)), WIDTH, 2));
    }
    lines
}

pub(crate) fn run_holidays(args: &HolidaysArgs, out: Out) -> Result<Exit, String> {
    let Some(decisions) = decisions(args.decisions.as_deref(), out)? else {
        return Ok(Exit::InputRefused);
    };
    let request = HolidaysRequest {
        year: i16::try_from(args.year).map_err(|e| e.to_string())?,
        decisions,
    };
    let lang = out.lang;
    answer(calendar::holidays(&request), "", out, |y| {
        let mut lines: Vec<String> = y
            .holidays
            .iter()
            .map(|h| format!("{}  {}", date(h.date), h.name.get(lang)))
            .collect();
        for w in &y.worked_weekend_days {
            lines.push(format!(
                "{}  {} ({})",
                date(w.date),
                say(lang, "Làm bù", "Worked"),
                w.note
            ));
        }
        if let Some(d) = &y.decided_by {
            lines.extend(wrap(
                &format!("{}: {d}", say(lang, "Theo", "Decided by")),
                WIDTH,
                2,
            ));
        }
        for r in &y.readings {
            lines.extend(wrap(&format!("* {}", r.get(lang)), WIDTH, 2));
        }
        Ok(lines.join("\n"))
    })
}

pub(crate) fn run_dossier_action(action: &DossierAction, out: Out) -> Result<Exit, String> {
    let catalog = Catalog::builtin();
    match action {
        DossierAction::Checklist(a) => {
            let request = ChecklistRequest {
                edition: a
                    .edition
                    .clone()
                    .or_else(|| a.filed.is_none().then(|| "26/2026".to_owned())),
                filed_on: a.filed,
                product_set: a.set,
                subject_type: a.subject,
                case: a.case,
                level: a.level,
                decisions: Vec::new(),
            };
            answer(catalog.dossier_checklist(&request), "", out, |c| {
                Ok(checklist_page(c, out.lang))
            })
        }
        DossierAction::Check { file } => {
            match FiledDossier::from_json(&read(file)?) {
                Ok(filed) => answer(
                    catalog.check_dossier(&filed),
                    &format!("{file}: "),
                    out,
                    |c| Ok(check_page(c, out.lang)),
                ),
                Err(errors) => {
                    answer::<DossierCheck>(Err(errors), &format!("{file}: "), out, |_| {
                        Ok(String::new())
                    })
                }
            }
        }
    }
}

fn checklist_page(c: &DossierChecklist, lang: Lang) -> String {
    let mut lines = vec![format!(
        "{} · {} {} · {} · {} · {}",
        c.edition,
        say(lang, "bộ sản phẩm", "product set"),
        c.product_set,
        c.subject_type.wire(),
        c.case.wire(),
        c.level.wire()
    )];
    for p in &c.packages {
        lines.push(String::new());
        lines.extend(wrap(
            &format!(
                "{} — {} → {} ({})",
                p.name.get(lang),
                p.prepared_by.get(lang),
                p.sent_to.get(lang),
                p.basis
            ),
            WIDTH,
            2,
        ));
        for item in &p.items {
            let form = item
                .form
                .as_ref()
                .map(|f| format!(" [{f}]"))
                .unwrap_or_default();
            let when = item
                .condition
                .as_ref()
                .map(|t| format!(" ({})", t.get(lang)))
                .unwrap_or_default();
            lines.extend(wrap(
                &format!("  □ {}{form}{when}", item.name.get(lang)),
                WIDTH,
                4,
            ));
        }
        if let Some(copies) = &p.copies {
            lines.push(format!(
                "  {}: {} {} + {} {}",
                say(lang, "Số bộ", "Copies"),
                copies.paper,
                say(lang, "giấy", "paper"),
                copies.electronic,
                say(lang, "điện tử", "electronic")
            ));
        }
        if p.samples {
            if let Some(s) = c.samples.as_ref().filter(|s| !s.exempt) {
                lines.push(format!(
                    "  {}: {}",
                    say(lang, "Sản phẩm mẫu", "Samples"),
                    s.count
                ));
            }
        }
    }
    lines.push(String::new());
    lines.push(say(
        lang,
        "Minh chứng theo tiêu chí:",
        "Evidence by criterion:",
    ));
    for x in &c.criteria {
        let evidence: Vec<&str> = x.evidence.iter().map(|e| e.as_str()).collect();
        let commune = if x.assessed_by_commune {
            say(lang, " [xã đánh giá]", " [assessed by the commune]")
        } else {
            String::new()
        };
        lines.extend(wrap(
            &format!(
                "  {:<6} {}{commune}: {}",
                x.code,
                x.name.get(lang),
                if evidence.is_empty() {
                    "–".to_owned()
                } else {
                    evidence.join(", ")
                }
            ),
            WIDTH,
            9,
        ));
    }
    for d in &c.deadlines {
        lines.push(String::new());
        lines.extend(wrap(
            &format!("{}: {}", d.name.get(lang), date(d.deadline.due_on)),
            WIDTH,
            2,
        ));
        lines.extend(wrap(d.deadline.explanation.get(lang), WIDTH, 2));
    }
    lines.join("\n")
}

fn check_page(c: &DossierCheck, lang: Lang) -> String {
    let mut lines = vec![if c.complete {
        format!(
            "{} ✓ ({})",
            say(lang, "Hồ sơ đủ thành phần", "Complete"),
            c.package
        )
    } else {
        format!(
            "{} ({})",
            say(lang, "Hồ sơ còn thiếu", "Incomplete"),
            c.package
        )
    }];
    for m in &c.missing {
        lines.push(format!(
            "  ✗ {} ({}/{})",
            m.name.get(lang),
            m.declared,
            m.needed
        ));
    }
    for i in &c.conditional {
        lines.push(format!(
            "  ? {} ({})",
            i.name.get(lang),
            i.condition
                .as_ref()
                .map(|t| t.get(lang))
                .unwrap_or_default()
        ));
    }
    for e in &c.extra {
        lines.push(format!(
            "  + {e} ({})",
            say(lang, "không thuộc bộ hồ sơ này", "not part of this set")
        ));
    }
    if !c.evidence_not_attached.is_empty() {
        lines.push(say(
            lang,
            "Minh chứng chưa đính kèm:",
            "Evidence not attached:",
        ));
        for e in &c.evidence_not_attached {
            lines.extend(wrap(&format!("  · {}", e.name.get(lang)), WIDTH, 4));
        }
    }
    lines.join("\n")
}

pub(crate) fn run_slip(args: &SlipArgs, out: Out) -> Result<Exit, String> {
    let catalog = Catalog::builtin();
    match &args.action {
        SlipAction::Parse { slip, edition } => {
            let request = SlipRequest {
                slip: slip.clone(),
                edition: edition.clone(),
            };
            answer(catalog.parse_registration_slip(&request), "", out, |s| {
                Ok(format!(
                    "Phiếu số: {} ({})\n  {} {} · {} {} · {} {} · {} {}",
                    s.formatted,
                    s.edition,
                    say(out.lang, "số", "number"),
                    s.number,
                    say(out.lang, "mã tỉnh", "province"),
                    s.province,
                    say(out.lang, "mã xã", "commune"),
                    s.commune,
                    say(out.lang, "năm", "year"),
                    s.year
                ))
            })
        }
        SlipAction::Format {
            number,
            second,
            province,
            commune,
            year,
            edition,
        } => {
            let parts = SlipParts {
                edition: edition.clone(),
                number: number.clone(),
                second: second.clone(),
                province: province.clone(),
                commune: commune.clone(),
                year: *year,
            };
            answer(catalog.format_registration_slip(&parts), "", out, |s| {
                Ok(s.clone())
            })
        }
    }
}
