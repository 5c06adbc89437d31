//! A portfolio in the files officers use: read from a spreadsheet, and its indicators and
//! targets written as CSV or `.xlsx` tables.

use ocop_core::Lang;
use ocop_core::portfolio::{Portfolio, PortfolioReport, PortfolioTable, TargetResult};
use ocop_core::summary::{Cell, Column};
use rust_decimal::Decimal;

use crate::render::say;
use crate::tables::{FileKind, TableWriter, XlsxBook, read_sheet_rows};

/// The portfolio on a spreadsheet's first sheet, read by the same rules as the CSV file; the
/// header's problems refuse it as a whole.
pub(crate) fn read_spreadsheet(
    path: &str,
) -> Result<Result<Portfolio, ocop_core::InputErrors>, String> {
    let mut rows = read_sheet_rows(path, None)?.into_iter();
    let Some(header) = rows.next() else {
        return Err(format!("{path}: the first sheet is empty"));
    };
    Ok(PortfolioTable::from_header(&header).map(|table| {
        let mut portfolio = Portfolio::default();
        for record in rows {
            table.read_row(&record, &mut portfolio);
        }
        portfolio
    }))
}

const TARGET_COLUMNS: &[Column] = &[
    Column {
        id: "id",
        vi: "Mã chỉ tiêu",
        en: "Target",
    },
    Column {
        id: "label",
        vi: "Chỉ tiêu",
        en: "Label",
    },
    Column {
        id: "met",
        vi: "Đạt",
        en: "Met",
    },
    Column {
        id: "actual",
        vi: "Thực hiện",
        en: "Actual",
    },
    Column {
        id: "required",
        vi: "Yêu cầu",
        en: "Required",
    },
    Column {
        id: "shortfall",
        vi: "Còn thiếu",
        en: "Shortfall",
    },
    Column {
        id: "message",
        vi: "Đánh giá",
        en: "Assessment",
    },
    Column {
        id: "units_short",
        vi: "Đơn vị chưa đạt",
        en: "Units short",
    },
];

const UNIT_COLUMNS: &[Column] = &[
    Column {
        id: "target",
        vi: "Mã chỉ tiêu",
        en: "Target",
    },
    Column {
        id: "unit",
        vi: "Đơn vị",
        en: "Unit",
    },
    Column {
        id: "count",
        vi: "Số lượng",
        en: "Count",
    },
    Column {
        id: "met",
        vi: "Đạt",
        en: "Met",
    },
];

const INDICATOR_COLUMNS: &[Column] = &[
    Column {
        id: "indicator",
        vi: "Chỉ số",
        en: "Indicator",
    },
    Column {
        id: "key",
        vi: "Mã",
        en: "Key",
    },
    Column {
        id: "name",
        vi: "Tên",
        en: "Name",
    },
    Column {
        id: "count",
        vi: "Số lượng",
        en: "Count",
    },
    Column {
        id: "percent",
        vi: "Tỷ lệ (%)",
        en: "Percent",
    },
];

const ROW_ERROR_COLUMNS: &[Column] = &[
    Column {
        id: "line",
        vi: "Dòng",
        en: "Line",
    },
    Column {
        id: "errors",
        vi: "Lỗi",
        en: "Errors",
    },
];

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn number(n: impl Into<Decimal>) -> Cell {
    Cell::Number(n.into())
}

/// The units of a target asked of each unit that do not reach it, with their counts:
/// `Suối Dây (0)`.
pub(crate) fn units_short(t: &TargetResult) -> Vec<String> {
    t.units
        .iter()
        .filter(|u| !u.met)
        .map(|u| format!("{} ({})", u.unit, u.count))
        .collect()
}

/// One row per target.
fn target_rows(r: &PortfolioReport, lang: Lang) -> Vec<Vec<Cell>> {
    r.targets
        .iter()
        .map(|t| {
            let short = units_short(t);
            vec![
                text(&t.id),
                text(t.label.get(lang)),
                Cell::Flag(t.met),
                number(t.actual),
                number(t.required),
                number(t.shortfall),
                text(t.message.get(lang)),
                if short.is_empty() {
                    Cell::Empty
                } else {
                    text(short.join("; "))
                },
            ]
        })
        .collect()
}

