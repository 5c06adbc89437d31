//! Re-evaluation under the new rules. A certificate issued under 148 (valid 36 months) is
//! re-evaluated under 26/2026 when it expires (26/2026 Điều 7.6, 12). From the 148 evaluation,
//! [`Catalog::carry_over`] drafts the 26/2026 evaluation: the answers carried where the
//! criterion's options are the same (by the reviewed [correspondence](crate::catalog::correspondence)),
//! the criteria that need a fresh answer, the totals and stars still reachable, and, given the
//! certificate's day of issue, its re-evaluation window.
//!
//! ```
//! use ocop_core::{Catalog, Input};
//! use ocop_core::carry_over::CarryOverRequest;
//! let request = CarryOverRequest::from_json(r#"{
//!   "evaluation": {"edition": "148/2023", "productSet": 9, "subjectType": "cooperative",
//!     "answers": {"A1a": 2, "A1b": 2, "A1c": 1, "A1d": 2, "A1dd": 1, "A1e": 1, "A2a": 3,
//!       "A2b": 2, "A2c": 2, "A3b": 1, "A3c": 1, "A3d": 1, "A3dd": 1, "A3e": 1, "B4a": 2,
//!       "B4b": 2, "B4c": 3, "B5a": 3, "B5b": 2, "B5c": 2, "C6a": 2, "C6b": 2, "C6c": 2,
//!       "C6d": 2, "C6dd": 2, "C7": 2, "C8a": 2, "C8b": 2, "C9": 2, "C10": 1, "C11": 0}},
//!   "issuedOn": "2024-03-15"
//! }"#).unwrap();
//! let carried = Catalog::builtin().carry_over(&request).unwrap();
//! assert_eq!(carried.draft.answers["A1.1"], Some(2)); // the same criterion: carried
//! assert!(carried.to_answer.iter().any(|c| c == "A2.4")); // new in 26/2026
//! assert_eq!(carried.certificate.unwrap().expires_on.to_string(), "2027-03-15");
//! ```
//!
//! What is carried: answers only. Knock-outs, requirements, a rejected dossier and the council
//! level are the new council's findings. A criterion carries its answer when the reviewed
//! correspondence says its options are the same in meaning, whatever their new points,
//! markers or maximum ([`CriterionMatch::answer_carries`]); its new points then count.
//!
//! The reachable range is exact. Each criterion's points only raise the total and the marker
//! level it meets, so the highest result ticks each open criterion's best option and the
//! lowest leaves each without an option (`null`, 0 points, its markers failed), except the
//! organisation-type criterion, which follows the subject type. Both are scored by the full
//! scorer (an automatic knock-out included), once per tourism case the carried answers allow;
//! `tests/carry_over.rs` checks this against every completion by brute force.

use jiff::civil::Date;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use serde_json::Value;

use crate::catalog::correspondence::{ChangeAspect, CriterionMatch, MatchKind};
use crate::catalog::model::SubjectType;
use crate::catalog::{Catalog, SheetRef};
use crate::certificate::{CertificateInput, CertificateStatus};
use crate::error::{InputError, InputErrors, Problem, Warning, WarningCode};
use crate::evaluation::{Evaluation, Tick};
use crate::read::{self, Fields, Input};
use crate::scoring::Outcome;
use crate::text::Str;

/// A 148 evaluation to carry over to the edition that replaced it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CarryOverRequest {
    /// The evaluation under the old edition (complete, as scored for the certificate).
    pub evaluation: Evaluation,
    /// The edition to carry it to (default: the one that replaced the evaluation's edition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub to: Option<String>,
    /// The certificate's day of issue: gives its expiry and re-evaluation window.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub issued_on: Option<Date>,
    /// The day to judge the certificate on (usually today; default: its day of issue).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub on: Option<Date>,
}

impl Input for CarryOverRequest {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<CarryOverRequest> {
        let f = Fields::new(
            value,
            path,
            "a carry-over request",
            &[&["evaluation", "to", "issuedOn", "on"]],
            errors,
        );
        let evaluation = f.required("evaluation", errors);
        let to = f.optional("to", errors);
        let issued_on = f.optional("issuedOn", errors);
        let on = f.optional("on", errors);
        Some(CarryOverRequest {
            evaluation: evaluation?,
            to,
            issued_on,
            on,
        })
    }
}

read::deserialize_through_reader!(CarryOverRequest);

