//! `ocop form`: the printed sheets and forms, as A4 HTML and, where a headless Chromium is
//! installed, as PDF.

use std::path::{Path, PathBuf};
use std::process::Command;

use clap::{Args, ValueEnum};
use ocop_core::forms::{CouncilForm, DossierForm, SheetForm};
use ocop_core::{Catalog, Input, InputErrors};
use serde_json::{Value, json};

use crate::output::{answer, read};
use crate::{Exit, Format, Out};

/// The forms `ocop form` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormKind {
    /// A member's Phiếu đánh giá (an evaluation, a sheet request, or a council with --member).
    Sheet,
    /// The council's summary (a council, or a council summary request).
    Council,
    /// Mẫu số 01: the registration form.
    #[value(name = "mau-01")]
    Mau01,
    /// Mẫu số 02: the producer's self-assessment report.
    #[value(name = "mau-02")]
    Mau02,
    /// Mẫu số 03: the commune's report.
    #[value(name = "mau-03")]
    Mau03,
}

#[derive(Args)]
pub(crate) struct FormArgs {
    /// Which form.
    kind: FormKind,
    /// Its data (JSON; `-` for standard input). Omit with --example.
    file: Option<String>,
    /// Print the bundled example: the fish-sauce cooperative of `ocop score --example`.
    #[arg(long, conflicts_with = "file")]
    example: bool,
    /// With a council: whose sheet to print (1 for the first member).
    #[arg(long)]
    member: Option<usize>,
    /// Write the HTML here (default: standard output).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Also print it to PDF with a headless Chromium ($CHROMIUM, or chromium on the PATH).
    #[arg(long)]
    pdf: Option<PathBuf>,
}

/// The example product's evaluation (`ocop score --example`).
const EXAMPLE: &str = include_str!("example.json");

pub(crate) fn run(args: &FormArgs, out: Out) -> Result<Exit, String> {
    let value = match (&args.file, args.example) {
        (Some(path), _) => {
            serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: not JSON: {e}"))?
        }
        (None, true) => example(args.kind)?,
        (None, false) => return Err("give the form's data (a JSON file) or --example".into()),
    };
    let context = args
        .file
        .as_deref()
        .map(|f| format!("{f}: "))
        .unwrap_or_default();
    let html = match render(args, value, &json!(out.lang)) {
        Ok(html) => html,
        Err(errors) => return answer::<String>(Err(errors), &context, out, |_| Ok(String::new())),
    };
    // The HTML goes to standard output unless it is written to a file (JSON always wraps it).
    let to_files = args.output.is_some() || args.pdf.is_some();
    if out.format == Format::Json || !to_files {
        answer(Ok(html.clone()), &context, out, |h| Ok(h.clone()))?;
    }
    if let Some(path) = &args.output {
        std::fs::write(path, &html).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("ocop: wrote {}", path.display());
    }
    if let Some(pdf) = &args.pdf {
        print_pdf(&html, args.output.as_deref(), pdf)?;
        eprintln!("ocop: wrote {}", pdf.display());
    }
    Ok(Exit::Answered)
}

/// The bundled example of each form, for the example product: the officer's details (the
/// files in `examples/`) with the example evaluation where the form prints one.
fn example(kind: FormKind) -> Result<Value, String> {
    let (details, with_evaluation) = match kind {
        FormKind::Sheet => (include_str!("examples/sheet.json"), true),
        FormKind::Council => (include_str!("examples/council.json"), false),
        FormKind::Mau01 => (include_str!("examples/mau-01.json"), false),
        FormKind::Mau02 => (include_str!("examples/mau-02.json"), true),
        FormKind::Mau03 => (include_str!("examples/mau-03.json"), false),
    };
    let mut value: Value = serde_json::from_str(details).map_err(|e| e.to_string())?;
    if with_evaluation {
        let evaluation: Value = serde_json::from_str(EXAMPLE).map_err(|e| e.to_string())?;
        if let Some(map) = value.as_object_mut() {
            map.insert("evaluation".into(), evaluation);
        }
    }
    Ok(value)
}

