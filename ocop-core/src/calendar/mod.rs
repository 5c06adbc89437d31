//! Working days in Vietnam, for the procedure's time limits ("15 ngày làm việc").
//!
//! A day is a working day unless it is a Saturday or Sunday (the 40-hour week of state bodies,
//! Quyết định 188/1999/QĐ-TTg) or a day off under the Labour Code 2019: the holidays of
//! Điều 112.1 (Tết Dương lịch; five days of Tết Âm lịch; Giỗ Tổ Hùng Vương on the 10th day of
//! the 3rd lunar month; 30 April; 1 May; 2 September and one day next to it), a day in lieu of
//! each holiday that falls on a weekend (Điều 111.3), and the days the Government swaps. Tết
//! and Giỗ Tổ come from the Vietnamese lunar calendar, computed ([`LunarDate`]), never typed in.
//!
//! Which five days Tết takes and which day goes with 2 September are the Prime Minister's
//! choice each year (Điều 112.3); the decisions this crate knows, and the swaps, are data
//! ([`YearDecisions`]) that a caller can extend. Without a decision the library reads them as
//! `docs/readings.md` says.
//!
//! A time limit in days starts on the day after the event (Civil Code 2015, Điều 147): 15
//! working days from a dossier received on Monday end on the 15th working day after it. A limit
//! in calendar days that ends on a weekend or holiday ends on the next working day (Điều 148.5).
//!
//! ```
//! use jiff::civil::date;
//! use ocop_core::calendar::WorkingCalendar;
//! let calendar = WorkingCalendar::vietnam();
//! // Received Monday 01/02/2027, four days before Tết Đinh Mùi (06/02/2027).
//! assert_eq!(calendar.deadline(date(2027, 2, 1), 15).unwrap(), date(2027, 3, 1));
//! assert!(!calendar.is_working_day(date(2027, 2, 5)).unwrap()); // the last day of the lunar year
//! ```

mod decisions;
mod holidays;
mod lunar;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::catalog::model::TimeUnit;
pub use crate::error::CalendarProblem;
pub use decisions::{DayChange, YearDecisions};
pub use holidays::{Holiday, HolidayKind, HolidayYear};
pub use lunar::{FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR, LunarDate, hung_kings_day, lunar_new_year};

use crate::error::{InputError, InputErrors, Problem};
use crate::read::{self, Fields, Input};
use crate::text::{Text, day_month_year};

/// First year of the working-day calendar: the Labour Code 2019, whose holidays it encodes,
/// took effect on 1 January 2021 (earlier years had one day for Quốc khánh).
pub const FIRST_YEAR: i16 = 2021;
/// Last year of the working-day calendar: the last year of the lunar calendar computed here.
pub const LAST_YEAR: i16 = LAST_LUNAR_YEAR;

/// `date` is outside the working-day calendar.
fn outside(date: Date) -> CalendarProblem {
    CalendarProblem::OutsideCalendar {
        date,
        first: FIRST_YEAR,
        last: LAST_YEAR,
    }
}

/// `year` is outside the working-day calendar.
fn year_out_of_range(year: i64) -> CalendarProblem {
    CalendarProblem::YearOutOfRange {
        year,
        first: FIRST_YEAR,
        last: LAST_YEAR,
    }
}

/// Counting ran past the calendar's last day.
fn past_end() -> CalendarProblem {
    CalendarProblem::PastEndOfCalendar(LAST_YEAR)
}

/// The Labour Code's holidays plus the Government's decisions for some years.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkingCalendar {
    decisions: BTreeMap<i16, YearDecisions>,
    load_errors: Vec<String>,
}

