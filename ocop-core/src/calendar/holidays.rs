//! The days off of one year: the Labour Code's holidays, the days in lieu of those that fall
//! on a weekend, and the Government's decisions.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use super::decisions::{DayChange, YearDecisions, is_weekend};
use super::lunar::{LunarDate, hung_kings_day, lunar_new_year};
use super::{FIRST_YEAR, LAST_YEAR, past_end, year_out_of_range};
use crate::error::CalendarProblem;
use crate::text::{Str, Text};
use crate::wire::Choice;

/// Why a day is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum HolidayKind {
    /// Tết Dương lịch, 1 January (Bộ luật Lao động 2019, Điều 112.1.a).
    NewYear,
    /// One of the five days of Tết Âm lịch (Điều 112.1.b).
    LunarNewYear,
    /// Ngày Chiến thắng, 30 April (Điều 112.1.c).
    VictoryDay,
    /// Ngày Quốc tế lao động, 1 May (Điều 112.1.d).
    LabourDay,
    /// Quốc khánh, 2 September and one day next to it (Điều 112.1.đ).
    NationalDay,
    /// Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month (Điều 112.1.e).
    HungKings,
    /// A day off in lieu of a holiday that fell on a Saturday or Sunday (nghỉ bù, Điều 111.3).
    InLieu,
    /// A weekday given off by a Government decision (hoán đổi ngày làm việc).
    ByDecision,
}

impl Choice for HolidayKind {
    const ALL: &'static [HolidayKind] = &[
        HolidayKind::NewYear,
        HolidayKind::LunarNewYear,
        HolidayKind::VictoryDay,
        HolidayKind::LabourDay,
        HolidayKind::NationalDay,
        HolidayKind::HungKings,
        HolidayKind::InLieu,
        HolidayKind::ByDecision,
    ];
    const WHAT: &'static str = "a kind of holiday";
}

/// A day off that is not a Saturday or Sunday by itself (holidays on a weekend are listed too).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Holiday {
    /// The day.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub date: Date,
    /// Why it is off.
    pub kind: HolidayKind,
    /// Its name.
    pub name: Text,
    /// The article, reading or decision behind it.
    pub basis: Str,
}

/// A year's days off and worked weekend days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HolidayYear {
    /// The year.
    pub year: i16,
    /// The holidays, days in lieu and days off by decision, by date.
    pub holidays: Vec<Holiday>,
    /// Saturdays and Sundays worked by decision (làm bù).
    pub worked_weekend_days: Vec<DayChange>,
    /// The decision applied for this year, if the calendar holds one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// Where this library chose because no decision says (which days Tết takes, which day
    /// goes with 2 September).
    pub readings: Vec<Text>,
}

const LABOUR_CODE: &str = "Bộ luật Lao động 2019";

/// Every day off of `year` under the Labour Code 2019 and the decisions held.
pub(super) fn year_days_off(
    year: i16,
    decisions: &BTreeMap<i16, YearDecisions>,
) -> Result<HolidayYear, CalendarProblem> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(year_out_of_range(i64::from(year)));
    }
    let decided = decisions.get(&year);
    let mut readings = Vec::new();
    let law = labour_code_days(year, decided, &mut readings)?;

    // Swapped days from the decisions of this year and its neighbours (a swap may cross the
    // new year, as 31/12/2018 for 05/01/2019 did).
    let nearby: Vec<&YearDecisions> = (year - 1..=year + 1)
        .filter_map(|y| decisions.get(&y))
        .collect();
    let by_decision: Vec<Holiday> = nearby
        .iter()
        .flat_map(|d| d.days_off.iter().map(move |c| (d, c)))
        .filter(|(_, c)| c.date.year() == year && !law.iter().any(|h| h.date == c.date))
        .map(|(d, c)| {
            holiday(
                c.date,
                HolidayKind::ByDecision,
                Text::new(
                    "Nghỉ theo quyết định của Chính phủ",
                    "Day off by Government decision",
                ),
                with_note(&d.source, &c.note),
            )
        })
        .collect();
    let worked_weekend_days: Vec<DayChange> = nearby
        .iter()
        .flat_map(|d| d.working_days.iter())
        .filter(|c| c.date.year() == year)
        .cloned()
        .collect();
    let in_lieu = in_lieu_days(&law, &by_decision)?;
    let mut holidays: Vec<Holiday> = law.into_iter().chain(in_lieu).chain(by_decision).collect();
    holidays.sort_by_key(|h| h.date);
    Ok(HolidayYear {
        year,
        holidays,
        worked_weekend_days,
        decided_by: decided.map(|d| d.source.clone()),
        readings,
    })
}

