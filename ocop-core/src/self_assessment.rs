//! The producer's self-assessment (Mẫu 02) beside the council's sheet: the criteria that differ
//! and the points at stake.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::catalog::model::SubjectType;
use crate::council::CouncilInput;
use crate::error::{InputErrors, Problem};
use crate::evaluation::Evaluation;
use crate::scoring::ScoreReport;
use crate::text::Str;

/// A self-assessment compared with the council.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The edition both were scored on.
    pub edition: Str,
    /// The product set.
    pub product_set: u8,
    /// The producer's total.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub self_total: Decimal,
    /// The council's total.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub council_total: Decimal,
    /// Stars the producer's sheet gives (absent when not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_stars: Option<u8>,
    /// Stars the council's sheet gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council_stars: Option<u8>,
    /// Criteria that differ, in printed order.
    pub differences: Vec<Difference>,
    /// Points the producer claimed above the council.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub points_overclaimed: Decimal,
    /// Points the producer claimed below the council.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub points_underclaimed: Decimal,
}

/// A criterion on which the two sheets differ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Difference {
    /// Criterion code.
    pub code: Str,
    /// The producer's option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_option: Option<u8>,
    /// The council's option (absent for a council's mean).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council_option: Option<u8>,
    /// The producer's points.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub self_points: Decimal,
    /// The council's points.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub council_points: Decimal,
    /// Producer minus council: positive when the producer claimed more.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub at_stake: Decimal,
}

impl Catalog {
    /// Compares a producer's self-assessment with the council's consensus sheet. The public
    /// entry is [`Catalog::compare`] with a [`crate::CompareRequest`].
    ///
    /// ```
    /// use ocop_core::{Catalog, CompareRequest, CouncilOrSheet, Evaluation, SubjectType};
    /// let catalog = Catalog::builtin();
    /// let sheet = catalog.edition("26/2026").unwrap().sheet(9).unwrap();
    /// let mut own = Evaluation::new("26/2026", 9, SubjectType::Cooperative);
    /// for c in sheet.criteria() {
    ///     own.answers.insert(c.code.to_string(), Some(c.options.len() as u32 - 1));
    /// }
    /// let mut council = own.clone();
    /// council.answers.insert("B4.3".into(), Some(1)); // 1 point, not 5
    /// let request = CompareRequest { self_assessment: own, council: CouncilOrSheet::Sheet(council) };
    /// let diff = catalog.compare(&request).unwrap();
    /// assert_eq!(diff.differences.len(), 1);
    /// assert_eq!(diff.differences[0].at_stake.to_string(), "4");
    /// ```
    pub(crate) fn compare_sheets(
        &self,
        self_assessment: &Evaluation,
        council_sheet: &Evaluation,
    ) -> Result<Comparison, InputErrors> {
        same_product(
            self_assessment,
            (
                council_sheet.edition.as_ref(),
                council_sheet.product_set,
                council_sheet.subject_type,
            ),
        )?;
        let own = self
            .score(self_assessment)
            .map_err(|e| e.under("/selfAssessment"))?;
        let council = self.score(council_sheet).map_err(|e| e.under("/council"))?;
        Ok(compare_reports(&own, &council, true))
    }

    /// Compares a producer's self-assessment with a council's members' mean.
    pub(crate) fn compare_with_council(
        &self,
        self_assessment: &Evaluation,
        council: &CouncilInput,
    ) -> Result<Comparison, InputErrors> {
        same_product(
            self_assessment,
            (
                council.edition.as_ref(),
                council.product_set,
                council.subject_type,
            ),
        )?;
        let own = self
            .score(self_assessment)
            .map_err(|e| e.under("/selfAssessment"))?;
        let report = self.council(council).map_err(|e| e.under("/council"))?;
        Ok(compare_reports(&own, &report.result, false))
    }
}

/// The self-assessment and the council must be for the same edition, product set and producer.
fn same_product(
    own: &Evaluation,
    (edition, product_set, subject_type): (Option<&String>, u8, SubjectType),
) -> Result<(), InputErrors> {
    if own.edition.as_ref() != edition
        || own.product_set != product_set
        || own.subject_type != subject_type
    {
        return Err(InputErrors::at("/council", Problem::NotSameProduct));
    }
    Ok(())
}

fn compare_reports(own: &ScoreReport, council: &ScoreReport, by_option: bool) -> Comparison {
    let mut differences = Vec::new();
    let (mut over, mut under) = (Decimal::ZERO, Decimal::ZERO);
    for (a, b) in own.lines.iter().zip(&council.lines) {
        let differs = a.points != b.points || (by_option && a.option != b.option);
        if !differs {
            continue;
        }
        let at_stake = a.points - b.points;
        if at_stake > Decimal::ZERO {
            over += at_stake;
        } else {
            under -= at_stake;
        }
        differences.push(Difference {
            code: a.code.clone(),
            self_option: a.option,
            council_option: if by_option { b.option } else { None },
            self_points: a.points,
            council_points: b.points,
            at_stake: at_stake.normalize(),
        });
    }
    Comparison {
        edition: own.edition.id.clone(),
        product_set: own.product_set,
        self_total: own.total,
        council_total: council.total,
        self_stars: own.stars,
        council_stars: council.stars,
        differences,
        points_overclaimed: over.normalize(),
        points_underclaimed: under.normalize(),
    }
}
