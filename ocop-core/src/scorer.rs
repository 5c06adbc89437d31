//! A sheet compiled for a form: tick options one at a time and read the score at once, as a
//! scoring form does on every click (zen's compile-then-evaluate). The sheet and subject type
//! are checked once; a tick costs a lookup and one pass over the sheet's ~30 criteria.
//!
//! ```
//! use ocop_core::{Catalog, Scorer, SubjectType};
//! let mut form = Scorer::new(Catalog::builtin(), "26/2026", 9, SubjectType::Cooperative).unwrap();
//! form.set("A1.1", Some(2)).unwrap(); // 5 points
//! form.set("B5.1", Some(3)).unwrap(); // 3 points
//! let now = form.result();
//! assert_eq!(now.total, 11); // A3.1 is already ticked: the cooperative option, 3 points
//! assert_eq!(now.answered, 3);
//! assert!(form.set("A1.1", Some(9)).is_err()); // refused, nothing changed
//! assert_eq!(form.result().total, 11);
//! ```

use serde::{Deserialize, Serialize};

use crate::catalog::model::SubjectType;
use crate::catalog::{Catalog, SheetRef};
use crate::error::{InputError, InputErrors, Problem};
use crate::evaluation::{Answers, Evaluation, answer_path};
use crate::scoring::{ScoreReport, fast_score};
use crate::text::Str;

/// One scoring sheet being filled in.
#[derive(Clone, Debug)]
pub struct Scorer<'a> {
    catalog: &'a Catalog,
    sheet: SheetRef<'a>,
    subject_type: SubjectType,
    /// The ticked option per criterion, in printed order.
    options: Vec<Option<u8>>,
    /// Whether each criterion has been answered (an answer may be "no option").
    answered: Vec<bool>,
}

/// Where a form stands after a tick. Knock-outs and a rejected dossier are not considered
/// here; [`Scorer::report`] gives the full answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct FormResult {
    /// Points so far (unanswered criteria count 0).
    pub total: u8,
    /// Subtotals of parts A, B and C.
    pub parts: Vec<u8>,
    /// Stars by total alone.
    pub band: u8,
    /// Stars once star markers are applied.
    pub stars: u8,
    /// Criteria answered.
    pub answered: u8,
    /// Criteria on the sheet.
    pub criteria: u8,
    /// The first criterion whose star marker keeps the stars below the band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocker: Option<Str>,
}

