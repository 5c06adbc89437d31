//! The officer's commands: certificates, rounds, dossiers, product codes and portfolios.

use clap::{Args, Subcommand};
use jiff::civil::Date;
use ocop_core::DossierKind;
use ocop_core::catalog::model::RevocationGround;
use ocop_core::certificate::{CertificateInput, CertificateStatus};
use ocop_core::portfolio::{PortfolioReport, TargetSet};
use ocop_core::requests::{
    DossierRulesRequest, PortfolioRequest, ProductCodeParts, ProductCodeRequest, RoundRequest,
};
use ocop_core::{Catalog, Choice, Input, InputErrors, Lang, Level};

use crate::catalog::today;
use crate::output::{answer, read, report};
use crate::portfolio_tables;
use crate::render::{WIDTH, date, say, wrap};
use crate::tables::FileKind;
use crate::{Exit, Out};

#[derive(Args)]
pub(crate) struct CertificateArgs {
    /// Day of issue (YYYY-MM-DD).
    #[arg(long)]
    issued: Date,
    /// The day to judge it on (default: today in Vietnam).
    #[arg(long)]
    on: Option<Date>,
    /// Edition it was issued under (default: the one in force on the day of issue).
    #[arg(long)]
    edition: Option<String>,
    /// Stars recognised (for who revokes it).
    #[arg(long)]
    stars: Option<u8>,
    /// Day a re-evaluation was filed.
    #[arg(long)]
    filed: Option<Date>,
    /// Day the re-evaluation was decided.
    #[arg(long)]
    decided: Option<Date>,
    /// Day it was revoked.
    #[arg(long)]
    revoked: Option<Date>,
    /// Why it was revoked: untruthful_dossier, criteria_no_longer_met, legal_violation,
    /// mark_misused, production_stopped or other_authority_finding (26/2026 Điều 8.1).
    #[arg(long, value_parser = parse_id::<RevocationGround>)]
    ground: Option<RevocationGround>,
}

#[derive(Args)]
pub(crate) struct CodeArgs {
    #[command(subcommand)]
    action: CodeAction,
}

#[derive(Subcommand)]
enum CodeAction {
    /// Parse and check a product code, e.g. 38-12345-007-2026.
    Parse {
        /// The code.
        code: String,
        /// Edition whose format to use (default: the one that fits).
        #[arg(long)]
        edition: Option<String>,
    },
    /// Write a product code from its parts.
    Format {
        /// Edition (26/2026: province-commune-sequence-year; 148/2023: province-district-…).
        #[arg(long, default_value = "26/2026")]
        edition: String,
        /// Province code.
        #[arg(long)]
        province: String,
        /// Commune code (26/2026) or district code (148).
        #[arg(long)]
        area: String,
        /// Sequence number.
        #[arg(long)]
        sequence: u32,
        /// Year of evaluation.
        #[arg(long)]
        year: u16,
    },
}

