//! One line per product: the summary of a report that a batch writes to a CSV file or a
//! spreadsheet (reference, edition, product set, total, band, stars, outcome, first blocker,
//! recognition), defined once for every surface.
//!
//! ```
//! use ocop_core::{Catalog, Input};
//! use ocop_core::summary::{Summary, SUMMARY_COLUMNS};
//! let e = ocop_core::Evaluation::from_json(include_str!("../../ocop-cli/src/example.json")).unwrap();
//! let summary = Summary::of(&Catalog::builtin().score(&e).unwrap());
//! assert_eq!((summary.total.to_string().as_str(), summary.stars), ("75", Some(3)));
//! assert_eq!(summary.first_blocker.as_deref(), Some("B5.1")); // what holds it below 4★
//! let cells = summary.cells(Some(2));
//! assert_eq!(cells.len(), SUMMARY_COLUMNS.len());
//! assert_eq!(cells[0].to_string(), "2"); // the input line
//! ```

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::model::{Level, SubjectType};
use crate::error::{InputError, WarningCode};
use crate::scoring::{Outcome, ScoreReport};
use crate::text::{Lang, Str};
use crate::wire::Choice;

/// What came of an evaluation, without its details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum OutcomeKind {
    /// Scored and rated.
    Rated,
    /// A knock-out stopped the evaluation: no stars.
    NotRated,
    /// The product is out (a rejected dossier or an eliminating knock-out).
    Rejected,
}

impl Choice for OutcomeKind {
    const ALL: &'static [OutcomeKind] = &[
        OutcomeKind::Rated,
        OutcomeKind::NotRated,
        OutcomeKind::Rejected,
    ];
    const WHAT: &'static str = "an outcome";
}

/// A report in one line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The caller's reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The edition that scored it (`26/2026`).
    pub edition: Str,
    /// The product set (1–26).
    pub product_set: u8,
    /// Who applied.
    pub subject_type: SubjectType,
    /// The total (a council's mean may have decimals).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub total: Decimal,
    /// Stars by total alone (absent when not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<u8>,
    /// Stars awarded once markers apply (absent when not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
    /// 3★ or more, rated: a certificate is issued.
    pub certifiable: bool,
    /// Rated, not rated or rejected.
    pub outcome: OutcomeKind,
    /// The criterion where it stopped or was rejected, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_at: Option<Str>,
    /// The criterion whose star marker first holds the product below its band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_blocker: Option<Str>,
    /// The star that marker blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_star: Option<u8>,
    /// The points the marker needs on that criterion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocker_needs_points: Option<u8>,
    /// The level that recognises the stars awarded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognised_at: Option<Level>,
    /// The level the dossier goes on to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forward_to: Option<Level>,
    /// The warnings' codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<WarningCode>,
}

impl Summary {
    /// The summary of `report`.
    pub fn of(report: &ScoreReport) -> Summary {
        let (outcome, outcome_at) = match &report.outcome {
            Outcome::Rated => (OutcomeKind::Rated, None),
            Outcome::NotRated { at, .. } => (OutcomeKind::NotRated, Some(at.clone())),
            Outcome::Rejected { at } => (OutcomeKind::Rejected, at.clone()),
        };
        let blocker = report.blockers.first();
        let mut warnings: Vec<WarningCode> = Vec::new();
        for w in &report.warnings {
            if !warnings.contains(&w.code) {
                warnings.push(w.code);
            }
        }
        Summary {
            reference: report.reference.clone(),
            edition: report.edition.id.clone(),
            product_set: report.product_set,
            subject_type: report.subject_type,
            total: report.total,
            band: report.band,
            stars: report.stars,
            certifiable: report.certifiable,
            outcome,
            outcome_at,
            first_blocker: blocker.map(|b| b.code.clone()),
            blocked_star: blocker.map(|b| b.star),
            blocker_needs_points: blocker.map(|b| b.needs_points),
            recognised_at: report.recognition.recognised_at,
            forward_to: report.recognition.forward_to,
            warnings,
        }
    }

