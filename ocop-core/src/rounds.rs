//! Evaluation rounds (26/2026 Điều 5): at least two a year at each level, each with a day
//! before which proposals must arrive and a day before which the round is completed.
//!
//! "Trước ngày 30 tháng 4" is read as strictly before that day: a proposal dated 30 April goes
//! to the next round. 148 set no fixed rounds.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::catalog::model::{Level, Round};
use crate::catalog::validate::parse_month_day;
use crate::error::{InputErrors, Problem};
use crate::requests::RoundRequest;
use crate::text::{Str, Text, day_month_year};

/// A round on the calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct RoundDates {
    /// Council level.
    pub level: Level,
    /// Round number as printed (1 or 2).
    pub number: u8,
    /// Proposals must arrive before this day.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub proposals_before: Date,
    /// The round is completed before this day.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub completed_before: Date,
}

/// The round for a day, under the edition in force then.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct RoundAnswer {
    /// The edition whose rounds apply.
    pub edition: Str,
    /// The round, when the edition sets rounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<RoundDates>,
    /// In plain words.
    pub note: Text,
}

impl Catalog {
    /// The round a proposal submitted on `request.on` at `request.level` falls in: the first
    /// whose proposal deadline is after that day.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use ocop_core::{Level, requests::RoundRequest};
    /// let request = RoundRequest { on: date(2026, 8, 12), level: Level::Province };
    /// let round = ocop_core::Catalog::builtin().round_for_submission(&request).unwrap().round.unwrap();
    /// assert_eq!((round.number, round.completed_before), (2, date(2026, 12, 30)));
    /// ```
    pub fn round_for_submission(&self, request: &RoundRequest) -> Result<RoundAnswer, InputErrors> {
        self.find_round(request.on, request.level, |r, d| d < r.proposals_before)
    }

    /// The next round at `request.level` still to be completed after `request.on`.
    pub fn next_round(&self, request: &RoundRequest) -> Result<RoundAnswer, InputErrors> {
        self.find_round(request.on, request.level, |r, d| d < r.completed_before)
    }

    fn find_round(
        &self,
        day: Date,
        level: Level,
        fits: impl Fn(&RoundDates, Date) -> bool,
    ) -> Result<RoundAnswer, InputErrors> {
        let edition = self
            .edition_in_force(day)
            .ok_or_else(|| InputErrors::at("/on", Problem::NoEditionInForce(day)))?;
        let id = edition.data().identity.id.clone();
        let rounds: Vec<&Round> = edition
            .data()
            .rounds
            .iter()
            .filter(|r| r.level == level)
            .collect();
        if rounds.is_empty() {
            return Ok(RoundAnswer {
                edition: id.clone(),
                round: None,
                note: Text::new(
                    format!("Bộ tiêu chí {id} không quy định đợt đánh giá cố định ở cấp này."),
                    format!("Edition {id} sets no fixed rounds at this level."),
                ),
            });
        }
        let mut calendar: Vec<RoundDates> = (day.year() - 1..=day.year() + 1)
            .flat_map(|year| rounds.iter().filter_map(move |r| dated(r, year)))
            .collect();
        calendar.sort_by_key(|r| r.proposals_before);
        let round = calendar.into_iter().find(|r| fits(r, day));
        let note = match &round {
            Some(r) => Text::new(
                format!(
                    "Đợt {}: hồ sơ đề nghị trước ngày {}, hoàn thành trước ngày {}.",
                    r.number,
                    day_month_year(r.proposals_before),
                    day_month_year(r.completed_before)
                ),
                format!(
                    "Round {}: proposals before {}, completed before {}.",
                    r.number,
                    day_month_year(r.proposals_before),
                    day_month_year(r.completed_before)
                ),
            ),
            None => Text::new("Không tìm thấy đợt đánh giá.", "No round found."),
        };
        Ok(RoundAnswer {
            edition: id,
            round,
            note,
        })
    }
}

fn dated(r: &Round, year: i16) -> Option<RoundDates> {
    let (pm, pd) = parse_month_day(&r.proposals_before)?;
    let (cm, cd) = parse_month_day(&r.completed_before)?;
    Some(RoundDates {
        level: r.level,
        number: r.number,
        proposals_before: Date::new(year, pm, pd).ok()?,
        completed_before: Date::new(year, cm, cd).ok()?,
    })
}
