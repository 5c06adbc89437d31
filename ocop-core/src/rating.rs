//! The star rating: the band a total falls in, and how star markers cap the stars. Every
//! surface that rates (a sheet, a council, the planner, a form, a doubt's other reading) goes
//! through these functions.
//!
//! How the rules the text leaves open are read (see also `docs/readings.md`):
//! - **Bands** are on the total: 5★ 90–100, 4★ 70 to under 90, 3★ 50 to under 70, 2★ 30 to
//!   under 50, 1★ under 30 (thresholds are data). A mean is compared exactly: `sum ≥ min × n`.
//! - **Star markers** are cumulative minimums: to award N★, every criterion with a marker for N★
//!   or fewer must score at least the marked option's points. Stars awarded = the highest N
//!   whose band and markers both hold. A failed marker caps the stars; it does not reject.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::catalog::compiled::{CompiledCriterion, CompiledSheet};

/// How star markers are checked across members' sheets (the text does not say).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum MarkerBasis {
    /// On each criterion's mean over members (the default, matching the averaged total).
    #[default]
    CriterionMean,
    /// Every member's sheet must meet the marker.
    EveryMember,
    /// More than half of the members' sheets must meet it.
    Majority,
}

impl crate::wire::Choice for MarkerBasis {
    const ALL: &'static [MarkerBasis] = &[
        MarkerBasis::CriterionMean,
        MarkerBasis::EveryMember,
        MarkerBasis::Majority,
    ];
    const WHAT: &'static str = "a marker basis";
}

/// Rounding of a council's mean before banding (default: none, the exact mean decides).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rounding {
    /// The rule.
    #[serde(default)]
    pub mode: RoundingMode,
    /// Decimal places kept (0 to 4).
    #[serde(default)]
    pub decimals: u8,
}

/// A rounding rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum RoundingMode {
    /// Band on the exact mean (the default).
    #[default]
    None,
    /// Half away from zero (89.5 → 90 at 0 decimals).
    HalfUp,
    /// Half to even (banker's rounding).
    HalfEven,
    /// Towards zero (89.99 → 89).
    Down,
    /// Away from zero (89.01 → 90).
    Up,
}

impl crate::wire::Choice for RoundingMode {
    const ALL: &'static [RoundingMode] = &[
        RoundingMode::None,
        RoundingMode::HalfUp,
        RoundingMode::HalfEven,
        RoundingMode::Down,
        RoundingMode::Up,
    ];
    const WHAT: &'static str = "a rounding mode";
}

impl Rounding {
    /// `sum / n` rounded by this rule, or `None` when the rule is not to round.
    pub(crate) fn apply(self, sum: u32, n: u32) -> Option<Decimal> {
        let strategy = match self.mode {
            RoundingMode::None => return None,
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
        };
        (n > 0).then(|| {
            (Decimal::from(sum) / Decimal::from(n))
                .round_dp_with_strategy(u32::from(self.decimals), strategy)
        })
    }
}

impl CompiledCriterion {
    /// The highest star (2 to 5) whose marker floor `sum` points over `n` sheets reach,
    /// compared exactly (`sum ≥ floor × n`); 2★ and 1★ have no markers.
    pub(crate) fn level(&self, sum: u32, n: u32) -> u8 {
        (3..=5u8)
            .take_while(|&star| {
                self.floor
                    .get(usize::from(star))
                    .is_some_and(|f| sum >= u32::from(*f) * n)
            })
            .last()
            .unwrap_or(2)
    }
}

/// The total a band is decided on: the exact mean `sum / n`, or the mean rounded by a
/// council's rule.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TotalBasis {
    pub(crate) sum: u32,
    pub(crate) n: u32,
    pub(crate) rounded: Option<Decimal>,
}

impl TotalBasis {
    /// One sheet's total.
    pub(crate) fn single(total: u32) -> TotalBasis {
        TotalBasis {
            sum: total,
            n: 1,
            rounded: None,
        }
    }

    /// Whether the total reaches `min` points, compared exactly (`sum ≥ min × n` for a mean).
    pub(crate) fn reaches(&self, min: u8) -> bool {
        match self.rounded {
            Some(r) => r >= Decimal::from(min),
            None => self.sum >= u32::from(min) * self.n,
        }
    }

    /// The total as shown: the rounded mean, or the mean to 2 places.
    pub(crate) fn display(&self) -> Decimal {
        self.rounded
            .map_or_else(|| mean(self.sum, self.n), |r| r.normalize())
    }
}

/// `sum / n` as a decimal, to at most 2 places for display (half away from zero).
pub(crate) fn mean(sum: u32, n: u32) -> Decimal {
    if n <= 1 {
        return Decimal::from(sum);
    }
    (Decimal::from(sum) / Decimal::from(n))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

impl CompiledSheet {
    /// The band (stars by total alone) that `basis` reaches.
    pub(crate) fn band(&self, basis: &TotalBasis) -> u8 {
        (1..=5u8)
            .rev()
            .find(|&star| basis.reaches(self.band_min.get(usize::from(star)).copied().unwrap_or(0)))
            .unwrap_or(1)
    }
}

/// The stars awarded: the band, capped by the lowest marker level of any criterion.
pub(crate) fn stars(band: u8, levels: &[u8]) -> u8 {
    band.min(levels.iter().copied().min().unwrap_or(5))
}

/// A sheet's criteria scored over one or more sheets: per criterion the sum of the points that
/// count and the marker level met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) sums: Vec<u32>,
    pub(crate) levels: Vec<u8>,
    pub(crate) n: u32,
}

impl Tally {
    /// The sum of all criteria.
    pub(crate) fn total(&self) -> u32 {
        self.sums.iter().sum()
    }
}

/// Tallies `counted`: for each sheet (one evaluation, or each council member), the option that
/// counts on each criterion (`None`: no points). Markers are checked as `basis` says.
pub(crate) fn tally(
    sheet: &CompiledSheet,
    counted: &[Vec<Option<u8>>],
    basis: MarkerBasis,
) -> Tally {
    let n = u32::try_from(counted.len()).unwrap_or(u32::MAX);
    let mut sums = Vec::with_capacity(sheet.criteria.len());
    let mut levels = Vec::with_capacity(sheet.criteria.len());
    for (p, c) in sheet.criteria.iter().enumerate() {
        let member_points = counted
            .iter()
            .map(|m| u32::from(sheet.points_of(p, m.get(p).copied().flatten())));
        let sum: u32 = member_points.clone().sum();
        let level = match basis {
            _ if counted.len() <= 1 => c.level(sum, n.max(1)),
            MarkerBasis::CriterionMean => c.level(sum, n),
            MarkerBasis::EveryMember => member_points.map(|x| c.level(x, 1)).min().unwrap_or(2),
            MarkerBasis::Majority => (3..=5u8)
                .take_while(|&star| {
                    2 * member_points
                        .clone()
                        .filter(|x| c.level(*x, 1) >= star)
                        .count()
                        > counted.len()
                })
                .last()
                .unwrap_or(2),
        };
        sums.push(sum);
        levels.push(level);
    }
    Tally { sums, levels, n }
}
