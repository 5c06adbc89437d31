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
pub use decisions::{DayChange, YearDecisions};
pub use holidays::{Holiday, HolidayKind, HolidayYear};
pub use lunar::{FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR, LunarDate, hung_kings_day, lunar_new_year};

use crate::catalog::text::Text;
use crate::error::{ErrorCode, InputError, InputErrors};
use crate::json::{self, Fields};
use crate::limits;

/// First year of the working-day calendar: the Labour Code 2019, whose holidays it encodes,
/// took effect on 1 January 2021 (earlier years had one day for Quốc khánh).
pub const FIRST_YEAR: i16 = 2021;
/// Last year of the working-day calendar: the last year of the lunar calendar computed here.
pub const LAST_YEAR: i16 = LAST_LUNAR_YEAR;

/// Why a calendar question has no answer: the one list of the calendar's refusals, each with
/// its stable code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarProblem {
    /// A day outside the working-day calendar.
    #[error(
        "{date} is outside the working-day calendar, which covers {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31 (the Labour Code 2019 holidays, with Tết computed from the lunar calendar)"
    )]
    OutsideCalendar {
        /// The day.
        date: Date,
    },
    /// A year outside the working-day calendar.
    #[error("{year} is outside the working-day calendar, which covers {FIRST_YEAR} to {LAST_YEAR}")]
    YearOutOfRange {
        /// The year.
        year: i64,
    },
    /// Counting ran past the last day of the calendar.
    #[error(
        "the time limit ends after {LAST_YEAR}-12-31, the last day of the working-day calendar"
    )]
    PastEndOfCalendar,
    /// A day outside the lunar calendar.
    #[error(
        "{date} is outside the lunar calendar computed here ({FIRST_LUNAR_YEAR} to {LAST_LUNAR_YEAR})"
    )]
    OutsideLunarCalendar {
        /// The day.
        date: Date,
    },
    /// A lunar year outside the lunar calendar.
    #[error(
        "lunar year {year} is outside the lunar calendar computed here ({FIRST_LUNAR_YEAR} to {LAST_LUNAR_YEAR})"
    )]
    LunarYearOutOfRange {
        /// The lunar year.
        year: i16,
    },
    /// A lunar day that does not exist (a 30th day of a 29-day month, a leap month the year
    /// does not have).
    #[error("the lunar year {} has no day {}/{}{}", day.year, day.day, day.month, if day.leap_month { " (leap month)" } else { "" })]
    NoSuchLunarDay {
        /// The day asked for.
        day: LunarDate,
    },
    /// A decision entry that does not fit the law or the calendar.
    #[error("{reason}")]
    InvalidEntry {
        /// What is wrong.
        reason: String,
    },
}

impl CalendarProblem {
    /// The stable code of this problem.
    pub fn code(&self) -> ErrorCode {
        match self {
            CalendarProblem::OutsideCalendar { .. }
            | CalendarProblem::YearOutOfRange { .. }
            | CalendarProblem::PastEndOfCalendar
            | CalendarProblem::OutsideLunarCalendar { .. }
            | CalendarProblem::LunarYearOutOfRange { .. } => ErrorCode::DateOutOfCalendar,
            CalendarProblem::NoSuchLunarDay { .. } => ErrorCode::InvalidDate,
            CalendarProblem::InvalidEntry { .. } => ErrorCode::InvalidCalendarEntry,
        }
    }

    /// The problem as an input error at `path` (a JSON Pointer).
    pub fn at(self, path: impl Into<String>) -> InputError {
        InputError::new(self.code(), path, self.to_string())
    }
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
            .ok_or(CalendarProblem::PastEndOfCalendar)?;
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
        .ok_or(CalendarProblem::PastEndOfCalendar)
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
            Err(CalendarProblem::OutsideCalendar { date })
        }
    }

    fn is_working(&mut self, date: Date) -> Result<bool, CalendarProblem> {
        let year = date.year();
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(CalendarProblem::OutsideCalendar { date });
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

// ---- requests read from JSON, for every surface ----

/// A time limit to compute: `{ "from": "2027-02-01", "workingDays": 15 }` or
/// `{ "from": "…", "days": 45 }`, with the caller's own `decisions` if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct DeadlineRequest {
    /// The day of the event the limit counts from (not itself counted).
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub from: Date,
    /// The limit's length.
    pub length: u32,
    /// Working days or calendar days.
    pub unit: TimeUnit,
    /// Decisions to add to the bundled ones (an entry replaces the bundled one for its year).
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub decisions: Vec<YearDecisions>,
}

