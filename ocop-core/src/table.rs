//! Tables: evaluations one per row, as officers keep them in CSV files and spreadsheets, and
//! the header handling that the portfolio table shares.
//!
//! An evaluations table has a header row naming its columns, in any order (field names are
//! read without regard to case; a UTF-8 byte-order mark is ignored):
//!
//! | column | meaning |
//! |---|---|
//! | `reference` | your reference, echoed in the result |
//! | `edition` | `26/2026`, `148/2023`; optional when `evaluated_on` is given |
//! | `evaluated_on` | the day of the evaluation, `YYYY-MM-DD` (or `DD/MM/YYYY`) |
//! | `product_set` | 1–26 (required) |
//! | `subject_type` | `cooperative`, `household`… (required) |
//! | `level`, `tourism_case`, `dossier_rejected`, `requirement_rule` | as in the JSON format |
//! | `knockouts`, `requirements_not_met` | criterion codes separated by `;` |
//! | `A1.1`, `B3.2`… | one column per criterion code: the ticked option's number (0 = the first option, as in the JSON format), `-` when no option applies, empty when not answered |
//!
//! A table may mix product sets: each row fills only the columns of its own sheet. Every
//! problem of a row is reported at its column (`/product_set`, `/A1.1`) with the row's line
//! number ([`RowError`]), and a bad row never stops the others.
//!
//! ```
//! use ocop_core::Catalog;
//! use ocop_core::table::EvaluationTable;
//! let mut csv = csv::Reader::from_reader(
//!     "reference,edition,product_set,subject_type,A1.1\nChè,26/2026,9,farm,7\n".as_bytes(),
//! );
//! let catalog = Catalog::builtin();
//! let table = EvaluationTable::from_header(catalog, csv.headers().unwrap()).unwrap();
//! let row = csv.records().next().unwrap().unwrap();
//! let refused = table.score(catalog, &row).unwrap_err();
//! assert_eq!(refused.line, 2);
//! assert_eq!(refused.errors[0].path, "/A1.1"); // A1.1 has options 0 to 2, not 7
//! ```

use std::collections::BTreeMap;

use csv::StringRecord;
use jiff::civil::Date;
use serde_json::Value;

use crate::catalog::Catalog;
use crate::catalog::model::{Level, SubjectType};
use crate::error::{InputError, InputErrors, Problem, RowError};
use crate::evaluation::{Answers, Evaluation, RequirementRule};
use crate::limits;
use crate::read::{FromJson, parse_date, pointer_segment};
use crate::scoring::ScoreReport;

/// The delimiter of a CSV file from its first line: `,`, or `;` when the header has
/// semicolons and no commas (Excel writes `;` in locales whose decimal mark is a comma, as
/// Vietnamese Windows does).
///
/// ```
/// assert_eq!(ocop_core::table::delimiter(b"product;stars\n"), b';');
/// assert_eq!(ocop_core::table::delimiter(b"product,stars\n"), b',');
/// ```
pub fn delimiter(first_line: &[u8]) -> u8 {
    let line = first_line.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| line.iter().filter(|b| **b == c).count();
    if count(b',') == 0 && count(b';') > 0 {
        b';'
    } else {
        b','
    }
}

/// A CSV reader over `text` as officers' files come: delimiter detected, cells trimmed,
/// rows of any length.
pub(crate) fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter(text.as_bytes()))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
}

/// A header row: each column's name, trimmed, without a byte-order mark.
#[derive(Clone, Debug)]
pub(crate) struct Header {
    names: Vec<String>,
}

impl Header {
    pub(crate) fn new(record: &StringRecord) -> Header {
        Header {
            names: record
                .iter()
                .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
                .collect(),
        }
    }

    /// The position of the column named `name` (without regard to case).
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|h| h.eq_ignore_ascii_case(name))
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    /// The first column named twice, if any.
    pub(crate) fn repeated(&self) -> Option<&str> {
        self.names.iter().enumerate().find_map(|(i, n)| {
            (!n.is_empty()
                && self
                    .names
                    .iter()
                    .skip(i + 1)
                    .any(|m| m.eq_ignore_ascii_case(n)))
            .then_some(n.as_str())
        })
    }
}

/// The line a record starts on (the header is line 1); 0 when the reader kept no position.
pub fn line_of(record: &StringRecord) -> u64 {
    record.position().map_or(0, csv::Position::line)
}

