//! `ocop score`, `council`, `plan` and `compare`.

use clap::Args;
use ocop_core::{Answer, Catalog, CouncilInput, Evaluation, InputErrors, Lang};
use serde::Serialize;

use crate::input::{read, report};
use crate::render::{self, WIDTH, say, stars, wrap};
use crate::{Format, Outcome};

const EXAMPLE: &str = include_str!("example.json");

#[derive(Args)]
pub(crate) struct ScoreArgs {
    /// Evaluation JSON file (`-` for standard input); a JSON array scores a batch.
    #[arg(required_unless_present = "example")]
    file: Option<String>,
    /// Score the bundled example (a fish-sauce cooperative, product set 9).
    #[arg(long)]
    example: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// With the table: also print the smallest plan to reach the next star.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    plan: bool,
}

#[derive(Args)]
pub(crate) struct CouncilArgs {
    /// One evaluation JSON per member, or a single council JSON (with `members`).
    #[arg(required = true)]
    files: Vec<String>,
    /// Largest allowed difference between members' totals (e.g. 10).
    #[arg(long)]
    max_spread: Option<u8>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(Args)]
pub(crate) struct PlanArgs {
    /// Evaluation JSON file (`-` for standard input).
    file: String,
    /// The star to reach (default: one more than now).
    #[arg(long)]
    target: Option<u8>,
    /// Change only these criteria (comma-separated codes); prints the best reachable star.
    #[arg(long, value_delimiter = ',')]
    only: Option<Vec<String>>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(Args)]
pub(crate) struct CompareArgs {
    /// The producer's self-assessment (an evaluation JSON).
    self_assessment: String,
    /// The council's sheet (an evaluation JSON) or a council JSON (with `members`).
    council: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

fn print_json<T: Serialize>(value: &T) -> Result<(), String> {
    println!(
        "{}",
        serde_json::to_string_pretty(value).map_err(|e| e.to_string())?
    );
    Ok(())
}

pub(crate) fn run_score(args: &ScoreArgs, lang: Lang) -> Result<Outcome, String> {
    let (name, text) = match (&args.file, args.example) {
        (_, true) => ("example".to_owned(), EXAMPLE.to_owned()),
        (Some(path), false) => (path.clone(), read(path)?),
        (None, false) => return Err("give an evaluation file, `-`, or --example".into()),
    };
    let catalog = Catalog::builtin();
    let is_batch = text.trim_start().starts_with('[');
    let evaluations = if is_batch {
        match Evaluation::batch_from_json(&text) {
            Ok(items) => items,
            Err(errors) => return refuse(&errors, &name, args.format, lang),
        }
    } else {
        vec![Evaluation::from_json(&text)]
    };
    let mut answers = Vec::new();
    let mut refused = false;
    for (i, evaluation) in evaluations.iter().enumerate() {
        let answer: Answer<_> = evaluation.clone().and_then(|e| catalog.score(&e)).into();
        if let Answer::Failure { errors } = &answer {
            refused = true;
            let context = if is_batch {
                format!("{name} item {i}: ")
            } else {
                format!("{name}: ")
            };
            report(&InputErrors(errors.clone()), &context, lang);
        }
        if let (Format::Table, Answer::Success { result }, Ok(e)) =
            (args.format, &answer, evaluation)
        {
            if i > 0 {
                println!("\n{}\n", "─".repeat(WIDTH));
            }
            println!("{}", render::score_report(result, lang));
            let below_top = result.stars.as_ref().is_some_and(|s| s.star < 5);
            if let (true, Ok(plan)) = (args.plan && below_top, catalog.plan(e, None, None)) {
                println!("\n{}", render::plan(&plan, lang));
            }
        }
        answers.push(answer);
    }
    if args.format == Format::Json {
        match answers.as_slice() {
            [one] if !is_batch => print_json(one)?,
            all => print_json(&all)?,
        }
    }
    Ok(if refused {
        Outcome::InputRefused
    } else {
        Outcome::Ok
    })
}

pub(crate) fn run_council(args: &CouncilArgs, lang: Lang) -> Result<Outcome, String> {
    let catalog = Catalog::builtin();
    let input = match council_input(&args.files) {
        Ok(mut input) => {
            if args.max_spread.is_some() {
                input.rules.max_spread = args.max_spread;
            }
            input
        }
        Err(errors) => return refuse(&errors, "council", args.format, lang),
    };
    match catalog.council(&input) {
        Err(errors) => refuse(&errors, "council", args.format, lang),
        Ok(r) => {
            if args.format == Format::Json {
                print_json(&Answer::Success { result: &r })?;
                return Ok(Outcome::Ok);
            }
            println!("{}", render::score_report(&r.result, lang));
            println!();
            println!("{}", say(lang, "Thành viên hội đồng:", "Council members:"));
            for (i, m) in r.members.iter().enumerate() {
                let name = m.name.clone().unwrap_or_else(|| format!("#{}", i + 1));
                let chair = if m.chair {
                    say(lang, " (chủ tịch)", " (chair)")
                } else {
                    String::new()
                };
                println!("  {name}{chair}: {}/100 {}", m.total, stars(m.stars));
            }
            println!(
                "{} {}/{} = {} · {} {}{}",
                say(lang, "Trung bình", "Mean"),
                r.sum_of_totals,
                r.member_count,
                r.mean,
                say(lang, "chênh lệch", "spread"),
                r.spread,
                if r.spread_exceeded {
                    say(lang, " (vượt mức cho phép)", " (over the limit)")
                } else {
                    String::new()
                }
            );
            for d in &r.disagreements {
                let points: Vec<String> = d.points.iter().map(u8::to_string).collect();
                println!(
                    "{}",
                    wrap(
                        &format!(
                            "  ≠ {} {}: {}",
                            d.code,
                            d.name.get(lang),
                            points.join(" / ")
                        ),
                        WIDTH,
                        6
                    )
                    .join("\n")
                );
            }
            Ok(Outcome::Ok)
        }
    }
}

fn council_input(files: &[String]) -> Result<CouncilInput, InputErrors> {
    let read_one = |path: &String| {
        read(path).map_err(|e| InputErrors::one(ocop_core::ErrorCode::InvalidJson, "", e))
    };
    if let [only] = files {
        let text = read_one(only)?;
        if serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .is_some_and(|v| v.get("members").is_some())
        {
            return CouncilInput::from_json(&text);
        }
    }
    let mut evaluations = Vec::new();
    let mut errors = Vec::new();
    for (i, path) in files.iter().enumerate() {
        match read_one(path).and_then(|t| Evaluation::from_json(&t)) {
            Ok(e) => evaluations.push((member_name(path), e)),
            Err(e) => errors.extend(e.under(&format!("/members/{i}")).0),
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors));
    }
    CouncilInput::from_evaluations(&evaluations)
}

