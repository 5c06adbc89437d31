//! Scoring a sheet: the total, subtotals, the band, the stars awarded once star markers are
//! applied, and the outcome when a knock-out or a rejected dossier applies.
//!
//! The report carries codes and numbers, not labels: a criterion is named by its code, a
//! warning by its code and path. Labels come from the catalog ([`Edition::sheet`](crate::Edition::sheet)) or, worded
//! for a person in one language or both, from [`Catalog::explain`]. How the text's open
//! questions are read: [`crate::rating`] and `docs/readings.md`.
//!
//! Knock-outs: `eliminate` rejects the product; `stop_evaluation` stops at that criterion
//! (later criteria are not counted, the partial total is shown, no star); `not_assessed` scores
//! that criterion 0. A rejected dossier rejects the product.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::compiled::CompiledSheet;
use crate::catalog::model::{KnockoutKind, SubjectType};
use crate::catalog::{Catalog, SheetRef};
use crate::error::{InputErrors, Problem, SafeResult, Warning, WarningCode};
use crate::evaluation::{Evaluation, FORMAT_VERSION, Resolved, Tick};
use crate::limits;
use crate::rating::{self, MarkerBasis, Rounding, Tally, TotalBasis};
use crate::read::Input;
use crate::recognition::{Recognition, recognition};
use crate::text::Str;

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
            return Err(InputErrors::at(
                "",
                Problem::AnswerCount {
                    expected: c.criteria.len(),
                    found: options.len(),
                },
            ));
        }
        for (i, (crit, o)) in c.criteria.iter().zip(options).enumerate() {
            if let Some(o) = o.filter(|o| *o >= crit.option_count) {
                return Err(InputErrors::at(
                    format!("/{i}"),
                    Problem::OptionOutOfRange {
                        code: self
                            .criterion(i)
                            .map(|x| x.code.to_string())
                            .unwrap_or_default(),
                        last: usize::from(crit.option_count.saturating_sub(1)),
                        found: i64::from(o),
                    },
                ));
            }
        }
        Ok(fast_score(c, options))
    }

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
            return Err(InputErrors::at(
                "",
                Problem::InputTooLarge {
                    size: options.len(),
                    limit: limits::MAX_BATCH_BYTES,
                },
            ));
        }
        let n = self.criterion_count();
        if n == 0 || options.len() % n != 0 {
            return Err(InputErrors::at(
                "",
                Problem::AnswerCount {
                    expected: n,
                    found: options.len() % n.max(1),
                },
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

/// The fast path over options already checked against the sheet.
pub(crate) fn fast_score(c: &CompiledSheet, options: &[Option<u8>]) -> Score {
    let mut parts = [0u8; 4];
    let mut level = 5u8;
    for (p, (crit, o)) in c.criteria.iter().zip(options).enumerate() {
        let points = c.points_of(p, *o);
        if let Some(slot) = parts.get_mut(usize::from(crit.part)) {
            *slot = slot.saturating_add(points);
        }
        level = level.min(crit.level(u32::from(points), 1));
    }
    let total = parts.iter().fold(0u8, |a, p| a.saturating_add(*p));
    let band = c.band(&TotalBasis::single(u32::from(total)));
    Score {
        total,
        parts,
        band,
        stars: band.min(level),
    }
}

/// In [`SheetRef::score_batch`] rows: no option ticked.
pub const NO_OPTION: u8 = u8::MAX;

/// The answer for one evaluation (or a council, on the members' mean): codes and numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ScoreReport {
    /// Version of this format (2).
    pub format_version: u32,
    /// The caller's reference, echoed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The edition that scored it, with its data version and content hash.
    pub edition: EditionStamp,
    /// The product set's number (1–26).
    pub product_set: u8,
    /// Who applied.
    pub subject_type: SubjectType,
    /// The evaluation date, if given.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    pub evaluated_on: Option<Date>,
    /// The tourism case that applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tourism_case: Option<u8>,
    /// The total (a decimal: a council's mean may have decimals; shown to 2 places).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
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
    pub band: Option<u8>,
    /// Stars awarded once markers apply (absent when not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
    /// Recognised and certified (3★ or more, rated).
    pub certifiable: bool,
    /// Rated, not rated (evaluation stopped) or rejected, and where.
    pub outcome: Outcome,
    /// Markers that cap the stars below the band.
    pub blockers: Vec<Blocker>,
    /// Who recognises it and where it goes next.
    pub recognition: Recognition,
    /// Doubtful values that decide the stars: the stars under the other reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doubts: Vec<DoubtOutcome>,
    /// What a person should know about this result, by code.
    pub warnings: Vec<Warning>,
}

/// The edition a result was scored on; keep it with the result to check it later.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct EditionStamp {
    /// Id, e.g. `26/2026`.
    pub id: Str,
    /// Version of the edition's data.
    pub data_version: Str,
    /// `sha256:…` of the edition's canonical JSON.
    pub content_hash: String,
}

/// Points against a maximum for a part or section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Subtotal {
    /// `A` or `A1`.
    pub code: Str,
    /// Points.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub points: Decimal,
    /// Maximum printed.
    pub max: u8,
}