/// A time limit worked out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct Deadline {
    /// The day counted from.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub from: Date,
    /// The limit's length.
    pub length: u32,
    /// Its unit.
    pub unit: TimeUnit,
    /// The last day of the limit.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub due_on: Date,
    /// The holidays after `from` up to `due_on`, which the count stepped over.
    pub holidays: Vec<Holiday>,
    /// Where the calendar had to choose for those years, if it did.
    pub readings: Vec<Text>,
    /// How it was counted, in plain words.
    pub explanation: Text,
}

const DEADLINE_FIELDS: &[&str] = &["from", "workingDays", "days", "decisions"];
const HOLIDAYS_FIELDS: &[&str] = &["year", "decisions"];

impl DeadlineRequest {
    /// Reads a request from JSON, reporting every problem with its path.
    ///
    /// ```
    /// use ocop_core::calendar::DeadlineRequest;
    /// let r = DeadlineRequest::from_json(r#"{"from":"2027-02-01","workingDays":15}"#).unwrap();
    /// assert_eq!(r.length, 15);
    /// let e = DeadlineRequest::from_json(r#"{"from":"2027-02-30","workingDays":15,"days":3}"#).unwrap_err();
    /// assert_eq!(e.0.len(), 2); // a bad date, and two lengths
    /// ```
    pub fn from_json(text: &str) -> Result<DeadlineRequest, InputErrors> {
        DeadlineRequest::from_json_value(&json::parse(text, limits::MAX_INPUT_BYTES)?, "")
    }

    /// Reads a request from a parsed JSON value; errors are reported under `path`.
    pub fn from_json_value(value: &Value, path: &str) -> Result<DeadlineRequest, InputErrors> {
        let mut errors = Vec::new();
        let f = Fields::new(value, path, DEADLINE_FIELDS, &mut errors);
        let from = f.required::<Date>("from", &mut errors);
        let working = f.optional::<u32>("workingDays", &mut errors);
        let days = f.optional::<u32>("days", &mut errors);
        let decisions = decisions_field(&f, &mut errors);
        let length = match (working, days) {
            (Some(n), None) => Some((n, TimeUnit::WorkingDays)),
            (None, Some(n)) => Some((n, TimeUnit::Days)),
            (Some(_), Some(_)) => {
                errors.push(InputError::new(
                    ErrorCode::WrongType,
                    f.path("days"),
                    "give `workingDays` or `days`, not both",
                ));
                None
            }
            (None, None) if errors.is_empty() => {
                errors.push(InputError::new(
                    ErrorCode::MissingField,
                    f.path("workingDays"),
                    "give `workingDays` (ngày làm việc) or `days` (ngày)",
                ));
                None
            }
            (None, None) => None,
        };
        match (from, length) {
            (Some(from), Some((length, unit))) if errors.is_empty() => Ok(DeadlineRequest {
                from,
                length,
                unit,
                decisions,
            }),
            _ => Err(InputErrors(errors)),
        }
    }
}

/// The days off of a year: `{ "year": 2027 }`, with the caller's own `decisions` if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
pub struct HolidaysRequest {
    /// The year.
    pub year: i16,
    /// Decisions to add to the bundled ones.
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub decisions: Vec<YearDecisions>,
}

impl HolidaysRequest {
    /// Reads a request from JSON, reporting every problem with its path.
    pub fn from_json(text: &str) -> Result<HolidaysRequest, InputErrors> {
        HolidaysRequest::from_json_value(&json::parse(text, limits::MAX_INPUT_BYTES)?, "")
    }

    /// Reads a request from a parsed JSON value; errors are reported under `path`.
    pub fn from_json_value(value: &Value, path: &str) -> Result<HolidaysRequest, InputErrors> {
        let mut errors = Vec::new();
        let f = Fields::new(value, path, HOLIDAYS_FIELDS, &mut errors);
        let year = f.required::<u32>("year", &mut errors);
        let decisions = decisions_field(&f, &mut errors);
        let year = year.and_then(|y| {
            let fits = i16::try_from(y).ok();
            if fits.is_none() {
                let problem = CalendarProblem::YearOutOfRange { year: i64::from(y) };
                errors.push(problem.at(f.path("year")));
            }
            fits
        });
        match year {
            Some(year) if errors.is_empty() => Ok(HolidaysRequest { year, decisions }),
            _ => Err(InputErrors(errors)),
        }
    }
}

