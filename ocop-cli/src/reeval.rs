//! `ocop carry-over` (re-evaluation under the new rules) and `ocop stamp` (result codes).

use clap::{Args, Subcommand};
use jiff::civil::Date;
use ocop_core::carry_over::{CarriedCriterion, CarryOver, CarryOverRequest, CarryStatus};
use ocop_core::result_code::{Claimant, SignatureStatus, Verification, VerifyRequest};
use ocop_core::{Catalog, Choice, Evaluation, Input, Lang};

use crate::catalog::today;
use crate::office::certificate_lines;
use crate::output::{answer, print_json, read, report};
use crate::render::{WIDTH, date, say, stars, wrap};
use crate::{Exit, Format, Out};

const EXAMPLE_148: &str = include_str!("example-148.json");

#[derive(Args)]
pub(crate) struct CarryOverArgs {
    /// The evaluation under 148 (JSON file, `-` for standard input).
    #[arg(required_unless_present = "example")]
    file: Option<String>,
    /// Carry over the bundled example: the CLI's fish sauce (set 9) as scored under 148.
    #[arg(long)]
    example: bool,
    /// Edition to carry it to (default: the one that replaced the evaluation's).
    #[arg(long)]
    to: Option<String>,
    /// The certificate's day of issue: prints its expiry and re-evaluation window.
    #[arg(long)]
    issued: Option<Date>,
    /// The day to judge the certificate on (default: today in Vietnam).
    #[arg(long)]
    on: Option<Date>,
}

#[derive(Args)]
pub(crate) struct StampArgs {
    #[command(subcommand)]
    action: StampAction,
}

#[derive(Subcommand)]
enum StampAction {
    /// Make the result code of an evaluation (JSON file, `-` for standard input).
    Make {
        /// The evaluation.
        file: String,
    },
    /// Check a result code: recompute its result and the stars it claims.
    Verify {
        /// The code, e.g. OCOP-B…
        code: String,
        /// The stars printed beside the code, to check as well.
        #[arg(long)]
        stars: Option<u8>,
    },
    /// Print the scoring rules of a sheet that result codes hash, and their SHA-256.
    Rules {
        /// Edition id.
        #[arg(long, default_value = "26/2026")]
        edition: String,
        /// Product set (1–26).
        #[arg(long)]
        set: u8,
    },
}

pub(crate) fn run_carry_over(args: &CarryOverArgs, out: Out) -> Result<Exit, String> {
    let (name, text) = match (&args.file, args.example) {
        (_, true) => ("example".to_owned(), EXAMPLE_148.to_owned()),
        (Some(path), false) => (path.clone(), read(path)?),
        (None, false) => return Err("give an evaluation file, `-`, or --example".into()),
    };
    let evaluation = match Evaluation::from_json(&text) {
        Ok(e) => e,
        Err(errors) => {
            let errors = Err(errors.under("/evaluation"));
            return answer::<()>(errors, &format!("{name}: "), out, |_| Ok(String::new()));
        }
    };
    let request = CarryOverRequest {
        evaluation,
        to: args.to.clone(),
        issued_on: args.issued,
        on: args.issued.map(|_| args.on.unwrap_or_else(today)),
    };
    let result = Catalog::builtin().carry_over(&request);
    answer(result, &format!("{name}: "), out, |c| {
        carry_over_page(c, out.lang)
    })
}