impl<'a> Scorer<'a> {
    /// A blank sheet for `product_set` of `edition`, filled in by `subject_type`. The
    /// organisation-type criterion is ticked already when only one of its options fits.
    pub fn new(
        catalog: &'a Catalog,
        edition: &str,
        product_set: u8,
        subject_type: SubjectType,
    ) -> Result<Scorer<'a>, InputErrors> {
        let sheet = catalog.find_edition(edition)?.find_sheet(product_set)?;
        if !sheet
            .edition()
            .subject_type_eligible(subject_type, product_set)
        {
            return Err(InputErrors::at(
                "/subjectType",
                Problem::SubjectTypeNotEligible(subject_type.id()),
            ));
        }
        let n = sheet.criterion_count();
        let mut form = Scorer {
            catalog,
            sheet,
            subject_type,
            options: vec![None; n],
            answered: vec![false; n],
        };
        if let Some(p) = sheet.compiled.subject_criterion.map(usize::from) {
            let fits: Vec<usize> = sheet
                .criterion(p)
                .map(|c| {
                    c.options
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| o.subject_types.contains(&subject_type))
                        .map(|(i, _)| i)
                        .collect()
                })
                .unwrap_or_default();
            if let [only] = fits.as_slice() {
                form.tick(p, u8::try_from(*only).ok());
            }
        }
        Ok(form)
    }

    /// The sheet being filled in.
    pub fn sheet(&self) -> SheetRef<'a> {
        self.sheet
    }

    /// Ticks `option` (0-based) on criterion `code`, or records that no option applies
    /// (`None`). A refused tick changes nothing.
    pub fn set(&mut self, code: &str, option: Option<u8>) -> Result<(), InputError> {
        let p = crate::evaluation::locate(&self.sheet, code, || answer_path(code))?;
        self.set_at(p, option)
    }

    /// [`Scorer::set`] by the criterion's position in printed order (0-based).
    pub fn set_at(&mut self, position: usize, option: Option<u8>) -> Result<(), InputError> {
        let c = self.sheet.criterion(position).ok_or_else(|| {
            InputError::at(
                "/position",
                Problem::AnswerCount {
                    expected: self.options.len(),
                    found: position,
                },
            )
        })?;
        let path = || answer_path(&c.code);
        if let Some(o) = option {
            let chosen = c.options.get(usize::from(o)).ok_or_else(|| {
                InputError::at(
                    path(),
                    Problem::OptionOutOfRange {
                        code: c.code.to_string(),
                        last: c.options.len().saturating_sub(1),
                        found: i64::from(o),
                    },
                )
            })?;
            if !chosen.subject_types.is_empty()
                && !chosen.subject_types.contains(&self.subject_type)
            {
                return Err(InputError::at(
                    path(),
                    Problem::SubjectTypeOptionMismatch {
                        code: c.code.to_string(),
                        option: usize::from(o),
                        for_types: chosen
                            .subject_types
                            .iter()
                            .map(|t| t.id())
                            .collect::<Vec<_>>()
                            .join(", "),
                        subject_type: self.subject_type.id(),
                        allowed: "another option".into(),
                    },
                ));
            }
        }
        self.tick(position, option);
        Ok(())
    }

    /// Forgets the answer on criterion `code`.
    pub fn clear(&mut self, code: &str) -> Result<(), InputError> {
        let p = crate::evaluation::locate(&self.sheet, code, || answer_path(code))?;
        if let (Some(o), Some(a)) = (self.options.get_mut(p), self.answered.get_mut(p)) {
            *o = None;
            *a = false;
        }
        Ok(())
    }

    fn tick(&mut self, p: usize, option: Option<u8>) {
        if let (Some(o), Some(a)) = (self.options.get_mut(p), self.answered.get_mut(p)) {
            *o = option;
            *a = true;
        }
    }

    /// The score now: one pass over the sheet, no allocation but the blocker's code.
    pub fn result(&self) -> FormResult {
        let compiled = self.sheet.compiled;
        let score = fast_score(compiled, &self.options);
        let blocker = (score.stars < score.band)
            .then(|| {
                compiled.criteria.iter().enumerate().find(|(p, c)| {
                    c.level(
                        u32::from(compiled.points_of(*p, self.options.get(*p).copied().flatten())),
                        1,
                    ) == score.stars
                })
            })
            .flatten()
            .and_then(|(p, _)| self.sheet.criterion(p).map(|c| c.code.clone()));
        let count = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
        FormResult {
            total: score.total,
            parts: score
                .parts
                .iter()
                .take(self.sheet.parts.len())
                .copied()
                .collect(),
            band: score.band,
            stars: score.stars,
            answered: count(self.answered.iter().filter(|a| **a).count()),
            criteria: count(self.options.len()),
            blocker,
        }
    }

    /// The form as an evaluation (answered criteria only), to store or send.
    pub fn evaluation(&self) -> Evaluation {
        let mut e = Evaluation::new(
            self.sheet.edition().id(),
            self.sheet.product_set,
            self.subject_type,
        );
        e.answers = Answers(
            self.sheet
                .criteria()
                .zip(self.options.iter().zip(&self.answered))
                .filter(|(_, (_, answered))| **answered)
                .map(|(c, (o, _))| (c.code.to_string(), o.map(u32::from)))
                .collect(),
        );
        e
    }

    /// The full report, once every criterion is answered ([`Catalog::score`] on
    /// [`Scorer::evaluation`]).
    pub fn report(&self) -> Result<ScoreReport, InputErrors> {
        self.catalog.score(&self.evaluation())
    }
}
