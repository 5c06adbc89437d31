//! A province's or district's OCOP products, the indicators its plan tracks, and its targets.
//!
//! The products come as CSV with this header (column order free, extra columns ignored):
//!
//! ```text
//! product,product_set,subject_type,stars,recognised_on,edition,status,subject_id,reevaluated_on
//! ```
//!
//! `product`, `product_set` (1–26), `subject_type` (`cooperative`…), `stars` (1–5) and
//! `recognised_on` (`YYYY-MM-DD`) are required; `edition` defaults to the one in force on
//! `recognised_on`; `status` is `active` (default) or `revoked`; `subject_id` identifies the
//! producer (to count producers rather than products); `reevaluated_on` is the day a
//! re-evaluation was filed. A bad row is reported with its line number; the others still count.
//!
//! Targets are declared in JSON (see [`TargetSet`]); plans ship as examples
//! ([`TargetSet::bundled`]).

use std::collections::{BTreeMap, BTreeSet};

use jiff::Span;
use jiff::civil::Date;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::Catalog;
use crate::catalog::model::SubjectType;
use crate::certificate::{CertificateInput, CertificateState};
use crate::error::{InputError, InputErrors, Problem};
use crate::limits;
use crate::read::{self, Fields, FromJson, Input, parse_date};
use crate::text::Text;
use crate::wire::Choice;

/// One product of the portfolio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Product {
    /// Name or id.
    pub product: String,
    /// Product set (1–26).
    pub product_set: u8,
    /// Who makes it.
    pub subject_type: SubjectType,
    /// Stars recognised.
    pub stars: u8,
    /// Day of recognition.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub recognised_on: Date,
    /// Edition it was recognised under (default: in force on `recognised_on`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The certificate was revoked.
    #[serde(default)]
    pub revoked: bool,
    /// The producer's id, to count producers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_id: Option<String>,
    /// The day a re-evaluation was filed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    pub reevaluated_on: Option<Date>,
}

/// Which products a target or indicator counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Filter {
    /// At least this many stars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub min_stars: Option<u8>,
    /// Exactly one of these star counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub stars: Vec<u8>,
    /// Product groups (I–VI).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub groups: Vec<String>,
    /// Subject types.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub subject_types: Vec<SubjectType>,
    /// Recognised on or after.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub recognised_from: Option<Date>,
    /// Recognised on or before.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub recognised_to: Option<Date>,
    /// Only certificates valid on the report's day.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub valid_only: bool,
}

/// A plan's targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetSet {
    /// The plan's name.
    pub name: String,
    /// Where the targets come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub source: Option<String>,
    /// The targets.
    pub targets: Vec<Target>,
}

/// A target: a count, or a share of products (or producers), that must be reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Target {
    /// Short id.
    pub id: String,
    /// What it says, in plain words.
    pub label: Text,
    /// What is counted.
    pub filter: Filter,
    /// For a share: of which products (default: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub of: Option<Filter>,
    /// Count products, or distinct producers (`subject_id`, else the product's name).
    #[serde(default)]
    pub count: CountBy,
    /// A count target: at least this many.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub at_least: Option<u32>,
    /// A share target: at least this percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub at_least_percent: Option<Decimal>,
}

/// What a target counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum CountBy {
    /// Products.
    #[default]
    Products,
    /// Distinct producers.
    Subjects,
}

impl Choice for CountBy {
    const ALL: &'static [CountBy] = &[CountBy::Products, CountBy::Subjects];
    const WHAT: &'static str = "what a target counts (products or subjects)";
}

read::read_choices!(CountBy);