/// An evaluation carried over to a new edition.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CarryOver {
    /// The edition it is carried to.
    pub edition: Str,
    /// The edition the evaluation was made under.
    pub previous_edition: Str,
    /// The product set.
    pub product_set: u8,
    /// Who applies.
    pub subject_type: SubjectType,
    /// The total under the old edition.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub previous_total: Decimal,
    /// The stars under the old edition (absent when not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_stars: Option<u8>,
    /// The new evaluation with the answers carried: fill in [`CarryOver::to_answer`], then score.
    pub draft: Evaluation,
    /// Each criterion of the new sheet, in printed order.
    pub criteria: Vec<CarriedCriterion>,
    /// The criteria that need a fresh answer (new, reworded, or options changed).
    pub to_answer: Vec<Str>,
    /// Old criteria with no counterpart on the new sheet.
    pub dropped: Vec<Str>,
    /// The lowest and highest results the fresh answers can give.
    pub reachable: Reachable,
    /// The certificate's expiry and re-evaluation window, when its day of issue is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CertificateStatus>,
    /// What to know about this carry-over (a provisional old sheet), by code.
    pub warnings: Vec<Warning>,
}

/// One criterion of the new sheet: where it comes from and what happened to its answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CarriedCriterion {
    /// The new criterion's code.
    pub code: Str,
    /// The old criterion it replaces (absent for a new criterion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_code: Option<Str>,
    /// Same, changed or new.
    pub kind: MatchKind,
    /// What changed.
    pub changes: Vec<ChangeAspect>,
    /// Carried as it was, carried and re-scored, or to answer afresh.
    pub status: CarryStatus,
    /// The old answer: the option ticked (absent: none applied, or no answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_option: Option<u8>,
    /// The old answer's points (absent: no answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_points: Option<u8>,
    /// The carried option (absent: none applies, or not carried).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<u8>,
    /// The carried answer's points under the new sheet (absent: not carried).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u8>,
    /// A pairing or judgment of the correspondence that a reviewer should confirm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doubt: Option<Str>,
}

/// What happened to a criterion's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum CarryStatus {
    /// The same criterion: the answer is carried with the same points.
    Carried,
    /// The same options under new points, markers or maximum: the answer is carried and
    /// counts at its new points.
    Rescored,
    /// A new criterion, new options or new words, or no old answer: answer it afresh.
    ToAnswer,
}

/// The lowest and highest results over every way of answering the open criteria; each bound
/// is exact on its own (the highest total and the most stars may need different answers on a
/// tourism sheet).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Reachable {
    /// The lowest total and stars.
    pub lowest: Bound,
    /// The highest total and stars.
    pub highest: Bound,
    /// Criteria still unanswered.
    pub unanswered: u8,
}

/// A total and the stars at one end of the range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Bound {
    /// The total (partial when an automatic knock-out stops the evaluation).
    pub total: u8,
    /// The stars (absent: not rated, an automatic knock-out stopped the evaluation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
}