/// A non-empty cell of `record` at column `i`.
pub(crate) fn cell(record: &StringRecord, i: Option<usize>) -> Option<&str> {
    i.and_then(|i| record.get(i))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// A day in a table: `YYYY-MM-DD`, or `DD/MM/YYYY` as Vietnamese spreadsheets show it.
///
/// ```
/// use ocop_core::table::parse_table_date;
/// assert_eq!(parse_table_date("15/06/2026").unwrap().to_string(), "2026-06-15");
/// assert_eq!(parse_table_date("2026-06-15").unwrap().to_string(), "2026-06-15");
/// assert!(parse_table_date("06/15/2026").is_none()); // day first: there is no 15th month
/// ```
pub fn parse_table_date(text: &str) -> Option<Date> {
    if let Some(d) = parse_date(text) {
        return Some(d);
    }
    let mut parts = text.split('/');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i16>().ok())
            .flatten()
    };
    let (d, m, y) = (number(d, 1..=2)?, number(m, 1..=2)?, number(y, 4..=4)?);
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// `cell` as a date at `/<column>`.
pub(crate) fn date_cell(cell: &str, column: &str, errors: &mut Vec<InputError>) -> Option<Date> {
    parse_table_date(cell).or_else(|| {
        errors.push(InputError::at(
            format!("/{}", pointer_segment(column)),
            Problem::InvalidDate(cell.chars().take(limits::MAX_TEXT_CHARS).collect()),
        ));
        None
    })
}

/// `cell` as a yes/no flag at `/<column>`: `true`, `yes`, `có`, `x`, `1` or `false`, `no`,
/// `không`, `0`.
pub(crate) fn flag_cell(cell: &str, column: &str, errors: &mut Vec<InputError>) -> Option<bool> {
    match cell.to_lowercase().as_str() {
        "true" | "yes" | "có" | "x" | "1" => Some(true),
        "false" | "no" | "không" | "0" => Some(false),
        _ => {
            errors.push(InputError::at(
                format!("/{}", pointer_segment(column)),
                Problem::WrongType {
                    expected: "true or false (yes/no, có/không, 1/0)",
                    found: format!("`{}`", clip(cell)),
                },
            ));
            None
        }
    }
}

/// `cell` as free text at `/<column>`: at most [`limits::MAX_TEXT_CHARS`] characters.
pub(crate) fn text_cell(cell: &str, column: &str, errors: &mut Vec<InputError>) -> Option<String> {
    if cell.chars().count() > limits::MAX_TEXT_CHARS {
        errors.push(InputError::at(
            format!("/{}", pointer_segment(column)),
            Problem::StringTooLong(limits::MAX_TEXT_CHARS),
        ));
        return None;
    }
    Some(cell.to_owned())
}