impl Input for Filter {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Filter> {
        let f = Fields::new(
            value,
            path,
            "a filter",
            &[&[
                "minStars",
                "stars",
                "groups",
                "subjectTypes",
                "recognisedFrom",
                "recognisedTo",
                "validOnly",
            ]],
            errors,
        );
        let stars = f
            .raw("stars")
            .and_then(|v| read::list(v, &f.path("stars"), "stars", 5, errors));
        let groups = f
            .raw("groups")
            .and_then(|v| read::list(v, &f.path("groups"), "groups", 6, errors));
        let subject_types = f.raw("subjectTypes").and_then(|v| {
            read::list(
                v,
                &f.path("subjectTypes"),
                "subject types",
                SubjectType::ALL.len(),
                errors,
            )
        });
        Some(Filter {
            min_stars: f.optional("minStars", errors),
            stars: stars.unwrap_or_default(),
            groups: groups.unwrap_or_default(),
            subject_types: subject_types.unwrap_or_default(),
            recognised_from: f.optional("recognisedFrom", errors),
            recognised_to: f.optional("recognisedTo", errors),
            valid_only: f.optional("validOnly", errors).unwrap_or(false),
        })
    }
}

impl Input for Target {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Target> {
        let f = Fields::new(
            value,
            path,
            "a target",
            &[&[
                "id",
                "label",
                "filter",
                "of",
                "count",
                "atLeast",
                "atLeastPercent",
            ]],
            errors,
        );
        let id = f.required("id", errors);
        let label = f.required("label", errors);
        let filter = f.required("filter", errors);
        Some(Target {
            of: f.optional("of", errors),
            count: f.optional("count", errors).unwrap_or_default(),
            at_least: f.optional("atLeast", errors),
            at_least_percent: f.optional("atLeastPercent", errors),
            id: id?,
            label: label?,
            filter: filter?,
        })
    }
}

impl Input for TargetSet {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<TargetSet> {
        let before = errors.len();
        let f = Fields::new(
            value,
            path,
            "a target set",
            &[&["name", "source", "targets"]],
            errors,
        );
        let name = f.required("name", errors);
        let source = f
            .raw("source")
            .and_then(|v| read::text(v, &f.path("source"), limits::MAX_NOTE_CHARS, errors));
        let targets = match f.raw("targets") {
            Some(v) => read::list(
                v,
                &f.path("targets"),
                "targets",
                limits::MAX_TARGETS,
                errors,
            ),
            None => {
                if f.is_object() {
                    errors.push(InputError::at(
                        f.path("targets"),
                        Problem::MissingField("targets".into()),
                    ));
                }
                None
            }
        };
        let set = TargetSet {
            name: name?,
            source,
            targets: targets?,
        };
        // The same checks as for a set built in code, under this path.
        if let Err(e) = set.check() {
            errors.extend(e.under(path).0);
        }
        (errors.len() == before).then_some(set)
    }
}

read::deserialize_through_reader!(Filter, Target, TargetSet);

/// The indicators and targets for a portfolio on a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct PortfolioReport {
    /// The day of the report.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub on: Date,
    /// Products read.
    pub products: u32,
    /// Of which with a certificate valid on that day.
    pub valid_certificates: u32,
    /// Distinct producers.
    pub subjects: u32,
    /// Products by stars.
    pub by_stars: Vec<Count>,
    /// Products by group.
    pub by_group: Vec<Count>,
    /// Products by subject type.
    pub by_subject_type: Vec<Count>,
    /// Certificates expiring within `expiring_within_days`.
    pub expiring: Vec<Expiring>,
    /// The horizon for `expiring`.
    pub expiring_within_days: u32,
    /// Re-evaluation coverage among certificates due (window opened, or expired).
    pub reevaluation: Coverage,
    /// Each target, met or not.
    pub targets: Vec<TargetResult>,
    /// Rows that could not be read (the others are counted).
    pub row_errors: Vec<RowError>,
}

/// A count with its share of the products counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Count {
    /// The value counted (a star, a group code, a subject type id).
    pub key: String,
    /// Its name, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// How many.
    pub count: u32,
    /// Percentage of the products (2 decimals).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub percent: Decimal,
}

/// A certificate that expires soon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Expiring {
    /// Product.
    pub product: String,
    /// Last valid day.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub expires_on: Date,
    /// Days left.
    pub days_left: i32,
    /// A re-evaluation was filed.
    pub reevaluation_filed: bool,
}