/// The indicators as a long table: the counts, then by stars, group and subject type, the
/// re-evaluation coverage and each certificate expiring soon.
fn indicator_rows(r: &PortfolioReport, lang: Lang) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let mut count = |id: &str, vi: &str, en: &str, n: u32| {
        rows.push(vec![
            text(id),
            Cell::Empty,
            text(say(lang, vi, en)),
            number(n),
            Cell::Empty,
        ]);
    };
    count(
        "products",
        "Sản phẩm được công nhận",
        "Products recognised",
        r.products,
    );
    count(
        "valid_certificates",
        "Giấy chứng nhận còn hiệu lực",
        "Valid certificates",
        r.valid_certificates,
    );
    count("subjects", "Chủ thể", "Producers", r.subjects);
    count(
        "registrations",
        "Sản phẩm đăng ký tham gia",
        "Products registered",
        r.registrations,
    );
    count(
        "sales_points",
        "Điểm giới thiệu và bán sản phẩm OCOP",
        "OCOP sales points",
        r.sales_points,
    );
    for (id, counts) in [
        ("by_stars", &r.by_stars),
        ("by_group", &r.by_group),
        ("by_subject_type", &r.by_subject_type),
    ] {
        for c in counts {
            let name = c.name.as_ref().map_or_else(
                || {
                    if id == "by_stars" {
                        format!("{}★", c.key)
                    } else {
                        c.key.clone()
                    }
                },
                |n| n.get(lang).to_owned(),
            );
            rows.push(vec![
                text(id),
                text(&c.key),
                text(name),
                number(c.count),
                number(c.percent),
            ]);
        }
    }
    let cov = &r.reevaluation;
    rows.push(vec![
        text("reevaluation"),
        Cell::Empty,
        text(say(
            lang,
            "Đã phân hạng lại / đến hạn",
            "Re-evaluated / due",
        )),
        number(cov.reevaluated),
        number(cov.percent),
    ]);
    rows.push(vec![
        text("reevaluation_due"),
        Cell::Empty,
        text(say(lang, "Đến hạn phân hạng lại", "Due for re-evaluation")),
        number(cov.due),
        Cell::Empty,
    ]);
    rows.push(vec![
        text("expired_without_reevaluation"),
        Cell::Empty,
        text(say(
            lang,
            "Hết hạn chưa phân hạng lại",
            "Expired without re-evaluation",
        )),
        number(cov.expired_without),
        Cell::Empty,
    ]);
    for e in &r.expiring {
        rows.push(vec![
            text("expiring"),
            text(e.expires_on.to_string()),
            text(&e.product),
            number(e.days_left),
            Cell::Empty,
        ]);
    }
    rows
}

/// Writes the targets table: a CSV file, or a workbook with the targets and every unit of the
/// targets asked of each commune, district, craft village or year.
pub(crate) fn write_targets(path: &str, r: &PortfolioReport, lang: Lang) -> Result<(), String> {
    let units: Vec<Vec<Cell>> = r
        .targets
        .iter()
        .flat_map(|t| {
            t.units.iter().map(|u| {
                vec![
                    text(&t.id),
                    text(&u.unit),
                    number(u.count),
                    Cell::Flag(u.met),
                ]
            })
        })
        .collect();
    let sheets = [
        (
            say(lang, "Chỉ tiêu", "Targets"),
            TARGET_COLUMNS,
            target_rows(r, lang),
        ),
        (say(lang, "Theo đơn vị", "By unit"), UNIT_COLUMNS, units),
    ];
    write(path, &sheets, lang)
}

/// Writes the indicators: a CSV file, or a workbook that also lists the rows refused.
pub(crate) fn write_indicators(path: &str, r: &PortfolioReport, lang: Lang) -> Result<(), String> {
    let bad: Vec<Vec<Cell>> = r
        .row_errors
        .iter()
        .map(|e| {
            vec![
                number(e.line),
                text(
                    e.errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ]
        })
        .collect();
    let sheets = [
        (
            say(lang, "Chỉ số", "Indicators"),
            INDICATOR_COLUMNS,
            indicator_rows(r, lang),
        ),
        (
            say(lang, "Dòng lỗi", "Rows refused"),
            ROW_ERROR_COLUMNS,
            bad,
        ),
    ];
    write(path, &sheets, lang)
}

/// A named table: its sheet's name, its columns and its rows.
type Table<'a> = (String, &'a [Column], Vec<Vec<Cell>>);

/// The first table to a CSV file; every table, one sheet each, to a workbook.
fn write(path: &str, sheets: &[Table<'_>], lang: Lang) -> Result<(), String> {
    match FileKind::of(path) {
        Some(FileKind::Xlsx) => {
            let mut book = XlsxBook::new(path);
            for (name, columns, rows) in sheets {
                book.add_sheet(name)?;
                book.header(columns, lang)?;
                for row in rows {
                    book.row(row)?;
                }
            }
            book.save()
        }
        Some(FileKind::Csv) => {
            let Some((name, columns, rows)) = sheets.first() else {
                return Ok(());
            };
            let mut w = TableWriter::create(path, name)?;
            w.header(columns, lang)?;
            for row in rows {
                w.row(row)?;
            }
            w.finish()
        }
        _ => Err(format!("{path}: write a table to a .csv or .xlsx file")),
    }
}
