//! `ocop score` on a batch of any size: CSV (one evaluation per row), JSON Lines, a
//! spreadsheet, or a JSON array, read as a stream, scored on every core, and answered in input
//! order, a summary per product by default.
//!
//! The stream is read on one thread in chunks; each chunk is scored in parallel and written
//! before the next is taken, so memory stays flat however long the input is. A bad row gets
//! its own errors (with its line) and the others are still answered.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::Duration;

use clap::ValueEnum;
use csv::StringRecord;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ocop_core::error::{InputError, InputErrors, Problem};
use ocop_core::limits::MAX_INPUT_BYTES;
use ocop_core::summary::{Cell, SUMMARY_COLUMNS, Summary};
use ocop_core::table::{EvaluationTable, delimiter, line_of};
use ocop_core::{Catalog, Choice, Evaluation, Input, Lang, ScoreReport};
use rayon::prelude::*;
use serde::Serialize;

use crate::output::report;
use crate::render::{WIDTH, say, stars};
use crate::tables::{FileKind, TableWriter, read_sheet_rows, stdout};
use crate::{Exit, Format, Out};

/// Rows scored together; the reader keeps at most two chunks ahead of the writer.
const CHUNK: usize = 1024;

/// A row (or a CSV record spanning lines) longer than this is refused: no evaluation needs it,
/// and it keeps a malformed file (an unclosed quote) from filling memory.
const MAX_ROW_BYTES: usize = 2 * MAX_INPUT_BYTES;

/// How the input is laid out, when its name does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputKind {
    /// One JSON value: an evaluation, or an array of them.
    Json,
    /// JSON Lines: one evaluation per line.
    Jsonl,
    /// CSV: a header row, then one evaluation per row.
    Csv,
    /// A spreadsheet (.xlsx, .xls, .ods): its first sheet as a table.
    Xlsx,
}

/// What a batch answers for each product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportKind {
    /// One line per product (reference, total, stars, outcome, first blocker, recognition).
    Summary,
    /// The full report of each product.
    Full,
}

/// What `ocop score` needs to run a batch.
pub(crate) struct BatchArgs<'a> {
    pub(crate) name: &'a str,
    pub(crate) input: InputKind,
    pub(crate) out: Option<&'a str>,
    pub(crate) report: ReportKind,
    pub(crate) jobs: Option<usize>,
    /// The JSON text, when it was already read (standard input can be read once).
    pub(crate) text: Option<String>,
}

/// The kind of `path`'s input: asked for, or by its name, else one JSON value.
pub(crate) fn input_kind(path: &str, asked: Option<InputKind>) -> InputKind {
    asked.unwrap_or(match FileKind::of(path) {
        Some(FileKind::Csv) => InputKind::Csv,
        Some(FileKind::Jsonl) => InputKind::Jsonl,
        Some(FileKind::Xlsx) => InputKind::Xlsx,
        _ => InputKind::Json,
    })
}

/// Where a row came from: a line of a file (or a spreadsheet's row), or an item of an array.
#[derive(Clone, Copy, Debug)]
enum At {
    Line(u64),
    Item(u64),
}

impl At {
    fn number(self) -> u64 {
        match self {
            At::Line(n) | At::Item(n) => n,
        }
    }

    fn describe(self) -> String {
        match self {
            At::Line(n) => format!("line {n}"),
            At::Item(n) => format!("item {n}"),
        }
    }
}

/// A row as read, before scoring.
enum Raw {
    Record(StringRecord),
    Json(String),
    Read(Box<Result<Evaluation, InputErrors>>),
    Refused(Vec<InputError>),
}

struct Job {
    at: At,
    raw: Raw,
}

/// A row as answered.
enum Scored {
    Summary(Box<Summary>),
    Report(Box<ScoreReport>),
}

struct Answer {
    at: At,
    reference: Option<String>,
    result: Result<Scored, Vec<InputError>>,
}

/// Rows read, and how far into the input (bytes, or rows for a spreadsheet).
struct Chunk {
    jobs: Vec<Job>,
    progress: u64,
}

