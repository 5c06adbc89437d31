//! Tables in the files officers use: CSV (with a UTF-8 byte-order mark, so that Excel shows
//! Vietnamese) and `.xlsx` workbooks, written row by row; and spreadsheets read back as rows.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use csv::StringRecord;
use ocop_core::Lang;
use ocop_core::summary::{Cell, Column};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// The UTF-8 byte-order mark: without it Excel reads a CSV file in the system's code page.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The most rows an `.xlsx` sheet holds (Excel's limit), header included.
const XLSX_MAX_ROWS: u32 = 1_048_576;

/// What a file is, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    Csv,
    Xlsx,
    Jsonl,
    Json,
}

impl FileKind {
    /// The kind of `path` by its extension (spreadsheets of any kind calamine reads count as
    /// `Xlsx` for input).
    pub(crate) fn of(path: &str) -> Option<FileKind> {
        let ext = Path::new(path)
            .extension()?
            .to_string_lossy()
            .to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "txt" => Some(FileKind::Csv),
            "xlsx" | "xlsm" | "xls" | "ods" => Some(FileKind::Xlsx),
            "jsonl" | "ndjson" => Some(FileKind::Jsonl),
            "json" => Some(FileKind::Json),
            _ => None,
        }
    }
}

/// A table written row by row to a CSV file (or standard output) or an `.xlsx` sheet.
pub(crate) enum TableWriter {
    Csv(Box<csv::Writer<Box<dyn Write + Send>>>),
    Xlsx(Box<XlsxBook>),
}

impl TableWriter {
    /// A CSV table on `out`, which gets the byte-order mark first.
    pub(crate) fn csv(mut out: Box<dyn Write + Send>) -> Result<TableWriter, String> {
        out.write_all(BOM).map_err(|e| e.to_string())?;
        Ok(TableWriter::Csv(Box::new(csv::Writer::from_writer(out))))
    }

    /// A CSV or `.xlsx` table at `path` (by its extension), with one sheet named `sheet`.
    pub(crate) fn create(path: &str, sheet: &str) -> Result<TableWriter, String> {
        match FileKind::of(path) {
            Some(FileKind::Xlsx) => {
                let mut book = XlsxBook::new(path);
                book.add_sheet(sheet)?;
                Ok(TableWriter::Xlsx(Box::new(book)))
            }
            Some(FileKind::Csv) => TableWriter::csv(Box::new(BufWriter::new(
                File::create(path).map_err(|e| format!("{path}: {e}"))?,
            ))),
            _ => Err(format!("{path}: write a table to a .csv or .xlsx file")),
        }
    }

    /// The header: column ids in CSV (stable names for programs), titles in `lang` in a
    /// spreadsheet (for people).
    pub(crate) fn header(&mut self, columns: &[Column], lang: Lang) -> Result<(), String> {
        match self {
            TableWriter::Csv(w) => w
                .write_record(columns.iter().map(|c| c.id))
                .map_err(|e| e.to_string()),
            TableWriter::Xlsx(book) => book.header(columns, lang),
        }
    }

    pub(crate) fn row(&mut self, cells: &[Cell]) -> Result<(), String> {
        match self {
            TableWriter::Csv(w) => w
                .write_record(cells.iter().map(ToString::to_string))
                .map_err(|e| e.to_string()),
            TableWriter::Xlsx(book) => book.row(cells),
        }
    }

    pub(crate) fn finish(self) -> Result<(), String> {
        match self {
            TableWriter::Csv(mut w) => w.flush().map_err(|e| e.to_string()),
            TableWriter::Xlsx(book) => book.save(),
        }
    }
}

/// An `.xlsx` workbook written sheet after sheet, each row by row in constant memory.
pub(crate) struct XlsxBook {
    workbook: Workbook,
    path: String,
    sheet: Option<usize>,
    next_row: u32,
    bold: Format,
}

impl XlsxBook {
    pub(crate) fn new(path: &str) -> XlsxBook {
        XlsxBook {
            workbook: Workbook::new(),
            path: path.to_owned(),
            sheet: None,
            next_row: 0,
            bold: Format::new().set_bold(),
        }
    }

    /// Starts a new sheet; the rows that follow go to it.
    pub(crate) fn add_sheet(&mut self, name: &str) -> Result<(), String> {
        let index = self.sheet.map_or(0, |s| s + 1);
        self.workbook
            .add_worksheet_with_constant_memory()
            .set_name(name)
            .map_err(|e| e.to_string())?;
        self.sheet = Some(index);
        self.next_row = 0;
        Ok(())
    }

