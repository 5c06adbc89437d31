//! A plan's targets as data, and whether a portfolio meets them.
//!
//! A target counts products (recognised, or registered), producers, or sales points that
//! match a filter, and asks for at least a number of them (`atLeast`), or a share of a base
//! (`atLeastPercent` of those matching `of`). With `each`, it asks it of every commune,
//! district, craft village or year (or of a share of them): "each commune registers at least
//! two products", "at least 50% of craft villages have an OCOP product".

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Facts, SalesChannel, SalesPoint, ValueChain, count, percent};
use crate::catalog::model::SubjectType;
use crate::error::{InputError, InputErrors, Problem};
use crate::limits;
use crate::read::{self, Fields, Input};
use crate::text::Text;
use crate::wire::Choice;

/// Which products a target or indicator counts.
///
/// By default a filter counts recognised products; with `registered` it counts products
/// registered in the programme instead (recognised or not).
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
    pub recognised_from: Option<jiff::civil::Date>,
    /// Recognised on or before.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub recognised_to: Option<jiff::civil::Date>,
    /// Only certificates valid on the report's day.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub valid_only: bool,
    /// Count registrations (products with a registration day) rather than recognitions.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub registered: bool,
    /// Registered on or after.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub registered_from: Option<jiff::civil::Date>,
    /// Registered on or before.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub registered_to: Option<jiff::civil::Date>,
    /// Made in one of these communes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub communes: Vec<String>,
    /// Made in one of these districts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub districts: Vec<String>,
    /// Sold in at least one of these channels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub sales_channels: Vec<SalesChannel>,
    /// With at least one of these value chains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub value_chains: Vec<ValueChain>,
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

/// A target: a count, or a share of products (or producers), that must be reached; with
/// `each`, in every unit of the area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Target {
    /// Short id.
    pub id: String,
    /// What it says, in plain words (a bundled plan's own wording).
    pub label: Text,
    /// What is counted.
    pub filter: Filter,
    /// For a share: of which products (default: all recognised products).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub of: Option<Filter>,
    /// Count products, distinct producers (`subject_id`, else the product's name), or sales
    /// points.
    #[serde(default)]
    pub count: CountBy,
    /// A count target: at least this many (with `each`: in each unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub at_least: Option<u32>,
    /// A share target: at least this percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub at_least_percent: Option<Decimal>,
    /// The count is asked of each commune, district, craft village or year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub each: Option<Each>,
}

/// A target asked of every unit of the area (or of a share of the units).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Each {
    /// The unit.
    pub unit: AreaUnit,
    /// The area's units: names as the portfolio spells them, or years (`2024`). Default: the
    /// units the portfolio names, so a unit with no row at all is not seen; list them to count
    /// it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub units: Vec<String>,
    /// The share of units that must reach the count (default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub percent: Option<Decimal>,
}

/// What a target is asked of, one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum AreaUnit {
    /// Each commune (the `commune` column).
    Commune,
    /// Each district (the `district` column).
    District,
    /// Each craft village (the `craft_village` column).
    CraftVillage,
    /// Each year, by the day of registration.
    RegistrationYear,
    /// Each year, by the day of recognition.
    RecognitionYear,
}

impl Choice for AreaUnit {
    const ALL: &'static [AreaUnit] = &[
        AreaUnit::Commune,
        AreaUnit::District,
        AreaUnit::CraftVillage,
        AreaUnit::RegistrationYear,
        AreaUnit::RecognitionYear,
    ];
    const WHAT: &'static str =
        "a unit (commune, district, craftVillage, registrationYear or recognitionYear)";
}

impl AreaUnit {
    /// Units counted by year.
    fn is_year(self) -> bool {
        matches!(self, AreaUnit::RegistrationYear | AreaUnit::RecognitionYear)
    }

    /// Its name in words, singular and plural.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            AreaUnit::Commune => ("xã", "communes"),
            AreaUnit::District => ("huyện", "districts"),
            AreaUnit::CraftVillage => ("làng nghề", "craft villages"),
            AreaUnit::RegistrationYear | AreaUnit::RecognitionYear => ("năm", "years"),
        }
    }
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
    /// Sales points (the filter does not apply to them).
    SalesPoints,
}

impl Choice for CountBy {
    const ALL: &'static [CountBy] = &[CountBy::Products, CountBy::Subjects, CountBy::SalesPoints];
    const WHAT: &'static str = "what a target counts (products, subjects or salesPoints)";
}