fn member_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned())
}

fn refuse(
    errors: &InputErrors,
    context: &str,
    format: Format,
    lang: Lang,
) -> Result<Outcome, String> {
    if format == Format::Json {
        print_json(&Answer::<()>::from(Err(errors.clone())))?;
    }
    report(errors, &format!("{context}: "), lang);
    Ok(Outcome::InputRefused)
}

pub(crate) fn run_plan(args: &PlanArgs, lang: Lang) -> Result<Outcome, String> {
    let text = read(&args.file)?;
    let catalog = Catalog::builtin();
    let result = Evaluation::from_json(&text).and_then(|e| match &args.only {
        Some(only) if args.target.is_none() => catalog.best_reachable(&e, only),
        only => catalog.plan(&e, args.target, only.as_deref()),
    });
    match result {
        Err(errors) => refuse(&errors, &args.file, args.format, lang),
        Ok(plan) => {
            if args.format == Format::Json {
                print_json(&Answer::Success { result: &plan })?;
            } else {
                println!("{}", render::plan(&plan, lang));
            }
            Ok(Outcome::Ok)
        }
    }
}

pub(crate) fn run_compare(args: &CompareArgs, lang: Lang) -> Result<Outcome, String> {
    let catalog = Catalog::builtin();
    let own = read(&args.self_assessment)?;
    let other = read(&args.council)?;
    let result = Evaluation::from_json(&own)
        .map_err(|e| e.under("/selfAssessment"))
        .and_then(|own| {
            if serde_json::from_str::<serde_json::Value>(&other)
                .ok()
                .is_some_and(|v| v.get("members").is_some())
            {
                catalog.compare_with_council(
                    &own,
                    &CouncilInput::from_json(&other).map_err(|e| e.under("/council"))?,
                )
            } else {
                catalog.compare(
                    &own,
                    &Evaluation::from_json(&other).map_err(|e| e.under("/council"))?,
                )
            }
        });
    match result {
        Err(errors) => refuse(&errors, "compare", args.format, lang),
        Ok(c) => {
            if args.format == Format::Json {
                print_json(&Answer::Success { result: &c })?;
                return Ok(Outcome::Ok);
            }
            let s = |x: Option<u8>| x.map_or_else(|| "–".to_owned(), stars);
            println!(
                "{} {} {} · {} {} {} · {} +{} / −{}",
                say(lang, "Tự đánh giá", "Self-assessment"),
                c.self_total,
                s(c.self_stars),
                say(lang, "Hội đồng", "Council"),
                c.council_total,
                s(c.council_stars),
                say(lang, "chênh lệch", "difference"),
                c.points_overclaimed,
                c.points_underclaimed
            );
            for d in &c.differences {
                println!(
                    "{}",
                    wrap(
                        &format!(
                            "  {} {}: {} → {} ({})",
                            d.code,
                            d.name.get(lang),
                            d.self_points,
                            d.council_points,
                            d.at_stake
                        ),
                        WIDTH,
                        6
                    )
                    .join("\n")
                );
            }
            Ok(Outcome::Ok)
        }
    }
}