/// The items of a list cell: separated by `;`, `,` or `|`, each trimmed.
pub(crate) fn list_cell(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ',', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// At most [`limits::MAX_TEXT_CHARS`] characters of `text`, for messages.
pub(crate) fn clip(text: &str) -> String {
    text.chars().take(limits::MAX_TEXT_CHARS).collect()
}

/// The fields an evaluations table may have besides criterion codes: each column's name and
/// the JSON field it fills (so that a problem found in scoring is reported at its column).
const FIELDS: &[(&str, &str)] = &[
    ("reference", "reference"),
    ("edition", "edition"),
    ("evaluated_on", "evaluatedOn"),
    ("product_set", "productSet"),
    ("subject_type", "subjectType"),
    ("level", "level"),
    ("tourism_case", "tourismCase"),
    ("knockouts", "knockouts"),
    ("dossier_rejected", "dossierRejected"),
    ("requirements_not_met", "requirementsNotMet"),
    ("requirement_rule", "requirementRule"),
];

/// What a column of an evaluations table holds.
#[derive(Clone, Debug)]
enum Column {
    /// One of [`FIELDS`], by its position there.
    Field(usize),
    /// A criterion, by its code as the catalog spells it.
    Criterion(String),
}

/// The columns of an evaluations table, read from its header once: then each row reads into
/// an [`Evaluation`] (see the [module documentation](self) for the columns).
#[derive(Clone, Debug)]
pub struct EvaluationTable {
    columns: Vec<Column>,
    header: Header,
}

impl EvaluationTable {
    /// Reads the header: every column must be a field or a criterion code of some edition of
    /// `catalog`, and `product_set` and `subject_type` must be there.
    pub fn from_header(
        catalog: &Catalog,
        header: &StringRecord,
    ) -> Result<EvaluationTable, InputErrors> {
        let header = Header::new(header);
        let codes = criterion_codes(catalog);
        let mut errors = Vec::new();
        let mut columns = Vec::new();
        for name in header.names() {
            if let Some(f) = FIELDS
                .iter()
                .position(|(column, _)| column.eq_ignore_ascii_case(name))
            {
                columns.push(Column::Field(f));
            } else if let Some(code) = find_code(&codes, name) {
                columns.push(Column::Criterion(code));
            } else {
                errors.push(InputError::at(
                    "/header",
                    Problem::UnknownField {
                        field: clip(name),
                        known: format!(
                            "{}, and criterion codes such as A1.1",
                            FIELDS
                                .iter()
                                .map(|(c, _)| *c)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    },
                ));
            }
        }
        if let Some(name) = header.repeated() {
            errors.push(InputError::at(
                "/header",
                Problem::InvalidCsv(format!("the column `{}` appears twice", clip(name))),
            ));
        }
        let missing: Vec<&str> = ["product_set", "subject_type"]
            .into_iter()
            .filter(|c| header.position(c).is_none())
            .collect();
        if !missing.is_empty() {
            errors.push(InputError::at(
                "/header",
                Problem::CsvHeader {
                    missing: missing.join(", "),
                    columns: "reference, edition, evaluated_on, product_set, subject_type, \
                              then one column per criterion code"
                        .into(),
                },
            ));
        }
        InputErrors::or_ok(errors, EvaluationTable { columns, header })
    }

    /// The row's `reference` cell, if it has one (to name a refused row).
    pub fn reference<'r>(&self, record: &'r StringRecord) -> Option<&'r str> {
        cell(record, self.header.position("reference"))
    }

    /// Reads one row: the evaluation, or every problem at its column (`/A1.1`).
    pub fn read(&self, record: &StringRecord) -> Result<Evaluation, InputErrors> {
        let mut errors = Vec::new();
        let mut fields: [Option<&str>; FIELDS.len()] = [None; FIELDS.len()];
        let mut answers = Answers::default();
        for (column, value) in self.columns.iter().zip(record.iter()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match column {
                Column::Criterion(code) => {
                    if let Some(option) = option_cell(value, code, &mut errors) {
                        answers.insert(code.clone(), option);
                    }
                }
                Column::Field(f) => {
                    if let Some(slot) = fields.get_mut(*f) {
                        *slot = Some(value);
                    }
                }
            }
        }
        let text = |name: &str| {
            FIELDS
                .iter()
                .position(|(column, _)| *column == name)
                .and_then(|i| fields.get(i).copied().flatten())
        };
        // Enum cells are read by the same readers as their JSON fields.
        fn choice<T: FromJson>(v: &str, column: &str, errors: &mut Vec<InputError>) -> Option<T> {
            T::read_at(&Value::String(v.to_owned()), &format!("/{column}"), errors)
        }
        let product_set = need(text("product_set"), "product_set", &mut errors)
            .and_then(|v| whole::<u8>(v, "product_set", &mut errors));
        let subject_type = need(text("subject_type"), "subject_type", &mut errors)
            .and_then(|v| choice::<SubjectType>(v, "subject_type", &mut errors));
        let level = text("level").and_then(|v| choice::<Level>(v, "level", &mut errors));
        let requirement_rule = text("requirement_rule")
            .and_then(|v| choice::<RequirementRule>(v, "requirement_rule", &mut errors));
        let tourism_case =
            text("tourism_case").and_then(|v| whole::<u8>(v, "tourism_case", &mut errors));
        let evaluated_on =
            text("evaluated_on").and_then(|v| date_cell(v, "evaluated_on", &mut errors));
        let dossier_rejected = text("dossier_rejected")
            .and_then(|v| flag_cell(v, "dossier_rejected", &mut errors))
            .unwrap_or(false);
        let mut short_text = |name: &str| text(name).and_then(|v| text_cell(v, name, &mut errors));
        let (reference, edition) = (short_text("reference"), short_text("edition"));
        let codes = |name: &str| -> Vec<String> {
            text(name)
                .map(|v| list_cell(v).map(str::to_owned).collect())
                .unwrap_or_default()
        };
        let (Some(product_set), Some(subject_type), true) =
            (product_set, subject_type, errors.is_empty())
        else {
            return Err(InputErrors(errors));
        };
        Ok(Evaluation {
            format_version: None,
            reference,
            edition,
            evaluated_on,
            product_set,
            subject_type,
            answers,
            knockouts: codes("knockouts"),
            dossier_rejected,
            tourism_case,
            level,
            requirements_not_met: codes("requirements_not_met"),
            requirement_rule,
        })
    }

    /// Reads and scores one row: the report, or the row's line and every problem at its
    /// column, whether found in reading or in scoring.
    pub fn score(&self, catalog: &Catalog, record: &StringRecord) -> Result<ScoreReport, RowError> {
        self.read(record)
            .and_then(|e| {
                catalog.score(&e).map_err(|errors| {
                    InputErrors(
                        errors
                            .0
                            .into_iter()
                            .map(|mut e| {
                                e.path = column_path(&e.path);
                                e
                            })
                            .collect(),
                    )
                })
            })
            .map_err(|errors| RowError {
                line: line_of(record),
                errors: errors.0,
            })
    }
}