read::read_choices!(CountBy, AreaUnit);

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
    /// The count, or the percentage, reached (with `each`: the units that reach it).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub actual: Decimal,
    /// The count, or the percentage, required (with `each`: the units needed).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub required: Decimal,
    /// How many more matching products (or producers, or sales points) are needed.
    pub shortfall: u32,
    /// In plain words.
    pub message: Text,
    /// With `each`: every unit and its count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<UnitResult>,
}

/// One unit of an `each` target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct UnitResult {
    /// The commune, district, craft village or year.
    pub unit: String,
    /// What it counts.
    pub count: u32,
    /// It reaches the count.
    pub met: bool,
}

const FILTER_FIELDS: &[&str] = &[
    "minStars",
    "stars",
    "groups",
    "subjectTypes",
    "recognisedFrom",
    "recognisedTo",
    "validOnly",
    "registered",
    "registeredFrom",
    "registeredTo",
    "communes",
    "districts",
    "salesChannels",
    "valueChains",
];

impl Input for Filter {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Filter> {
        let f = Fields::new(value, path, "a filter", &[FILTER_FIELDS], errors);
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
        let communes = f.raw("communes").and_then(|v| {
            read::list(
                v,
                &f.path("communes"),
                "communes",
                limits::MAX_AREA_UNITS,
                errors,
            )
        });
        let districts = f.raw("districts").and_then(|v| {
            read::list(
                v,
                &f.path("districts"),
                "districts",
                limits::MAX_AREA_UNITS,
                errors,
            )
        });
        let sales_channels = f.raw("salesChannels").and_then(|v| {
            read::list(
                v,
                &f.path("salesChannels"),
                "sales channels",
                SalesChannel::ALL.len(),
                errors,
            )
        });
        let value_chains = f.raw("valueChains").and_then(|v| {
            read::list(
                v,
                &f.path("valueChains"),
                "value chains",
                ValueChain::ALL.len(),
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
            registered: f.optional("registered", errors).unwrap_or(false),
            registered_from: f.optional("registeredFrom", errors),
            registered_to: f.optional("registeredTo", errors),
            communes: communes.unwrap_or_default(),
            districts: districts.unwrap_or_default(),
            sales_channels: sales_channels.unwrap_or_default(),
            value_chains: value_chains.unwrap_or_default(),
        })
    }
}

impl Input for Each {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Each> {
        let f = Fields::new(
            value,
            path,
            "a unit rule {unit, units?, percent?}",
            &[&["unit", "units", "percent"]],
            errors,
        );
        let unit = f.required("unit", errors);
        let units = f
            .raw("units")
            .and_then(|v| read::list(v, &f.path("units"), "units", limits::MAX_AREA_UNITS, errors));
        Some(Each {
            unit: unit?,
            units: units.unwrap_or_default(),
            percent: f.optional("percent", errors),
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
                "each",
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
            each: f.optional("each", errors),
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

read::deserialize_through_reader!(Filter, Each, Target, TargetSet);

impl TargetSet {
    /// The names of the plans bundled as example target sets.
    pub const BUNDLED: &'static [&'static str] =
        &["ha-tinh-2023-2025", "tay-ninh-2022-2025", "bac-ha-2021"];

    /// A bundled plan's targets by name (see [`TargetSet::BUNDLED`]): Hà Tĩnh 2023–2025 (nine
    /// targets), Tây Ninh 2022–2025 (four) and Bắc Hà district 2021 (two). Each set's
    /// `source` says where its targets come from and what we could not check.
    ///
    /// ```
    /// use ocop_core::portfolio::TargetSet;
    /// let set = TargetSet::bundled("ha-tinh-2023-2025").unwrap();
    /// assert_eq!(set.targets.len(), 9);
    /// assert!(TargetSet::bundled("atlantis").is_none());
    /// ```
    pub fn bundled(name: &str) -> Option<TargetSet> {
        let text = match name {
            "ha-tinh-2023-2025" => include_str!("../../data/targets/ha-tinh-2023-2025.json"),
            "tay-ninh-2022-2025" => include_str!("../../data/targets/tay-ninh-2022-2025.json"),
            "bac-ha-2021" => include_str!("../../data/targets/bac-ha-2021.json"),
            _ => return None,
        };
        // Every bundled set reads: a test reads each one, so None here means "no such name".
        TargetSet::from_json(text).ok()
    }

    /// Checks what the reader checks, for a set built in code: at most [`limits::MAX_TARGETS`]
    /// targets, each with either a count or a percentage from 0 to 100; a target asked of
    /// each unit has a count per unit, a share of units from 0 to 100, and years that are
    /// years; a sales-point target has no filter.
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
        let share = |p: Decimal| p >= Decimal::ZERO && p <= Decimal::ONE_HUNDRED;
        for (i, t) in self.targets.iter().enumerate() {
            let at = format!("/targets/{i}");
            let ok = match (t.at_least, t.at_least_percent, &t.each) {
                (Some(_), None, _) => true,
                (None, Some(p), None) => share(p),
                _ => false,
            };
            if !ok {
                errors.push(InputError::at(&at, Problem::TargetNeedsMeasure));
            }
            if let Some(each) = &t.each {
                let why = if each.percent.is_some_and(|p| !share(p)) {
                    Some("each.percent must be 0 to 100".to_owned())
                } else if each.units.len() > limits::MAX_AREA_UNITS {
                    Some(format!("at most {} units", limits::MAX_AREA_UNITS))
                } else if each.unit.is_year() {
                    each.units.iter().find(|u| year(u).is_none()).map(|u| {
                        format!("`{}` is not a year", u.chars().take(20).collect::<String>())
                    })
                } else {
                    None
                };
                if let Some(why) = why {
                    errors.push(InputError::at(
                        format!("{at}/each"),
                        Problem::InvalidTargetSet(why),
                    ));
                }
            }
            if t.count == CountBy::SalesPoints && (t.filter != Filter::default() || t.of.is_some())
            {
                errors.push(InputError::at(
                    format!("{at}/filter"),
                    Problem::InvalidTargetSet(
                        "a sales-point target counts every sales point: its filter must be empty and it has no `of`".into(),
                    ),
                ));
            }
        }
        InputErrors::or_ok(errors, ())
    }
}

/// A year such as `2024`.
fn year(text: &str) -> Option<i16> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Names compared as officers type them: trimmed, without regard to case.
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// What the targets are counted over.
pub(super) struct Context<'a> {
    pub(super) facts: &'a [Facts<'a>],
    pub(super) sales_points: &'a [SalesPoint],
}

/// A row a target counts: a product or a sales point.
#[derive(Clone, Copy)]
enum Item<'a> {
    Product(&'a Facts<'a>),
    SalesPoint(&'a SalesPoint),
}

impl Item<'_> {
    /// The unit this row belongs to, as a key (names lower-cased, years as digits).
    fn unit(&self, unit: AreaUnit) -> Option<String> {
        let name =
            |s: Option<&String>| s.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty());
        match (self, unit) {
            (Item::Product(f), AreaUnit::Commune) => name(f.product.commune.as_ref()),
            (Item::Product(f), AreaUnit::District) => name(f.product.district.as_ref()),
            (Item::Product(f), AreaUnit::CraftVillage) => name(f.product.craft_village.as_ref()),
            (Item::Product(f), AreaUnit::RegistrationYear) => {
                f.product.registered_on.map(|d| d.year().to_string())
            }
            (Item::Product(f), AreaUnit::RecognitionYear) => f
                .product
                .recognised_on
                .filter(|_| f.product.recognised())
                .map(|d| d.year().to_string()),
            (Item::SalesPoint(s), AreaUnit::Commune) => name(s.commune.as_ref()),
            (Item::SalesPoint(s), AreaUnit::District) => name(s.district.as_ref()),
            (Item::SalesPoint(_), _) => None,
        }
    }

    /// Who it counts as, for distinct producers.
    fn subject(&self) -> &str {
        match self {
            Item::Product(f) => f
                .product
                .subject_id
                .as_deref()
                .unwrap_or(&f.product.product),
            Item::SalesPoint(s) => &s.name,
        }
    }
}

