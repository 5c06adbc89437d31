//! A sheet compiled once for scoring: flat option points, each criterion's star-marker floors,
//! and the sheet as it would read under each doubt's other reading.

use super::model::{Criterion, CriterionOption, EditionData, KnockoutKind, OptionChange, Sheet};
use super::validate;
use crate::text::Str;

/// Per-sheet index built once, so that scoring is a single pass with no lookups by name.
#[derive(Debug, Clone)]
pub(crate) struct CompiledSheet {
    pub(crate) criteria: Vec<CompiledCriterion>,
    /// Points of every option, criteria after one another.
    pub(crate) points: Vec<u8>,
    /// Sorted `(code, position)` for lookups.
    by_code: Vec<(Str, u16)>,
    /// Minimum total per star, indexed by star (0 unused).
    pub(crate) band_min: [u8; 6],
    pub(crate) certified_from_star: u8,
    pub(crate) best_total: u8,
    pub(crate) subject_criterion: Option<u16>,
    /// The sheet under each other reading of a doubtful value (doubts and suspected typos).
    pub(crate) readings: Vec<OtherReading>,
}

/// One criterion's place in the flat tables and its marker floors.
#[derive(Debug, Clone)]
pub(crate) struct CompiledCriterion {
    pub(crate) first_option: u16,
    pub(crate) option_count: u8,
    /// Index of its part (A = 0).
    pub(crate) part: u8,
    /// Index of its section within the part, and its own within the section: where its data
    /// is, without walking the sheet.
    pub(crate) section: u8,
    pub(crate) index: u8,
    /// Points needed for each star (index = star; cumulative over markers).
    pub(crate) floor: [u8; 6],
    /// The option that sets the floor for each star, if a marker does.
    pub(crate) floor_option: [Option<u8>; 6],
    pub(crate) knockout: Option<KnockoutKind>,
}

/// A sheet as it would read if a doubtful value were what the other sheets print.
#[derive(Debug, Clone)]
pub(crate) struct OtherReading {
    /// Positions of the criteria the doubt concerns.
    pub(crate) criteria: Vec<usize>,
    /// The sheet under that reading (with no readings of its own).
    pub(crate) sheet: CompiledSheet,
}

impl CompiledSheet {
    pub(crate) fn new(sheet: &Sheet, data: &EditionData) -> CompiledSheet {
        let mut compiled = CompiledSheet::with_changes(sheet, data, &[]);
        let position = |code: &str| compiled.position(code);
        let mut readings = Vec::new();
        for d in &sheet.doubts {
            let criteria: Vec<usize> = d.criteria.iter().filter_map(|c| position(c)).collect();
            for alt in &d.alternatives {
                readings.push(OtherReading {
                    criteria: criteria.clone(),
                    sheet: CompiledSheet::with_changes(sheet, data, &alt.changes),
                });
            }
        }
        // A suspected typo is a doubt too: its likely points are the other reading.
        for c in validate::criteria(sheet) {
            for (i, o) in c.options.iter().enumerate() {
                let Some(t) = &o.suspected_typo else { continue };
                let change = OptionChange {
                    criterion: c.code.clone(),
                    option: u8::try_from(i).unwrap_or(u8::MAX),
                    points: Some(t.likely_points),
                    min_star: None,
                };
                readings.push(OtherReading {
                    criteria: position(&c.code).into_iter().collect(),
                    sheet: CompiledSheet::with_changes(sheet, data, &[change]),
                });
            }
        }
        compiled.readings = readings;
        compiled
    }

    /// The sheet compiled with some options read differently.
    fn with_changes(sheet: &Sheet, data: &EditionData, changes: &[OptionChange]) -> CompiledSheet {
        let mut band_min = [0u8; 6];
        for b in &data.rating.bands {
            if let Some(slot) = band_min.get_mut(usize::from(b.star)) {
                *slot = b.min_points;
            }
        }
        let mut criteria = Vec::new();
        let mut points = Vec::new();
        let mut by_code = Vec::new();
        let mut subject_criterion = None;
        let mut best_total = 0u32;
        let small = |i: usize| u8::try_from(i).unwrap_or(u8::MAX);
        for (part_index, part) in sheet.parts.iter().enumerate() {
            let in_part = part.sections.iter().enumerate().flat_map(|(section, s)| {
                s.criteria
                    .iter()
                    .enumerate()
                    .map(move |(index, c)| (section, index, c))
            });
            for (section, index, c) in in_part {
                let position = u16::try_from(criteria.len()).unwrap_or(u16::MAX);
                by_code.push((c.code.clone(), position));
                if c.options.iter().any(|o| !o.subject_types.is_empty()) {
                    subject_criterion = Some(position);
                }
                let read = read_with(c, changes);
                let (floor, floor_option) = read.marker_floors();
                let first = u16::try_from(points.len()).unwrap_or(u16::MAX);
                points.extend(read.options.iter().map(|o| o.points));
                best_total += read
                    .options
                    .iter()
                    .map(|o| u32::from(o.points))
                    .max()
                    .unwrap_or(0);
                criteria.push(CompiledCriterion {
                    first_option: first,
                    option_count: u8::try_from(read.options.len()).unwrap_or(u8::MAX),
                    part: small(part_index),
                    section: small(section),
                    index: small(index),
                    floor,
                    floor_option,
                    knockout: c.knockout.as_ref().map(|k| k.kind),
                });
            }
        }
        by_code.sort();
        CompiledSheet {
            criteria,
            points,
            by_code,
            band_min,
            certified_from_star: data.rating.certified_from_star,
            best_total: u8::try_from(best_total).unwrap_or(u8::MAX),
            subject_criterion,
            readings: Vec::new(),
        }
    }

    pub(crate) fn position(&self, code: &str) -> Option<usize> {
        self.by_code
            .binary_search_by(|(c, _)| c.as_str().cmp(code))
            .ok()
            .and_then(|i| self.by_code.get(i))
            .map(|(_, p)| usize::from(*p))
    }

    /// The points of `option` on the criterion at `position` (0 for no option).
    pub(crate) fn points_of(&self, position: usize, option: Option<u8>) -> u8 {
        let (Some(c), Some(o)) = (self.criteria.get(position), option) else {
            return 0;
        };
        if o >= c.option_count {
            return 0;
        }
        self.points
            .get(usize::from(c.first_option) + usize::from(o))
            .copied()
            .unwrap_or(0)
    }
}

/// The criterion with `changes` applied to its options.
fn read_with(c: &Criterion, changes: &[OptionChange]) -> Criterion {
    let mut read = c.clone();
    for ch in changes.iter().filter(|ch| ch.criterion == c.code) {
        if let Some(o) = read.options.get_mut(usize::from(ch.option)) {
            apply(o, ch);
        }
    }
    read
}

fn apply(o: &mut CriterionOption, ch: &OptionChange) {
    if let Some(p) = ch.points {
        o.points = p;
    }
    if let Some(m) = ch.min_star {
        o.min_star = Some(m);
    }
}
