//! The officer's commands: certificates, rounds, dossiers, product codes and portfolios.

use clap::{Args, Subcommand};
use jiff::civil::Date;
use ocop_core::catalog::model::RevocationGround;
use ocop_core::certificate::{CertificateInput, DossierKind};
use ocop_core::portfolio::{TargetSet, read_products_csv};
use ocop_core::{Answer, Catalog, InputErrors, Lang, Level};
use serde::Serialize;

use crate::Outcome;
use crate::catalog::today;
use crate::input::{read, report};
use crate::render::{WIDTH, say, wrap};

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
    /// Print JSON.
    #[arg(long)]
    json: bool,
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
        /// Print JSON.
        #[arg(long)]
        json: bool,
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
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub(crate) struct DossierArgs {
    /// Day the dossier was filed.
    #[arg(long)]
    filed: Date,
    /// first, upgrade or reevaluation.
    #[arg(long, default_value = "first", value_parser = parse_id::<DossierKind>)]
    kind: DossierKind,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub(crate) struct PortfolioArgs {
    /// Products CSV (`-` for standard input); see `docs/portfolio.md` for the columns.
    file: String,
    /// Plan targets JSON, or `ha-tinh-2023-2025` for the bundled example.
    #[arg(long)]
    targets: Option<String>,
    /// The day of the report (default: today).
    #[arg(long)]
    on: Option<Date>,
    /// List certificates expiring within this many days.
    #[arg(long, default_value_t = 180)]
    within: u32,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Parses a value by its JSON id (`province`, `mark_misused`…), so the command line takes the
/// same words as the JSON formats.
fn parse_id<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| e.to_string())
}

fn print_json<T: Serialize>(value: &T) -> Result<(), String> {
    println!(
        "{}",
        serde_json::to_string_pretty(value).map_err(|e| e.to_string())?
    );
    Ok(())
}

/// Prints a result (JSON or lines) or reports the errors.
fn answer<T: Serialize>(
    result: Result<T, InputErrors>,
    json: bool,
    lang: Lang,
    lines: impl Fn(&T) -> Vec<String>,
) -> Result<Outcome, String> {
    match result {
        Ok(value) => {
            if json {
                print_json(&Answer::Success { result: &value })?;
            } else {
                for l in lines(&value) {
                    println!("{l}");
                }
            }
            Ok(Outcome::Ok)
        }
        Err(errors) => {
            if json {
                print_json(&Answer::<()>::from(Err(errors.clone())))?;
            }
            report(&errors, "", lang);
            Ok(Outcome::InputRefused)
        }
    }
}

fn date(d: Date) -> String {
    d.strftime("%d/%m/%Y").to_string()
}

pub(crate) fn run_certificate(args: &CertificateArgs, lang: Lang) -> Result<Outcome, String> {
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
    answer(
        Catalog::builtin().certificate(&input),
        args.json,
        lang,
        |s| {
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
        },
    )
}

