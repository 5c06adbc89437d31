//! Reading input files (or standard input) with a size cap, and the one printer of results and
//! refusals.

use std::fs::File;
use std::io::{self, Read};

use ocop_core::limits::MAX_BATCH_BYTES;
use ocop_core::{InputErrors, Lang, SafeResult};
use serde::Serialize;

use crate::{Exit, Format, Out};

/// The text of `path`, or of standard input for `-`; refuses more than the batch limit.
pub(crate) fn read(path: &str) -> Result<String, String> {
    let limit = u64::try_from(MAX_BATCH_BYTES).unwrap_or(u64::MAX);
    let mut text = String::new();
    let read = if path == "-" {
        io::stdin().take(limit + 1).read_to_string(&mut text)
    } else {
        File::open(path).and_then(|f| f.take(limit + 1).read_to_string(&mut text))
    };
    read.map_err(|e| format!("{path}: {e}"))?;
    if text.len() > MAX_BATCH_BYTES {
        return Err(format!(
            "{path}: larger than {MAX_BATCH_BYTES} bytes, the input limit"
        ));
    }
    Ok(text)
}

/// Writes to standard output (see `out!`): a closed pipe exits quietly with success, any other
/// failure to write exits with 2.
pub(crate) fn write_stdout(text: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    if let Err(e) = exit_on_closed_pipe(io::stdout().lock().write_fmt(text)) {
        eprintln!("ocop: cannot write to standard output: {e}");
        std::process::exit(2);
    }
}

/// Passes `result` on, except a closed pipe: the reader has what it wanted (`ocop … | head`),
/// so the program ends there, quietly and with success, as Unix tools do.
pub(crate) fn exit_on_closed_pipe<T>(result: io::Result<T>) -> io::Result<T> {
    if matches!(&result, Err(e) if e.kind() == io::ErrorKind::BrokenPipe) {
        std::process::exit(0);
    }
    result
}

/// `value` as indented JSON on standard output.
pub(crate) fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<(), String> {
    outln!(
        "{}",
        serde_json::to_string_pretty(value).map_err(|e| e.to_string())?
    );
    Ok(())
}

/// Prints each error as `CODE at /path: sentence (title)` on standard error.
pub(crate) fn report(errors: &InputErrors, context: &str, lang: Lang) {
    for e in &errors.0 {
        let at = if e.path.is_empty() {
            String::new()
        } else {
            format!(" at {}", e.path)
        };
        let title = if lang == Lang::Vi {
            format!(" ({})", e.code.title(Lang::Vi))
        } else {
            String::new()
        };
        eprintln!("{context}error {}{at}: {}{title}", e.code, e.message);
    }
}

/// The one printer: a result as JSON (`success`) or as the page `page` writes; a refusal as
/// JSON (`failure`) and as lines on standard error.
pub(crate) fn answer<T: Serialize>(
    result: Result<T, InputErrors>,
    context: &str,
    out: Out,
    page: impl FnOnce(&T) -> Result<String, String>,
) -> Result<Exit, String> {
    match result {
        Ok(value) => {
            match out.format {
                Format::Json => print_json(&SafeResult::Success { result: &value })?,
                Format::Table => outln!("{}", page(&value)?),
            }
            Ok(Exit::Answered)
        }
        Err(errors) => {
            if out.format == Format::Json {
                print_json(&SafeResult::<()>::from(Err(errors.clone())))?;
            }
            report(&errors, context, out.lang);
            Ok(Exit::InputRefused)
        }
    }
}