impl WorkingCalendar {
    /// Vietnam's working days with the decisions bundled in this crate
    /// (`data/calendar/decisions.json`), read once.
    pub fn vietnam() -> &'static WorkingCalendar {
        static VIETNAM: OnceLock<WorkingCalendar> = OnceLock::new();
        VIETNAM.get_or_init(|| {
            let text = include_str!("../../data/calendar/decisions.json");
            match YearDecisions::list_from_json(text) {
                Ok(list) => WorkingCalendar::labour_code_only().with_checked(list),
                Err(errors) => WorkingCalendar {
                    decisions: BTreeMap::new(),
                    load_errors: errors.0.iter().map(ToString::to_string).collect(),
                },
            }
        })
    }

    /// The Labour Code's holidays with no decision: Tết and the day next to 2 September are
    /// read as `docs/readings.md` says, and no day is swapped.
    pub fn labour_code_only() -> WorkingCalendar {
        WorkingCalendar::default()
    }

    /// This calendar with more decisions; an entry replaces the one held for its year.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use ocop_core::calendar::{DayChange, WorkingCalendar, YearDecisions};
    /// let mine = WorkingCalendar::vietnam().with_decisions(vec![YearDecisions {
    ///     year: 2027, source: "Thông báo (giả định)".into(), tet_days_before_new_year: Some(1),
    ///     national_day_adjacent: None, days_off: vec![], working_days: vec![],
    /// }]).unwrap();
    /// // Tết 06/02/2027 with 1 day before it: Thursday 04/02 is worked (the reading takes 2).
    /// assert!(mine.is_working_day(date(2027, 2, 4)).unwrap());
    /// assert!(!WorkingCalendar::vietnam().is_working_day(date(2027, 2, 4)).unwrap());
    /// ```
    pub fn with_decisions(
        &self,
        decisions: Vec<YearDecisions>,
    ) -> Result<WorkingCalendar, InputErrors> {
        let errors = YearDecisions::check_list(&decisions, "/decisions");
        if errors.is_empty() {
            Ok(self.clone().with_checked(decisions))
        } else {
            Err(InputErrors(errors))
        }
    }

    fn with_checked(mut self, decisions: Vec<YearDecisions>) -> WorkingCalendar {
        for d in decisions {
            self.decisions.insert(d.year, d);
        }
        self
    }

    /// The decisions held, by year.
    pub fn decisions(&self) -> impl Iterator<Item = &YearDecisions> {
        self.decisions.values()
    }

    /// Problems reading the bundled decisions; always empty unless the build is broken.
    pub fn load_errors(&self) -> &[String] {
        &self.load_errors
    }

    /// Every day off of `year`, with names, by date.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use ocop_core::calendar::{HolidayKind, WorkingCalendar};
    /// let year = WorkingCalendar::vietnam().holidays(2026).unwrap();
    /// let tet: Vec<_> = year.holidays.iter().filter(|h| h.kind == HolidayKind::LunarNewYear).map(|h| h.date).collect();
    /// assert_eq!(tet.first(), Some(&date(2026, 2, 16))); // 29 tháng Chạp Ất Tỵ
    /// assert_eq!(tet.last(), Some(&date(2026, 2, 20))); // mùng 4 Tết Bính Ngọ
    /// ```
    pub fn holidays(&self, year: i16) -> Result<HolidayYear, CalendarProblem> {
        holidays::year_days_off(year, &self.decisions)
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: Date) -> Result<bool, CalendarProblem> {
        Days::new(self).is_working(date)
    }

    /// The day a time limit of `working_days` working days ends, counted from the day after
    /// `from` (Civil Code 2015, Điều 147): the `working_days`-th working day after `from`.
    /// Zero working days end on `from`.
    pub fn deadline(&self, from: Date, working_days: u32) -> Result<Date, CalendarProblem> {
        let mut days = Days::new(self);
        days.check(from)?;
        let mut day = from;
        let mut left = working_days;
        while left > 0 {
            day = next_day(day)?;
            if days.is_working(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// The day a time limit of `days` calendar days ends: `from` + `days`, or the next working
    /// day when that is a weekend day or a holiday (Civil Code 2015, Điều 147, 148.5).
    pub fn deadline_in_days(&self, from: Date, days: u32) -> Result<Date, CalendarProblem> {
        let mut index = Days::new(self);
        index.check(from)?;
        let mut day = from
            .checked_add(i64::from(days).days())
            .ok()
            .filter(|d| d.year() <= LAST_YEAR)
            .ok_or_else(past_end)?;
        while !index.is_working(day)? {
            day = next_day(day)?;
        }
        Ok(day)
    }

    /// How many working days fall after `from` up to and including `to` (0 when `to` is not
    /// after `from`).
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<u32, CalendarProblem> {
        let mut days = Days::new(self);
        days.check(from)?;
        days.check(to)?;
        let mut count = 0;
        let mut day = from;
        while day < to {
            day = next_day(day)?;
            if days.is_working(day)? {
                count += 1;
            }
        }
        Ok(count)
    }
}

fn next_day(day: Date) -> Result<Date, CalendarProblem> {
    day.tomorrow()
        .ok()
        .filter(|d| d.year() <= LAST_YEAR)
        .ok_or_else(past_end)
}

/// The days off of the years looked at so far, computed once each.
struct Days<'a> {
    calendar: &'a WorkingCalendar,
    years: BTreeMap<i16, (Vec<Date>, Vec<Date>)>,
}

impl<'a> Days<'a> {
    fn new(calendar: &'a WorkingCalendar) -> Days<'a> {
        Days {
            calendar,
            years: BTreeMap::new(),
        }
    }

    fn check(&self, date: Date) -> Result<(), CalendarProblem> {
        if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
            Ok(())
        } else {
            Err(outside(date))
        }
    }

    fn is_working(&mut self, date: Date) -> Result<bool, CalendarProblem> {
        let year = date.year();
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(outside(date));
        }
        if !self.years.contains_key(&year) {
            let y = self.calendar.holidays(year)?;
            let off = y.holidays.iter().map(|h| h.date).collect();
            let worked = y.worked_weekend_days.iter().map(|c| c.date).collect();
            self.years.insert(year, (off, worked));
        }
        let Some((off, worked)) = self.years.get(&year) else {
            return Ok(false);
        };
        Ok(worked.contains(&date) || !(decisions::is_weekend(date) || off.contains(&date)))
    }
}