/// What is being read.
enum Source {
    Csv {
        reader: csv::Reader<Guarded<BufReader<Box<dyn Read + Send>>>>,
        table: Box<EvaluationTable>,
    },
    Jsonl(BufReader<Box<dyn Read + Send>>),
    Items(Vec<Result<Evaluation, InputErrors>>),
    Sheet {
        rows: Vec<StringRecord>,
        table: Box<EvaluationTable>,
    },
}

/// Runs a batch; `Ok(InputRefused)` when any row (or the input as a whole) was refused.
pub(crate) fn run(args: &BatchArgs<'_>, out: Out) -> Result<Exit, String> {
    let catalog = Catalog::builtin();
    let (source, total) = match open(args, catalog)? {
        Ok(opened) => opened,
        Err(errors) => {
            report(&errors, &format!("{}: ", args.name), out.lang);
            return Ok(Exit::InputRefused);
        }
    };
    let mut sink = Sink::create(args, out)?;
    let bar = progress_bar(
        total,
        matches!(source, Source::Items(_) | Source::Sheet { .. }),
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| e.to_string())?;
    let table = match &source {
        Source::Csv { table, .. } | Source::Sheet { table, .. } => Some((**table).clone()),
        _ => None,
    };
    let (tx, rx) = sync_channel::<Result<Chunk, String>>(2);
    let mut counts = (0u64, 0u64);
    std::thread::scope(|scope| -> Result<(), String> {
        scope.spawn(move || produce(source, &tx));
        // `rx` is dropped when writing stops, early or not, so the reader never waits on it.
        write_all(
            rx,
            &mut sink,
            &bar,
            &mut counts,
            |jobs| {
                pool.install(|| {
                    jobs.into_par_iter()
                        .map(|j| answer(j, catalog, table.as_ref(), args.report))
                        .collect()
                })
            },
            (args.name, out.lang),
        )
    })?;
    sink.finish()?;
    bar.finish_and_clear();
    let (rows, refused) = counts;
    if out.format == Format::Table && args.out.is_some() {
        eprintln!(
            "{}",
            say(
                out.lang,
                &format!("{rows} dòng, {refused} bị từ chối"),
                &format!("{rows} rows, {refused} refused")
            )
        );
    }
    Ok(if refused > 0 {
        Exit::InputRefused
    } else {
        Exit::Answered
    })
}

/// Opens the input: the source to read and its size for the progress bar; the input's own
/// errors (a bad header, a JSON array over the limits) refuse it as a whole.
#[allow(clippy::type_complexity)]
fn open(
    args: &BatchArgs<'_>,
    catalog: &Catalog,
) -> Result<Result<(Source, Option<u64>), InputErrors>, String> {
    let name = args.name;
    let input = || -> Result<(Box<dyn Read + Send>, Option<u64>), String> {
        if name == "-" {
            return Ok((Box::new(io::stdin()), None));
        }
        let file = File::open(name).map_err(|e| format!("{name}: {e}"))?;
        let size = file.metadata().ok().map(|m| m.len());
        Ok((Box::new(file), size))
    };
    Ok(match args.input {
        InputKind::Csv => {
            let (read, size) = input()?;
            let mut buffered = BufReader::with_capacity(1 << 16, read);
            let first = buffered.fill_buf().map_err(|e| format!("{name}: {e}"))?;
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter(first))
                .flexible(true)
                .from_reader(Guarded::new(buffered));
            let header = reader
                .headers()
                .map_err(|e| format!("{name}: the header cannot be read: {e}"))?
                .clone();
            EvaluationTable::from_header(catalog, &header).map(|table| {
                reader.get_mut().reset();
                (
                    Source::Csv {
                        reader,
                        table: Box::new(table),
                    },
                    size,
                )
            })
        }
        InputKind::Jsonl => {
            let (read, size) = input()?;
            Ok((Source::Jsonl(BufReader::with_capacity(1 << 16, read)), size))
        }
        InputKind::Xlsx => {
            let mut rows = read_sheet_rows(name, None)?.into_iter();
            let Some(header) = rows.next() else {
                return Ok(Err(InputErrors::at(
                    "/header",
                    Problem::InvalidCsv("the sheet is empty".into()),
                )));
            };
            let rows: Vec<StringRecord> = rows.collect();
            let n = rows.len() as u64;
            EvaluationTable::from_header(catalog, &header).map(|table| {
                (
                    Source::Sheet {
                        rows,
                        table: Box::new(table),
                    },
                    Some(n),
                )
            })
        }
        InputKind::Json => {
            let text = match &args.text {
                Some(text) => text.clone(),
                None => crate::output::read(name)?,
            };
            let items = if text.trim_start().starts_with('[') {
                Evaluation::batch_from_json(&text)
            } else {
                Ok(vec![Evaluation::from_json(&text)])
            };
            items.map(|items| {
                let n = items.len() as u64;
                (Source::Items(items), Some(n))
            })
        }
    })
}