/// How many certificates due for re-evaluation were re-evaluated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// Certificates whose window has opened or that have expired.
    pub due: u32,
    /// Of which re-evaluated.
    pub reevaluated: u32,
    /// Expired without a re-evaluation.
    pub expired_without: u32,
    /// Percentage re-evaluated (2 decimals; 100 when none is due).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub percent: Decimal,
}

/// A target, met or not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct TargetResult {
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: Text,
    /// Reached.
    pub met: bool,
    /// The count, or the percentage, reached.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub actual: Decimal,
    /// The count, or the percentage, required.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub required: Decimal,
    /// How many more matching products (or producers) are needed.
    pub shortfall: u32,
    /// In plain words.
    pub message: Text,
}

/// A CSV row that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    /// Line number in the file (the header is line 1).
    pub line: u64,
    /// What is wrong.
    pub errors: Vec<InputError>,
}

const COLUMNS: &[&str] = &[
    "product",
    "product_set",
    "subject_type",
    "stars",
    "recognised_on",
    "edition",
    "status",
    "subject_id",
    "reevaluated_on",
];
const REQUIRED: &[&str] = &[
    "product",
    "product_set",
    "subject_type",
    "stars",
    "recognised_on",
];

/// Reads products from CSV text: the good rows, and the bad rows with their line numbers.
/// Errors only when the file as a whole cannot be read (too large, no usable header).
pub fn read_products_csv(text: &str) -> Result<(Vec<Product>, Vec<RowError>), InputErrors> {
    if text.len() > limits::MAX_CSV_BYTES {
        return Err(InputErrors::at(
            "",
            Problem::InputTooLarge {
                size: text.len(),
                limit: limits::MAX_CSV_BYTES,
            },
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| {
            InputErrors::at(
                "/header",
                Problem::InvalidCsv(format!("the header cannot be read: {e}")),
            )
        })?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| !header.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(InputErrors::at(
            "/header",
            Problem::CsvHeader {
                missing: missing.join(", "),
                columns: COLUMNS.join(","),
            },
        ));
    }
    let column = |name: &str| header.iter().position(|h| h == name);
    let mut products = Vec::new();
    let mut bad = Vec::new();
    for (n, record) in reader.records().enumerate() {
        if n >= limits::MAX_CSV_ROWS {
            bad.push(RowError {
                line: u64::try_from(n).unwrap_or(u64::MAX) + 2,
                errors: vec![InputError::at(
                    "",
                    Problem::TooManyItems {
                        what: "rows",
                        max: limits::MAX_CSV_ROWS,
                        found: n + 1,
                    },
                )],
            });
            break;
        }
        match record {
            Err(e) => bad.push(RowError {
                line: e.position().map_or(0, csv::Position::line),
                errors: vec![InputError::at("", Problem::InvalidCsv(e.to_string()))],
            }),
            Ok(record) => {
                let line = record.position().map_or(0, csv::Position::line);
                let field = |name: &str| {
                    column(name)
                        .and_then(|i| record.get(i))
                        .filter(|v| !v.is_empty())
                };
                match product_from_row(&field) {
                    Ok(p) => products.push(p),
                    Err(errors) => bad.push(RowError { line, errors }),
                }
            }
        }
    }
    Ok((products, bad))
}

fn product_from_row<'a>(
    field: &dyn Fn(&str) -> Option<&'a str>,
) -> Result<Product, Vec<InputError>> {
    let mut errors = Vec::new();
    let mut need = |name: &'static str| {
        let v = field(name);
        if v.is_none() {
            errors.push(InputError::at(format!("/{name}"), Problem::EmptyCell(name)));
        }
        v
    };
    let (product, set, subject, stars, recognised) = (
        need("product"),
        need("product_set"),
        need("subject_type"),
        need("stars"),
        need("recognised_on"),
    );
    let product_set = set.and_then(|v| number(v, "product_set", 26, &mut errors));
    let stars = stars.and_then(|v| number(v, "stars", 5, &mut errors));
    let subject_type = subject.and_then(|v| {
        SubjectType::read_at(&Value::String(v.to_owned()), "/subject_type", &mut errors)
    });
    let mut date = |name: &str| {
        field(name).and_then(|v| {
            parse_date(v).or_else(|| {
                errors.push(InputError::at(
                    format!("/{name}"),
                    Problem::InvalidDate(v.to_owned()),
                ));
                None
            })
        })
    };
    let recognised_on = recognised.and(date("recognised_on"));
    let reevaluated_on = date("reevaluated_on");
    let revoked = match field("status").map(str::to_lowercase).as_deref() {
        None | Some("active") => false,
        Some("revoked") => true,
        Some(other) => {
            errors.push(InputError::at(
                "/status",
                Problem::NotOneOf {
                    what: "a status",
                    found: other.chars().take(limits::MAX_TEXT_CHARS).collect(),
                    allowed: "active, revoked".into(),
                },
            ));
            false
        }
    };
    for (name, value) in [("product", product), ("subject_id", field("subject_id"))] {
        if value.is_some_and(|v| v.chars().count() > limits::MAX_TEXT_CHARS) {
            errors.push(InputError::at(
                format!("/{name}"),
                Problem::StringTooLong(limits::MAX_TEXT_CHARS),
            ));
        }
    }
    match (
        errors.is_empty(),
        product,
        product_set,
        subject_type,
        stars,
        recognised_on,
    ) {
        (
            true,
            Some(product),
            Some(product_set),
            Some(subject_type),
            Some(stars),
            Some(recognised_on),
        ) => Ok(Product {
            product: product.to_owned(),
            product_set,
            subject_type,
            stars,
            recognised_on,
            edition: field("edition").map(str::to_owned),
            revoked,
            subject_id: field("subject_id").map(str::to_owned),
            reevaluated_on,
        }),
        _ => Err(errors),
    }
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
                    found: format!(
                        "`{}`",
                        v.chars().take(limits::MAX_TEXT_CHARS).collect::<String>()
                    ),
                },
            ));
            None
        }
    }
}