pub(crate) fn run_code(args: &CodeArgs, lang: Lang) -> Result<Outcome, String> {
    let catalog = Catalog::builtin();
    match &args.action {
        CodeAction::Parse {
            code,
            edition,
            json,
        } => answer(
            catalog.parse_product_code(code, edition.as_deref(), None),
            *json,
            lang,
            |c| {
                let mut out = vec![format!("{} ({})", c.formatted, c.edition)];
                for s in &c.segments {
                    out.push(format!(
                        "  {:<9} {}",
                        serde_json::to_value(s.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default(),
                        s.value
                    ));
                }
                out
            },
        ),
        CodeAction::Format {
            edition,
            province,
            area,
            sequence,
            year,
        } => answer(
            catalog.format_product_code(edition, province, area, *sequence, *year),
            false,
            lang,
            |c| vec![c.clone()],
        ),
    }
}

pub(crate) fn run_rounds(args: &RoundsArgs, lang: Lang) -> Result<Outcome, String> {
    let catalog = Catalog::builtin();
    let day = args.submitted.unwrap_or_else(today);
    let level = args.level;
    let result = if args.next {
        catalog.next_round(day, level)
    } else {
        catalog.round_for_submission(day, level)
    };
    answer(result, args.json, lang, |r| {
        wrap(r.note.get(lang), WIDTH, 2)
    })
}

pub(crate) fn run_dossier(args: &DossierArgs, lang: Lang) -> Result<Outcome, String> {
    answer(
        Catalog::builtin().dossier_rules(args.filed, args.kind),
        args.json,
        lang,
        |r| {
            let mut out = vec![format!(
                "{}: {}",
                say(lang, "Áp dụng bộ tiêu chí", "Evaluated under"),
                r.edition
            )];
            if let Some(d) = r.finish_by {
                out.push(format!(
                    "{}: {} ({})",
                    say(lang, "Hoàn thành chậm nhất", "Finish by"),
                    date(d),
                    r.basis.as_deref().unwrap_or_default()
                ));
            }
            out
        },
    )
}

pub(crate) fn run_portfolio(args: &PortfolioArgs, lang: Lang) -> Result<Outcome, String> {
    let catalog = Catalog::builtin();
    let targets = match args.targets.as_deref() {
        None => None,
        Some("ha-tinh-2023-2025") => Some(TargetSet::ha_tinh_2023_2025()),
        Some(path) => match TargetSet::from_json(&read(path)?) {
            Ok(t) => Some(t),
            Err(errors) => {
                report(&errors, &format!("{path}: "), lang);
                return Ok(Outcome::InputRefused);
            }
        },
    };
    let text = read(&args.file)?;
    let (products, bad) = match read_products_csv(&text) {
        Ok(x) => x,
        Err(errors) => {
            report(&errors, &format!("{}: ", args.file), lang);
            return Ok(Outcome::InputRefused);
        }
    };
    let refused = !bad.is_empty();
    for row in &bad {
        report(
            &InputErrors(row.errors.clone()),
            &format!("{} line {}: ", args.file, row.line),
            lang,
        );
    }
    let on = args.on.unwrap_or_else(today);
    let r = match catalog.portfolio(&products, bad, on, args.within, targets.as_ref()) {
        Ok(r) => r,
        Err(errors) => {
            report(&errors, "targets: ", lang);
            return Ok(Outcome::InputRefused);
        }
    };
    if args.json {
        print_json(&Answer::Success { result: &r })?;
    } else {
        println!(
            "{} {} · {} {} · {} {}",
            say(lang, "Ngày", "On"),
            date(r.on),
            say(lang, "sản phẩm", "products"),
            r.products,
            say(lang, "giấy chứng nhận còn hiệu lực", "valid certificates"),
            r.valid_certificates
        );
        let line = |title: String, counts: &[ocop_core::portfolio::Count]| {
            let parts: Vec<String> = counts
                .iter()
                .map(|c| {
                    format!(
                        "{} {} ({}%)",
                        c.name
                            .as_ref()
                            .map_or(c.key.clone(), |n| n.get(lang).to_owned()),
                        c.count,
                        c.percent
                    )
                })
                .collect();
            wrap(&format!("{title}: {}", parts.join(" · ")), WIDTH, 2)
        };
        let by_stars: Vec<_> = r
            .by_stars
            .iter()
            .map(|c| ocop_core::portfolio::Count {
                key: format!("{}★", c.key),
                ..c.clone()
            })
            .collect();
        for l in line(say(lang, "Theo hạng sao", "By stars"), &by_stars) {
            println!("{l}");
        }
        for l in line(say(lang, "Theo nhóm", "By group"), &r.by_group) {
            println!("{l}");
        }
        for l in line(
            say(lang, "Theo loại chủ thể", "By subject type"),
            &r.by_subject_type,
        ) {
            println!("{l}");
        }
        println!(
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
        );
        println!(
            "{} ({} {}):",
            say(lang, "Sắp hết hạn", "Expiring"),
            r.expiring_within_days,
            say(lang, "ngày", "days")
        );
        for e in &r.expiring {
            println!(
                "  {} — {} ({} {})",
                e.product,
                date(e.expires_on),
                e.days_left,
                say(lang, "ngày", "days")
            );
        }
        for t in &r.targets {
            println!("{} {}", if t.met { "✓" } else { "✗" }, t.message.get(lang));
        }
    }
    Ok(if refused {
        Outcome::InputRefused
    } else {
        Outcome::Ok
    })
}
