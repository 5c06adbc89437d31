//! A province's or district's OCOP products, the indicators its plan tracks, and its targets.
//!
//! The portfolio is a table (CSV, or a spreadsheet's rows): one product per row, with its
//! recognition (stars and day), its registration in the programme, where it is made (commune,
//! district, craft village), how it is sold and its value chain; and the OCOP sales points,
//! one per row with `kind` = `sales_point`. The columns are read by [`PortfolioTable`]; see
//! `docs/portfolio.md`. A bad row is reported with its line number; the others still count.
//!
//! Targets are declared as data ([`TargetSet`]); the plans we know ship as bundled sets
//! ([`TargetSet::bundled`]).

mod table;
mod targets;

use std::collections::{BTreeMap, BTreeSet};

use jiff::Span;
use jiff::civil::Date;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::catalog::model::SubjectType;
use crate::certificate::{CertificateInput, CertificateState};
use crate::error::InputErrors;
pub use crate::error::RowError;
use crate::text::Text;
use crate::wire::Choice;

pub use table::{PORTFOLIO_COLUMNS, PortfolioTable, read_portfolio_csv};
pub use targets::{AreaUnit, CountBy, Each, Filter, Target, TargetResult, TargetSet, UnitResult};

/// One product of the portfolio: recognised (stars and the day), registered in the programme,
/// or both.
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
    /// Stars recognised (absent while only registered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
    /// Day of recognition (with `stars`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    pub recognised_on: Option<Date>,
    /// Day it was registered in the programme (đăng ký tham gia).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    pub registered_on: Option<Date>,
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
    /// The commune (xã, phường, thị trấn) where it is made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// The district (huyện, thị xã, thành phố).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The craft village (làng nghề) it comes from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub craft_village: Option<String>,
    /// Where it is sold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sales_channels: Vec<SalesChannel>,
    /// The producer's value chain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub value_chains: Vec<ValueChain>,
}

impl Product {
    /// Recognised: it has stars and a day of recognition.
    pub fn recognised(&self) -> bool {
        self.stars.is_some() && self.recognised_on.is_some()
    }
}

/// A place that shows and sells OCOP products (điểm giới thiệu và bán sản phẩm OCOP).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct SalesPoint {
    /// Its name.
    pub name: String,
    /// The commune it is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// The district it is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
}

/// Everything read from a portfolio table: products, sales points, and the rows that could
/// not be read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Portfolio {
    /// The products.
    pub products: Vec<Product>,
    /// The sales points.
    pub sales_points: Vec<SalesPoint>,
    /// Rows that could not be read, with their lines.
    pub row_errors: Vec<RowError>,
}

impl Portfolio {
    /// Rows read so far, good and bad.
    pub fn rows(&self) -> usize {
        self.products.len() + self.sales_points.len() + self.row_errors.len()
    }
}

/// Where a product is sold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum SalesChannel {
    /// Supermarkets (siêu thị).
    Supermarket,
    /// Convenience stores (cửa hàng tiện lợi).
    ConvenienceStore,
    /// E-commerce platforms (sàn thương mại điện tử).
    Ecommerce,
    /// OCOP showrooms and sales points (điểm giới thiệu và bán sản phẩm OCOP).
    OcopPoint,
    /// Export (xuất khẩu).
    Export,
    /// Markets and shops (kênh truyền thống).
    Traditional,
}

impl Choice for SalesChannel {
    const ALL: &'static [SalesChannel] = &[
        SalesChannel::Supermarket,
        SalesChannel::ConvenienceStore,
        SalesChannel::Ecommerce,
        SalesChannel::OcopPoint,
        SalesChannel::Export,
        SalesChannel::Traditional,
    ];
    const WHAT: &'static str = "a sales channel";
}

/// What the producer's value chain is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ValueChain {
    /// Linked in a value chain (liên kết chuỗi giá trị).
    Linked,
    /// A value chain on circular-economy lines (chuỗi giá trị theo hướng kinh tế tuần hoàn).
    Circular,
    /// Green OCOP tied to a stable raw-material area (OCOP xanh gắn với vùng nguyên liệu).
    Green,
}

impl Choice for ValueChain {
    const ALL: &'static [ValueChain] =
        &[ValueChain::Linked, ValueChain::Circular, ValueChain::Green];
    const WHAT: &'static str = "a value chain";
}