/// The form's request, read by the core's reader: a bare evaluation or council is wrapped
/// into the request it stands for, and the page's language is the command's `--lang` unless
/// the data names one.
fn render(args: &FormArgs, mut value: Value, lang: &Value) -> Result<String, InputErrors> {
    let catalog = Catalog::builtin();
    let wrap = |key: &str, value: Value| {
        if value.get(key).is_some() {
            value
        } else {
            json!({ key: value })
        }
    };
    match args.kind {
        FormKind::Sheet => {
            if let Some(n) = args.member {
                value = member_sheet(value, n)?;
            }
            let mut v = wrap("evaluation", value);
            with_language(&mut v, lang);
            catalog.print_sheet(&SheetForm::from_json_value(&v)?)
        }
        FormKind::Council => {
            let mut v = wrap("council", value);
            with_language(&mut v, lang);
            catalog.print_council(&CouncilForm::from_json_value(&v)?)
        }
        FormKind::Mau01 | FormKind::Mau02 | FormKind::Mau03 => {
            let id = match args.kind {
                FormKind::Mau01 => "mau-01",
                FormKind::Mau02 => "mau-02",
                _ => "mau-03",
            };
            let mut v = if value.get("answers").is_some() {
                json!({ "evaluation": value })
            } else {
                value
            };
            if let Some(map) = v.as_object_mut() {
                map.entry("form").or_insert_with(|| json!(id));
            }
            with_language(&mut v, lang);
            catalog.print_dossier_form(&DossierForm::from_json_value(&v)?)
        }
    }
}

fn with_language(v: &mut Value, lang: &Value) {
    if let Some(map) = v.as_object_mut() {
        map.entry("language").or_insert_with(|| lang.clone());
    }
}

/// A council's member `n` (from 1), as a sheet request signed by that member.
fn member_sheet(council: Value, n: usize) -> Result<Value, InputErrors> {
    let council =
        ocop_core::CouncilInput::from_json_value(council.get("council").unwrap_or(&council))?;
    let evaluation = n
        .checked_sub(1)
        .and_then(|i| council.member_sheet(i))
        .ok_or_else(|| {
            InputErrors::at(
                "/members",
                ocop_core::Problem::TooManyItems {
                    what: "members in this council; --member counts from 1",
                    max: council.members.len(),
                    found: n,
                },
            )
        })?;
    Ok(json!({ "evaluation": evaluation, "assessor": evaluation.reference }))
}

/// Prints `html` to `pdf` with a headless Chromium: from `source` when the HTML was written
/// there, else from a temporary file.
fn print_pdf(html: &str, source: Option<&Path>, pdf: &Path) -> Result<(), String> {
    let chromium = chromium().ok_or(
        "no headless Chromium found: install chromium (Debian) or set $CHROMIUM; the HTML prints from any browser",
    )?;
    let temp;
    let page = match source {
        Some(p) => p.to_path_buf(),
        None => {
            temp = std::env::temp_dir().join(format!("ocop-form-{}.html", std::process::id()));
            std::fs::write(&temp, html).map_err(|e| format!("{}: {e}", temp.display()))?;
            temp.clone()
        }
    };
    let page = std::fs::canonicalize(&page).map_err(|e| format!("{}: {e}", page.display()))?;
    let status = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--disable-background-networking",
            "--no-first-run",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .map_err(|e| format!("{}: {e}", chromium.display()))?;
    if source.is_none() {
        let _ = std::fs::remove_file(&page);
    }
    if status.status.success() && pdf.exists() {
        Ok(())
    } else {
        Err(format!(
            "{} could not print the PDF: {}",
            chromium.display(),
            String::from_utf8_lossy(&status.stderr).trim()
        ))
    }
}

/// `$CHROMIUM`, or the first Chromium on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM").map(PathBuf::from) {
        return p.exists().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ]
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.exists())
    })
}