impl Context<'_> {
    /// Every row, products and sales points.
    fn all(&self) -> impl Iterator<Item = Item<'_>> {
        self.facts
            .iter()
            .map(Item::Product)
            .chain(self.sales_points.iter().map(Item::SalesPoint))
    }

    /// The rows `t` counts.
    fn hits(&self, t: &Target) -> Vec<Item<'_>> {
        match t.count {
            CountBy::SalesPoints => self.sales_points.iter().map(Item::SalesPoint).collect(),
            _ => self
                .facts
                .iter()
                .filter(|f| matches(&t.filter, f))
                .map(Item::Product)
                .collect(),
        }
    }

    pub(super) fn evaluate(&self, t: &Target) -> TargetResult {
        let what = match t.count {
            CountBy::Products => ("sản phẩm", "products"),
            CountBy::Subjects => ("chủ thể", "producers"),
            CountBy::SalesPoints => ("điểm bán", "sales points"),
        };
        let size = |items: &[Item<'_>]| match t.count {
            CountBy::Subjects => count(
                items
                    .iter()
                    .map(Item::subject)
                    .collect::<BTreeSet<_>>()
                    .iter(),
            ),
            _ => count(items.iter()),
        };
        let hits = self.hits(t);
        let result = |met: bool, actual: Decimal, required: Decimal, shortfall: u32| TargetResult {
            id: t.id.clone(),
            label: t.label.clone(),
            met,
            actual,
            required,
            shortfall,
            message: shortfall_text(met, shortfall, what, &t.label),
            units: Vec::new(),
        };
        if let Some(each) = &t.each {
            return self.each(t, each, &hits, &size, what);
        }
        let n = size(&hits);
        match (t.at_least, t.at_least_percent) {
            (Some(required), _) => {
                let shortfall = required.saturating_sub(n);
                result(
                    shortfall == 0,
                    Decimal::from(n),
                    Decimal::from(required),
                    shortfall,
                )
            }
            (None, percent_required) => {
                let p = percent_required.unwrap_or(Decimal::ZERO);
                let of = t.of.clone().unwrap_or_default();
                let base_items: Vec<Item<'_>> = self
                    .facts
                    .iter()
                    .filter(|f| matches(&of, f))
                    .map(Item::Product)
                    .collect();
                let base = size(&base_items);
                // x more matching items (counted in both parts) are needed: (h + x) / (b + x) ≥ p.
                let shortfall = share_shortfall(n, base, p);
                result(
                    Decimal::from(n) * Decimal::ONE_HUNDRED >= p * Decimal::from(base) && base > 0,
                    percent(n, base),
                    p.normalize(),
                    shortfall,
                )
            }
        }
    }

    /// A target asked of each unit: the units that reach the count, against those needed.
    fn each(
        &self,
        t: &Target,
        each: &Each,
        hits: &[Item<'_>],
        size: &dyn Fn(&[Item<'_>]) -> u32,
        what: (&str, &str),
    ) -> TargetResult {
        let per_unit = t.at_least.unwrap_or(0);
        let units = self.units(each);
        let results = unit_results(&units, hits, each.unit, per_unit, size);
        let tally = UnitTally::of(&results, each.percent, per_unit);
        let met = tally.units > 0 && tally.met >= tally.needed;
        TargetResult {
            id: t.id.clone(),
            label: t.label.clone(),
            met,
            actual: Decimal::from(tally.met),
            required: Decimal::from(tally.needed),
            shortfall: tally.shortfall,
            message: tally.message(met, each.unit, what, &t.label),
            units: results,
        }
    }

    /// The units a target is asked of, key → name as shown: as listed (spelled as listed),
    /// or those the portfolio names (spelled as first written).
    fn units(&self, each: &Each) -> BTreeMap<String, String> {
        let mut units: BTreeMap<String, String> = BTreeMap::new();
        if each.units.is_empty() {
            for item in self.all() {
                if let Some(key) = item.unit(each.unit) {
                    let shown = unit_as_written(&item, each.unit);
                    units
                        .entry(key.clone())
                        .or_insert_with(|| shown.map_or(key, |s| s.trim().to_owned()));
                }
            }
        } else {
            for u in &each.units {
                units
                    .entry(u.trim().to_lowercase())
                    .or_insert_with(|| u.trim().to_owned());
            }
        }
        units
    }
}

/// The commune, district or craft village of a row as the portfolio spells it (a year has
/// no spelling: its key is shown).
fn unit_as_written(item: &Item<'_>, unit: AreaUnit) -> Option<String> {
    match item {
        Item::Product(f) => match unit {
            AreaUnit::Commune => f.product.commune.clone(),
            AreaUnit::District => f.product.district.clone(),
            AreaUnit::CraftVillage => f.product.craft_village.clone(),
            _ => None,
        },
        Item::SalesPoint(s) => match unit {
            AreaUnit::Commune => s.commune.clone(),
            _ => s.district.clone(),
        },
    }
}

/// Each unit's count of the rows a target counts, and whether it reaches `per_unit`.
fn unit_results(
    units: &BTreeMap<String, String>,
    hits: &[Item<'_>],
    unit: AreaUnit,
    per_unit: u32,
    size: &dyn Fn(&[Item<'_>]) -> u32,
) -> Vec<UnitResult> {
    units
        .iter()
        .map(|(key, shown)| {
            let inside: Vec<Item<'_>> = hits
                .iter()
                .filter(|i| i.unit(unit).is_some_and(|k| same_name(&k, key)))
                .copied()
                .collect();
            let n = size(&inside);
            UnitResult {
                unit: shown.clone(),
                count: n,
                met: n >= per_unit,
            }
        })
        .collect()
}

/// Where a target asked of each unit stands: the units counted, those that reach it, those
/// needed, and the fewest items still missing.
struct UnitTally {
    units: u32,
    met: u32,
    needed: u32,
    shortfall: u32,
}

impl UnitTally {
    /// The tally of `results` when `share` percent of the units (all when absent) must
    /// reach `per_unit`.
    fn of(results: &[UnitResult], share: Option<Decimal>, per_unit: u32) -> UnitTally {
        let total = count(results.iter());
        let met_units = count(results.iter().filter(|u| u.met));
        let share = share.unwrap_or(Decimal::ONE_HUNDRED);
        let needed = (share * Decimal::from(total) / Decimal::ONE_HUNDRED)
            .ceil()
            .to_u32()
            .unwrap_or(total);
        // The fewest items that bring enough units up to the count: the nearest units first.
        let mut gaps: Vec<u32> = results
            .iter()
            .filter(|u| !u.met)
            .map(|u| per_unit.saturating_sub(u.count))
            .collect();
        gaps.sort_unstable();
        let missing_units = needed.saturating_sub(met_units);
        let mut shortfall: u32 = gaps
            .iter()
            .take(usize::try_from(missing_units).unwrap_or(usize::MAX))
            .fold(0u32, |a, g| a.saturating_add(*g));
        if total == 0 {
            shortfall = per_unit.max(1);
        }
        UnitTally {
            units: total,
            met: met_units,
            needed,
            shortfall,
        }
    }

    /// The officer's message: met, no unit named at all, or how many units and items are
    /// missing.
    fn message(&self, met: bool, unit: AreaUnit, what: (&str, &str), label: &Text) -> Text {
        let UnitTally {
            units: total,
            met: met_units,
            needed,
            shortfall,
        } = *self;
        let (unit_vi, unit_en) = unit.words();
        if met {
            shortfall_text(true, 0, what, label)
        } else if total == 0 {
            Text::new(
                format!("Chưa đạt: danh mục không có {unit_vi} nào ({})", label.vi),
                format!("Not met: the portfolio names no {unit_en} ({})", label.en),
            )
        } else {
            Text::new(
                format!(
                    "Chưa đạt: {met_units}/{total} {unit_vi} đạt, cần {needed}; cần thêm {shortfall} {} ({})",
                    what.0, label.vi
                ),
                format!(
                    "Not met: {met_units} of {total} {unit_en} reach it, {needed} needed; {shortfall} more {} needed ({})",
                    what.1, label.en
                ),
            )
        }
    }
}

/// Whether a product counts under `f`. A revoked certificate never counts towards a target.
fn matches(f: &Filter, facts: &Facts<'_>) -> bool {
    let p = facts.product;
    let stage = if f.registered {
        p.registered_on.is_some()
    } else {
        p.recognised()
    };
    let named = |wanted: &[String], have: &Option<String>| {
        wanted.is_empty()
            || have
                .as_deref()
                .is_some_and(|h| wanted.iter().any(|w| same_name(w, h)))
    };
    stage
        && !p.revoked
        && f.min_stars.is_none_or(|m| p.stars.is_some_and(|s| s >= m))
        && (f.stars.is_empty() || p.stars.is_some_and(|s| f.stars.contains(&s)))
        && (f.groups.is_empty() || facts.group.as_ref().is_some_and(|g| f.groups.contains(g)))
        && (f.subject_types.is_empty() || f.subject_types.contains(&p.subject_type))
        && f.recognised_from
            .is_none_or(|d| p.recognised_on.is_some_and(|r| r >= d))
        && f.recognised_to
            .is_none_or(|d| p.recognised_on.is_some_and(|r| r <= d))
        && f.registered_from
            .is_none_or(|d| p.registered_on.is_some_and(|r| r >= d))
        && f.registered_to
            .is_none_or(|d| p.registered_on.is_some_and(|r| r <= d))
        && (!f.valid_only || facts.valid)
        && named(&f.communes, &p.commune)
        && named(&f.districts, &p.district)
        && any_of(&f.sales_channels, &p.sales_channels)
        && any_of(&f.value_chains, &p.value_chains)
}

/// No wanted value, or one of them is there.
fn any_of<T: PartialEq>(wanted: &[T], have: &[T]) -> bool {
    wanted.is_empty() || wanted.iter().any(|w| have.contains(w))
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

fn shortfall_text(met: bool, shortfall: u32, what: (&str, &str), label: &Text) -> Text {
    if met {
        Text::new(format!("Đạt: {}", label.vi), format!("Met: {}", label.en))
    } else {
        Text::new(
            format!("Chưa đạt: cần thêm {shortfall} {} ({})", what.0, label.vi),
            format!("Not met: {shortfall} more {} needed ({})", what.1, label.en),
        )
    }
}