    fn sheet(&mut self) -> Result<&mut Worksheet, String> {
        let index = self.sheet.ok_or("no sheet started")?;
        self.workbook
            .worksheet_from_index(index)
            .map_err(|e| e.to_string())
    }

    pub(crate) fn header(&mut self, columns: &[Column], lang: Lang) -> Result<(), String> {
        let bold = self.bold.clone();
        let row = self.next_row;
        let sheet = self.sheet()?;
        for (col, c) in (0u16..).zip(columns) {
            sheet
                .write_string_with_format(row, col, c.title(lang), &bold)
                .map_err(|e| e.to_string())?;
            sheet
                .set_column_width(col, (c.title(lang).chars().count() + 2).clamp(8, 40) as f64)
                .map_err(|e| e.to_string())?;
        }
        sheet
            .set_freeze_panes(row + 1, 0)
            .map_err(|e| e.to_string())?;
        self.next_row += 1;
        Ok(())
    }

    pub(crate) fn row(&mut self, cells: &[Cell]) -> Result<(), String> {
        let row = self.next_row;
        if row >= XLSX_MAX_ROWS {
            return Err(format!(
                "{}: a sheet holds at most {XLSX_MAX_ROWS} rows; write the table to a .csv file",
                self.path
            ));
        }
        let sheet = self.sheet()?;
        for (col, cell) in (0u16..).zip(cells) {
            let written = match cell {
                Cell::Empty => continue,
                Cell::Text(s) => sheet.write_string(row, col, s),
                Cell::Number(n) => sheet.write_number(row, col, n.to_f64().unwrap_or(f64::NAN)),
                Cell::Flag(b) => sheet.write_boolean(row, col, *b),
            };
            written.map_err(|e| e.to_string())?;
        }
        self.next_row += 1;
        Ok(())
    }

    pub(crate) fn save(mut self) -> Result<(), String> {
        self.workbook
            .save(&self.path)
            .map_err(|e| format!("{}: {e}", self.path))
    }
}

/// The rows of a spreadsheet's first sheet (or of the sheet named `sheet`) as text records,
/// each carrying its row number (row 1 is the first row) as its line. Empty rows are skipped.
pub(crate) fn read_sheet_rows(
    path: &str,
    sheet: Option<&str>,
) -> Result<Vec<StringRecord>, String> {
    let mut book = open_workbook_auto(path).map_err(|e| format!("{path}: {e}"))?;
    let range = match sheet {
        Some(name) => book.worksheet_range(name),
        None => book
            .worksheet_range_at(0)
            .ok_or(calamine::Error::Msg("the workbook has no sheet"))
            .and_then(|r| r),
    }
    .map_err(|e| format!("{path}: {e}"))?;
    let first_row = range.start().map_or(0, |(r, _)| r);
    let first_col = range.start().map_or(0, |(_, c)| c) as usize;
    let mut out = Vec::new();
    for (i, row) in range.rows().enumerate() {
        if row.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        let mut cells: Vec<String> = vec![String::new(); first_col];
        cells.extend(row.iter().map(cell_text));
        let mut record = StringRecord::from(cells);
        let mut position = csv::Position::new();
        position.set_line(u64::from(first_row) + i as u64 + 1);
        record.set_position(Some(position));
        out.push(record);
    }
    Ok(out)
}

/// A spreadsheet cell as the text a CSV file would hold: whole numbers without `.0`, dates as
/// `YYYY-MM-DD`.
pub(crate) fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => excel_date(d.as_f64()).unwrap_or_else(|| d.as_f64().to_string()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e}"),
    }
}

/// An Excel serial day (1900 system) as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> Option<String> {
    let days = serial.floor() as i64;
    // Day 60 is Excel's 29/02/1900, which never was; serials after it count from 30/12/1899.
    let epoch = jiff::civil::date(1899, 12, 30);
    epoch
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
        .map(|d| d.to_string())
}

/// Standard output as a buffered writer that can cross threads; a closed pipe ends the program
/// quietly (`crate::output::exit_on_closed_pipe`).
pub(crate) fn stdout() -> Box<dyn Write + Send> {
    Box::new(PipeAware(BufWriter::new(io::stdout())))
}

struct PipeAware<W>(W);

impl<W: Write> Write for PipeAware<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        crate::output::exit_on_closed_pipe(self.0.write(bytes))
    }

    fn flush(&mut self) -> io::Result<()> {
        crate::output::exit_on_closed_pipe(self.0.flush())
    }
}
