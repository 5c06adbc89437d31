//! Reading a portfolio table: CSV text, or rows handed over from a spreadsheet.

use csv::StringRecord;
use serde_json::Value;

use super::{Portfolio, Product, SalesChannel, SalesPoint, ValueChain};
use crate::catalog::model::SubjectType;
use crate::error::{InputError, InputErrors, Problem, RowError};
use crate::limits;
use crate::read::FromJson;
use crate::table::{Header, cell, clip, csv_reader, date_cell, line_of, list_cell, text_cell};
use crate::wire::Choice;

/// The columns a portfolio table may have, in the order the documentation lists them. Only
/// `product` is required in the header; each row says what it needs.
pub const PORTFOLIO_COLUMNS: &[&str] = &[
    "product",
    "kind",
    "product_set",
    "subject_type",
    "stars",
    "recognised_on",
    "registered_on",
    "edition",
    "status",
    "subject_id",
    "reevaluated_on",
    "commune",
    "district",
    "craft_village",
    "sales_channels",
    "value_chains",
];

/// The columns of a portfolio table, read from its header once.
///
/// ```
/// use ocop_core::portfolio::{Portfolio, PortfolioTable};
/// let header = csv::StringRecord::from(vec!["product", "kind", "district"]);
/// let table = PortfolioTable::from_header(&header).unwrap();
/// let mut portfolio = Portfolio::default();
/// table.read_row(&csv::StringRecord::from(vec!["Điểm bán Hồng Lĩnh", "sales_point", "Hồng Lĩnh"]), &mut portfolio);
/// assert_eq!(portfolio.sales_points[0].district.as_deref(), Some("Hồng Lĩnh"));
/// ```
#[derive(Clone, Debug)]
pub struct PortfolioTable {
    header: Header,
}

impl PortfolioTable {
    /// Reads the header; it must name a `product` column.
    pub fn from_header(header: &StringRecord) -> Result<PortfolioTable, InputErrors> {
        let header = Header::new(header);
        if header.position("product").is_none() {
            return Err(InputErrors::at(
                "/header",
                Problem::CsvHeader {
                    missing: "product".into(),
                    columns: PORTFOLIO_COLUMNS.join(","),
                },
            ));
        }
        if let Some(name) = header.repeated() {
            return Err(InputErrors::at(
                "/header",
                Problem::InvalidCsv(format!("the column `{}` appears twice", clip(name))),
            ));
        }
        Ok(PortfolioTable { header })
    }

    /// Reads one row into `portfolio`: a product, a sales point, or a row error with the
    /// row's line. Past [`limits::MAX_CSV_ROWS`] rows, one error says so and the rest is
    /// ignored.
    pub fn read_row(&self, record: &StringRecord, portfolio: &mut Portfolio) {
        let line = line_of(record);
        let rows = portfolio.rows();
        if rows >= limits::MAX_CSV_ROWS {
            if rows == limits::MAX_CSV_ROWS {
                portfolio.row_errors.push(RowError {
                    line,
                    errors: vec![InputError::at(
                        "",
                        Problem::TooManyItems {
                            what: "rows",
                            max: limits::MAX_CSV_ROWS,
                            found: rows + 1,
                        },
                    )],
                });
            }
            return;
        }
        let field = |name: &str| cell(record, self.header.position(name));
        let result = match field("kind").map(str::to_lowercase).as_deref() {
            None | Some("product") => product_from_row(&field).map(|p| portfolio.products.push(p)),
            Some("sales_point") => {
                sales_point_from_row(&field).map(|s| portfolio.sales_points.push(s))
            }
            Some(other) => Err(vec![InputError::at(
                "/kind",
                Problem::NotOneOf {
                    what: "a kind of row",
                    found: clip(other),
                    allowed: "product, sales_point".into(),
                },
            )]),
        };
        if let Err(errors) = result {
            portfolio.row_errors.push(RowError { line, errors });
        }
    }
}

/// Reads a portfolio from CSV text: the good rows, and the bad rows with their line numbers.
/// Errors only when the file as a whole cannot be read (too large, no usable header).
pub fn read_portfolio_csv(text: &str) -> Result<Portfolio, InputErrors> {
    if text.len() > limits::MAX_CSV_BYTES {
        return Err(InputErrors::at(
            "",
            Problem::InputTooLarge {
                size: text.len(),
                limit: limits::MAX_CSV_BYTES,
            },
        ));
    }
    let mut reader = csv_reader(text);
    let header = reader.headers().map_err(|e| {
        InputErrors::at(
            "/header",
            Problem::InvalidCsv(format!("the header cannot be read: {e}")),
        )
    })?;
    let table = PortfolioTable::from_header(header)?;
    let mut portfolio = Portfolio::default();
    for record in reader.records() {
        match record {
            Ok(record) => table.read_row(&record, &mut portfolio),
            Err(e) => portfolio.row_errors.push(RowError {
                line: e.position().map_or(0, csv::Position::line),
                errors: vec![InputError::at("", Problem::InvalidCsv(e.to_string()))],
            }),
        }
        if portfolio.rows() > limits::MAX_CSV_ROWS {
            break;
        }
    }
    Ok(portfolio)
}

