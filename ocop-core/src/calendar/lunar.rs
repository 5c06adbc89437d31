//! The Vietnamese lunar calendar (âm lịch), computed for Vietnam's time zone, UTC+7.
//!
//! The method is Hồ Ngọc Đức's, built on Jean Meeus's *Astronomical Algorithms*: a month starts
//! on the day (in UTC+7) of a new moon; month 11 is the one holding the winter solstice; a year
//! of 13 months repeats the first month after month 11 that holds no major solar term. Because
//! the day of a new moon depends on the time zone, the Vietnamese calendar differs from the
//! Chinese one (UTC+8) in some years: Tết 1985 fell on 21 January in Vietnam and 20 February in
//! China; Tết 2007 on 17 February in Vietnam and 18 February in China.
//!
//! All floating-point maths goes through `libm` (pure Rust), so that the native library and the
//! wasm package compute the same days.

use jiff::ToSpan;
use jiff::civil::Date;
use libm::{floor, sin};
use serde::{Deserialize, Serialize};

use crate::error::CalendarProblem;

const PI: f64 = core::f64::consts::PI;
/// Hours east of UTC for which the calendar is computed.
const TIME_ZONE: f64 = 7.0;
/// Julian day number of 1970-01-01, to convert with jiff's dates.
const JD_1970_01_01: i64 = 2_440_588;

/// First lunar year the conversions cover.
pub const FIRST_LUNAR_YEAR: i16 = 1900;
/// Last lunar year the conversions cover: the last year of the tables the method's author
/// publishes (1800–2199); the simplified new-moon and ΔT series are not meant for later.
pub const LAST_LUNAR_YEAR: i16 = 2199;

/// A day of the Vietnamese lunar calendar.
///
/// ```
/// use jiff::civil::date;
/// use ocop_core::calendar::LunarDate;
/// // Giỗ Tổ Hùng Vương 2026: the 10th day of the 3rd lunar month.
/// let day = LunarDate { year: 2026, month: 3, day: 10, leap_month: false };
/// assert_eq!(day.to_solar().unwrap(), date(2026, 4, 26));
/// assert_eq!(LunarDate::from_solar(date(2026, 4, 26)).unwrap(), day);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LunarDate {
    /// The lunar year (the year that starts on that Tết).
    pub year: i16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day, 1 to 30.
    pub day: u8,
    /// The month is the leap (repeated) month of the year (tháng nhuận).
    pub leap_month: bool,
}

impl LunarDate {
    /// The solar day of this lunar day.
    pub fn to_solar(self) -> Result<Date, CalendarProblem> {
        check_lunar_year(self.year)?;
        let invalid = || CalendarProblem::NoSuchLunarDay {
            year: self.year,
            month: self.month,
            day: self.day,
            leap_month: self.leap_month,
        };
        if !(1..=12).contains(&self.month) || !(1..=30).contains(&self.day) {
            return Err(invalid());
        }
        let year = i64::from(self.year);
        let month = i64::from(self.month);
        let (a11, b11) = if month < 11 {
            (lunar_month_11(year - 1), lunar_month_11(year))
        } else {
            (lunar_month_11(year), lunar_month_11(year + 1))
        };
        let k = floor(0.5 + (a11 as f64 - 2_415_021.076_998_695) / 29.530_588_853) as i64;
        let mut offset = (month - 11).rem_euclid(12);
        if b11 - a11 > 365 {
            let leap_offset = leap_month_offset(a11);
            let leap_month = (leap_offset - 2).rem_euclid(12);
            if self.leap_month && month != leap_month {
                return Err(invalid());
            }
            if self.leap_month || offset >= leap_offset {
                offset += 1;
            }
        } else if self.leap_month {
            return Err(invalid());
        }
        let start = new_moon_day(k + offset);
        let length = new_moon_day(k + offset + 1) - start;
        if i64::from(self.day) > length {
            return Err(invalid());
        }
        from_julian_day(start + i64::from(self.day) - 1).ok_or_else(invalid)
    }