    /// The row's cells in [`SUMMARY_COLUMNS`] order; `line` is the input line it came from.
    pub fn cells(&self, line: Option<u64>) -> Vec<Cell> {
        let whole = |n: Option<u8>| n.map_or(Cell::Empty, |n| Cell::Number(Decimal::from(n)));
        let text = |s: Option<&str>| s.map_or(Cell::Empty, |s| Cell::Text(s.to_owned()));
        vec![
            line.map_or(Cell::Empty, |l| Cell::Number(Decimal::from(l))),
            text(self.reference.as_deref()),
            Cell::Text(self.edition.to_string()),
            whole(Some(self.product_set)),
            Cell::Text(self.subject_type.wire().to_owned()),
            Cell::Number(self.total),
            whole(self.band),
            whole(self.stars),
            Cell::Flag(self.certifiable),
            Cell::Text(self.outcome.wire().to_owned()),
            text(self.outcome_at.as_deref()),
            text(self.first_blocker.as_deref()),
            whole(self.blocked_star),
            whole(self.blocker_needs_points),
            text(self.recognised_at.map(Choice::wire)),
            text(self.forward_to.map(Choice::wire)),
            text(
                Some(
                    self.warnings
                        .iter()
                        .map(|w| w.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
                .as_deref()
                .filter(|s| !s.is_empty()),
            ),
            Cell::Empty,
        ]
    }

    /// The row for an input that was refused: its line, its reference if it could be read,
    /// and every error (`CODE at /path: sentence`, joined by `; `) in the last column.
    ///
    /// ```
    /// use ocop_core::error::{InputError, Problem};
    /// use ocop_core::summary::Summary;
    /// let cells = Summary::refused_cells(Some(7), Some("Chè"), &[InputError::at("/A1.1", Problem::NegativeOption(-1))]);
    /// assert_eq!(cells.last().unwrap().to_string(), "OPTION_OUT_OF_RANGE at /A1.1: option -1 does not exist: options are numbered from 0");
    /// ```
    pub fn refused_cells(
        line: Option<u64>,
        reference: Option<&str>,
        errors: &[InputError],
    ) -> Vec<Cell> {
        let mut cells = vec![Cell::Empty; SUMMARY_COLUMNS.len()];
        if let Some(first) = cells.first_mut() {
            *first = line.map_or(Cell::Empty, |l| Cell::Number(Decimal::from(l)));
        }
        if let (Some(slot), Some(r)) = (cells.get_mut(1), reference) {
            *slot = Cell::Text(r.chars().take(crate::limits::MAX_TEXT_CHARS).collect());
        }
        if let Some(last) = cells.last_mut() {
            *last = Cell::Text(
                errors
                    .iter()
                    .map(InputError::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
        cells
    }
}

/// A column of a table written for people: its stable id (the CSV header) and its title in
/// Vietnamese and English (a spreadsheet's header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Stable id, e.g. `product_set`.
    pub id: &'static str,
    /// Title in Vietnamese.
    pub vi: &'static str,
    /// Title in English.
    pub en: &'static str,
}

impl Column {
    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

/// The columns of a batch's summary, in order.
pub const SUMMARY_COLUMNS: &[Column] = &[
    Column {
        id: "line",
        vi: "Dòng",
        en: "Line",
    },
    Column {
        id: "reference",
        vi: "Mã tham chiếu",
        en: "Reference",
    },
    Column {
        id: "edition",
        vi: "Bộ tiêu chí",
        en: "Edition",
    },
    Column {
        id: "product_set",
        vi: "Bộ sản phẩm",
        en: "Product set",
    },
    Column {
        id: "subject_type",
        vi: "Loại chủ thể",
        en: "Subject type",
    },
    Column {
        id: "total",
        vi: "Tổng điểm",
        en: "Total",
    },
    Column {
        id: "band",
        vi: "Hạng theo điểm",
        en: "Band",
    },
    Column {
        id: "stars",
        vi: "Hạng sao",
        en: "Stars",
    },
    Column {
        id: "certifiable",
        vi: "Được chứng nhận",
        en: "Certifiable",
    },
    Column {
        id: "outcome",
        vi: "Kết quả",
        en: "Outcome",
    },
    Column {
        id: "outcome_at",
        vi: "Tại tiêu chí",
        en: "At criterion",
    },
    Column {
        id: "first_blocker",
        vi: "Tiêu chí giữ hạng sao",
        en: "First blocker",
    },
    Column {
        id: "blocked_star",
        vi: "Hạng sao bị giữ",
        en: "Blocked star",
    },
    Column {
        id: "blocker_needs_points",
        vi: "Điểm cần đạt",
        en: "Points needed",
    },
    Column {
        id: "recognised_at",
        vi: "Cấp công nhận",
        en: "Recognised at",
    },
    Column {
        id: "forward_to",
        vi: "Chuyển lên cấp",
        en: "Forward to",
    },
    Column {
        id: "warnings",
        vi: "Cảnh báo",
        en: "Warnings",
    },
    Column {
        id: "errors",
        vi: "Lỗi",
        en: "Errors",
    },
];

/// A cell of a table: text, an exact number, or a yes/no flag. A spreadsheet keeps numbers
/// as numbers; [`fmt::Display`] gives the CSV text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number (points, stars, counts, percentages).
    Number(Decimal),
    /// Yes or no (`true`/`false` in CSV).
    Flag(bool),
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Empty => Ok(()),
            Cell::Text(s) => f.write_str(s),
            Cell::Number(n) => write!(f, "{}", n.normalize()),
            Cell::Flag(b) => write!(f, "{b}"),
        }
    }
}
