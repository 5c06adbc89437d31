//! Scoring a sheet: the total, subtotals, the band, the stars awarded once star markers are
//! applied, and the outcome when a knock-out or a rejected dossier applies.
//!
//! How the rules the text leaves open are read (one place; see also `docs/readings.md`):
//! - **Bands** are on the total: 5★ 90–100, 4★ 70 to under 90, 3★ 50 to under 70, 2★ 30 to
//!   under 50, 1★ under 30 (thresholds are data). Only 3★ and above are certified.
//! - **Star markers** are cumulative minimums: to award N★, every criterion with a marker for
//!   N★ or fewer must score at least the marked option's points. Stars awarded = the highest N
//!   whose band and markers both hold. A failed marker caps the stars (it does not reject the
//!   product) and is reported as a [`Blocker`].
//! - **Knock-outs**: `eliminate` rejects the product; `stop_evaluation` stops at that criterion
//!   (later criteria are not counted, the partial total is shown, no star); `not_assessed`
//!   scores that criterion 0. A rejected dossier rejects the product.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::model::{KnockoutKind, SubjectType};
use crate::catalog::text::{Str, Text};
use crate::catalog::{Catalog, CompiledCriterion, SheetRef};
use crate::error::{Answer, ErrorCode, InputErrors, Warning, WarningCode};
use crate::evaluation::{Answered, Evaluation, FORMAT_VERSION, Resolved};
use crate::limits;
use crate::recognition::{Recognition, recognition};

/// The points and stars of one sheet, computed without allocating: the typed fast path.
/// Knock-outs and rejection are not considered here; [`Catalog::score`] gives the full answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    /// Sum of the ticked options.
    pub total: u8,
    /// Subtotals of parts A, B, C (and a fourth slot, unused by current editions).
    pub parts: [u8; 4],
    /// Stars by total alone.
    pub band: u8,
    /// Stars once star markers are applied.
    pub stars: u8,
}

impl SheetRef<'_> {
    /// Scores `options` — one entry per criterion in printed order: the ticked option's
    /// position, or `None` when no option applies.
    ///
    /// ```
    /// let sheet = ocop_core::Catalog::builtin().edition("26/2026").unwrap().sheet(9).unwrap();
    /// // The best option everywhere: 100 points, 5 stars.
    /// let best: Vec<Option<u8>> = sheet.criteria().map(|c| Some(c.options.len() as u8 - 1)).collect();
    /// let score = sheet.score(&best).unwrap();
    /// assert_eq!((score.total, score.band, score.stars), (100, 5, 5));
    /// ```
    pub fn score(&self, options: &[Option<u8>]) -> Result<Score, InputErrors> {
        let c = self.compiled;
        if options.len() != c.criteria.len() {
            return Err(InputErrors::one(
                ErrorCode::MissingAnswer,
                "",
                format!(
                    "expected {} answers, one per criterion; got {}",
                    c.criteria.len(),
                    options.len()
                ),
            ));
        }
        let mut parts = [0u8; 4];
        let mut level = 5u8;
        for (i, (crit, answer)) in c.criteria.iter().zip(options).enumerate() {
            let (points, met) = match answer {
                None => (0, crit.level_unticked),
                Some(o) if *o < crit.option_count => {
                    let at = usize::from(crit.first_option) + usize::from(*o);
                    (
                        c.points.get(at).copied().unwrap_or(0),
                        c.option_level.get(at).copied().unwrap_or(2),
                    )
                }
                Some(o) => {
                    let code = self
                        .criterion(i)
                        .map(|x| x.code.to_string())
                        .unwrap_or_default();
                    return Err(InputErrors::one(
                        ErrorCode::OptionOutOfRange,
                        format!("/{i}"),
                        format!(
                            "{code} has options 0 to {}, not {o}",
                            crit.option_count.saturating_sub(1)
                        ),
                    ));
                }
            };
            if let Some(slot) = parts.get_mut(usize::from(crit.part)) {
                *slot = slot.saturating_add(points);
            }
            level = level.min(met);
        }
        let total = parts.iter().fold(0u8, |a, p| a.saturating_add(*p));
        let band = c.band(u32::from(total), 1);
        Ok(Score {
            total,
            parts,
            band,
            stars: band.min(level),
        })
    }
}

