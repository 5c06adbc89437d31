//! `ocop score`, `council`, `plan` and `compare`.

use clap::Args;
use ocop_core::explain::Languages;
use ocop_core::{
    Catalog, CompareRequest, CouncilInput, CouncilOrSheet, CouncilReport, Evaluation, Input,
    InputErrors, Lang, PlanRequest, ScoreReport,
};
use serde_json::Value;

use crate::batch::{self, BatchArgs, InputKind, ReportKind};
use crate::output::{answer, read};
use crate::render::{self, WIDTH, say, stars, wrap};
use crate::tables::FileKind;
use crate::workbook;
use crate::{Exit, Out};

const EXAMPLE: &str = include_str!("example.json");

#[derive(Args)]
pub(crate) struct ScoreArgs {
    /// Evaluation file (`-` for standard input): one JSON evaluation, or a batch: a JSON
    /// array, JSON Lines (.jsonl), CSV (.csv, one evaluation per row) or a spreadsheet (.xlsx).
    #[arg(required_unless_present = "example")]
    file: Option<String>,
    /// The input's layout when its name does not tell (default: JSON).
    #[arg(long, value_enum)]
    input: Option<InputKind>,
    /// Write a batch's answers to this file: .csv or .xlsx (a summary per product), .jsonl or
    /// .json.
    #[arg(long, short)]
    out: Option<String>,
    /// For a batch: a summary per product, or the full report of each.
    #[arg(long, value_enum, default_value = "summary")]
    report: ReportKind,
    /// Score on this many threads (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
    /// Score the bundled example (a fish-sauce cooperative, product set 9).
    #[arg(long)]
    example: bool,
    /// On the page: also print the smallest plan to reach the next star.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    plan: bool,
}

#[derive(Args)]
pub(crate) struct CouncilArgs {
    /// One evaluation JSON per member, a single council JSON (with `members`), or a filled
    /// council workbook (.xlsx, from `ocop council-workbook`).
    #[arg(required = true)]
    files: Vec<String>,
    /// Largest allowed difference between members' totals (e.g. 10).
    #[arg(long)]
    max_spread: Option<u8>,
}

#[derive(Args)]
pub(crate) struct PlanArgs {
    /// Evaluation JSON file (`-` for standard input).
    file: String,
    /// The star to reach (default: one more than now).
    #[arg(long)]
    target: Option<u8>,
    /// Change only these criteria (comma-separated codes); without --target, prints the best
    /// star reachable.
    #[arg(long, value_delimiter = ',')]
    only: Option<Vec<String>>,
}

#[derive(Args)]
pub(crate) struct CompareArgs {
    /// The producer's self-assessment (an evaluation JSON).
    self_assessment: String,
    /// The council's sheet (an evaluation JSON) or a council JSON (with `members`).
    council: String,
}

/// The labels in the language of the page.
fn languages(lang: Lang) -> Languages {
    match lang {
        Lang::Vi => Languages::Vi,
        Lang::En => Languages::En,
    }
}

/// A report as a page: the labelled sheet (and the plan to the next star).
pub(crate) fn page(
    report: &ScoreReport,
    lang: Lang,
    with_plan: Option<&Evaluation>,
) -> Result<String, String> {
    let catalog = Catalog::builtin();
    let x = catalog
        .explain(report, languages(lang))
        .map_err(|e| e.to_string())?;
    let sheet = catalog
        .find_edition(&report.edition.id)
        .and_then(|e| e.find_sheet(report.product_set))
        .map_err(|e| e.to_string())?;
    let mut text = render::score_report(&x, &sheet, lang);
    let below_top = report.stars.is_some_and(|s| s < 5);
    if let (Some(e), true) = (with_plan, below_top) {
        let request = PlanRequest {
            evaluation: e.clone(),
            target_star: None,
            only_criteria: None,
        };
        if let Ok(plan) = catalog
            .plan(&request)
            .and_then(|p| catalog.explain_plan(&p, languages(lang)))
        {
            text.push_str("\n\n");
            text.push_str(&render::plan(&plan, lang));
        }
    }
    Ok(text)
}