/// Reads the source in chunks onto `tx` (on its own thread).
fn produce(source: Source, tx: &SyncSender<Result<Chunk, String>>) {
    let mut jobs = Vec::with_capacity(CHUNK);
    let send = |jobs: &mut Vec<Job>, progress: u64| {
        let chunk = Chunk {
            jobs: std::mem::replace(jobs, Vec::with_capacity(CHUNK)),
            progress,
        };
        tx.send(Ok(chunk)).is_ok()
    };
    match source {
        Source::Csv { mut reader, .. } => {
            let mut record = StringRecord::new();
            loop {
                reader.get_mut().reset();
                let at = reader.position().line();
                match reader.read_record(&mut record) {
                    Ok(false) => break,
                    Ok(true) => jobs.push(Job {
                        at: At::Line(line_of(&record)),
                        raw: Raw::Record(record.clone()),
                    }),
                    Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => {
                        let _ = tx.send(Err(format!("line {at}: {e}")));
                        return;
                    }
                    Err(e) => jobs.push(Job {
                        at: At::Line(e.position().map_or(at, csv::Position::line)),
                        raw: Raw::Refused(vec![InputError::at(
                            "",
                            Problem::InvalidCsv(e.to_string()),
                        )]),
                    }),
                }
                if jobs.len() == CHUNK && !send(&mut jobs, reader.position().byte()) {
                    return;
                }
            }
            let bytes = reader.position().byte();
            send(&mut jobs, bytes);
        }
        Source::Jsonl(mut reader) => {
            let (mut line, mut bytes) = (0u64, 0u64);
            let mut buf = Vec::new();
            loop {
                buf.clear();
                line += 1;
                let read = match read_line(&mut reader, &mut buf) {
                    Ok(None) => break,
                    Ok(Some(read)) => read,
                    Err(e) => {
                        let _ = tx.send(Err(format!("line {line}: {e}")));
                        return;
                    }
                };
                bytes += read as u64;
                let text = String::from_utf8_lossy(&buf);
                let text = text.trim_start_matches('\u{feff}').trim();
                if read > MAX_ROW_BYTES {
                    jobs.push(Job {
                        at: At::Line(line),
                        raw: Raw::Refused(vec![InputError::at(
                            "",
                            Problem::InputTooLarge {
                                size: read,
                                limit: MAX_INPUT_BYTES,
                            },
                        )]),
                    });
                } else if !text.is_empty() {
                    jobs.push(Job {
                        at: At::Line(line),
                        raw: Raw::Json(text.to_owned()),
                    });
                }
                if jobs.len() == CHUNK && !send(&mut jobs, bytes) {
                    return;
                }
            }
            send(&mut jobs, bytes);
        }
        Source::Items(items) => {
            let n = items.len() as u64;
            for (i, item) in items.into_iter().enumerate() {
                jobs.push(Job {
                    at: At::Item(i as u64),
                    raw: Raw::Read(Box::new(item)),
                });
                if jobs.len() == CHUNK && !send(&mut jobs, i as u64 + 1) {
                    return;
                }
            }
            send(&mut jobs, n);
        }
        Source::Sheet { rows, .. } => {
            let n = rows.len() as u64;
            for (i, record) in rows.into_iter().enumerate() {
                jobs.push(Job {
                    at: At::Line(line_of(&record)),
                    raw: Raw::Record(record),
                });
                if jobs.len() == CHUNK && !send(&mut jobs, i as u64 + 1) {
                    return;
                }
            }
            send(&mut jobs, n);
        }
    }
}