impl Catalog {
    /// Carries a complete evaluation over to the edition that replaced its own: see
    /// [`crate::carry_over`]. Errors in the evaluation are reported under `/evaluation`.
    pub fn carry_over(&self, request: &CarryOverRequest) -> Result<CarryOver, InputErrors> {
        let old_report = self
            .score(&request.evaluation)
            .map_err(|e| e.under("/evaluation"))?;
        let r = self
            .resolve(&request.evaluation)
            .map_err(|e| e.under("/evaluation"))?;
        let from = r.edition;
        let to = match &request.to {
            Some(id) => self.find_edition(id).map_err(|mut e| {
                e.path = "/to".into();
                InputErrors::from(e)
            })?,
            None => self
                .editions()
                .find(|e| {
                    e.data()
                        .transition
                        .as_ref()
                        .is_some_and(|t| t.replaces == from.data().identity.id)
                })
                .ok_or_else(|| no_correspondence("/evaluation/edition", from.id(), "—"))?,
        };
        let correspondence = self
            .correspondence(from.id(), to.id())
            .ok_or_else(|| no_correspondence("/to", from.id(), to.id()))?;
        let n = request.evaluation.product_set;
        let (Some(entry), Ok(new_sheet)) = (correspondence.set(n), to.find_sheet(n)) else {
            return Err(no_correspondence(
                "/evaluation/productSet",
                from.id(),
                to.id(),
            ));
        };
        let old_sheet = r.sheet;
        let mut draft = Evaluation::new(to.id(), n, request.evaluation.subject_type);
        draft.reference = request.evaluation.reference.clone();
        let mut criteria = Vec::with_capacity(entry.criteria.len());
        for m in &entry.criteria {
            let previous = m.replaces.as_ref().and_then(|code| {
                let p = old_sheet.position(code)?;
                Some((p, r.ticks.get(p).copied().unwrap_or(Tick::Blank)))
            });
            let line = carry(m, previous, &old_sheet, &new_sheet);
            if line.status != CarryStatus::ToAnswer {
                draft
                    .answers
                    .insert(m.code.to_string(), line.option.map(u32::from));
            }
            criteria.push(line);
        }
        let to_answer = criteria
            .iter()
            .filter(|c| c.status == CarryStatus::ToAnswer)
            .map(|c| c.code.clone())
            .collect();
        let reachable = self.reachable(&draft).map_err(|e| e.under("/draft"))?;
        let certificate = match request.issued_on {
            None => None,
            Some(issued_on) => Some(self.certificate(&CertificateInput {
                edition: Some(from.id().to_owned()),
                issued_on,
                stars: old_report.stars,
                on: request.on.unwrap_or(issued_on),
                reevaluation_filed_on: None,
                reevaluation_decided_on: None,
                revoked_on: None,
                revocation_ground: None,
            })?),
        };
        let mut warnings = Vec::new();
        if old_sheet.provisional.is_some() {
            warnings.push(Warning::new(
                WarningCode::ProvisionalSheet,
                "/evaluation/productSet",
            ));
        }
        Ok(CarryOver {
            edition: to.data().identity.id.clone(),
            previous_edition: from.data().identity.id.clone(),
            product_set: n,
            subject_type: request.evaluation.subject_type,
            previous_total: old_report.total,
            previous_stars: old_report.stars,
            draft,
            criteria,
            to_answer,
            dropped: entry.dropped.clone(),
            reachable,
            certificate,
            warnings,
        })
    }