pub(crate) fn run_score(args: &ScoreArgs, out: Out) -> Result<Exit, String> {
    let path = match (&args.file, args.example) {
        (_, true) => None,
        (Some(path), false) => Some(path.as_str()),
        (None, false) => return Err("give an evaluation file, `-`, or --example".into()),
    };
    let kind = path.map(|p| batch::input_kind(p, args.input));
    if let Some(path) = path.filter(|_| kind != Some(InputKind::Json) || args.out.is_some()) {
        return batch::run(
            &BatchArgs {
                name: path,
                input: kind.unwrap_or(InputKind::Json),
                out: args.out.as_deref(),
                report: args.report,
                jobs: args.jobs,
                text: None,
            },
            out,
        );
    }
    let (name, text) = match path {
        None => ("example".to_owned(), EXAMPLE.to_owned()),
        Some(path) => (path.to_owned(), read(path)?),
    };
    if text.trim_start().starts_with('[') {
        // A JSON array is a batch: read it again as one (its size was checked above).
        return batch::run(
            &BatchArgs {
                name: &name,
                input: InputKind::Json,
                out: None,
                report: args.report,
                jobs: args.jobs,
                text: Some(text),
            },
            out,
        );
    }
    let evaluation = Evaluation::from_json(&text);
    let plan_for = evaluation.as_ref().ok().filter(|_| args.plan).cloned();
    let result = evaluation.and_then(|e| Catalog::builtin().score(&e));
    answer(result, &format!("{name}: "), out, |r| {
        page(r, out.lang, plan_for.as_ref())
    })
}

pub(crate) fn run_council(args: &CouncilArgs, out: Out) -> Result<Exit, String> {
    if let [only] = args.files.as_slice() {
        if FileKind::of(only) == Some(FileKind::Xlsx) {
            return council_from_workbook(only, args, out);
        }
    }
    let input = council_input(&args.files)?.map(|mut input| {
        if args.max_spread.is_some() {
            input.rules.max_spread = args.max_spread;
        }
        input
    });
    let lang = out.lang;
    answer(
        input.and_then(|i| Catalog::builtin().council(&i)),
        "council: ",
        out,
        |r| council_page(r, lang),
    )
}

/// A filled council workbook: every bad cell reported by sheet and cell, else the council.
fn council_from_workbook(path: &str, args: &CouncilArgs, out: Out) -> Result<Exit, String> {
    let read = workbook::read_workbook(path)?;
    let mut errors = read.errors;
    let Some(mut input) = read.council else {
        return workbook::report(&errors, path, out);
    };
    if args.max_spread.is_some() {
        input.rules.max_spread = args.max_spread;
    }
    match Catalog::builtin().council(&input) {
        Ok(r) if errors.is_empty() => answer(Ok(r), "", out, |r| council_page(r, out.lang)),
        Ok(_) => workbook::report(&errors, path, out),
        Err(found) => {
            // A cell left out for being unreadable is not reported again as missing.
            let unread: Vec<String> = errors.iter().map(|e| e.error.path.clone()).collect();
            errors.extend(
                read.cells
                    .locate(found)
                    .into_iter()
                    .filter(|e| !unread.contains(&e.error.path)),
            );
            workbook::report(&errors, path, out)
        }
    }
}

/// A council's result as a page: the labelled sheet on the members' mean, each member's
/// total, the spread and the criteria on which members differ.
fn council_page(r: &CouncilReport, lang: Lang) -> Result<String, String> {
    let mut text = vec![page(&r.result, lang, None)?, String::new()];
    text.push(say(lang, "Thành viên hội đồng:", "Council members:"));
    for (i, m) in r.members.iter().enumerate() {
        let name = m.name.clone().unwrap_or_else(|| format!("#{}", i + 1));
        let chair = if m.chair {
            say(lang, " (chủ tịch)", " (chair)")
        } else {
            String::new()
        };
        text.push(format!(
            "  {name}{chair}: {}/100 {}",
            m.total,
            stars(m.stars)
        ));
    }
    text.push(format!(
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
    ));
    let sheet = Catalog::builtin()
        .find_edition(&r.result.edition.id)
        .and_then(|e| e.find_sheet(r.result.product_set))
        .map_err(|e| e.to_string())?;
    for d in &r.disagreements {
        let points: Vec<String> = d.points.iter().map(u8::to_string).collect();
        let name = sheet
            .criterion_by_code(&d.code)
            .map_or("", |c| c.name.get(lang));
        text.extend(wrap(
            &format!("  ≠ {} {name}: {}", d.code, points.join(" / ")),
            WIDTH,
            6,
        ));
    }
    Ok(text.join("\n"))
}