/// One criterion of a scored sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// Criterion code.
    pub code: Str,
    /// The ticked option that counts (0-based), if one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<u8>,
    /// Points counted (a council's mean may have decimals).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub points: Decimal,
    /// How the points were counted.
    pub status: LineStatus,
    /// The knock-out that applied on this criterion, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knockout: Option<KnockoutKind>,
}

/// How a line's points were counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
    /// The ticked option is refused because its printed requirement is not met: 0 points.
    RequirementNotMet,
    /// After the point where the evaluation stopped: not counted.
    NotEvaluated,
    /// Left unanswered on a rejected product: 0 points.
    Unanswered,
    /// A council line: the members' mean.
    Mean,
}

/// A star marker that keeps the product below its band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Blocker {
    /// The star it blocks.
    pub star: u8,
    /// Criterion code.
    pub code: Str,
    /// Points the star needs here.
    pub needs_points: u8,
    /// The marked option to reach, if a marker names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<u8>,
    /// Points it has now.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub has_points: Decimal,
}

/// A doubtful value that decides the stars: under the other reading of `criteria` (what the
/// other sheets print), the stars would be `stars`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct DoubtOutcome {
    /// The criteria the doubt concerns.
    pub criteria: Vec<Str>,
    /// The stars under the other reading.
    pub stars: u8,
}

/// What came of the evaluation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Outcome {
    /// Scored and rated.
    Rated,
    /// A knock-out stopped the evaluation: no stars; the total is partial.
    #[serde(rename_all = "camelCase")]
    NotRated {
        /// The criterion where it stopped.
        at: Str,
        /// It applied by itself (a 0 on a listed criterion) rather than being reported.
        automatic: bool,
    },
    /// The product is out: a rejected dossier or an eliminating knock-out.
    #[serde(rename_all = "camelCase")]
    Rejected {
        /// The criterion, for a knock-out; absent for a rejected dossier.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<Str>,
    },
}

impl Catalog {
    /// Scores an evaluation: total, subtotals, lines, stars, outcome, recognition and
    /// warnings, by code. Errors only for malformed input, all reported at once.
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
    /// assert_eq!(report.stars, Some(5));
    /// ```
    pub fn score(&self, evaluation: &Evaluation) -> Result<ScoreReport, InputErrors> {
        let r = self.resolve(evaluation)?;
        Ok(build_report(&r, &Sheets::one(&r)))
    }

    /// Scores evaluation JSON text: `success` with the report or `failure` with every input
    /// error.
    pub fn score_json(&self, text: &str) -> SafeResult<ScoreReport> {
        Evaluation::from_json(text)
            .and_then(|e| self.score(&e))
            .into()
    }

    /// Scores a JSON array of evaluations: one answer per item, in order. A malformed item
    /// gets its errors and the others are still scored.
    pub fn score_json_batch(
        &self,
        text: &str,
    ) -> Result<Vec<SafeResult<ScoreReport>>, InputErrors> {
        Ok(Evaluation::batch_from_json(text)?
            .into_iter()
            .map(|item| item.and_then(|e| self.score(&e)).into())
            .collect())
    }
}

