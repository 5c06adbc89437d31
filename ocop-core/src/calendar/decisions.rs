//! The Government's yearly decisions on days off, as data.
//!
//! The Labour Code fixes the holidays but leaves two choices to the Prime Minister each year
//! (Điều 112.3): which five days Tết takes and which day next to 2 September is the second day
//! of Quốc khánh. The Government also swaps working days to make longer breaks (a weekday off,
//! a Saturday worked in exchange). Those decisions are data: the ones this crate knows are in
//! `data/calendar/decisions.json`, read with the same reader as a caller's own entries.

use jiff::civil::{Date, Weekday};
use serde::Serialize;
use serde_json::Value;

use super::{FIRST_YEAR, LAST_YEAR, year_field, year_out_of_range};
use crate::error::{CalendarProblem, InputError, InputErrors};
use crate::limits;
use crate::read::{self, Fields, Input};

/// What the Government decided for one year's days off (cán bộ, công chức, viên chức).
///
/// ```
/// use ocop_core::calendar::YearDecisions;
/// let d = YearDecisions::list_from_json(r#"[{
///     "year": 2027, "source": "my province's notice 12/TB-UBND",
///     "tetDaysBeforeNewYear": 2,
///     "daysOff": [{ "date": "2027-05-03", "note": "swapped with Saturday 08/05/2027" }],
///     "workingDays": [{ "date": "2027-05-08", "note": "worked for Monday 03/05/2027" }] }]"#).unwrap();
/// assert_eq!(d[0].tet_days_before_new_year, Some(2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct YearDecisions {
    /// The year decided.
    pub year: i16,
    /// The decision or notice, e.g. `Thông báo 9441/TB-BNV ngày 16/10/2025`.
    pub source: String,
    /// How many of Tết's five days fall before the lunar new year (the rest start on it):
    /// 1 for "1 ngày cuối năm và 4 ngày đầu năm", 2 for "2 ngày cuối năm và 3 ngày đầu năm".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tet_days_before_new_year: Option<u8>,
    /// The second day of Quốc khánh: 1 or 3 September.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub national_day_adjacent: Option<Date>,
    /// Weekdays given off (hoán đổi), each usually paid back by a worked Saturday.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub days_off: Vec<DayChange>,
    /// Saturdays or Sundays worked (làm bù).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub working_days: Vec<DayChange>,
}

/// A day whose status a decision changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DayChange {
    /// The day.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub date: Date,
    /// Why, as the decision puts it.
    pub note: String,
}

const YEAR_FIELDS: &[&str] = &[
    "year",
    "source",
    "tetDaysBeforeNewYear",
    "nationalDayAdjacent",
    "daysOff",
    "workingDays",
];
const DAY_FIELDS: &[&str] = &["date", "note"];

/// Most years in one list of decisions.
const MAX_YEARS: usize = 200;
/// Most swapped days in one year.
const MAX_CHANGES: usize = 20;

impl YearDecisions {
    /// Reads a JSON array of yearly decisions, checking each entry; every problem is reported.
    pub fn list_from_json(text: &str) -> Result<Vec<YearDecisions>, InputErrors> {
        let value = read::parse(text, limits::MAX_INPUT_BYTES)?;
        let mut errors = Vec::new();
        let list = read_list(&value, "", &mut errors);
        match list {
            Some(list) if errors.is_empty() => Ok(list),
            _ => Err(InputErrors(errors)),
        }
    }

    /// Every problem with these entries, each at `path/<index>/<field>`: years outside the
    /// calendar or given twice, choices the law does not allow, swaps on the wrong kind of day.
    pub fn check_list(list: &[YearDecisions], path: &str) -> Vec<InputError> {
        let mut errors = Vec::new();
        for (i, d) in list.iter().enumerate() {
            let here = format!("{path}/{i}");
            if list.iter().take(i).any(|e| e.year == d.year) {
                errors.push(InputError::at(
                    format!("{here}/year"),
                    CalendarProblem::InvalidEntry(format!("{} is given twice", d.year)).into(),
                ));
            }
            d.check(&here, &mut errors);
        }
        errors
    }