fn product_from_row<'a>(
    field: &dyn Fn(&str) -> Option<&'a str>,
) -> Result<Product, Vec<InputError>> {
    let mut errors = Vec::new();
    let registered = field("registered_on");
    // A product only registered has no recognition yet; otherwise both cells are needed.
    let recognition_needed =
        registered.is_none() || field("stars").is_some() || field("recognised_on").is_some();
    let mut need = |name: &'static str, needed: bool| {
        let v = field(name);
        if v.is_none() && needed {
            errors.push(InputError::at(format!("/{name}"), Problem::EmptyCell(name)));
        }
        v
    };
    let (product, set, subject, stars, recognised) = (
        need("product", true),
        need("product_set", true),
        need("subject_type", true),
        need("stars", recognition_needed),
        need("recognised_on", recognition_needed),
    );
    let product_set = set.and_then(|v| number(v, "product_set", 26, &mut errors));
    let stars = stars.and_then(|v| number(v, "stars", 5, &mut errors));
    let subject_type = subject.and_then(|v| {
        SubjectType::read_at(&Value::String(v.to_owned()), "/subject_type", &mut errors)
    });
    let recognised_on = recognised.and_then(|v| date_cell(v, "recognised_on", &mut errors));
    let reevaluated_on =
        field("reevaluated_on").and_then(|v| date_cell(v, "reevaluated_on", &mut errors));
    let registered_on = registered.and_then(|v| date_cell(v, "registered_on", &mut errors));
    let revoked = match field("status").map(str::to_lowercase).as_deref() {
        None | Some("active") => false,
        Some("revoked") => true,
        Some(other) => {
            errors.push(InputError::at(
                "/status",
                Problem::NotOneOf {
                    what: "a status",
                    found: clip(other),
                    allowed: "active, revoked".into(),
                },
            ));
            false
        }
    };
    let [commune, district, craft_village, subject_id] =
        ["commune", "district", "craft_village", "subject_id"]
            .map(|name| text(field, name, &mut errors));
    if product.is_some() {
        text(field, "product", &mut errors);
    }
    let sales_channels = choices::<SalesChannel>(field, "sales_channels", &mut errors);
    let value_chains = choices::<ValueChain>(field, "value_chains", &mut errors);
    match (errors.is_empty(), product, product_set, subject_type) {
        (true, Some(product), Some(product_set), Some(subject_type)) => Ok(Product {
            product: product.to_owned(),
            product_set,
            subject_type,
            stars,
            recognised_on,
            registered_on,
            edition: field("edition").map(str::to_owned),
            revoked,
            subject_id,
            reevaluated_on,
            commune,
            district,
            craft_village,
            sales_channels,
            value_chains,
        }),
        _ => Err(errors),
    }
}

fn sales_point_from_row<'a>(
    field: &dyn Fn(&str) -> Option<&'a str>,
) -> Result<SalesPoint, Vec<InputError>> {
    let mut errors = Vec::new();
    let name = field("product");
    if name.is_none() {
        errors.push(InputError::at("/product", Problem::EmptyCell("product")));
    }
    let [name, commune, district] =
        ["product", "commune", "district"].map(|c| text(field, c, &mut errors));
    if commune.is_none() && district.is_none() && errors.is_empty() {
        errors.push(InputError::at("/district", Problem::EmptyCell("district")));
    }
    match (errors.is_empty(), name) {
        (true, Some(name)) => Ok(SalesPoint {
            name,
            commune,
            district,
        }),
        _ => Err(errors),
    }
}

/// The text cell `name`, if not empty, of at most [`limits::MAX_TEXT_CHARS`] characters.
fn text<'a>(
    field: &dyn Fn(&str) -> Option<&'a str>,
    name: &str,
    errors: &mut Vec<InputError>,
) -> Option<String> {
    field(name).and_then(|v| text_cell(v, name, errors))
}

/// A list cell of named values (`supermarket; ecommerce`), each read by its wire name.
fn choices<'a, T: Choice + FromJson + Ord>(
    field: &dyn Fn(&str) -> Option<&'a str>,
    name: &str,
    errors: &mut Vec<InputError>,
) -> Vec<T> {
    let mut out: Vec<T> = field(name)
        .map(|v| {
            list_cell(v)
                .filter_map(|item| {
                    T::read_at(&Value::String(item.to_owned()), &format!("/{name}"), errors)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort_unstable();
    out.dedup();
    out
}

/// A cell holding a whole number from 1 to `max`.
fn number(v: &str, name: &str, max: u8, errors: &mut Vec<InputError>) -> Option<u8> {
    match v.parse::<u8>() {
        Ok(n) if (1..=max).contains(&n) => Some(n),
        _ => {
            errors.push(InputError::at(
                format!("/{name}"),
                Problem::WrongType {
                    expected: if max == 5 {
                        "a whole number from 1 to 5"
                    } else {
                        "a whole number from 1 to 26"
                    },
                    found: format!("`{}`", clip(v)),
                },
            ));
            None
        }
    }
}