/// One council file (with `members`), or one evaluation file per member.
fn council_input(files: &[String]) -> Result<Result<CouncilInput, InputErrors>, String> {
    if let [only] = files {
        let text = read(only)?;
        if serde_json::from_str::<Value>(&text)
            .ok()
            .is_some_and(|v| CouncilOrSheet::is_council(&v))
        {
            return Ok(CouncilInput::from_json(&text));
        }
    }
    let mut evaluations = Vec::new();
    let mut errors = Vec::new();
    for (i, path) in files.iter().enumerate() {
        match Evaluation::from_json(&read(path)?) {
            Ok(e) => evaluations.push((member_name(path), e)),
            Err(e) => errors.extend(e.under(&format!("/members/{i}")).0),
        }
    }
    if !errors.is_empty() {
        return Ok(Err(InputErrors(errors)));
    }
    Ok(CouncilInput::from_evaluations(&evaluations))
}

fn member_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned())
}

pub(crate) fn run_plan(args: &PlanArgs, out: Out) -> Result<Exit, String> {
    let text = read(&args.file)?;
    let catalog = Catalog::builtin();
    let result = Evaluation::from_json(&text)
        .map_err(|e| e.under("/evaluation"))
        .and_then(|evaluation| {
            catalog.plan(&PlanRequest {
                evaluation,
                target_star: args.target,
                only_criteria: args.only.clone(),
            })
        });
    let lang = out.lang;
    answer(result, &format!("{}: ", args.file), out, |plan| {
        let x = catalog
            .explain_plan(plan, languages(lang))
            .map_err(|e| e.to_string())?;
        Ok(render::plan(&x, lang))
    })
}

pub(crate) fn run_compare(args: &CompareArgs, out: Out) -> Result<Exit, String> {
    let own = Evaluation::from_json(&read(&args.self_assessment)?)
        .map_err(|e| e.under("/selfAssessment"));
    let text = read(&args.council)?;
    let council = serde_json::from_str::<Value>(&text)
        .map_err(|e| InputErrors::at("/council", ocop_core::Problem::InvalidJson(e.to_string())))
        .and_then(|v| CouncilOrSheet::from_json_value(&v).map_err(|e| e.under("/council")));
    let result = match (own, council) {
        (Ok(self_assessment), Ok(council)) => Catalog::builtin().compare(&CompareRequest {
            self_assessment,
            council,
        }),
        (a, b) => Err(InputErrors(
            a.err()
                .into_iter()
                .chain(b.err())
                .flat_map(|e| e.0)
                .collect(),
        )),
    };
    let lang = out.lang;
    answer(result, "compare: ", out, |c| {
        let s = |x: Option<u8>| x.map_or_else(|| "–".to_owned(), stars);
        let mut text = vec![format!(
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
        )];
        let sheet = Catalog::builtin()
            .find_edition(&c.edition)
            .and_then(|e| e.find_sheet(c.product_set))
            .map_err(|e| e.to_string())?;
        for d in &c.differences {
            let name = sheet
                .criterion_by_code(&d.code)
                .map_or("", |x| x.name.get(lang));
            text.extend(wrap(
                &format!(
                    "  {} {name}: {} → {} ({})",
                    d.code, d.self_points, d.council_points, d.at_stake
                ),
                WIDTH,
                6,
            ));
        }
        Ok(text.join("\n"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_the_readmes_fish_sauce_cooperative() {
        let e = Evaluation::from_json(EXAMPLE).unwrap_or_else(|e| panic!("{e}"));
        let r = Catalog::builtin()
            .score(&e)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (r.total.to_string().as_str(), r.band, r.stars),
            ("75", Some(4), Some(3))
        );
        let text = page(&r, Lang::En, Some(&e)).unwrap_or_else(|e| panic!("{e}"));
        assert!(text.contains("B5.1"), "{text}");
        assert!(
            render::label(
                &Catalog::builtin()
                    .explain(&r, Languages::En)
                    .unwrap_or_else(|e| panic!("{e}"))
                    .summary
            )
            .contains("cap the result at 3 stars")
        );
    }
}