crate::read::read_choices!(SalesChannel, ValueChain);

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
    /// Products recognised (with stars).
    pub products: u32,
    /// Of which with a certificate valid on that day.
    pub valid_certificates: u32,
    /// Distinct producers of the products recognised.
    pub subjects: u32,
    /// Products registered in the programme (with a registration day).
    #[serde(default)]
    pub registrations: u32,
    /// Sales points.
    #[serde(default)]
    pub sales_points: u32,
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

impl Catalog {
    /// The plan's indicators for `portfolio` on `on`, and each target in `targets`.
    ///
    /// Refused only when `targets` fails [`TargetSet::check`].
    ///
    /// ```
    /// use jiff::civil::date;
    /// use ocop_core::portfolio::{read_portfolio_csv, TargetSet};
    /// let csv = "product,product_set,subject_type,stars,recognised_on\n\
    ///            Nước mắm,9,cooperative,4,2024-03-15\n\
    ///            Chè xanh,11,household,3,2023-11-30\n\
    ///            Bad row,99,farm,3,2024-01-01\n";
    /// let portfolio = read_portfolio_csv(csv).unwrap();
    /// assert_eq!((portfolio.products.len(), portfolio.row_errors[0].line), (2, 4));
    /// let targets = TargetSet::bundled("ha-tinh-2023-2025").unwrap();
    /// let report = ocop_core::Catalog::builtin()
    ///     .portfolio(&portfolio, date(2026, 11, 23), 365, Some(&targets))
    ///     .unwrap();
    /// assert_eq!(report.products, 2);
    /// assert!(!report.targets[0].met); // 300 products at 3★ or more
    /// ```
    pub fn portfolio(
        &self,
        portfolio: &Portfolio,
        on: Date,
        expiring_within_days: u32,
        targets: Option<&TargetSet>,
    ) -> Result<PortfolioReport, InputErrors> {
        if let Some(t) = targets {
            t.check()?;
        }
        let all: Vec<Facts<'_>> = portfolio
            .products
            .iter()
            .map(|p| self.facts(p, on))
            .collect();
        let facts: Vec<&Facts<'_>> = all.iter().filter(|f| f.product.recognised()).collect();
        let total = count(facts.iter());
        let context = targets::Context {
            facts: &all,
            sales_points: &portfolio.sales_points,
        };
        Ok(PortfolioReport {
            on,
            products: total,
            valid_certificates: count(facts.iter().filter(|f| f.valid)),
            subjects: distinct(facts.iter().copied()),
            registrations: count(
                portfolio
                    .products
                    .iter()
                    .filter(|p| p.registered_on.is_some()),
            ),
            sales_points: count(portfolio.sales_points.iter()),
            by_stars: by_stars(&facts, total),
            by_group: self.by_group(&facts, total),
            by_subject_type: self.by_subject_type(&facts, total),
            expiring: expiring_soon(&facts, on, expiring_within_days),
            expiring_within_days,
            reevaluation: reevaluation_coverage(&facts, on),
            targets: targets
                .map(|t| t.targets.iter().map(|t| context.evaluate(t)).collect())
                .unwrap_or_default(),
            row_errors: portfolio.row_errors.clone(),
        })
    }