impl TargetSet {
    /// The names of the plans bundled as example target sets.
    pub const BUNDLED: &'static [&'static str] = &["ha-tinh-2023-2025"];

    /// A bundled plan's targets by name (see [`TargetSet::BUNDLED`]): the Hà Tĩnh 2023–2025
    /// plan's at least 300 products at 3★ or more, at least 20% of them 4★ and 5% 5★, at least
    /// 40% of producers cooperatives and 30% SMEs.
    ///
    /// ```
    /// use ocop_core::portfolio::TargetSet;
    /// let set = TargetSet::bundled("ha-tinh-2023-2025").unwrap();
    /// assert_eq!(set.targets.len(), 5);
    /// assert!(TargetSet::bundled("atlantis").is_none());
    /// ```
    pub fn bundled(name: &str) -> Option<TargetSet> {
        let text = match name {
            "ha-tinh-2023-2025" => include_str!("../data/targets/ha-tinh-2023-2025.json"),
            _ => return None,
        };
        // Every bundled set reads: a test reads each one, so None here means "no such name".
        TargetSet::from_json(text).ok()
    }

    /// Checks what the reader checks, for a set built in code: at most [`limits::MAX_TARGETS`]
    /// targets, each with either a count or a percentage from 0 to 100.
    ///
    /// ```
    /// use ocop_core::portfolio::TargetSet;
    /// let mut set = TargetSet::bundled("ha-tinh-2023-2025").unwrap();
    /// assert!(set.check().is_ok());
    /// set.targets[0].at_least = None; // neither a count nor a percentage
    /// assert_eq!(set.check().unwrap_err().0[0].path, "/targets/0");
    /// ```
    pub fn check(&self) -> Result<(), InputErrors> {
        let mut errors = Vec::new();
        if self.targets.len() > limits::MAX_TARGETS {
            errors.push(InputError::at(
                "/targets",
                Problem::TooManyItems {
                    what: "targets",
                    max: limits::MAX_TARGETS,
                    found: self.targets.len(),
                },
            ));
        }
        for (i, t) in self.targets.iter().enumerate() {
            let ok = match (t.at_least, t.at_least_percent) {
                (Some(_), None) => true,
                (None, Some(p)) => p >= Decimal::ZERO && p <= Decimal::ONE_HUNDRED,
                _ => false,
            };
            if !ok {
                errors.push(InputError::at(
                    format!("/targets/{i}"),
                    Problem::TargetNeedsMeasure,
                ));
            }
        }
        InputErrors::or_ok(errors, ())
    }
}