#[derive(Args)]
pub(crate) struct RoundsArgs {
    /// Day the proposal is submitted (default: today).
    #[arg(long)]
    submitted: Option<Date>,
    /// Council level: province or central.
    #[arg(long, default_value = "province", value_parser = parse_id::<Level>)]
    level: Level,
    /// The next round still to complete after the day, rather than the round a proposal joins.
    #[arg(long)]
    next: bool,
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct DossierArgs {
    #[command(subcommand)]
    action: Option<crate::dossier::DossierAction>,
    /// Day the dossier was filed (for the rules it is evaluated under).
    #[arg(long)]
    filed: Option<Date>,
    /// first, upgrade or reevaluation.
    #[arg(long, default_value = "first", value_parser = parse_id::<DossierKind>)]
    kind: DossierKind,
}

#[derive(Args)]
pub(crate) struct PortfolioArgs {
    /// Products CSV (`-` for standard input) or spreadsheet (.xlsx, its first sheet); see
    /// `docs/portfolio.md` for the columns.
    file: String,
    /// Plan targets JSON, or the name of a bundled plan (ha-tinh-2023-2025,
    /// tay-ninh-2022-2025, bac-ha-2021).
    #[arg(long)]
    targets: Option<String>,
    /// Also write the targets table to this file (.csv or .xlsx).
    #[arg(long)]
    targets_out: Option<String>,
    /// Also write the indicators to this file (.csv or .xlsx).
    #[arg(long)]
    indicators_out: Option<String>,
    /// The day of the report (default: today).
    #[arg(long)]
    on: Option<Date>,
    /// List certificates expiring within this many days.
    #[arg(long, default_value_t = 180)]
    within: u32,
}

/// Parses a value by its JSON id (`province`, `mark_misused`…), so the command line takes the
/// same words as the JSON formats.
pub(crate) fn parse_id<T: Choice>(text: &str) -> Result<T, String> {
    T::parse(text).ok_or_else(|| format!("`{text}` is not {}; use one of: {}", T::WHAT, T::names()))
}

pub(crate) fn run_certificate(args: &CertificateArgs, out: Out) -> Result<Exit, String> {
    let lang = out.lang;
    let input = CertificateInput {
        edition: args.edition.clone(),
        issued_on: args.issued,
        stars: args.stars,
        on: args.on.unwrap_or_else(today),
        reevaluation_filed_on: args.filed,
        reevaluation_decided_on: args.decided,
        revoked_on: args.revoked,
        revocation_ground: args.ground,
    };
    answer(Catalog::builtin().certificate(&input), "", out, |s| {
        Ok(certificate_lines(s, lang).join("\n"))
    })
}

/// A certificate's status as lines of a page (also printed by `ocop carry-over`).
pub(crate) fn certificate_lines(s: &CertificateStatus, lang: Lang) -> Vec<String> {
    let mut out = vec![format!(
        "{} {} ({}) · {} {} · {} {}",
        say(lang, "Cấp ngày", "Issued"),
        date(s.issued_on),
        s.issued_under,
        say(lang, "hiệu lực đến hết ngày", "valid through"),
        date(s.expires_on),
        say(lang, "quy định áp dụng", "rules of"),
        s.rules_of
    )];
    if let Some(w) = s.reevaluation_window {
        out.push(format!(
            "{}: {} – {}",
            say(
                lang,
                "Thời hạn nộp hồ sơ phân hạng lại",
                "Re-evaluation window"
            ),
            date(w.opens_on),
            date(w.closes_on)
        ));
    }
    if let Some(n) = s.expiry_notice_by {
        out.push(format!(
            "{}: {}",
            say(lang, "Thông báo hết hạn chậm nhất", "Expiry notice by"),
            date(n)
        ));
    }
    out.extend(wrap(
        &format!(
            "{} {}: {}",
            say(lang, "Ngày", "On"),
            date(s.on),
            s.explanation.get(lang)
        ),
        WIDTH,
        2,
    ));
    if let Some(r) = &s.revocation {
        if let Some(t) = &r.ground_text {
            out.extend(wrap(
                &format!("{}: {}", say(lang, "Căn cứ thu hồi", "Ground"), t.get(lang)),
                WIDTH,
                2,
            ));
        }
        if let Some(a) = &r.authority {
            out.push(format!(
                "{}: {}",
                say(lang, "Thẩm quyền thu hồi", "Revoked by"),
                a.get(lang)
            ));
        }
    }
    out
}

pub(crate) fn run_code(args: &CodeArgs, out: Out) -> Result<Exit, String> {
    let catalog = Catalog::builtin();
    match &args.action {
        CodeAction::Parse { code, edition } => {
            let request = ProductCodeRequest {
                code: code.clone(),
                edition: edition.clone(),
                known: None,
            };
            answer(catalog.parse_product_code(&request), "", out, |c| {
                let mut lines = vec![format!("{} ({})", c.formatted, c.edition)];
                for s in &c.segments {
                    lines.push(format!("  {:<9} {}", s.kind.wire(), s.value));
                }
                Ok(lines.join("\n"))
            })
        }
        CodeAction::Format {
            edition,
            province,
            area,
            sequence,
            year,
        } => {
            let parts = ProductCodeParts {
                edition: edition.clone(),
                province: province.clone(),
                area: area.clone(),
                sequence: *sequence,
                year: *year,
            };
            answer(catalog.format_product_code(&parts), "", out, |c| {
                Ok(c.clone())
            })
        }
    }
}

pub(crate) fn run_rounds(args: &RoundsArgs, out: Out) -> Result<Exit, String> {
    let catalog = Catalog::builtin();
    let request = RoundRequest {
        on: args.submitted.unwrap_or_else(today),
        level: args.level,
    };
    let result = if args.next {
        catalog.next_round(&request)
    } else {
        catalog.round_for_submission(&request)
    };
    answer(result, "", out, |r| {
        Ok(wrap(r.note.get(out.lang), WIDTH, 2).join("\n"))
    })
}

pub(crate) fn run_dossier(args: &DossierArgs, out: Out) -> Result<Exit, String> {
    if let Some(action) = &args.action {
        return crate::dossier::run_dossier_action(action, out);
    }
    let lang = out.lang;
    let Some(filed_on) = args.filed else {
        return Err(
            "give --filed (the rules a dossier falls under), or `checklist` or `check`".into(),
        );
    };
    let request = DossierRulesRequest {
        filed_on,
        kind: args.kind,
    };
    answer(Catalog::builtin().dossier_rules(&request), "", out, |r| {
        let mut lines = vec![format!(
            "{}: {}",
            say(lang, "Áp dụng bộ tiêu chí", "Evaluated under"),
            r.edition
        )];
        if let Some(d) = r.finish_by {
            lines.push(format!(
                "{}: {} ({})",
                say(lang, "Hoàn thành chậm nhất", "Finish by"),
                date(d),
                r.basis.as_deref().unwrap_or_default()
            ));
        }
        Ok(lines.join("\n"))
    })
}

pub(crate) fn run_portfolio(args: &PortfolioArgs, out: Out) -> Result<Exit, String> {
    let targets = match args.targets.as_deref() {
        None => None,
        Some(name) if TargetSet::BUNDLED.contains(&name) => TargetSet::bundled(name),
        Some(path) => match TargetSet::from_json(&read(path)?) {
            Ok(t) => Some(t),
            Err(errors) => {
                report(&errors, &format!("{path}: "), out.lang);
                return Ok(Exit::InputRefused);
            }
        },
    };
    let on = args.on.unwrap_or_else(today);
    let result = if FileKind::of(&args.file) == Some(FileKind::Xlsx) {
        portfolio_tables::read_spreadsheet(&args.file)?.and_then(|portfolio| {
            Catalog::builtin().portfolio(&portfolio, on, args.within, targets.as_ref())
        })
    } else {
        Catalog::builtin().portfolio_request(&PortfolioRequest {
            csv: read(&args.file)?,
            on,
            expiring_within_days: args.within,
            targets,
        })
    };
    if let Ok(r) = &result {
        if let Some(path) = &args.targets_out {
            portfolio_tables::write_targets(path, r, out.lang)?;
        }
        if let Some(path) = &args.indicators_out {
            portfolio_tables::write_indicators(path, r, out.lang)?;
        }
    }
    let bad_rows = result.as_ref().map_or(0, |r| r.row_errors.len());
    if let Ok(r) = &result {
        for row in &r.row_errors {
            report(
                &InputErrors(row.errors.clone()),
                &format!("{} line {}: ", args.file, row.line),
                out.lang,
            );
        }
    }
    let exit = answer(result, &format!("{}: ", args.file), out, |r| {
        Ok(portfolio_page(r, out))
    })?;
    Ok(if bad_rows > 0 {
        Exit::InputRefused
    } else {
        exit
    })
}

fn portfolio_page(r: &PortfolioReport, out: Out) -> String {
    let lang = out.lang;
    let mut lines = vec![format!(
        "{} {} · {} {} · {} {}",
        say(lang, "Ngày", "On"),
        date(r.on),
        say(lang, "sản phẩm", "products"),
        r.products,
        say(lang, "giấy chứng nhận còn hiệu lực", "valid certificates"),
        r.valid_certificates
    )];
    let line = |title: String, counts: &[ocop_core::portfolio::Count], suffix: &str| {
        let parts: Vec<String> = counts
            .iter()
            .map(|c| {
                let name = c
                    .name
                    .as_ref()
                    .map_or_else(|| format!("{}{suffix}", c.key), |n| n.get(lang).to_owned());
                format!("{name} {} ({}%)", c.count, c.percent)
            })
            .collect();
        wrap(&format!("{title}: {}", parts.join(" · ")), WIDTH, 2)
    };
    lines.extend(line(
        say(lang, "Theo hạng sao", "By stars"),
        &r.by_stars,
        "★",
    ));
    lines.extend(line(say(lang, "Theo nhóm", "By group"), &r.by_group, ""));
    lines.extend(line(
        say(lang, "Theo loại chủ thể", "By subject type"),
        &r.by_subject_type,
        "",
    ));
    lines.push(format!(
        "{}: {}/{} ({}%), {} {}",
        say(lang, "Phân hạng lại", "Re-evaluated"),
        r.reevaluation.reevaluated,
        r.reevaluation.due,
        r.reevaluation.percent,
        r.reevaluation.expired_without,
        say(
            lang,
            "hết hạn chưa phân hạng lại",
            "expired without re-evaluation"
        )
    ));
    lines.push(format!(
        "{} ({} {}):",
        say(lang, "Sắp hết hạn", "Expiring"),
        r.expiring_within_days,
        say(lang, "ngày", "days")
    ));
    for e in &r.expiring {
        lines.push(format!(
            "  {} — {} ({} {})",
            e.product,
            date(e.expires_on),
            e.days_left,
            say(lang, "ngày", "days")
        ));
    }
    if r.registrations > 0 || r.sales_points > 0 {
        lines.push(format!(
            "{} {} · {} {}",
            say(lang, "Đăng ký tham gia", "Registered"),
            r.registrations,
            say(lang, "điểm bán OCOP", "OCOP sales points"),
            r.sales_points
        ));
    }
    for t in &r.targets {
        lines.extend(wrap(
            &format!("{} {}", if t.met { "✓" } else { "✗" }, t.message.get(lang)),
            WIDTH,
            2,
        ));
        let short = portfolio_tables::units_short(t);
        if !short.is_empty() {
            lines.extend(wrap(
                &format!("  {}: {}", say(lang, "chưa đạt", "short"), short.join(", ")),
                WIDTH,
                4,
            ));
        }
    }
    lines.join("\n")
}