    /// The lunar day of a solar day, from Tết 1900 (31/01/1900) to the end of 2199.
    pub fn from_solar(date: Date) -> Result<LunarDate, CalendarProblem> {
        let out_of_range = || CalendarProblem::OutsideLunarCalendar {
            date,
            first: FIRST_LUNAR_YEAR,
            last: LAST_LUNAR_YEAR,
        };
        if !(FIRST_LUNAR_YEAR..=LAST_LUNAR_YEAR).contains(&date.year()) {
            return Err(out_of_range());
        }
        let day_number = julian_day(date);
        let k = floor((day_number as f64 - 2_415_021.076_998_695) / 29.530_588_853) as i64;
        let mut month_start = new_moon_day(k + 1);
        if month_start > day_number {
            month_start = new_moon_day(k);
        }
        let solar_year = i64::from(date.year());
        let mut a11 = lunar_month_11(solar_year);
        let mut b11 = a11;
        let mut lunar_year = if a11 >= month_start {
            a11 = lunar_month_11(solar_year - 1);
            solar_year
        } else {
            b11 = lunar_month_11(solar_year + 1);
            solar_year + 1
        };
        let day = day_number - month_start + 1;
        let diff = (month_start - a11).div_euclid(29);
        let mut month = diff + 11;
        let mut leap_month = false;
        if b11 - a11 > 365 {
            let leap_diff = leap_month_offset(a11);
            if diff >= leap_diff {
                month = diff + 10;
                leap_month = diff == leap_diff;
            }
        }
        if month > 12 {
            month -= 12;
        }
        if month >= 11 && diff < 4 {
            lunar_year -= 1;
        }
        // Days before Tết 1900 belong to lunar year 1899, outside the calendar.
        if !(i64::from(FIRST_LUNAR_YEAR)..=i64::from(LAST_LUNAR_YEAR)).contains(&lunar_year) {
            return Err(out_of_range());
        }
        Ok(LunarDate {
            year: i16::try_from(lunar_year).map_err(|_| out_of_range())?,
            month: u8::try_from(month).map_err(|_| out_of_range())?,
            day: u8::try_from(day).map_err(|_| out_of_range())?,
            leap_month,
        })
    }
}

/// The first day of lunar year `year` (Tết Nguyên đán, mùng 1 tháng Giêng), in Vietnam.
///
/// ```
/// use jiff::civil::date;
/// use ocop_core::calendar::lunar_new_year;
/// assert_eq!(lunar_new_year(2027).unwrap(), date(2027, 2, 6));
/// // Computed for UTC+7: Vietnam's Tết 1985 was a month before China's (20 February).
/// assert_eq!(lunar_new_year(1985).unwrap(), date(1985, 1, 21));
/// ```
pub fn lunar_new_year(year: i16) -> Result<Date, CalendarProblem> {
    LunarDate {
        year,
        month: 1,
        day: 1,
        leap_month: false,
    }
    .to_solar()
}

/// Giỗ Tổ Hùng Vương of `year`: the 10th day of the 3rd lunar month (never the leap month).
///
/// ```
/// use jiff::civil::date;
/// assert_eq!(ocop_core::calendar::hung_kings_day(2027).unwrap(), date(2027, 4, 16));
/// ```
pub fn hung_kings_day(year: i16) -> Result<Date, CalendarProblem> {
    LunarDate {
        year,
        month: 3,
        day: 10,
        leap_month: false,
    }
    .to_solar()
}

fn check_lunar_year(year: i16) -> Result<(), CalendarProblem> {
    if (FIRST_LUNAR_YEAR..=LAST_LUNAR_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(CalendarProblem::LunarYearOutOfRange {
            year,
            first: FIRST_LUNAR_YEAR,
            last: LAST_LUNAR_YEAR,
        })
    }
}

/// Julian day number of a day.
fn julian_day(date: Date) -> i64 {
    let epoch = Date::constant(1970, 1, 1);
    i64::from((date - epoch).get_days()) + JD_1970_01_01
}

/// The day of a Julian day number.
fn from_julian_day(jd: i64) -> Option<Date> {
    Date::constant(1970, 1, 1)
        .checked_add((jd - JD_1970_01_01).days())
        .ok()
}