/// The holidays of Điều 112.1, by date; where no decision chose a day, the reading made is
/// added to `readings`.
fn labour_code_days(
    year: i16,
    decided: Option<&YearDecisions>,
    readings: &mut Vec<Text>,
) -> Result<Vec<Holiday>, CalendarProblem> {
    let mut law = Vec::new();
    let day = |m: i8, d: i8| Date::new(year, m, d).map_err(|_| year_out_of_range(i64::from(year)));
    law.push(holiday(
        day(1, 1)?,
        HolidayKind::NewYear,
        Text::new("Tết Dương lịch", "New Year's Day"),
        format!("{LABOUR_CODE}, Điều 112.1.a"),
    ));
    tet_days(year, decided, &mut law, readings)?;
    law.push(holiday(
        day(4, 30)?,
        HolidayKind::VictoryDay,
        Text::new("Ngày Chiến thắng", "Victory Day"),
        format!("{LABOUR_CODE}, Điều 112.1.c"),
    ));
    law.push(holiday(
        day(5, 1)?,
        HolidayKind::LabourDay,
        Text::new("Ngày Quốc tế lao động", "International Labour Day"),
        format!("{LABOUR_CODE}, Điều 112.1.d"),
    ));
    let national = day(9, 2)?;
    law.push(holiday(
        national,
        HolidayKind::NationalDay,
        Text::new("Quốc khánh", "National Day"),
        format!("{LABOUR_CODE}, Điều 112.1.đ"),
    ));
    let (adjacent, basis) = match decided.and_then(|d| d.national_day_adjacent) {
        Some(d) => (d, decision_basis(decided)),
        None => {
            readings.push(Text::new(
                "Ngày liền kề Quốc khánh: chưa có quyết định; chọn ngày nối 2/9 với ngày nghỉ cuối tuần (thứ Hai → 3/9, thứ Ba, thứ Tư, thứ Sáu, thứ Bảy → 1/9, thứ Năm, Chủ nhật → 3/9).",
                "The day next to National Day: no decision held; the day joining 2 September to a weekend is read (Monday → 3 Sep; Tuesday, Wednesday, Friday, Saturday → 1 Sep; Thursday, Sunday → 3 Sep).",
            ));
            (
                national_day_adjacent(national),
                format!(
                    "{LABOUR_CODE}, Điều 112.1.đ; ngày liền kề theo cách đọc của thư viện (docs/readings.md)"
                ),
            )
        }
    };
    law.push(holiday(
        adjacent,
        HolidayKind::NationalDay,
        Text::new("Quốc khánh (ngày liền kề)", "National Day (adjacent day)"),
        basis,
    ));
    law.push(holiday(
        hung_kings_day(year)?,
        HolidayKind::HungKings,
        Text::new(
            "Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)",
            "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
        ),
        format!("{LABOUR_CODE}, Điều 112.1.e"),
    ));
    law.sort_by_key(|h| h.date);
    Ok(law)
}

/// A day off in lieu of each holiday that falls on a Saturday or Sunday: the next weekday that
/// is not already off (Điều 111.3).
fn in_lieu_days(law: &[Holiday], by_decision: &[Holiday]) -> Result<Vec<Holiday>, CalendarProblem> {
    let mut taken: Vec<Date> = law.iter().chain(by_decision).map(|h| h.date).collect();
    let mut in_lieu = Vec::new();
    for h in law.iter().filter(|h| is_weekend(h.date)) {
        let mut d = h.date;
        while is_weekend(d) || taken.contains(&d) {
            d = d.tomorrow().map_err(|_| past_end())?;
        }
        taken.push(d);
        in_lieu.push(holiday(
            d,
            HolidayKind::InLieu,
            Text::new(
                format!("Nghỉ bù {} ({})", h.name.vi, day_month(h.date)),
                format!("Day off in lieu of {} ({})", h.name.en, day_month(h.date)),
            ),
            format!("{LABOUR_CODE}, Điều 111.3"),
        ));
    }
    Ok(in_lieu)
}