/// One line of JSON Lines into `buf`, at most [`MAX_ROW_BYTES`] of it kept; the bytes the
/// line had, or `None` at the end.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Option<usize>> {
    let limit = MAX_ROW_BYTES as u64 + 1;
    let mut read = reader.by_ref().take(limit).read_until(b'\n', buf)?;
    if read == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') && read as u64 == limit {
        // Too long: skip the rest of the line without keeping it.
        let mut rest = Vec::new();
        loop {
            rest.clear();
            let n = reader.by_ref().take(1 << 16).read_until(b'\n', &mut rest)?;
            read += n;
            if n == 0 || rest.last() == Some(&b'\n') {
                break;
            }
        }
    }
    Ok(Some(read))
}

/// Reads, scores and answers one row.
fn answer(
    job: Job,
    catalog: &Catalog,
    table: Option<&EvaluationTable>,
    kind: ReportKind,
) -> Answer {
    let (reference, result) = match job.raw {
        Raw::Record(record) => match table {
            Some(t) => (
                t.reference(&record).map(str::to_owned),
                t.score(catalog, &record).map_err(|e| e.errors),
            ),
            None => (
                None,
                Err(vec![InputError::at(
                    "",
                    Problem::Internal("a table row without its header".into()),
                )]),
            ),
        },
        Raw::Json(text) => {
            let result = Evaluation::from_json(&text)
                .and_then(|e| catalog.score(&e))
                .map_err(|e| e.0);
            let reference = result.as_ref().err().and_then(|_| {
                serde_json::from_str::<serde_json::Value>(&text)
                    .ok()?
                    .get("reference")?
                    .as_str()
                    .map(str::to_owned)
            });
            (reference, result)
        }
        Raw::Read(read) => {
            let reference = read
                .as_ref()
                .as_ref()
                .ok()
                .and_then(|e| e.reference.clone());
            (
                reference,
                (*read).and_then(|e| catalog.score(&e)).map_err(|e| e.0),
            )
        }
        Raw::Refused(errors) => (None, Err(errors)),
    };
    Answer {
        at: job.at,
        reference,
        result: result.map(|r| match kind {
            ReportKind::Summary => Scored::Summary(Box::new(Summary::of(&r))),
            ReportKind::Full => Scored::Report(Box::new(r)),
        }),
    }
}

/// Takes chunks off `rx`, scores each with `score_chunk` and writes the answers in order.
fn write_all(
    rx: Receiver<Result<Chunk, String>>,
    sink: &mut Sink,
    bar: &ProgressBar,
    counts: &mut (u64, u64),
    score_chunk: impl Fn(Vec<Job>) -> Vec<Answer>,
    (name, lang): (&str, Lang),
) -> Result<(), String> {
    for chunk in rx {
        let chunk = chunk.map_err(|e| format!("{name}: {e}"))?;
        for a in score_chunk(chunk.jobs) {
            counts.0 += 1;
            if let Err(errors) = &a.result {
                counts.1 += 1;
                bar.suspend(|| {
                    report(
                        &InputErrors(errors.clone()),
                        &format!("{name} {}: ", a.at.describe()),
                        lang,
                    );
                });
            }
            sink.write(&a)?;
        }
        bar.set_position(chunk.progress);
        bar.set_message(say(
            lang,
            &format!("{} dòng, {} bị từ chối", counts.0, counts.1),
            &format!("{} rows, {} refused", counts.0, counts.1),
        ));
    }
    Ok(())
}