    /// The recognised products by product group (I–VI, `?` when unknown), named as in the
    /// newest edition.
    fn by_group(&self, facts: &[&Facts<'_>], total: u32) -> Vec<Count> {
        let mut by_group: BTreeMap<String, u32> = BTreeMap::new();
        for f in facts {
            *by_group
                .entry(f.group.clone().unwrap_or_else(|| "?".into()))
                .or_default() += 1;
        }
        let newest = self.editions().next();
        counts(by_group, total, |code| {
            newest
                .and_then(|e| e.data().groups.iter().find(|g| g.code == code))
                .map(|g| g.name.clone())
        })
    }

    /// The recognised products by who makes them, named as in the newest edition.
    fn by_subject_type(&self, facts: &[&Facts<'_>], total: u32) -> Vec<Count> {
        let mut by_type: BTreeMap<SubjectType, u32> = BTreeMap::new();
        for f in facts {
            *by_type.entry(f.product.subject_type).or_default() += 1;
        }
        let newest = self.editions().next();
        by_type
            .into_iter()
            .map(|(t, count)| Count {
                key: t.id().to_owned(),
                name: newest
                    .and_then(|e| e.data().subject_types.iter().find(|x| x.id == t))
                    .map(|x| x.name.clone()),
                count,
                percent: percent(count, total),
            })
            .collect()
    }

    /// [`read_portfolio_csv`] then [`Catalog::portfolio`]: the report with its bad rows.
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
        let portfolio = read_portfolio_csv(csv)?;
        self.portfolio(&portfolio, on, expiring_within_days, targets)
    }

    fn facts<'a>(&self, p: &'a Product, on: Date) -> Facts<'a> {
        let edition = p
            .edition
            .as_deref()
            .and_then(|id| self.edition(id))
            .or_else(|| {
                p.recognised_on
                    .or(p.registered_on)
                    .and_then(|d| self.edition_in_force(d))
            });
        let group = edition
            .and_then(|e| e.product_set(p.product_set))
            .map(|s| s.group.to_string());
        let status = match (p.stars, p.recognised_on) {
            (Some(stars), Some(recognised_on)) if stars >= 3 && on >= recognised_on => self
                .certificate(&CertificateInput {
                    edition: edition.map(|e| e.id().to_owned()),
                    issued_on: recognised_on,
                    stars: Some(stars),
                    on,
                    reevaluation_filed_on: p.reevaluated_on.filter(|d| *d >= recognised_on),
                    reevaluation_decided_on: None,
                    revoked_on: p.revoked.then_some(recognised_on),
                    revocation_ground: None,
                })
                .ok(),
            _ => None,
        };
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

/// The recognised products by stars.
fn by_stars(facts: &[&Facts<'_>], total: u32) -> Vec<Count> {
    let mut by_stars: BTreeMap<String, u32> = BTreeMap::new();
    for f in facts {
        let stars = f.product.stars.unwrap_or_default();
        *by_stars.entry(stars.to_string()).or_default() += 1;
    }
    counts(by_stars, total, |_| None)
}

/// Each key's count with its share of `total` and its name, in key order.
fn counts(m: BTreeMap<String, u32>, total: u32, name: impl Fn(&str) -> Option<Text>) -> Vec<Count> {
    m.into_iter()
        .map(|(key, count)| Count {
            name: name(&key),
            percent: percent(count, total),
            key,
            count,
        })
        .collect()
}

/// The valid certificates that expire from `on` to `within_days` later, soonest first.
fn expiring_soon(facts: &[&Facts<'_>], on: Date, within_days: u32) -> Vec<Expiring> {
    // Beyond the last representable day, every later expiry is within the horizon.
    let horizon = Span::new()
        .try_days(i64::from(within_days))
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
    expiring
}

/// How many of the certificates due for re-evaluation on `on` were re-evaluated by then.
fn reevaluation_coverage(facts: &[&Facts<'_>], on: Date) -> Coverage {
    let due: Vec<&&Facts<'_>> = facts.iter().filter(|f| f.due).collect();
    let reevaluated = count(
        due.iter()
            .filter(|f| f.product.reevaluated_on.is_some_and(|d| d <= on)),
    );
    let expired_without = count(
        due.iter()
            .filter(|f| f.expired && f.product.reevaluated_on.is_none_or(|d| d > on)),
    );
    let due_n = count(due.iter());
    Coverage {
        due: due_n,
        reevaluated,
        expired_without,
        percent: if due_n == 0 {
            Decimal::ONE_HUNDRED
        } else {
            percent(reevaluated, due_n)
        },
    }
}

/// What the report needs to know about a product on the report's day.
pub(crate) struct Facts<'a> {
    pub(crate) product: &'a Product,
    /// The product group (I–VI) of its product set.
    pub(crate) group: Option<String>,
    /// Its certificate is valid.
    pub(crate) valid: bool,
    expired: bool,
    due: bool,
    expires_on: Option<Date>,
}

pub(crate) fn count<I: Iterator>(it: I) -> u32 {
    u32::try_from(it.count()).unwrap_or(u32::MAX)
}

pub(crate) fn percent(part: u32, whole: u32) -> Decimal {
    if whole == 0 {
        return Decimal::ZERO;
    }
    (Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Distinct producers (`subject_id`, else the product's name).
pub(crate) fn distinct<'a, 'b: 'a, I: Iterator<Item = &'a Facts<'b>>>(facts: I) -> u32 {
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
