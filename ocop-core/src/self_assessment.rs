//! The producer's self-assessment (Mẫu 02) beside the council's sheet: the criteria that differ
//! and the points at stake.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::catalog::text::{Str, Text};
use crate::council::CouncilInput;
use crate::error::{ErrorCode, InputErrors};
use crate::evaluation::Evaluation;
use crate::scoring::ScoreReport;

/// A self-assessment compared with the council.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The producer's total.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub self_total: Decimal,
    /// The council's total.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
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
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub points_overclaimed: Decimal,
    /// Points the producer claimed below the council.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub points_underclaimed: Decimal,
}

/// A criterion on which the two sheets differ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Difference {
    /// Criterion code.
    pub code: Str,
    /// Name.
    pub name: Text,
    /// The producer's option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_option: Option<u8>,
    /// The council's option (absent for a council's mean).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council_option: Option<u8>,
    /// The producer's points.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub self_points: Decimal,
    /// The council's points.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub council_points: Decimal,
    /// Producer minus council: positive when the producer claimed more.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    pub at_stake: Decimal,
}

impl Catalog {
    /// Compares a producer's self-assessment with the council's consensus sheet.
    ///
    /// ```
    /// use ocop_core::{Catalog, Evaluation, SubjectType};
    /// let catalog = Catalog::builtin();
    /// let sheet = catalog.edition("26/2026").unwrap().sheet(9).unwrap();
    /// let mut own = Evaluation::new("26/2026", 9, SubjectType::Cooperative);
    /// for c in sheet.criteria() {
    ///     own.answers.insert(c.code.to_string(), Some(c.options.len() as u32 - 1));
    /// }
    /// let mut council = own.clone();
    /// council.answers.insert("B4.3".into(), Some(1)); // 1 point, not 5
    /// let diff = catalog.compare(&own, &council).unwrap();
    /// assert_eq!(diff.differences.len(), 1);
    /// assert_eq!(diff.differences[0].at_stake.to_string(), "4");
    /// ```
    pub fn compare(
        &self,
        self_assessment: &Evaluation,
        council_sheet: &Evaluation,
    ) -> Result<Comparison, InputErrors> {
        same_product(
            self_assessment,
            council_sheet.edition.as_ref(),
            council_sheet.product_set,
            council_sheet,
        )?;
        let own = self
            .score(self_assessment)
            .map_err(|e| e.under("/selfAssessment"))?;
        let council = self.score(council_sheet).map_err(|e| e.under("/council"))?;
        Ok(compare_reports(&own, &council, true))
    }

    /// Compares a producer's self-assessment with a council's members' mean.
    pub fn compare_with_council(
        &self,
        self_assessment: &Evaluation,
        council: &CouncilInput,
    ) -> Result<Comparison, InputErrors> {
        if self_assessment.product_set != council.product_set
            || self_assessment.edition != council.edition
        {
            return Err(InputErrors::one(
                ErrorCode::CouncilMismatch,
                "/council",
                "the self-assessment and the council are not for the same edition and product set",
            ));
        }
        let own = self
            .score(self_assessment)
            .map_err(|e| e.under("/selfAssessment"))?;
        let report = self.council(council).map_err(|e| e.under("/council"))?;
        Ok(compare_reports(&own, &report.result, false))
    }
}

fn same_product(
    a: &Evaluation,
    edition: Option<&String>,
    product_set: u8,
    b: &Evaluation,
) -> Result<(), InputErrors> {
    if a.edition.as_ref() != edition
        || a.product_set != product_set
        || a.subject_type != b.subject_type
    {
        return Err(InputErrors::one(
            ErrorCode::CouncilMismatch,
            "/council",
            "the two sheets are not for the same edition, product set and producer",
        ));
    }
    Ok(())
}

fn compare_reports(own: &ScoreReport, council: &ScoreReport, by_option: bool) -> Comparison {
    let mut differences = Vec::new();
    let (mut over, mut under) = (Decimal::ZERO, Decimal::ZERO);
    for (a, b) in own.lines.iter().zip(&council.lines) {
        let differs = if by_option {
            a.option != b.option || a.points != b.points
        } else {
            a.points != b.points
        };
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
            name: a.name.clone(),
            self_option: a.option,
            council_option: if by_option { b.option } else { None },
            self_points: a.points,
            council_points: b.points,
            at_stake: at_stake.normalize(),
        });
    }
    Comparison {
        self_total: own.total,
        council_total: council.total,
        self_stars: own.stars.as_ref().map(|s| s.star),
        council_stars: council.stars.as_ref().map(|s| s.star),
        differences,
        points_overclaimed: over.normalize(),
        points_underclaimed: under.normalize(),
    }
}