/// Julian date (UTC, fractional) of the `k`-th new moon after 1 January 1900 (Meeus, ch. 49,
/// with the main periodic terms). The order of operations follows Hồ Ngọc Đức's code, so that
/// the two give the same days even at the margins.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85; // Julian centuries from 1900 January 0.5
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * sin((166.56 + 132.87 * t - 0.009_173 * t2) * dr); // mean new moon
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3; // Sun's mean anomaly
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3; // Moon's mean anomaly
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3; // Moon's argument of latitude
    let mut c1 = (0.1734 - 0.000_393 * t) * sin(m * dr) + 0.0021 * sin(2.0 * dr * m);
    c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2.0 * mpr);
    c1 -= 0.0004 * sin(dr * 3.0 * mpr);
    c1 = c1 + 0.0104 * sin(dr * 2.0 * f) - 0.0051 * sin(dr * (m + mpr));
    c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2.0 * f + m));
    c1 = c1 - 0.0004 * sin(dr * (2.0 * f - m)) - 0.0006 * sin(dr * (2.0 * f + mpr));
    c1 = c1 + 0.0010 * sin(dr * (2.0 * f - mpr)) + 0.0005 * sin(dr * (2.0 * mpr + m));
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// The Sun's apparent longitude, in radians from 0 to 2π, at Julian date `jd` (Meeus, ch. 25,
/// low accuracy).
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36525.0; // Julian centuries from 2000-01-01 12:00 UTC
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2; // mean anomaly
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2; // mean longitude
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * sin(dr * m);
    dl = dl + (0.019_993 - 0.000_101 * t) * sin(dr * 2.0 * m) + 0.000_290 * sin(dr * 3.0 * m);
    let l = (l0 + dl) * dr;
    l - PI * 2.0 * floor(l / (PI * 2.0))
}

/// Which of the 12 major solar terms the Sun is in at the start of `day` (0: from the March
/// equinox; 9: from the December solstice).
fn solar_term(day: i64) -> i64 {
    floor(sun_longitude(day as f64 - 0.5 - TIME_ZONE / 24.0) / PI * 6.0) as i64
}

/// The day (Julian day number, in UTC+7) of the `k`-th new moon.
fn new_moon_day(k: i64) -> i64 {
    floor(new_moon(k) + 0.5 + TIME_ZONE / 24.0) as i64
}

/// The first day of lunar month 11 (the month holding the winter solstice) of solar `year`.
fn lunar_month_11(year: i64) -> i64 {
    // Years are checked before this is called; 0 only for an impossible year.
    let dec_31 = i16::try_from(year)
        .ok()
        .and_then(|y| Date::new(y, 12, 31).ok())
        .map_or(0, julian_day);
    let k = floor((dec_31 - 2_415_021) as f64 / 29.530_588_853) as i64;
    let start = new_moon_day(k);
    if solar_term(start) >= 9 {
        new_moon_day(k - 1)
    } else {
        start
    }
}

/// How many months after the month 11 starting on `a11` the leap month comes: the first month
/// in which the Sun enters no new major term.
fn leap_month_offset(a11: i64) -> i64 {
    let k = floor((a11 as f64 - 2_415_021.076_998_695) / 29.530_588_853 + 0.5) as i64;
    let mut i = 1;
    let mut term = solar_term(new_moon_day(k + i));
    loop {
        let last = term;
        i += 1;
        term = solar_term(new_moon_day(k + i));
        if term == last || i >= 14 {
            return i - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn julian_days_match_the_textbook() {
        // Meeus, example 7.a: 1957 October 4.81 is JD 2436116.31, so the day is JDN 2436116.
        assert_eq!(julian_day(date(1957, 10, 4)), 2_436_116);
        assert_eq!(from_julian_day(2_436_116), Some(date(1957, 10, 4)));
    }

    #[test]
    fn a_year_with_a_leap_month() {
        // 2023 (Quý Mão) repeats the 2nd month: nhuận tháng 2 ran from 22/03 to 19/04/2023.
        let leap = LunarDate {
            year: 2023,
            month: 2,
            day: 1,
            leap_month: true,
        };
        assert_eq!(leap.to_solar().unwrap(), date(2023, 3, 22));
        assert_eq!(LunarDate::from_solar(date(2023, 3, 22)).unwrap(), leap);
        // The 3rd month follows the leap month: Giỗ Tổ 2023 was on 29/04.
        assert_eq!(hung_kings_day(2023).unwrap(), date(2023, 4, 29));
        // No leap 3rd month that year.
        let no_such = LunarDate { month: 3, ..leap };
        assert!(no_such.to_solar().is_err());
    }
}