/// Progress on standard error, only when it is a terminal: bytes of a file, rows of a sheet
/// or array, or a spinner for a stream of unknown length.
fn progress_bar(total: Option<u64>, rows: bool) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let template = match (total, rows) {
        (Some(_), false) => "{bytes}/{total_bytes} {wide_bar} {eta} · {msg}",
        (Some(_), true) => "{pos}/{len} {wide_bar} {eta} · {msg}",
        (None, _) => "{spinner} {bytes} · {msg}",
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Where the answers go.
enum Sink {
    /// A summary table: CSV or `.xlsx`.
    Table(TableWriter),
    /// One JSON object per line.
    JsonLines(Box<dyn Write + Send>),
    /// A JSON array.
    JsonArray {
        out: Box<dyn Write + Send>,
        first: bool,
    },
    /// Readable lines (summaries) or pages (full reports) on standard output.
    Text {
        out: Box<dyn Write + Send>,
        lang: Lang,
        first: bool,
    },
}

impl Sink {
    fn create(args: &BatchArgs<'_>, out: Out) -> Result<Sink, String> {
        let file = |path: &str| -> Result<Box<dyn Write + Send>, String> {
            Ok(Box::new(io::BufWriter::new(
                File::create(path).map_err(|e| format!("{path}: {e}"))?,
            )))
        };
        let full = args.report == ReportKind::Full;
        let mut sink = match args.out {
            Some(path) => match FileKind::of(path) {
                Some(FileKind::Csv | FileKind::Xlsx) if full => {
                    return Err(format!(
                        "{path}: full reports go to a .jsonl or .json file; a table holds summaries"
                    ));
                }
                Some(FileKind::Csv) => Sink::Table(TableWriter::csv(file(path)?)?),
                Some(FileKind::Xlsx) => Sink::Table(TableWriter::create(
                    path,
                    &say(out.lang, "Kết quả", "Results"),
                )?),
                Some(FileKind::Jsonl) => Sink::JsonLines(file(path)?),
                Some(FileKind::Json) => Sink::JsonArray {
                    out: file(path)?,
                    first: true,
                },
                None => {
                    return Err(format!(
                        "{path}: write to a .csv, .xlsx, .jsonl or .json file"
                    ));
                }
            },
            None if out.format == Format::Json => Sink::JsonLines(stdout()),
            None => Sink::Text {
                out: stdout(),
                lang: out.lang,
                first: true,
            },
        };
        if let Sink::Table(t) = &mut sink {
            t.header(SUMMARY_COLUMNS, out.lang)?;
        }
        Ok(sink)
    }

    fn write(&mut self, a: &Answer) -> Result<(), String> {
        let io = |e: io::Error| e.to_string();
        match self {
            Sink::Table(t) => {
                let line = Some(a.at.number());
                let cells = match &a.result {
                    Ok(Scored::Summary(s)) => s.cells(line),
                    Ok(Scored::Report(r)) => Summary::of(r).cells(line),
                    Err(errors) => Summary::refused_cells(line, a.reference.as_deref(), errors),
                };
                t.row(&cells)
            }
            Sink::JsonLines(out) => {
                serde_json::to_writer(&mut *out, &JsonRow::of(a)).map_err(|e| e.to_string())?;
                out.write_all(b"\n").map_err(io)
            }
            Sink::JsonArray { out, first } => {
                out.write_all(if *first { b"[\n" } else { b",\n" })
                    .map_err(io)?;
                *first = false;
                serde_json::to_writer(&mut *out, &JsonRow::of(a)).map_err(|e| e.to_string())
            }
            Sink::Text { out, lang, first } => {
                let text = match &a.result {
                    Ok(Scored::Report(r)) => {
                        let page = crate::score::page(r, *lang, None)?;
                        if *first {
                            page
                        } else {
                            format!("\n{}\n\n{page}", "─".repeat(WIDTH))
                        }
                    }
                    _ => {
                        let mut text = String::new();
                        if *first {
                            text.push_str(&text_header(*lang));
                            text.push('\n');
                        }
                        text.push_str(&text_row(a));
                        text
                    }
                };
                *first = false;
                writeln!(out, "{text}").map_err(io)
            }
        }
    }

    fn finish(self) -> Result<(), String> {
        let io = |e: io::Error| e.to_string();
        match self {
            Sink::Table(t) => t.finish(),
            Sink::JsonLines(mut out) | Sink::Text { mut out, .. } => out.flush().map_err(io),
            Sink::JsonArray { mut out, first } => {
                out.write_all(if first { b"[]\n" } else { b"\n]\n" })
                    .map_err(io)?;
                out.flush().map_err(io)
            }
        }
    }
}

/// A row in JSON: where it came from, then `success` with the summary or report, or
/// `failure` with every error.
#[derive(Serialize)]
struct JsonRow<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<u64>,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<JsonResult<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [InputError]>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum JsonResult<'a> {
    Summary(&'a Summary),
    Report(&'a ScoreReport),
}

impl JsonRow<'_> {
    fn of(a: &Answer) -> JsonRow<'_> {
        let (line, item) = match a.at {
            At::Line(n) => (Some(n), None),
            At::Item(n) => (None, Some(n)),
        };
        match &a.result {
            Ok(scored) => JsonRow {
                line,
                item,
                kind: "success",
                reference: None,
                result: Some(match scored {
                    Scored::Summary(s) => JsonResult::Summary(s),
                    Scored::Report(r) => JsonResult::Report(r),
                }),
                errors: None,
            },
            Err(errors) => JsonRow {
                line,
                item,
                kind: "failure",
                reference: a.reference.as_deref(),
                result: None,
                errors: Some(errors),
            },
        }
    }
}