// ---- requests and answers, for every surface ----

/// A time limit's length: `{"workingDays": 15}` or `{"days": 45}` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Period {
    /// Ngày làm việc: weekends and days off are not counted.
    WorkingDays(u32),
    /// Ngày: calendar days (a limit ending on a day off ends on the next working day).
    Days(u32),
}

impl Period {
    /// How many days.
    pub fn length(self) -> u32 {
        match self {
            Period::WorkingDays(n) | Period::Days(n) => n,
        }
    }

    /// Working days or calendar days.
    pub fn unit(self) -> TimeUnit {
        match self {
            Period::WorkingDays(_) => TimeUnit::WorkingDays,
            Period::Days(_) => TimeUnit::Days,
        }
    }

    /// `length` days of `unit`.
    pub fn new(length: u32, unit: TimeUnit) -> Period {
        match unit {
            TimeUnit::WorkingDays => Period::WorkingDays(length),
            TimeUnit::Days => Period::Days(length),
        }
    }
}

/// A time limit to compute: `{ "from": "2027-02-01", "workingDays": 15 }` or
/// `{ "from": "…", "days": 45 }`, with the caller's own `decisions` if any.
///
/// ```
/// use ocop_core::Input;
/// use ocop_core::calendar::{DeadlineRequest, Period};
/// let r = DeadlineRequest::from_json(r#"{"from":"2027-02-01","workingDays":15}"#).unwrap();
/// assert_eq!(r.period, Period::WorkingDays(15));
/// let e = DeadlineRequest::from_json(r#"{"from":"2027-02-30","workingDays":15,"days":3}"#).unwrap_err();
/// assert_eq!(e.0.len(), 2); // a bad date, and two lengths
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeadlineRequest {
    /// The day of the event the limit counts from (not itself counted).
    #[serde(with = "crate::text::iso_day")]
    pub from: Date,
    /// The limit's length and unit.
    #[serde(flatten)]
    pub period: Period,
    /// Decisions to add to the bundled ones (an entry replaces the bundled one for its year).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub decisions: Vec<YearDecisions>,
}