impl Catalog {
    /// The plan's indicators for `products` on `on`, and each target in `targets`.
    ///
    /// Refused only when `targets` fails [`TargetSet::check`].
    ///
    /// ```
    /// use jiff::civil::date;
    /// use ocop_core::portfolio::{read_products_csv, TargetSet};
    /// let csv = "product,product_set,subject_type,stars,recognised_on\n\
    ///            Nước mắm,9,cooperative,4,2024-03-15\n\
    ///            Chè xanh,11,household,3,2023-11-30\n\
    ///            Bad row,99,farm,3,2024-01-01\n";
    /// let (products, bad) = read_products_csv(csv).unwrap();
    /// assert_eq!((products.len(), bad[0].line), (2, 4));
    /// let targets = TargetSet::bundled("ha-tinh-2023-2025").unwrap();
    /// let report = ocop_core::Catalog::builtin()
    ///     .portfolio(&products, bad, date(2026, 11, 23), 365, Some(&targets))
    ///     .unwrap();
    /// assert_eq!(report.products, 2);
    /// assert!(!report.targets[0].met); // 300 products at 3★ or more
    /// ```
    pub fn portfolio(
        &self,
        products: &[Product],
        row_errors: Vec<RowError>,
        on: Date,
        expiring_within_days: u32,
        targets: Option<&TargetSet>,
    ) -> Result<PortfolioReport, InputErrors> {
        if let Some(t) = targets {
            t.check()?;
        }
        let facts: Vec<Facts<'_>> = products.iter().map(|p| self.facts(p, on)).collect();
        let total = u32::try_from(facts.len()).unwrap_or(u32::MAX);
        let subjects = distinct(facts.iter());
        let mut by_stars: BTreeMap<String, u32> = BTreeMap::new();
        let mut by_group: BTreeMap<String, u32> = BTreeMap::new();
        let mut by_type: BTreeMap<SubjectType, u32> = BTreeMap::new();
        for f in &facts {
            *by_stars.entry(f.product.stars.to_string()).or_default() += 1;
            *by_group
                .entry(f.group.clone().unwrap_or_else(|| "?".into()))
                .or_default() += 1;
            *by_type.entry(f.product.subject_type).or_default() += 1;
        }
        let newest = self.editions().next();
        let group_name = |code: &str| {
            newest
                .and_then(|e| e.data().groups.iter().find(|g| g.code == code))
                .map(|g| g.name.clone())
        };
        let type_name = |t: SubjectType| {
            newest
                .and_then(|e| e.data().subject_types.iter().find(|x| x.id == t))
                .map(|x| x.name.clone())
        };
        let counts =
            |m: BTreeMap<String, u32>, name: &dyn Fn(&str) -> Option<Text>| -> Vec<Count> {
                m.into_iter()
                    .map(|(key, count)| Count {
                        name: name(&key),
                        percent: percent(count, total),
                        key,
                        count,
                    })
                    .collect()
            };
        // Beyond the last representable day, every later expiry is within the horizon.
        let horizon = Span::new()
            .try_days(i64::from(expiring_within_days))
            .ok()
            .and_then(|span| on.checked_add(span).ok())
            .unwrap_or(Date::MAX);
        let mut expiring: Vec<Expiring> = facts
            .iter()
            .filter(|f| f.valid && f.expires_on.is_some_and(|e| e <= horizon && e >= on))
            .filter_map(|f| {
                let e = f.expires_on?;
                Some(Expiring {
                    product: f.product.product.clone(),
                    expires_on: e,
                    days_left: (e - on).get_days(),
                    reevaluation_filed: f.product.reevaluated_on.is_some_and(|d| d <= on),
                })
            })
            .collect();
        expiring.sort_by(|a, b| {
            a.expires_on
                .cmp(&b.expires_on)
                .then(a.product.cmp(&b.product))
        });
        let due: Vec<&Facts<'_>> = facts.iter().filter(|f| f.due).collect();
        let reevaluated = count(
            due.iter()
                .filter(|f| f.product.reevaluated_on.is_some_and(|d| d <= on)),
        );
        let expired_without = count(
            due.iter()
                .filter(|f| f.expired && f.product.reevaluated_on.is_none_or(|d| d > on)),
        );
        let due_n = count(due.iter());
        Ok(PortfolioReport {
            on,
            products: total,
            valid_certificates: count(facts.iter().filter(|f| f.valid)),
            subjects,
            by_stars: counts(by_stars, &|_| None),
            by_group: counts(by_group, &group_name),
            by_subject_type: by_type
                .into_iter()
                .map(|(t, count)| Count {
                    key: t.id().to_owned(),
                    name: type_name(t),
                    count,
                    percent: percent(count, total),
                })
                .collect(),
            expiring,
            expiring_within_days,
            reevaluation: Coverage {
                due: due_n,
                reevaluated,
                expired_without,
                percent: if due_n == 0 {
                    Decimal::ONE_HUNDRED
                } else {
                    percent(reevaluated, due_n)
                },
            },
            targets: targets
                .map(|t| {
                    t.targets
                        .iter()
                        .map(|t| evaluate_target(t, &facts))
                        .collect()
                })
                .unwrap_or_default(),
            row_errors,
        })
    }