impl SheetRef<'_> {
    /// Scores many sheets at once: `options` holds one row of [`criterion_count`] bytes per
    /// sheet (the ticked option's position, or [`NO_OPTION`]). The typed batch path behind the
    /// npm package's `scoreBatch`.
    ///
    /// [`criterion_count`]: SheetRef::criterion_count
    ///
    /// ```
    /// use ocop_core::scoring::NO_OPTION;
    /// let sheet = ocop_core::Catalog::builtin().edition("26/2026").unwrap().sheet(9).unwrap();
    /// let n = sheet.criterion_count();
    /// let mut rows = vec![NO_OPTION; 2 * n]; // two sheets, nothing ticked
    /// rows[n] = 2; // the second ticks A1.1 option 2 (5 points)
    /// let scores = sheet.score_batch(&rows).unwrap();
    /// assert_eq!((scores[0].total, scores[1].total), (0, 5));
    /// ```
    pub fn score_batch(&self, options: &[u8]) -> Result<Vec<Score>, InputErrors> {
        if options.len() > limits::MAX_BATCH_BYTES {
            return Err(InputErrors::one(
                ErrorCode::InputTooLarge,
                "",
                format!("at most {} bytes of rows", limits::MAX_BATCH_BYTES),
            ));
        }
        let n = self.criterion_count();
        if n == 0 || options.len() % n != 0 {
            return Err(InputErrors::one(
                ErrorCode::WrongType,
                "",
                format!(
                    "expected rows of {n} options, one byte per criterion; got {} bytes",
                    options.len()
                ),
            ));
        }
        let mut row = Vec::with_capacity(n);
        options
            .chunks(n)
            .enumerate()
            .map(|(i, chunk)| {
                row.clear();
                row.extend(chunk.iter().map(|&o| (o != NO_OPTION).then_some(o)));
                self.score(&row).map_err(|e| e.under(&format!("/{i}")))
            })
            .collect()
    }
}

/// In [`SheetRef::score_batch`] rows: no option ticked.
pub const NO_OPTION: u8 = u8::MAX;

/// The full answer for one evaluation (or a council, on the members' mean).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ScoreReport {
    /// Version of this format (1).
    pub format_version: u32,
    /// The caller's reference, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The edition that scored it, with its data version and content hash.
    pub edition: EditionStamp,
    /// The product set.
    pub product_set: ProductSetStamp,
    /// Who applied.
    pub subject_type: SubjectType,
    /// The evaluation date, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(optional, type = "string"))]
    pub evaluated_on: Option<Date>,
    /// The tourism case that applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tourism_case: Option<u8>,
    /// The total (a decimal: a council's mean may have decimals; shown to 2 places).
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub total: Decimal,
    /// The maximum the sheet prints (100).
    pub max_total: u8,
    /// Subtotals per part.
    pub parts: Vec<Subtotal>,
    /// Subtotals per section.
    pub sections: Vec<Subtotal>,
    /// One line per criterion, in printed order.
    pub lines: Vec<Line>,
    /// Stars by total alone (absent when the product is not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<StarInfo>,
    /// Stars awarded once markers apply (absent when not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<StarInfo>,
    /// Recognised and certified (3★ or more, rated).
    pub certifiable: bool,
    /// Rated, not rated (evaluation stopped) or rejected, with the reason.
    pub outcome: Outcome,
    /// Markers that cap the stars below the band.
    pub blockers: Vec<Blocker>,
    /// Who recognises it and where it goes next.
    pub recognition: Recognition,
    /// The result in one sentence.
    pub summary: Text,
    /// What a person should know about this result.
    pub warnings: Vec<Warning>,
}

/// The edition a result was scored on; keep it with the result to check it later.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct EditionStamp {
    /// Id, e.g. `26/2026`.
    pub id: Str,
    /// Printed number, e.g. `26/2026/QĐ-TTg`.
    pub number: Str,
    /// Version of the edition's data.
    pub data_version: Str,
    /// `sha256:…` of the edition's canonical JSON.
    pub content_hash: String,
}

/// The product set a result is for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ProductSetStamp {
    /// Number (1–26).
    pub number: u8,
    /// Name.
    pub name: Text,
}

/// A star count with its band's name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct StarInfo {
    /// 1 to 5.
    pub star: u8,
    /// The band's name, e.g. "Hạng 4 sao (cấp tỉnh)".
    pub name: Text,
}

/// Points against a maximum for a part or section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Subtotal {
    /// `A` or `A1`.
    pub code: Str,
    /// Name.
    pub name: Text,
    /// Points.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub points: Decimal,
    /// Maximum printed.
    pub max: u8,
}