impl Input for DeadlineRequest {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<DeadlineRequest> {
        let f = Fields::new(
            value,
            path,
            "a deadline request",
            &[&["from", "workingDays", "days", "decisions"]],
            errors,
        );
        let from = f.required("from", errors);
        let working = f.optional("workingDays", errors);
        let days = f.optional("days", errors);
        let decisions = decisions_field(&f, errors);
        let period = match (working, days) {
            (Some(n), None) => Some(Period::WorkingDays(n)),
            (None, Some(n)) => Some(Period::Days(n)),
            (Some(_), Some(_)) => {
                errors.push(InputError::at(
                    f.path("days"),
                    CalendarProblem::TwoLengths.into(),
                ));
                None
            }
            // Say it only when the two fields were not there at all (not when they were bad).
            (None, None) if f.is_object() && f.raw("workingDays").or(f.raw("days")).is_none() => {
                errors.push(InputError::at(
                    f.path("workingDays"),
                    CalendarProblem::NoLength.into(),
                ));
                None
            }
            (None, None) => None,
        };
        Some(DeadlineRequest {
            from: from?,
            period: period?,
            decisions: decisions?,
        })
    }
}

// tsify writes a flattened enum as `interface … extends Period`, which TypeScript refuses for a
// union: the type is declared here instead.
#[cfg(feature = "wasm")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const DEADLINE_REQUEST_TS: &'static str = "/** A time limit to compute: `{ from, workingDays }` or `{ from, days }`, with the caller's own `decisions` if any. */
export type DeadlineRequest = { from: string; decisions?: YearDecisions[] } & Period;";

/// A time limit worked out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Deadline {
    /// The day counted from.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub from: Date,
    /// The limit's length.
    pub length: u32,
    /// Its unit.
    pub unit: TimeUnit,
    /// The last day of the limit.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub due_on: Date,
    /// The holidays after `from` up to `due_on`, which the count stepped over.
    pub holidays: Vec<Holiday>,
    /// Where the calendar had to choose for those years, if it did.
    pub readings: Vec<Text>,
    /// How it was counted, in plain words.
    pub explanation: Text,
}

/// The days off of a year: `{ "year": 2027 }`, with the caller's own `decisions` if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HolidaysRequest {
    /// The year.
    pub year: i16,
    /// Decisions to add to the bundled ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub decisions: Vec<YearDecisions>,
}

impl Input for HolidaysRequest {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<HolidaysRequest> {
        let f = Fields::new(
            value,
            path,
            "a holidays request",
            &[&["year", "decisions"]],
            errors,
        );
        let year = f
            .required::<u32>("year", errors)
            .and_then(|y| year_field(y, &f.path("year"), errors));
        let decisions = decisions_field(&f, errors);
        Some(HolidaysRequest {
            year: year?,
            decisions: decisions?,
        })
    }
}

read::deserialize_through_reader!(DeadlineRequest, HolidaysRequest);

/// A year read as a whole number, refused when it cannot be a calendar year.
pub(crate) fn year_field(year: u32, path: &str, errors: &mut Vec<InputError>) -> Option<i16> {
    i16::try_from(year).ok().or_else(|| {
        errors.push(InputError::at(
            path,
            year_out_of_range(i64::from(year)).into(),
        ));
        None
    })
}

/// The optional `decisions` field of a request (every request that counts days has one):
/// `None` when it was given and is bad.
pub(crate) fn decisions_field(
    f: &Fields<'_>,
    errors: &mut Vec<InputError>,
) -> Option<Vec<YearDecisions>> {
    match f.raw("decisions") {
        None => Some(Vec::new()),
        Some(v) => decisions::read_list(v, &f.path("decisions"), errors),
    }
}