/// The five days of Tết: `before` days at the end of the old lunar year, then the new year's
/// first days.
fn tet_days(
    year: i16,
    decided: Option<&YearDecisions>,
    out: &mut Vec<Holiday>,
    readings: &mut Vec<Text>,
) -> Result<(), CalendarProblem> {
    let new_year = lunar_new_year(year)?;
    let (before, basis) = match decided.and_then(|d| d.tet_days_before_new_year) {
        Some(n) => (i64::from(n), decision_basis(decided)),
        None => {
            let n = default_tet_days_before(new_year);
            readings.push(if n == 2 {
                Text::new(
                    "Tết Âm lịch: chưa có quyết định; chọn 2 ngày cuối năm và 3 ngày đầu năm, vì cách nghỉ 1 ngày cuối năm, 4 ngày đầu năm có một ngày rơi vào thứ Bảy.",
                    "Tết: no decision held; 2 days before the new year and 3 from it are read, because 1 + 4 would put a Tết day on a Saturday.",
                )
            } else {
                Text::new(
                    "Tết Âm lịch: chưa có quyết định; chọn 1 ngày cuối năm và 4 ngày đầu năm.",
                    "Tết: no decision held; 1 day before the new year and 4 from it are read.",
                )
            });
            (
                n,
                format!(
                    "{LABOUR_CODE}, Điều 112.1.b; các ngày cụ thể theo cách đọc của thư viện (docs/readings.md)"
                ),
            )
        }
    };
    for offset in -before..5 - before {
        let d = new_year
            .checked_add(offset.days())
            .map_err(|_| past_end())?;
        let (vi, en) = lunar_label(d)?;
        out.push(holiday(
            d,
            HolidayKind::LunarNewYear,
            Text::new(
                format!("Tết Âm lịch ({vi})"),
                format!("Lunar New Year ({en})"),
            ),
            basis.clone(),
        ));
    }
    Ok(())
}

/// Without a decision, Tết takes 1 day before the new year and 4 from it, or 2 and 3 when the
/// first choice would put a Tết day on a Saturday (the Government has then moved the day
/// before Tết rather than lose a weekday: every decision from 2020 to 2026 follows this).
fn default_tet_days_before(new_year: Date) -> i64 {
    let saturday_in_one_plus_four = (-1..4).any(|i: i64| {
        new_year
            .checked_add(i.days())
            .is_ok_and(|d| d.weekday() == Weekday::Saturday)
    });
    if saturday_in_one_plus_four { 2 } else { 1 }
}

/// Without a decision, the second day of Quốc khánh is the one that joins 2 September to a
/// weekend (1 September when neither or both would).
fn national_day_adjacent(national: Date) -> Date {
    let after = matches!(
        national.weekday(),
        Weekday::Monday | Weekday::Thursday | Weekday::Sunday
    );
    let offset: i64 = if after { 1 } else { -1 };
    national.checked_add(offset.days()).unwrap_or(national)
}

/// "29 tháng Chạp" / "29th of the 12th month", or "mùng 1 tháng Giêng" / "1st of the 1st month".
fn lunar_label(d: Date) -> Result<(String, String), CalendarProblem> {
    let l = LunarDate::from_solar(d)?;
    let month_vi = match l.month {
        1 => "tháng Giêng".to_owned(),
        12 => "tháng Chạp".to_owned(),
        m => format!("tháng {m}"),
    };
    let day_vi = if l.day <= 10 {
        format!("mùng {}", l.day)
    } else {
        l.day.to_string()
    };
    Ok((
        format!("{day_vi} {month_vi}"),
        format!("{} of the {} lunar month", ordinal(l.day), ordinal(l.month)),
    ))
}

fn ordinal(n: u8) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn day_month(d: Date) -> String {
    format!("{:02}/{:02}", d.day(), d.month())
}

fn decision_basis(decided: Option<&YearDecisions>) -> String {
    decided.map_or_else(String::new, |d| d.source.clone())
}

fn with_note(source: &str, note: &str) -> String {
    if note.is_empty() {
        source.to_owned()
    } else {
        format!("{source}: {note}")
    }
}

fn holiday(date: Date, kind: HolidayKind, name: Text, basis: impl Into<Str>) -> Holiday {
    Holiday {
        date,
        kind,
        name,
        basis: basis.into(),
    }
}