/// One criterion of a scored sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// Criterion code.
    pub code: Str,
    /// Criterion name.
    pub name: Text,
    /// The ticked option (0-based), if one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<u8>,
    /// Its label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option_label: Option<Text>,
    /// Points counted (a council's mean may have decimals).
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub points: Decimal,
    /// Maximum printed.
    pub max: u8,
    /// Star markers on this criterion: the points each star needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markers: Vec<Marker>,
    /// How the points were counted.
    pub status: LineStatus,
    /// The knock-out that applied on this criterion, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knockout: Option<KnockoutKind>,
}

/// A star marker: `star` needs at least `points` here (the `option`'s points).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Marker {
    /// 3, 4 or 5.
    pub star: u8,
    /// The marked option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<u8>,
    /// Points needed.
    pub points: u8,
}

/// How a line's points were counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum LineStatus {
    /// An option was ticked and counted.
    Scored,
    /// No option applies (answered `null`): 0 points.
    Unticked,
    /// Filled in from the subject type.
    Filled,
    /// A "not assessed" knock-out: 0 points.
    NotAssessed,
    /// After the point where the evaluation stopped: not counted.
    NotEvaluated,
    /// Left unanswered on a rejected product: 0 points.
    Unanswered,
    /// A council line: the members' mean.
    Mean,
}

/// A star marker that keeps the product below its band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Blocker {
    /// The star it blocks.
    pub star: u8,
    /// Criterion code.
    pub code: Str,
    /// Criterion name.
    pub name: Text,
    /// Points the star needs here.
    pub needs_points: u8,
    /// The marked option to reach, if a marker names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<u8>,
    /// Its label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option_label: Option<Text>,
    /// Points it has now.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub has_points: Decimal,
}

/// What came of the evaluation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Outcome {
    /// Scored and rated.
    Rated,
    /// A knock-out stopped the evaluation: no stars; the total is partial.
    #[serde(rename_all = "camelCase")]
    NotRated {
        /// The criterion where it stopped.
        at: Str,
        /// The printed condition.
        reason: Text,
        /// It applied by itself (a 0 on a listed criterion) rather than being reported.
        automatic: bool,
    },
    /// The product is out: a rejected dossier or an eliminating knock-out.
    #[serde(rename_all = "camelCase")]
    Rejected {
        /// The criterion, for a knock-out; absent for a rejected dossier.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<Str>,
        /// The printed conditions.
        reasons: Vec<Text>,
    },
}

impl Catalog {
    /// Scores an evaluation: the full answer with lines, subtotals, stars, outcome,
    /// recognition and warnings. Errors only for malformed input, all reported at once.
    ///
    /// ```
    /// use ocop_core::{Catalog, Evaluation, SubjectType};
    /// let catalog = Catalog::builtin();
    /// let sheet = catalog.edition("26/2026").unwrap().sheet(9).unwrap();
    /// let mut evaluation = Evaluation::new("26/2026", 9, SubjectType::Cooperative);
    /// for c in sheet.criteria() {
    ///     evaluation.answers.insert(c.code.to_string(), Some(c.options.len() as u32 - 1));
    /// }
    /// let report = catalog.score(&evaluation).unwrap();
    /// assert_eq!(report.total.to_string(), "100");
    /// assert_eq!(report.stars.unwrap().star, 5);
    /// ```
    pub fn score(&self, evaluation: &Evaluation) -> Result<ScoreReport, InputErrors> {
        Ok(build_report_for(&self.resolve(evaluation)?))
    }
}

impl Catalog {
    /// Scores evaluation JSON text: a tagged answer, `success` with the report or `failure`
    /// with every input error.
    pub fn score_json(&self, text: &str) -> Answer<ScoreReport> {
        Evaluation::from_json(text)
            .and_then(|e| self.score(&e))
            .into()
    }

    /// Scores a JSON array of evaluations: one answer per item, in order. A malformed item
    /// gets its errors and the others are still scored.
    pub fn score_json_batch(&self, text: &str) -> Result<Vec<Answer<ScoreReport>>, InputErrors> {
        Ok(Evaluation::batch_from_json(text)?
            .into_iter()
            .map(|item| item.and_then(|e| self.score(&e)).into())
            .collect())
    }
}

/// The report for one resolved evaluation.
pub(crate) fn build_report_for(r: &Resolved<'_>) -> ScoreReport {
    let sums: Vec<u32> = r.points().iter().map(|p| u32::from(*p)).collect();
    let levels: Vec<u8> = r
        .sheet
        .compiled
        .criteria
        .iter()
        .zip(&sums)
        .map(|(c, s)| c.level_for(*s, 1))
        .collect();
    build_report(r, &sums, 1, &levels, Some(&r.answers), None, Vec::new())
}