    /// [`read_products_csv`] then [`Catalog::portfolio`]: the report with its bad rows.
    pub fn portfolio_csv(
        &self,
        csv: &str,
        on: Date,
        expiring_within_days: u32,
        targets: Option<&TargetSet>,
    ) -> Result<PortfolioReport, InputErrors> {
        if let Some(t) = targets {
            t.check()?;
        }
        let (products, bad) = read_products_csv(csv)?;
        self.portfolio(&products, bad, on, expiring_within_days, targets)
    }

    fn facts<'a>(&self, p: &'a Product, on: Date) -> Facts<'a> {
        let edition = p
            .edition
            .as_deref()
            .and_then(|id| self.edition(id))
            .or_else(|| self.edition_in_force(p.recognised_on));
        let group = edition
            .and_then(|e| e.product_set(p.product_set))
            .map(|s| s.group.to_string());
        let certified = p.stars >= 3;
        let status = (certified && on >= p.recognised_on)
            .then(|| {
                self.certificate(&CertificateInput {
                    edition: edition.map(|e| e.id().to_owned()),
                    issued_on: p.recognised_on,
                    stars: Some(p.stars),
                    on,
                    reevaluation_filed_on: p.reevaluated_on.filter(|d| *d >= p.recognised_on),
                    reevaluation_decided_on: None,
                    revoked_on: p.revoked.then_some(p.recognised_on),
                    revocation_ground: None,
                })
                .ok()
            })
            .flatten();
        let state = status.as_ref().map(|s| s.state);
        let expired = state == Some(CertificateState::Expired);
        // Due for re-evaluation: its window has opened (or, with no window, it has expired).
        let due = !p.revoked
            && status
                .as_ref()
                .is_some_and(|s| match s.reevaluation_window {
                    Some(w) => on >= w.opens_on,
                    None => on > s.expires_on,
                });
        Facts {
            product: p,
            group,
            valid: status.as_ref().is_some_and(|s| s.valid),
            expired,
            due,
            expires_on: status.map(|s| s.expires_on),
        }
    }
}

struct Facts<'a> {
    product: &'a Product,
    group: Option<String>,
    valid: bool,
    expired: bool,
    due: bool,
    expires_on: Option<Date>,
}

fn count<I: Iterator>(it: I) -> u32 {
    u32::try_from(it.count()).unwrap_or(u32::MAX)
}