/// The sheets a report is built on: one evaluation, or each member of a council.
pub(crate) struct Sheets<'r, 'a> {
    /// Per sheet, the option that counts on each criterion.
    pub(crate) counted: Vec<Vec<Option<u8>>>,
    /// For one evaluation, its answers (lines show the ticked option and how it counted).
    pub(crate) single: Option<&'r Resolved<'a>>,
    pub(crate) basis: MarkerBasis,
    pub(crate) rounding: Rounding,
    pub(crate) extra_warnings: Vec<Warning>,
}

impl<'r, 'a> Sheets<'r, 'a> {
    pub(crate) fn one(r: &'r Resolved<'a>) -> Sheets<'r, 'a> {
        Sheets {
            counted: vec![r.counted()],
            single: Some(r),
            basis: MarkerBasis::CriterionMean,
            rounding: Rounding::default(),
            extra_warnings: Vec::new(),
        }
    }

    fn n(&self) -> u32 {
        u32::try_from(self.counted.len()).unwrap_or(u32::MAX)
    }

    /// The tally and the total it is banded on, for the sheet as printed or another reading.
    fn rate(&self, sheet: &CompiledSheet) -> (Tally, TotalBasis) {
        let tally = rating::tally(sheet, &self.counted, self.basis);
        let sum = tally.total();
        let basis = TotalBasis {
            sum,
            n: self.n(),
            rounded: self.rounding.apply(sum, self.n()),
        };
        (tally, basis)
    }
}

/// Builds the report for the sheets counted on `r`'s sheet (`r`: the evaluation, or the
/// council's first member for the product and decisions).
pub(crate) fn build_report(r: &Resolved<'_>, sheets: &Sheets<'_, '_>) -> ScoreReport {
    let compiled = r.compiled();
    let (tally, basis) = sheets.rate(compiled);
    let outcome = outcome(r);
    let rated = matches!(outcome, Outcome::Rated);
    let band = compiled.band(&basis);
    let stars = rating::stars(band, &tally.levels);
    let blockers = if rated {
        blockers(r, &tally, band, stars)
    } else {
        Vec::new()
    };
    let certifiable = rated && stars >= compiled.certified_from_star;
    let mut warnings = r.warnings.clone();
    warnings.extend(sheets.extra_warnings.iter().cloned());
    if rated && stars < band {
        warnings.push(Warning::new(WarningCode::ReadingApplied, "/answers"));
    }
    let doubts = if rated {
        doubts(r, sheets, stars, &mut warnings)
    } else {
        Vec::new()
    };
    let (parts, sections) = subtotals(r, &tally);
    let identity = &r.edition.data().identity;
    ScoreReport {
        format_version: FORMAT_VERSION,
        reference: r.reference.clone(),
        edition: EditionStamp {
            id: identity.id.clone(),
            data_version: identity.data_version.clone(),
            content_hash: r.edition.content_hash().to_owned(),
        },
        product_set: r.sheet.product_set,
        subject_type: r.subject_type,
        evaluated_on: r.evaluated_on,
        tourism_case: r.tourism_case,
        total: basis.display(),
        max_total: r.sheet.max_total(),
        parts,
        sections,
        lines: lines(r, sheets, &tally),
        band: rated.then_some(band),
        stars: rated.then_some(stars),
        certifiable,
        outcome,
        blockers,
        recognition: recognition(r, rated.then_some(stars), &basis),
        doubts,
        warnings,
    }
}

fn lines(r: &Resolved<'_>, sheets: &Sheets<'_, '_>, tally: &Tally) -> Vec<Line> {
    let compiled = r.compiled();
    let stop = r.stop_position();
    let counted = sheets.single.and(sheets.counted.first());
    r.sheet
        .criteria()
        .enumerate()
        .map(|(p, c)| {
            let status = if stop.is_some_and(|s| p > s) {
                LineStatus::NotEvaluated
            } else if r.is_not_assessed(p) {
                LineStatus::NotAssessed
            } else if r.requirement_refused(p) {
                LineStatus::RequirementNotMet
            } else if sheets.single.is_none() {
                LineStatus::Mean
            } else {
                match r.ticks.get(p) {
                    Some(Tick::Option(_)) if r.filled == Some(p) => LineStatus::Filled,
                    Some(Tick::Option(_)) => LineStatus::Scored,
                    Some(Tick::NoOption) => LineStatus::Unticked,
                    _ => LineStatus::Unanswered,
                }
            };
            Line {
                code: c.code.clone(),
                option: counted.and_then(|o| o.get(p).copied().flatten()),
                points: rating::mean(tally.sums.get(p).copied().unwrap_or(0), tally.n),
                status,
                knockout: r
                    .knockouts
                    .contains(&p)
                    .then(|| compiled.criteria.get(p).and_then(|c| c.knockout))
                    .flatten(),
            }
        })
        .collect()
}