/// The column of an evaluation's JSON Pointer: `/answers/A1.1` → `/A1.1`, `/productSet` →
/// `/product_set`, `/knockouts/0` → `/knockouts`.
fn column_path(path: &str) -> String {
    let mut segments = path.trim_start_matches('/').split('/');
    match (segments.next(), segments.next()) {
        (Some("answers"), Some(code)) => format!("/{code}"),
        (Some(field), _) => FIELDS
            .iter()
            .find(|(_, json)| *json == field)
            .map_or_else(|| path.to_owned(), |(column, _)| format!("/{column}")),
        _ => path.to_owned(),
    }
}

/// Every criterion code of the catalog's editions.
fn criterion_codes(catalog: &Catalog) -> BTreeMap<String, ()> {
    catalog
        .editions()
        .flat_map(|e| e.sheets())
        .flat_map(|s| s.criteria().map(|c| (c.code.to_string(), ())))
        .collect()
}

/// The code named by a header: exactly, or without regard to case when only one code fits.
fn find_code(codes: &BTreeMap<String, ()>, name: &str) -> Option<String> {
    if codes.contains_key(name) {
        return Some(name.to_owned());
    }
    let mut fits = codes.keys().filter(|c| c.eq_ignore_ascii_case(name));
    match (fits.next(), fits.next()) {
        (Some(only), None) => Some(only.clone()),
        _ => None,
    }
}

/// A required cell, or `MISSING_FIELD` at its column.
fn need<'a>(
    value: Option<&'a str>,
    column: &'static str,
    errors: &mut Vec<InputError>,
) -> Option<&'a str> {
    if value.is_none() {
        errors.push(InputError::at(
            format!("/{column}"),
            Problem::EmptyCell(column),
        ));
    }
    value
}

/// A whole-number cell.
fn whole<T: TryFrom<u64>>(value: &str, column: &str, errors: &mut Vec<InputError>) -> Option<T> {
    value
        .parse::<u64>()
        .ok()
        .and_then(|n| T::try_from(n).ok())
        .or_else(|| {
            errors.push(InputError::at(
                format!("/{column}"),
                Problem::WrongType {
                    expected: "a whole number",
                    found: format!("`{}`", clip(value)),
                },
            ));
            None
        })
}

/// A criterion's cell: an option number, or `-` when no option applies.
fn option_cell(value: &str, code: &str, errors: &mut Vec<InputError>) -> Option<Option<u32>> {
    let path = format!("/{}", pointer_segment(code));
    if value == "-" || value.eq_ignore_ascii_case("null") {
        return Some(None);
    }
    if let Ok(n) = value.parse::<u32>() {
        return Some(Some(n));
    }
    let problem = match value.parse::<i64>() {
        Ok(n) if n < 0 => Problem::NegativeOption(n),
        _ => Problem::WrongType {
            expected: "an option number (0 = the first option), or - when none applies",
            found: format!("`{}`", clip(value)),
        },
    };
    errors.push(InputError::at(path, problem));
    None
}