impl CompiledCriterion {
    /// The highest star whose floor a criterion reaches with `sum` points over `n` sheets.
    pub(crate) fn level_for(&self, sum: u32, n: u32) -> u8 {
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

/// The total a band is decided on: the exact mean `sum / n`, or a rounded mean when a
/// council's rules say so.
pub(crate) struct TotalBasis {
    pub(crate) sum: u32,
    pub(crate) n: u32,
    pub(crate) rounded: Option<Decimal>,
}

impl TotalBasis {
    /// Whether the total reaches `min` points, compared exactly (`sum ≥ min × n` for the mean).
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
    if n == 0 {
        return Decimal::ZERO;
    }
    (Decimal::from(sum) / Decimal::from(n))
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Builds the report from per-criterion point sums over `n` sheets and each criterion's
/// marker level. `answers` is given for a single evaluation (lines show the ticked option).
pub(crate) fn build_report(
    r: &Resolved<'_>,
    sums: &[u32],
    n: u32,
    levels: &[u8],
    answers: Option<&[Answered]>,
    rounded: Option<Decimal>,
    extra_warnings: Vec<Warning>,
) -> ScoreReport {
    let sheet = r.sheet;
    let compiled = sheet.compiled;
    let edition = r.edition;
    let stop = r.stop_position();
    let basis = TotalBasis {
        sum: sums.iter().sum(),
        n,
        rounded,
    };
    let outcome = outcome(r);
    let rated = matches!(outcome, Outcome::Rated);
    let band_star = (1..=5u8)
        .rev()
        .find(|&star| {
            basis.reaches(
                compiled
                    .band_min
                    .get(usize::from(star))
                    .copied()
                    .unwrap_or(0),
            )
        })
        .unwrap_or(1);
    let marker_level = levels.iter().copied().min().unwrap_or(5);
    let stars = band_star.min(marker_level);
    let star_info = |star: u8| {
        edition
            .data()
            .rating
            .bands
            .iter()
            .find(|b| b.star == star)
            .map(|b| StarInfo {
                star,
                name: b.name.clone(),
            })
    };
    let mut lines = Vec::new();
    let mut blockers = Vec::new();
    for (p, c) in sheet.criteria().enumerate() {
        let Some(cc) = compiled.criteria.get(p) else {
            continue;
        };
        let sum = sums.get(p).copied().unwrap_or(0);
        let answer = answers.and_then(|a| a.get(p)).copied();
        let option = match answer {
            Some(Answered::Option(o)) if stop.is_none_or(|s| p <= s) && !r.is_not_assessed(p) => {
                Some(o)
            }
            _ => None,
        };
        let filled = r
            .warnings
            .iter()
            .any(|w| w.code == WarningCode::AnswerFilled && w.path.ends_with(&*c.code));
        let status = if stop.is_some_and(|s| p > s) {
            LineStatus::NotEvaluated
        } else if r.is_not_assessed(p) {
            LineStatus::NotAssessed
        } else if answers.is_none() {
            LineStatus::Mean
        } else {
            match answer {
                Some(Answered::Option(_)) if filled => LineStatus::Filled,
                Some(Answered::Option(_)) => LineStatus::Scored,
                Some(Answered::Unticked) => LineStatus::Unticked,
                _ => LineStatus::Unanswered,
            }
        };
        lines.push(Line {
            code: c.code.clone(),
            name: c.name.clone(),
            option,
            option_label: option
                .and_then(|o| c.options.get(usize::from(o)))
                .map(|o| Text {
                    vi: o.vi.clone(),
                    en: o.en.clone(),
                }),
            points: mean(sum, n),
            max: c.max,
            markers: markers(cc),
            status,
            knockout: r.knockouts.contains(&p).then_some(cc.knockout).flatten(),
        });
        if rated {
            for star in (stars + 1)..=band_star {
                let need = cc.floor.get(usize::from(star)).copied().unwrap_or(0);
                // The criterion's level already follows the council's marker basis.
                if levels.get(p).is_some_and(|l| *l < star) {
                    let which = cc.floor_option.get(usize::from(star)).copied().flatten();
                    blockers.push(Blocker {
                        star,
                        code: c.code.clone(),
                        name: c.name.clone(),
                        needs_points: need,
                        option: which,
                        option_label: which.and_then(|o| c.options.get(usize::from(o))).map(|o| {
                            Text {
                                vi: o.vi.clone(),
                                en: o.en.clone(),
                            }
                        }),
                        has_points: mean(sum, n),
                    });
                }
            }
        }
    }
    let (parts, sections) = subtotals(r, sums, n);
    let certifiable = rated && stars >= compiled.certified_from_star;
    let mut warnings = r.warnings.clone();
    warnings.extend(extra_warnings);
    if rated && stars < band_star {
        warnings.push(Warning::new(
            WarningCode::ReadingApplied,
            "/answers",
            format!("star markers cap the result at {stars}★ below its {band_star}★ band (markers read as cumulative minimums)"),
        ));
    }
    let total = basis.display();
    let recognition = recognition(r, rated.then_some(stars), &basis);
    let band = rated.then(|| star_info(band_star)).flatten();
    let awarded = rated.then(|| star_info(stars)).flatten();
    let summary = crate::explain::summary(
        &total,
        sheet.max_total(),
        band.as_ref(),
        awarded.as_ref(),
        &outcome,
        &blockers,
        certifiable,
    );
    ScoreReport {
        format_version: FORMAT_VERSION,
        reference: r.reference.clone(),
        edition: EditionStamp {
            id: edition.data().identity.id.clone(),
            number: edition.data().identity.number.clone(),
            data_version: edition.data().identity.data_version.clone(),
            content_hash: edition.content_hash().to_owned(),
        },
        product_set: ProductSetStamp {
            number: sheet.product_set,
            name: sheet
                .product_set()
                .map(|s| s.name.clone())
                .unwrap_or_else(|| sheet.title.clone()),
        },
        subject_type: r.subject_type,
        evaluated_on: r.evaluated_on,
        tourism_case: r.tourism_case,
        total,
        max_total: sheet.max_total(),
        parts,
        sections,
        lines,
        band,
        stars: awarded,
        certifiable,
        outcome,
        blockers,
        recognition,
        summary,
        warnings,
    }
}

/// The star markers of a criterion: each star whose required points rise.
fn markers(c: &CompiledCriterion) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut previous = 0u8;
    for star in 3..=5u8 {
        let need = c.floor.get(usize::from(star)).copied().unwrap_or(0);
        let which = c.floor_option.get(usize::from(star)).copied().flatten();
        if which.is_some() && (need > previous || out.is_empty()) {
            out.push(Marker {
                star,
                option: which,
                points: need,
            });
            previous = need;
        }
    }
    out
}

fn subtotals(r: &Resolved<'_>, sums: &[u32], n: u32) -> (Vec<Subtotal>, Vec<Subtotal>) {
    let mut parts = Vec::new();
    let mut sections = Vec::new();
    let mut position = 0usize;
    for part in &r.sheet.parts {
        let mut part_sum = 0u32;
        for section in &part.sections {
            let count = section.criteria.len();
            let section_sum: u32 = sums.iter().skip(position).take(count).sum();
            position += count;
            part_sum += section_sum;
            sections.push(Subtotal {
                code: section.code.clone(),
                name: section.name.clone(),
                points: mean(section_sum, n),
                max: section.max,
            });
        }
        parts.push(Subtotal {
            code: part.code.clone(),
            name: part.name.clone(),
            points: mean(part_sum, n),
            max: part.max,
        });
    }
    (parts, sections)
}

fn outcome(r: &Resolved<'_>) -> Outcome {
    let sheet = r.sheet;
    if r.dossier_rejected {
        return Outcome::Rejected {
            at: None,
            reasons: sheet.dossier_rejected_when.clone(),
        };
    }
    let knockout_at = |p: usize| {
        sheet.criterion(p).and_then(|c| {
            c.knockout
                .as_ref()
                .map(|k| (c.code.clone(), k.text.clone()))
        })
    };
    if let Some((code, text)) = r.eliminated_at().and_then(knockout_at) {
        return Outcome::Rejected {
            at: Some(code),
            reasons: vec![text],
        };
    }
    if let Some(p) = r.stop_position() {
        if let Some((code, text)) = knockout_at(p) {
            return Outcome::NotRated {
                at: code,
                reason: text,
                automatic: r.automatic_knockouts.contains(&p),
            };
        }
    }
    Outcome::Rated
}

impl SheetRef<'_> {
    /// The maximum total the edition prints (100).
    pub fn max_total(&self) -> u8 {
        let total: u32 = self
            .edition()
            .data()
            .rating
            .parts
            .iter()
            .map(|p| u32::from(p.max))
            .sum();
        u8::try_from(total).unwrap_or(u8::MAX)
    }
}
