//! `ocop`: the OCOP rules on the command line, for provincial officers and batch jobs.
//!
//! Every command prints a readable page by default and JSON with `--format json`. Input errors
//! print their code, the path of the bad field and a plain sentence; the exit code is 1 when any
//! input was refused (good items of a batch are still answered) and 2 for a bad command line.
#![forbid(unsafe_code)]

/// `print!` to standard output, except that a reader closing the pipe (`ocop … | head`) ends
/// the program quietly with success, as Unix tools do, where `print!` would panic.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::write_stdout(format_args!($($arg)*))
    };
}

/// `println!` through [`out!`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

mod batch;
mod catalog;
mod dossier;
mod form;
mod office;
mod output;
mod portfolio_tables;
mod reeval;
mod render;
mod score;
mod tables;
mod workbook;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use ocop_core::Lang;

#[derive(Parser)]
#[command(
    name = "ocop",
    version,
    about = "Vietnam's OCOP rules: browse the editions, score sheets, aggregate councils, follow certificates."
)]
struct Cli {
    /// Language of labels: vi (the regulation's words) or en (ours).
    #[arg(long, global = true, default_value = "vi", value_parser = parse_lang)]
    lang: Lang,
    /// Output: a readable page, or JSON for machines.
    #[arg(long, global = true, value_enum, default_value = "table")]
    format: Format,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Browse an edition: its product sets, a search, or one scoring sheet (--set).
    Catalog(catalog::CatalogArgs),
    /// Score an evaluation (JSON), or a batch of any size: CSV, JSON Lines, a spreadsheet or
    /// a JSON array, a summary per product.
    Score(score::ScoreArgs),
    /// Aggregate a council: one evaluation file per member, one council file, or a filled
    /// council workbook (.xlsx).
    Council(score::CouncilArgs),
    /// Write a council's scoring workbook (.xlsx) for a product set: a sheet per member with
    /// the printed criteria and options, each answer picked from a list.
    CouncilWorkbook(workbook::CouncilWorkbookArgs),
    /// The smallest set of upgrades that reaches the next star (or --target).
    Plan(score::PlanArgs),
    /// Compare a producer's self-assessment with the council's sheet or council file.
    Compare(score::CompareArgs),
    /// A certificate on a day: expiry, re-evaluation window, grace, revocation.
    Certificate(office::CertificateArgs),
    /// Which rules a dossier is evaluated under (--filed), what to file (`checklist`), or
    /// what a filed dossier lacks (`check`).
    Dossier(office::DossierArgs),
    /// The day a time limit ends, in working days (--working-days), days (--days) or for a
    /// step of the procedure (--step).
    Deadline(dossier::DeadlineArgs),
    /// The days off of a year: holidays, Tết, days in lieu and swapped days.
    Holidays(dossier::HolidaysArgs),
    /// Parse or write a registration slip number (Phiếu số …/PĐK-…).
    Slip(dossier::SlipArgs),
    /// Print a form as A4 HTML (--output) and PDF (--pdf): a member's sheet, the council's
    /// summary, Mẫu số 01, 02 or 03.
    Form(form::FormArgs),
    /// The evaluation round a proposal joins, or the next round.
    Rounds(office::RoundsArgs),
    /// Parse or write a product code.
    Code(office::CodeArgs),
    /// A portfolio of products (CSV or .xlsx): indicators and plan targets, also as tables.
    Portfolio(office::PortfolioArgs),
    /// Carry a 148 evaluation over to 26/2026: answers kept, criteria to answer, reachable stars.
    CarryOver(reeval::CarryOverArgs),
    /// Make or verify a result code (a stamp's QR code) that anyone can check offline.
    Stamp(reeval::StampArgs),
    /// Print the table of error and warning codes (Markdown).
    Errors,
}

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// A readable page.
    Table,
    /// JSON for machines: `{"type":"success","result":…}` or `{"type":"failure","errors":…}`.
    Json,
}

/// What every command needs to print.
#[derive(Clone, Copy)]
pub(crate) struct Out {
    pub(crate) lang: Lang,
    pub(crate) format: Format,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}` is not a language; use vi or en"))
}

/// How a command ended.
pub(crate) enum Exit {
    /// Everything was answered.
    Answered,
    /// Some input was refused (already reported).
    InputRefused,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Out {
        lang: cli.lang,
        format: cli.format,
    };
    let result = match cli.command {
        Command::Catalog(args) => catalog::run(&args, out),
        Command::Score(args) => score::run_score(&args, out),
        Command::Council(args) => score::run_council(&args, out),
        Command::CouncilWorkbook(args) => workbook::run_write(&args, out),
        Command::Plan(args) => score::run_plan(&args, out),
        Command::Compare(args) => score::run_compare(&args, out),
        Command::Certificate(args) => office::run_certificate(&args, out),
        Command::Dossier(args) => office::run_dossier(&args, out),
        Command::Deadline(args) => dossier::run_deadline(&args, out),
        Command::Holidays(args) => dossier::run_holidays(&args, out),
        Command::Slip(args) => dossier::run_slip(&args, out),
        Command::Form(args) => form::run(&args, out),
        Command::Rounds(args) => office::run_rounds(&args, out),
        Command::Code(args) => office::run_code(&args, out),
        Command::Portfolio(args) => office::run_portfolio(&args, out),
        Command::CarryOver(args) => reeval::run_carry_over(&args, out),
        Command::Stamp(args) => reeval::run_stamp(&args, out),
        Command::Errors => {
            out!("{}", ocop_core::error::error_table_markdown());
            Ok(Exit::Answered)
        }
    };
    match result {
        Ok(Exit::Answered) => ExitCode::SUCCESS,
        Ok(Exit::InputRefused) => ExitCode::from(1),
        Err(message) => {
            eprintln!("ocop: {message}");
            ExitCode::from(1)
        }
    }
}