fn percent(part: u32, whole: u32) -> Decimal {
    if whole == 0 {
        return Decimal::ZERO;
    }
    (Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

fn distinct<'a, I: Iterator<Item = &'a Facts<'a>>>(facts: I) -> u32 {
    let ids: BTreeSet<&str> = facts
        .map(|f| {
            f.product
                .subject_id
                .as_deref()
                .unwrap_or(&f.product.product)
        })
        .collect();
    u32::try_from(ids.len()).unwrap_or(u32::MAX)
}

/// Whether a product counts under `f`. A revoked certificate never counts towards a target.
fn matches(f: &Filter, facts: &Facts<'_>) -> bool {
    let p = facts.product;
    !p.revoked
        && f.min_stars.is_none_or(|m| p.stars >= m)
        && (f.stars.is_empty() || f.stars.contains(&p.stars))
        && (f.groups.is_empty() || facts.group.as_ref().is_some_and(|g| f.groups.contains(g)))
        && (f.subject_types.is_empty() || f.subject_types.contains(&p.subject_type))
        && f.recognised_from.is_none_or(|d| p.recognised_on >= d)
        && f.recognised_to.is_none_or(|d| p.recognised_on <= d)
        && (!f.valid_only || facts.valid)
}

fn evaluate_target(t: &Target, facts: &[Facts<'_>]) -> TargetResult {
    let size = |items: Vec<&Facts<'_>>| match t.count {
        CountBy::Products => count(items.iter()),
        CountBy::Subjects => distinct(items.into_iter()),
    };
    let what = match t.count {
        CountBy::Products => ("sản phẩm", "products"),
        CountBy::Subjects => ("chủ thể", "producers"),
    };
    let hits = size(facts.iter().filter(|f| matches(&t.filter, f)).collect());
    match (t.at_least, t.at_least_percent) {
        (Some(required), _) => {
            let shortfall = required.saturating_sub(hits);
            TargetResult {
                id: t.id.clone(),
                label: t.label.clone(),
                met: shortfall == 0,
                actual: Decimal::from(hits),
                required: Decimal::from(required),
                shortfall,
                message: shortfall_text(shortfall, what, &t.label),
            }
        }
        (None, percent_required) => {
            let p = percent_required.unwrap_or(Decimal::ZERO);
            let of = t.of.clone().unwrap_or_default();
            let base = size(facts.iter().filter(|f| matches(&of, f)).collect());
            let actual = percent(hits, base);
            // x more matching items (counted in both parts) are needed: (h + x) / (b + x) ≥ p.
            let shortfall = share_shortfall(hits, base, p);
            TargetResult {
                id: t.id.clone(),
                label: t.label.clone(),
                met: Decimal::from(hits) * Decimal::ONE_HUNDRED >= p * Decimal::from(base)
                    && base > 0,
                actual,
                required: p.normalize(),
                shortfall,
                message: shortfall_text(shortfall, what, &t.label),
            }
        }
    }
}

/// The fewest matching items to add so that `(hits + x) / (base + x) ≥ percent / 100`.
fn share_shortfall(hits: u32, base: u32, percent: Decimal) -> u32 {
    let p = percent / Decimal::ONE_HUNDRED;
    let (h, b) = (Decimal::from(hits), Decimal::from(base));
    if base > 0 && h >= p * b {
        return 0;
    }
    if p >= Decimal::ONE {
        // Adding matching items never reaches 100%: the others would have to change.
        return base.saturating_sub(hits).max(1);
    }
    let x = ((p * b - h) / (Decimal::ONE - p)).ceil();
    x.to_u32().unwrap_or(u32::MAX).max(u32::from(base == 0))
}

fn shortfall_text(shortfall: u32, what: (&str, &str), label: &Text) -> Text {
    if shortfall == 0 {
        Text::new(format!("Đạt: {}", label.vi), format!("Met: {}", label.en))
    } else {
        Text::new(
            format!("Chưa đạt: cần thêm {shortfall} {} ({})", what.0, label.vi),
            format!("Not met: {shortfall} more {} needed ({})", what.1, label.en),
        )
    }
}