    /// The lowest and highest total and stars that a partly answered evaluation can still
    /// reach, over every way of answering its unanswered criteria (see [`crate::carry_over`]).
    ///
    /// ```
    /// use ocop_core::{Catalog, Evaluation, SubjectType};
    /// let mut e = Evaluation::new("26/2026", 9, SubjectType::Cooperative);
    /// e.answers.insert("A1.1".into(), Some(0)); // 1 point, the 3★ marker met
    /// let range = Catalog::builtin().reachable(&e).unwrap();
    /// assert_eq!((range.highest.total, range.highest.stars), (96, Some(5)));
    /// assert_eq!((range.lowest.total, range.lowest.stars), (4, Some(1))); // A1.1 and the cooperative's A3.1
    /// ```
    pub fn reachable(&self, evaluation: &Evaluation) -> Result<Reachable, InputErrors> {
        let (sheet, cases) = self.open_sheet(evaluation)?;
        let open: Vec<usize> = sheet
            .criteria()
            .enumerate()
            .filter(|(_, c)| !evaluation.answers.contains_key(c.code.as_str()))
            .map(|(p, _)| p)
            .collect();
        let subject = evaluation.subject_type;
        let mut highest: Option<Bound> = None;
        let mut lowest: Option<Bound> = None;
        for case in cases {
            let mut best = evaluation.clone();
            let mut worst = evaluation.clone();
            for &p in &open {
                let Some(c) = sheet.criterion(p) else {
                    continue;
                };
                let allowed: Vec<(usize, u8)> = c
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| case.is_none() || o.case.is_none() || o.case == case)
                    .filter(|(_, o)| {
                        o.subject_types.is_empty() || o.subject_types.contains(&subject)
                    })
                    .map(|(i, o)| (i, o.points))
                    .collect();
                let top = allowed.iter().max_by_key(|(_, pts)| *pts).map(|(i, _)| *i);
                // The organisation-type criterion follows the subject type; others may have no
                // option that applies.
                let bottom = if sheet.compiled.subject_criterion == u16::try_from(p).ok() {
                    allowed.iter().min_by_key(|(_, pts)| *pts).map(|(i, _)| *i)
                } else {
                    None
                };
                let as_answer = |o: Option<usize>| o.and_then(|i| u32::try_from(i).ok());
                best.answers.insert(c.code.to_string(), as_answer(top));
                worst.answers.insert(c.code.to_string(), as_answer(bottom));
            }
            best.tourism_case = case.or(best.tourism_case);
            worst.tourism_case = case.or(worst.tourism_case);
            let (b, w) = (self.bound(&best)?, self.bound(&worst)?);
            highest = Some(highest.map_or(b, |h| Bound {
                total: h.total.max(b.total),
                stars: h.stars.max(b.stars),
            }));
            lowest = Some(lowest.map_or(w, |l| Bound {
                total: l.total.min(w.total),
                stars: l.stars.min(w.stars),
            }));
        }
        let empty = Bound {
            total: 0,
            stars: None,
        };
        Ok(Reachable {
            lowest: lowest.unwrap_or(empty),
            highest: highest.unwrap_or(empty),
            unanswered: u8::try_from(open.len()).unwrap_or(u8::MAX),
        })
    }

    /// The sheet of a partly answered evaluation and the tourism cases its answers leave open
    /// (`[None]` on a sheet without cases), after checking the answers given.
    fn open_sheet(
        &self,
        evaluation: &Evaluation,
    ) -> Result<(SheetRef<'_>, Vec<Option<u8>>), InputErrors> {
        let edition = match (&evaluation.edition, evaluation.evaluated_on) {
            (Some(id), _) => self.find_edition(id)?,
            (None, Some(day)) => self
                .edition_in_force(day)
                .ok_or_else(|| InputErrors::at("/evaluatedOn", Problem::NoEditionInForce(day)))?,
            (None, None) => return Err(InputErrors::at("/edition", Problem::MissingEdition)),
        };
        let sheet = edition.find_sheet(evaluation.product_set)?;
        // "No option" on every open criterion: checks the answers given and tells their case.
        let mut checked = evaluation.clone();
        for c in sheet.criteria() {
            checked.answers.entry(c.code.to_string()).or_insert(None);
        }
        let r = self.resolve(&checked)?;
        let cases = match r.tourism_case {
            Some(k) => vec![Some(k)],
            None => {
                let mut all: Vec<u8> = sheet
                    .criteria()
                    .flat_map(|c| c.cases.iter().map(|k| k.case))
                    .collect();
                all.sort_unstable();
                all.dedup();
                if all.is_empty() {
                    vec![None]
                } else {
                    all.into_iter().map(Some).collect()
                }
            }
        };
        Ok((sheet, cases))
    }

    /// The total and stars of a complete evaluation.
    fn bound(&self, evaluation: &Evaluation) -> Result<Bound, InputErrors> {
        let report = self.score(evaluation)?;
        Ok(Bound {
            total: report.total.to_u8().unwrap_or(0),
            stars: match report.outcome {
                Outcome::Rated => report.stars,
                _ => None,
            },
        })
    }
}

/// What happens to one criterion's answer: `previous` is the old criterion's position and its
/// answer.
fn carry(
    m: &CriterionMatch,
    previous: Option<(usize, Tick)>,
    old: &SheetRef<'_>,
    new: &SheetRef<'_>,
) -> CarriedCriterion {
    let (previous_option, previous_points) = match previous {
        Some((p, Tick::Option(o))) => (Some(o), Some(old.compiled.points_of(p, Some(o)))),
        Some((_, Tick::NoOption)) => (None, Some(0)),
        _ => (None, None),
    };
    let answered = previous_points.is_some();
    let position = new.position(&m.code);
    let fits = previous_option.is_none_or(|o| {
        position
            .and_then(|p| new.compiled.criteria.get(p))
            .is_some_and(|c| o < c.option_count)
    });
    let status = match m.kind {
        _ if !(answered && fits && m.answer_carries()) => CarryStatus::ToAnswer,
        MatchKind::Same => CarryStatus::Carried,
        _ => CarryStatus::Rescored,
    };
    let carried = status != CarryStatus::ToAnswer;
    CarriedCriterion {
        code: m.code.clone(),
        previous_code: m.replaces.clone(),
        kind: m.kind,
        changes: m.changes.clone(),
        status,
        previous_option,
        previous_points,
        option: previous_option.filter(|_| carried),
        points: carried.then(|| position.map_or(0, |p| new.compiled.points_of(p, previous_option))),
        doubt: m.doubt.clone(),
    }
}

fn no_correspondence(path: &str, from: &str, to: &str) -> InputErrors {
    InputErrors::at(
        path,
        Problem::NoCorrespondence {
            from: from.to_owned(),
            to: to.to_owned(),
        },
    )
}