/// The calendar a request asks for: the bundled one plus the request's decisions.
fn calendar_for(decisions: &[YearDecisions]) -> Result<WorkingCalendar, InputErrors> {
    WorkingCalendar::vietnam().with_decisions(decisions.to_vec())
}

/// Works out a time limit (the `deadline` request of every surface).
///
/// ```
/// use ocop_core::Input;
/// use ocop_core::calendar::{deadline, DeadlineRequest};
/// let r = DeadlineRequest::from_json(r#"{"from":"2027-02-01","workingDays":15}"#).unwrap();
/// let answer = deadline(&r).unwrap();
/// assert_eq!(answer.due_on.to_string(), "2027-03-01");
/// assert_eq!(answer.holidays.len(), 7); // Tết: 5 days and 2 in lieu
/// ```
pub fn deadline(request: &DeadlineRequest) -> Result<Deadline, InputErrors> {
    let calendar = calendar_for(&request.decisions)?;
    let (field, due) = match request.period {
        Period::WorkingDays(n) => ("/workingDays", calendar.deadline(request.from, n)),
        Period::Days(n) => ("/days", calendar.deadline_in_days(request.from, n)),
    };
    let due_on = due.map_err(|p| {
        let path = match p {
            CalendarProblem::OutsideCalendar { .. } => "/from",
            _ => field,
        };
        InputErrors::at(path, p.into())
    })?;
    let mut holidays = Vec::new();
    let mut readings: Vec<Text> = Vec::new();
    for year in request.from.year()..=due_on.year() {
        let y = calendar
            .holidays(year)
            .map_err(|p| InputErrors::at(field, p.into()))?;
        holidays.extend(
            y.holidays
                .into_iter()
                .filter(|h| h.date > request.from && h.date <= due_on),
        );
        readings.extend(y.readings);
    }
    Ok(Deadline {
        from: request.from,
        length: request.period.length(),
        unit: request.period.unit(),
        due_on,
        holidays,
        readings,
        explanation: explain_deadline(request, due_on),
    })
}

/// The days off of a year (the `holidays` request of every surface).
///
/// ```
/// use ocop_core::Input;
/// use ocop_core::calendar::{holidays, HolidaysRequest};
/// let year = holidays(&HolidaysRequest::from_json(r#"{"year": 2027}"#).unwrap()).unwrap();
/// assert_eq!(year.holidays[0].date.to_string(), "2027-01-01");
/// ```
pub fn holidays(request: &HolidaysRequest) -> Result<HolidayYear, InputErrors> {
    calendar_for(&request.decisions)?
        .holidays(request.year)
        .map_err(|p| InputErrors::at("/year", Problem::from(p)))
}

fn explain_deadline(r: &DeadlineRequest, due: Date) -> Text {
    let from = day_month_year(r.from);
    let due = day_month_year(due);
    match r.period {
        Period::WorkingDays(n) => Text::new(
            format!(
                "{n} ngày làm việc kể từ ngày {from}, tính từ ngày tiếp theo (Bộ luật Dân sự 2015, Điều 147), không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, tết: hết ngày {due}."
            ),
            format!(
                "{n} working days from {from}, counted from the next day (Civil Code 2015, Art. 147), skipping weekends and holidays: ends on {due}."
            ),
        ),
        Period::Days(n) => Text::new(
            format!(
                "{n} ngày kể từ ngày {from}, tính từ ngày tiếp theo (Điều 147); nếu ngày cuối là ngày nghỉ thì kết thúc vào ngày làm việc tiếp theo (Điều 148.5): hết ngày {due}."
            ),
            format!(
                "{n} days from {from}, counted from the next day (Art. 147); a limit ending on a day off ends on the next working day (Art. 148.5): ends on {due}."
            ),
        ),
    }
}