fn carry_over_page(c: &CarryOver, lang: Lang) -> Result<String, String> {
    let catalog = Catalog::builtin();
    let new = catalog
        .find_edition(&c.edition)
        .and_then(|e| e.find_sheet(c.product_set))
        .map_err(|e| e.to_string())?;
    let old = catalog
        .find_edition(&c.previous_edition)
        .and_then(|e| e.find_sheet(c.product_set))
        .map_err(|e| e.to_string())?;
    let set_name = new
        .product_set()
        .map_or_else(String::new, |s| s.name.get(lang).to_owned());
    let star_range = |s: Option<u8>| s.map_or_else(|| "–".to_owned(), stars);
    let mut out = wrap(
        &format!(
            "{set_name} — {} {}: {} → {}",
            say(lang, "bộ sản phẩm", "product set"),
            c.product_set,
            c.previous_edition,
            c.edition
        ),
        WIDTH,
        2,
    );
    out.push(format!(
        "{}: {} {} {} · {}: {}–{} {}, {}–{} ({} {})",
        say(lang, "Trước đây", "Before"),
        c.previous_total,
        say(lang, "điểm", "points"),
        star_range(c.previous_stars),
        say(lang, "Có thể đạt", "Reachable"),
        c.reachable.lowest.total,
        c.reachable.highest.total,
        say(lang, "điểm", "points"),
        star_range(c.reachable.lowest.stars),
        star_range(c.reachable.highest.stars),
        c.reachable.unanswered,
        say(lang, "tiêu chí cần chấm lại", "criteria to answer")
    ));
    let name = |code: &str| {
        new.criterion_by_code(code)
            .map_or(String::new(), |x| x.name.get(lang).to_owned())
    };
    for (status, title) in [
        (
            CarryStatus::Carried,
            say(
                lang,
                "Giữ nguyên câu trả lời và điểm",
                "Carried as they were",
            ),
        ),
        (
            CarryStatus::Rescored,
            say(
                lang,
                "Giữ câu trả lời, tính theo điểm hoặc dấu sao mới",
                "Carried, scored under new points or markers",
            ),
        ),
        (
            CarryStatus::ToAnswer,
            say(lang, "Cần chấm lại", "To answer afresh"),
        ),
    ] {
        let lines: Vec<&CarriedCriterion> =
            c.criteria.iter().filter(|x| x.status == status).collect();
        if lines.is_empty() {
            continue;
        }
        out.push(String::new());
        out.push(format!("{title} ({})", lines.len()));
        for x in lines {
            out.extend(wrap(&criterion_line(x, &name(&x.code), lang), WIDTH, 4));
            if let Some(d) = &x.doubt {
                out.extend(wrap(&format!("    ? {d}"), WIDTH, 6));
            }
        }
    }
    if !c.dropped.is_empty() {
        out.push(String::new());
        let dropped: Vec<String> = c
            .dropped
            .iter()
            .map(|code| {
                let name = old.criterion_by_code(code).map_or("", |x| x.name.get(lang));
                format!("{code} {name}")
            })
            .collect();
        out.extend(wrap(
            &format!(
                "{} {}: {}",
                say(lang, "Bỏ khỏi", "Dropped from"),
                c.previous_edition,
                dropped.join("; ")
            ),
            WIDTH,
            2,
        ));
    }
    if let Some(s) = &c.certificate {
        out.push(String::new());
        out.extend(certificate_lines(s, lang));
    }
    if !c.warnings.is_empty() {
        out.push(String::new());
        for w in &c.warnings {
            let why = old.provisional.as_ref().map_or("", |p| p.reason.as_str());
            out.extend(wrap(&format!("! {}: {why}", w.code), WIDTH, 2));
        }
    }
    Ok(out.join("\n"))
}

fn criterion_line(x: &CarriedCriterion, name: &str, lang: Lang) -> String {
    let from = x
        .previous_code
        .as_ref()
        .map_or_else(|| say(lang, "mới", "new"), |f| format!("← {f}"));
    let changes: Vec<&str> = x.changes.iter().map(|a| a.wire()).collect();
    let changes = if changes.is_empty() {
        String::new()
    } else {
        format!(" ({})", changes.join(", "))
    };
    let answer = match x.status {
        CarryStatus::ToAnswer => match (x.previous_option, x.previous_points) {
            (Some(o), Some(p)) => format!(
                "{} {o}, {p} {}",
                say(lang, "trước: phương án", "was option"),
                points_word(lang, u32::from(p))
            ),
            (None, Some(_)) => say(lang, "trước: không có phương án", "was: no option"),
            _ => String::new(),
        },
        _ => {
            let option = x.option.map_or_else(
                || say(lang, "không có phương án", "no option"),
                |o| format!("{} {o}", say(lang, "phương án", "option")),
            );
            match (x.previous_points, x.points) {
                (Some(a), Some(b)) if a != b => {
                    format!("{option}: {a} → {b} {}", points_word(lang, u32::from(b)))
                }
                (_, Some(b)) => format!("{option}: {b} {}", points_word(lang, u32::from(b))),
                _ => option,
            }
        }
    };
    let answer = if answer.is_empty() {
        answer
    } else {
        format!(" — {answer}")
    };
    format!("  {} {from} {name}{changes}{answer}", x.code)
}