    fn check(&self, path: &str, errors: &mut Vec<InputError>) {
        let year = self.year;
        let wrong = |reason: String, field: &str| {
            InputError::at(
                format!("{path}/{field}"),
                CalendarProblem::InvalidEntry(reason).into(),
            )
        };
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            errors.push(InputError::at(
                format!("{path}/year"),
                year_out_of_range(i64::from(year)).into(),
            ));
            return;
        }
        if self.source.trim().is_empty() {
            errors.push(wrong(
                "name the decision or notice these days come from".into(),
                "source",
            ));
        }
        if let Some(n) = self.tet_days_before_new_year {
            if n > 4 {
                errors.push(wrong(
                    format!("Tết has 5 days and must include the new year's day: at most 4 come before it, not {n}"),
                    "tetDaysBeforeNewYear",
                ));
            }
        }
        if let Some(d) = self.national_day_adjacent {
            if d.year() != year || d.month() != 9 || !(d.day() == 1 || d.day() == 3) {
                errors.push(wrong(
                    format!("the day next to Quốc khánh is {year}-09-01 or {year}-09-03, not {d}"),
                    "nationalDayAdjacent",
                ));
            }
        }
        for (field, days, want_weekend) in [
            ("daysOff", &self.days_off, false),
            ("workingDays", &self.working_days, true),
        ] {
            for (i, change) in days.iter().enumerate() {
                let at = format!("{field}/{i}/date");
                let d = change.date;
                if (d.year() - year).abs() > 1 {
                    errors.push(wrong(format!("{d} is not within a year of {year}"), &at));
                } else if is_weekend(d) != want_weekend {
                    let reason = if want_weekend {
                        format!("{d} is a weekday; a worked day (làm bù) is a Saturday or Sunday")
                    } else {
                        format!("{d} is a weekend day; a day off by decision is a weekday")
                    };
                    errors.push(wrong(reason, &at));
                } else if days.iter().take(i).any(|c| c.date == d) {
                    errors.push(wrong(format!("{d} is listed twice"), &at));
                }
            }
        }
    }
}

pub(super) fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// Reads a list of decisions at `path` and checks it.
pub(crate) fn read_list(
    value: &Value,
    path: &str,
    errors: &mut Vec<InputError>,
) -> Option<Vec<YearDecisions>> {
    let list: Vec<YearDecisions> =
        read::list(value, path, "years of decisions", MAX_YEARS, errors)?;
    let problems = YearDecisions::check_list(&list, path);
    let ok = problems.is_empty();
    errors.extend(problems);
    ok.then_some(list)
}

impl Input for YearDecisions {
    fn read(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<YearDecisions> {
        let f = Fields::new(v, path, "a year's decisions", &[YEAR_FIELDS], errors);
        let year = f
            .required::<u32>("year", errors)
            .and_then(|y| year_field(y, &f.path("year"), errors));
        let source = f.required::<String>("source", errors);
        let tet = f.optional::<u8>("tetDaysBeforeNewYear", errors);
        let national = f.optional::<Date>("nationalDayAdjacent", errors);
        let days_off = changes(&f, "daysOff", errors);
        let working = changes(&f, "workingDays", errors);
        Some(YearDecisions {
            year: year?,
            source: source?,
            tet_days_before_new_year: tet,
            national_day_adjacent: national,
            days_off: days_off?,
            working_days: working?,
        })
    }
}

/// A list of swapped days: empty when absent, `None` when bad.
fn changes(f: &Fields<'_>, key: &str, errors: &mut Vec<InputError>) -> Option<Vec<DayChange>> {
    match f.raw(key) {
        None => Some(Vec::new()),
        Some(v) => read::list(
            v,
            &f.path(key),
            "swapped days in a year",
            MAX_CHANGES,
            errors,
        ),
    }
}

impl Input for DayChange {
    fn read(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<DayChange> {
        let f = Fields::new(v, path, "a swapped day", &[DAY_FIELDS], errors);
        let date = f.required::<Date>("date", errors);
        let note = f.optional::<String>("note", errors).unwrap_or_default();
        Some(DayChange { date: date?, note })
    }
}

read::deserialize_through_reader!(YearDecisions, DayChange);