/// The columns of the readable summary.
fn text_header(lang: Lang) -> String {
    let h = |vi: &str, en: &str| say(lang, vi, en);
    format!(
        "{:>7}  {:<30} {:>6} {:<5} {:<5} {:<9} {:<10} {}",
        h("dòng", "line"),
        h("tham chiếu", "reference"),
        h("điểm", "total"),
        h("hạng", "band"),
        h("sao", "stars"),
        h("kết quả", "outcome"),
        h("giữ hạng", "blocker"),
        h("công nhận", "recognition"),
    )
}

/// One product on one line of the readable summary.
fn text_row(a: &Answer) -> String {
    let reference: String = a
        .reference
        .as_deref()
        .or(match &a.result {
            Ok(Scored::Summary(s)) => s.reference.as_deref(),
            _ => None,
        })
        .unwrap_or("")
        .chars()
        .take(30)
        .collect();
    let s = match &a.result {
        Ok(Scored::Summary(s)) => s,
        Ok(Scored::Report(_)) => return String::new(),
        Err(errors) => {
            let first = errors.first().map_or_else(String::new, ToString::to_string);
            return format!("{:>7}  {:<30} ✗ {first}", a.at.number(), reference);
        }
    };
    let opt_stars = |n: Option<u8>| n.map_or_else(|| "–".to_owned(), stars);
    let blocker = match (&s.first_blocker, s.blocked_star) {
        (Some(code), Some(star)) => format!("{star}★ {code}"),
        _ => String::new(),
    };
    let recognition = match (s.recognised_at, s.forward_to) {
        (Some(at), Some(to)) => format!("{} → {}", at.wire(), to.wire()),
        (Some(at), None) => at.wire().to_owned(),
        (None, Some(to)) => format!("→ {}", to.wire()),
        (None, None) => String::new(),
    };
    let total = Cell::Number(s.total).to_string();
    format!(
        "{:>7}  {:<30} {:>6} {:<5} {:<5} {:<9} {:<10} {}",
        a.at.number(),
        reference,
        total,
        opt_stars(s.band),
        opt_stars(s.stars),
        s.outcome.wire(),
        blocker,
        recognition
    )
}

/// A reader that refuses to run on past [`MAX_ROW_BYTES`] since the last [`Guarded::reset`]:
/// the CSV reader calls it between records, so a row can never fill memory.
struct Guarded<R> {
    inner: R,
    since_reset: usize,
}

impl<R> Guarded<R> {
    fn new(inner: R) -> Guarded<R> {
        Guarded {
            inner,
            since_reset: 0,
        }
    }

    fn reset(&mut self) {
        self.since_reset = 0;
    }
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.since_reset += n;
        if self.since_reset > MAX_ROW_BYTES + (1 << 16) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "a row longer than {} MiB (an unclosed quote?); the rows before it were answered",
                    MAX_ROW_BYTES >> 20
                ),
            ));
        }
        Ok(n)
    }
}