/// "điểm" in Vietnamese; "point" or "points" in English.
fn points_word(lang: Lang, n: u32) -> String {
    say(lang, "điểm", if n == 1 { "point" } else { "points" })
}

pub(crate) fn run_stamp(args: &StampArgs, out: Out) -> Result<Exit, String> {
    let catalog = Catalog::builtin();
    let lang = out.lang;
    match &args.action {
        StampAction::Make { file } => {
            let result = Evaluation::from_json(&read(file)?).and_then(|e| catalog.result_code(&e));
            answer(result, &format!("{file}: "), out, |r| {
                Ok(format!(
                    "{}\n{} · {} {} · {} {} · {} · {} {}",
                    r.code,
                    r.edition,
                    say(lang, "bộ sản phẩm", "product set"),
                    r.product_set,
                    r.total,
                    say(lang, "điểm", "points"),
                    r.stars
                        .map_or_else(|| say(lang, "không xếp hạng", "not rated"), stars),
                    r.code.len(),
                    say(lang, "ký tự", "characters")
                ))
            })
        }
        StampAction::Verify { code, stars } => {
            let request = VerifyRequest {
                code: code.clone(),
                claimed_stars: *stars,
            };
            let result = catalog.verify_result_code(&request);
            let exit = answer(result.clone(), "", out, |v| Ok(verification_page(v, lang)))?;
            // A code whose stars do not follow is answered, but is not a success.
            Ok(match result {
                Ok(v) if !v.holds => Exit::InputRefused,
                _ => exit,
            })
        }
        StampAction::Rules { edition, set } => {
            let sheet = catalog
                .find_edition(edition)
                .and_then(|e| e.find_sheet(*set));
            match (sheet, out.format) {
                (Err(e), _) => {
                    report(&e.into(), "", lang);
                    Ok(Exit::InputRefused)
                }
                (Ok(s), Format::Json) => {
                    print_json(&serde_json::json!({
                        "fingerprint": s.rules_fingerprint(),
                        "rules": serde_json::from_str::<serde_json::Value>(&s.rules_json()).unwrap_or_default(),
                    }))?;
                    Ok(Exit::Answered)
                }
                (Ok(s), Format::Table) => {
                    outln!("{}\n{}", s.rules_fingerprint(), s.rules_json());
                    Ok(Exit::Answered)
                }
            }
        }
    }
}

fn verification_page(v: &Verification, lang: Lang) -> String {
    let r = &v.report;
    let star_text =
        |s: Option<u8>| s.map_or_else(|| say(lang, "không xếp hạng", "not rated"), stars);
    let mut out = vec![if v.holds {
        say(
            lang,
            "✓ Số sao khớp với các câu trả lời theo quy định.",
            "✓ The stars follow from the answers under the rules.",
        )
    } else {
        say(
            lang,
            "✗ Số sao KHÔNG khớp với các câu trả lời.",
            "✗ The stars do NOT follow from the answers.",
        )
    }];
    for m in &v.mismatches {
        let who = match m.claimed_by {
            Claimant::Code => say(lang, "mã ghi", "the code claims"),
            Claimant::Stamp => say(lang, "tem ghi", "the stamp claims"),
        };
        out.push(format!(
            "  {who} {}, {} {}",
            star_text(m.claimed),
            say(lang, "tính lại được", "recomputed"),
            star_text(m.recomputed)
        ));
    }
    out.push(format!(
        "{} · {} {} · {} · {} {}/{} · {}",
        r.edition.id,
        say(lang, "bộ sản phẩm", "product set"),
        r.product_set,
        r.subject_type.wire(),
        say(lang, "tổng điểm", "total"),
        r.total,
        r.max_total,
        star_text(r.stars)
    ));
    if let Some(d) = v.evaluation.evaluated_on {
        out.push(format!(
            "{} {}",
            say(lang, "Ngày đánh giá", "Evaluated on"),
            date(d)
        ));
    }
    out.extend(wrap(
        &say(
            lang,
            "Mã chỉ chứng minh số sao khớp với quy định chấm điểm, không chứng minh ai đã cấp.",
            "The code proves consistency with the scoring rules, not who issued it.",
        ),
        WIDTH,
        2,
    ));
    if v.signature == SignatureStatus::NotChecked {
        out.push(say(
            lang,
            "Có chữ ký kèm theo: thư viện không kiểm tra chữ ký.",
            "A signature follows the code: this library does not check signatures.",
        ));
    }
    out.join("\n")
}