/// The optional `decisions` field of a request (every request that counts days has one).
pub(crate) fn decisions_field(f: &Fields<'_>, errors: &mut Vec<InputError>) -> Vec<YearDecisions> {
    f.raw("decisions")
        .and_then(|v| decisions::read_list(v, &f.path("decisions"), errors))
        .unwrap_or_default()
}

/// The calendar a request asks for: the bundled one plus the request's decisions.
fn calendar_for(decisions: &[YearDecisions]) -> Result<WorkingCalendar, InputErrors> {
    WorkingCalendar::vietnam().with_decisions(decisions.to_vec())
}

/// Works out a time limit (the `deadline` request of every surface).
///
/// ```
/// use ocop_core::calendar::{deadline, DeadlineRequest};
/// let r = DeadlineRequest::from_json(r#"{"from":"2027-02-01","workingDays":15}"#).unwrap();
/// let answer = deadline(&r).unwrap();
/// assert_eq!(answer.due_on.to_string(), "2027-03-01");
/// assert_eq!(answer.holidays.len(), 7); // Tết: 5 days and 2 in lieu
/// ```
pub fn deadline(request: &DeadlineRequest) -> Result<Deadline, InputErrors> {
    let calendar = calendar_for(&request.decisions)?;
    let (field, due) = match request.unit {
        TimeUnit::WorkingDays => (
            "/workingDays",
            calendar.deadline(request.from, request.length),
        ),
        TimeUnit::Days => (
            "/days",
            calendar.deadline_in_days(request.from, request.length),
        ),
    };
    let due_on = due.map_err(|p| {
        let path = match p {
            CalendarProblem::OutsideCalendar { .. } => "/from",
            _ => field,
        };
        InputErrors::from(p.at(path))
    })?;
    let mut holidays = Vec::new();
    let mut readings: Vec<Text> = Vec::new();
    for year in request.from.year()..=due_on.year() {
        let y = calendar
            .holidays(year)
            .map_err(|p| InputErrors::from(p.at(field)))?;
        holidays.extend(
            y.holidays
                .into_iter()
                .filter(|h| h.date > request.from && h.date <= due_on),
        );
        readings.extend(y.readings);
    }
    let explanation = explain_deadline(request, due_on);
    Ok(Deadline {
        from: request.from,
        length: request.length,
        unit: request.unit,
        due_on,
        holidays,
        readings,
        explanation,
    })
}

/// The days off of a year (the `holidays` request of every surface).
pub fn holidays(request: &HolidaysRequest) -> Result<HolidayYear, InputErrors> {
    calendar_for(&request.decisions)?
        .holidays(request.year)
        .map_err(|p| InputErrors::from(p.at("/year")))
}

fn explain_deadline(r: &DeadlineRequest, due: Date) -> Text {
    let from = crate::certificate::day_month_year(r.from);
    let due = crate::certificate::day_month_year(due);
    match r.unit {
        TimeUnit::WorkingDays => Text::new(
            format!(
                "{} ngày làm việc kể từ ngày {from}, tính từ ngày tiếp theo (Bộ luật Dân sự 2015, Điều 147), không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, tết: hết ngày {due}.",
                r.length
            ),
            format!(
                "{} working days from {from}, counted from the next day (Civil Code 2015, Art. 147), skipping weekends and holidays: ends on {due}.",
                r.length
            ),
        ),
        TimeUnit::Days => Text::new(
            format!(
                "{} ngày kể từ ngày {from}, tính từ ngày tiếp theo (Điều 147); nếu ngày cuối là ngày nghỉ thì kết thúc vào ngày làm việc tiếp theo (Điều 148.5): hết ngày {due}.",
                r.length
            ),
            format!(
                "{} days from {from}, counted from the next day (Art. 147); a limit ending on a day off ends on the next working day (Art. 148.5): ends on {due}.",
                r.length
            ),
        ),
    }
}