/// The markers that keep the stars below the band: for each star above those awarded, up to
/// the band, every criterion whose level (on the council's marker basis) falls short.
fn blockers(r: &Resolved<'_>, tally: &Tally, band: u8, stars: u8) -> Vec<Blocker> {
    let compiled = r.compiled();
    let mut out = Vec::new();
    for (p, c) in r.sheet.criteria().enumerate() {
        let Some(cc) = compiled.criteria.get(p) else {
            continue;
        };
        for star in (stars + 1)..=band {
            if tally.levels.get(p).is_some_and(|l| *l < star) {
                out.push(Blocker {
                    star,
                    code: c.code.clone(),
                    needs_points: cc.floor.get(usize::from(star)).copied().unwrap_or(0),
                    option: cc.floor_option.get(usize::from(star)).copied().flatten(),
                    has_points: rating::mean(tally.sums.get(p).copied().unwrap_or(0), tally.n),
                });
            }
        }
    }
    out
}

/// The doubtful values whose other reading would change the stars, each with a warning.
fn doubts(
    r: &Resolved<'_>,
    sheets: &Sheets<'_, '_>,
    stars: u8,
    warnings: &mut Vec<Warning>,
) -> Vec<DoubtOutcome> {
    let mut out: Vec<DoubtOutcome> = Vec::new();
    for reading in &r.compiled().readings {
        let (tally, basis) = sheets.rate(&reading.sheet);
        let other = rating::stars(reading.sheet.band(&basis), &tally.levels);
        if other == stars {
            continue;
        }
        let criteria: Vec<Str> = reading
            .criteria
            .iter()
            .filter_map(|&p| r.sheet.criterion(p).map(|c| c.code.clone()))
            .collect();
        let outcome = DoubtOutcome {
            criteria,
            stars: other,
        };
        if out.contains(&outcome) {
            continue;
        }
        let path = reading
            .criteria
            .first()
            .map(|&p| r.path_of(p))
            .unwrap_or_default();
        if !warnings
            .iter()
            .any(|w| w.code == WarningCode::DoubtDecides && w.path == path)
        {
            warnings.push(Warning::new(WarningCode::DoubtDecides, path));
        }
        out.push(outcome);
    }
    out
}

fn subtotals(r: &Resolved<'_>, tally: &Tally) -> (Vec<Subtotal>, Vec<Subtotal>) {
    let mut parts = Vec::new();
    let mut sections = Vec::new();
    let mut position = 0usize;
    for part in &r.sheet.parts {
        let mut part_sum = 0u32;
        for section in &part.sections {
            let count = section.criteria.len();
            let section_sum: u32 = tally.sums.iter().skip(position).take(count).sum();
            position += count;
            part_sum += section_sum;
            sections.push(Subtotal {
                code: section.code.clone(),
                points: rating::mean(section_sum, tally.n),
                max: section.max,
            });
        }
        parts.push(Subtotal {
            code: part.code.clone(),
            points: rating::mean(part_sum, tally.n),
            max: part.max,
        });
    }
    (parts, sections)
}

fn outcome(r: &Resolved<'_>) -> Outcome {
    if r.dossier_rejected {
        return Outcome::Rejected { at: None };
    }
    let code = |p: usize| r.sheet.criterion(p).map(|c| c.code.clone());
    if let Some(at) = r.eliminated_at().and_then(code) {
        return Outcome::Rejected { at: Some(at) };
    }
    if let Some(p) = r.stop_position() {
        if let Some(at) = code(p) {
            return Outcome::NotRated {
                at,
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

// A report read back (stored, or passed to `explain`): it is this library's own output.
impl Input for ScoreReport {
    fn read(
        value: &serde_json::Value,
        path: &str,
        errors: &mut Vec<crate::error::InputError>,
    ) -> Option<Self> {
        crate::read::own_output(value, path, "a report from `score`", errors)
    }
}
