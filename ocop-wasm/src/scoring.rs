//! Scoring: one sheet (lean report), its labels on request, a typed batch, a form scored tick
//! by tick, a council, the next-star planner and the self-assessment diff.

use js_sys::Uint8Array;
#[cfg(feature = "full")]
use ocop_core::explain::Languages;
#[cfg(feature = "full")]
use ocop_core::scoring::ScoreReport;
use ocop_core::{Catalog, Choice, Evaluation, Problem, SafeResult, Scorer, SubjectType, limits};
#[cfg(feature = "full")]
use ocop_core::{CompareRequest, CouncilInput, Plan, PlanRequest};
use wasm_bindgen::prelude::*;

use crate::catalog::sheet_arg;
use crate::convert::{Answer, Refused, bytes, given, input, refuse, text, to_js, whole};

/// Scores an evaluation: total, part and section subtotals, one line per criterion (code,
/// option, points, status), the band, the stars awarded once star markers apply, the outcome,
/// the markers that block a higher star, recognition and warnings, by code. `explain(report)`
/// adds the labels. Throws an `OcopError` listing every problem when the evaluation is
/// malformed.
#[wasm_bindgen(unchecked_return_type = "ScoreReport")]
pub fn score(
    #[wasm_bindgen(
        unchecked_param_type = "Evaluation",
        param_description = "a filled-in sheet: `{ edition, productSet, subjectType, answers, … }`"
    )]
    evaluation: JsValue,
) -> Answer {
    let evaluation: Evaluation = input(&evaluation, "")?;
    to_js(&Catalog::builtin().score(&evaluation)?)
}

/// Like `score`, but never throws: `{ type: "success", result }` or
/// `{ type: "failure", errors }`.
#[wasm_bindgen(js_name = safeScore, unchecked_return_type = "SafeResult<ScoreReport>")]
pub fn safe_score(
    #[wasm_bindgen(
        unchecked_param_type = "unknown",
        param_description = "a filled-in sheet"
    )]
    evaluation: JsValue,
) -> JsValue {
    let result = input::<Evaluation>(&evaluation, "")
        .and_then(|e| Catalog::builtin().score(&e).map_err(Refused::from))
        .map_err(|Refused(e)| e);
    to_js(&SafeResult::from(result)).unwrap_or(JsValue::NULL)
}

/// A language choice argument: `vi`, `en` or `both` (default).
#[cfg(feature = "full")]
fn languages(value: &JsValue) -> Result<Languages, Refused> {
    let Some(v) = given(value) else {
        return Ok(Languages::Both);
    };
    let name = text(v, "/languages", limits::MAX_TEXT_CHARS)?;
    Languages::parse(&name).ok_or_else(|| {
        refuse(
            "/languages",
            Problem::NotOneOf {
                what: Languages::WHAT,
                found: name,
                allowed: Languages::names(),
            },
        )
    })
}

/// A score report worded for a person: criterion and option names, the summary, the next step
/// and a sentence for each warning, in Vietnamese, English or both.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "Explanation")]
pub fn explain(
    #[wasm_bindgen(
        unchecked_param_type = "ScoreReport",
        param_description = "a report from `score`"
    )]
    report: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "\"vi\" | \"en\" | \"both\" | null",
        param_description = "the languages (default both)"
    )]
    languages: JsValue,
) -> Answer {
    let report: ScoreReport = input(&report, "/report")?;
    to_js(&Catalog::builtin().explain(&report, self::languages(&languages)?)?)
}

/// Scores many sheets of one product set at once, for high throughput. `rows` holds one row
/// per sheet: one byte per criterion in printed order, the ticked option's position or 255
/// when no option applies. Returns 3 bytes per sheet: total, band and stars (star markers
/// applied). Knock-outs, rejection and warnings need `score`.
#[wasm_bindgen(js_name = scoreBatch)]
pub fn score_batch(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "edition id")]
    edition: JsValue,
    #[wasm_bindgen(js_name = productSet, unchecked_param_type = "number", param_description = "the product set's number")]
    product_set: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "Uint8Array",
        param_description = "`criterionCount` bytes per sheet (255: no option)"
    )]
    rows: JsValue,
) -> Result<Uint8Array, Refused> {
    let sheet = sheet_arg(&edition, &product_set)?;
    let rows = bytes(&rows, "/rows", limits::MAX_BATCH_BYTES)?;
    let scores = sheet.score_batch(&rows).map_err(|e| e.under("/rows"))?;
    let out: Vec<u8> = scores
        .iter()
        .flat_map(|s| [s.total, s.band, s.stars])
        .collect();
    Ok(Uint8Array::from(out.as_slice()))
}

/// A scoring sheet being filled in: tick options one at a time and read the score at once.
/// The sheet and subject type are checked once; a tick costs microseconds.
#[wasm_bindgen]
pub struct Form {
    inner: Scorer<'static>,
}

#[wasm_bindgen]
impl Form {
    /// A blank sheet of `productSet` in `edition`, filled in by `subjectType`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string")] edition: JsValue,
        #[wasm_bindgen(js_name = productSet, unchecked_param_type = "number")] product_set: JsValue,
        #[wasm_bindgen(js_name = subjectType, unchecked_param_type = "SubjectType")]
        subject_type: JsValue,
    ) -> Result<Form, Refused> {
        let edition = text(&edition, "/edition", limits::MAX_TEXT_CHARS)?;
        let n = u8::try_from(whole(&product_set, "/productSet", u32::from(u8::MAX))?)
            .unwrap_or(u8::MAX);
        let name = text(&subject_type, "/subjectType", limits::MAX_TEXT_CHARS)?;
        let subject_type = SubjectType::parse(&name).ok_or_else(|| {
            refuse(
                "/subjectType",
                Problem::UnknownSubjectType {
                    found: name,
                    allowed: SubjectType::names(),
                },
            )
        })?;
        Ok(Form {
            inner: Scorer::new(Catalog::builtin(), &edition, n, subject_type)?,
        })
    }

    /// Ticks `option` (0-based) on criterion `code`; `null` records that no option applies.
    /// A refused tick (unknown criterion, option out of range) throws and changes nothing.
    pub fn set(
        &mut self,
        code: &str,
        #[wasm_bindgen(unchecked_param_type = "number | null")] option: JsValue,
    ) -> Result<(), Refused> {
        let option = option_arg(&option, code)?;
        Ok(self.inner.set(code, option)?)
    }

    /// `set` by the criterion's position in printed order (0-based): no string crosses.
    #[wasm_bindgen(js_name = setAt)]
    pub fn set_at(
        &mut self,
        position: u32,
        #[wasm_bindgen(unchecked_param_type = "number | null")] option: JsValue,
    ) -> Result<(), Refused> {
        let option = option_arg(&option, "")?;
        Ok(self
            .inner
            .set_at(usize::try_from(position).unwrap_or(usize::MAX), option)?)
    }

    /// Forgets the answer on criterion `code`.
    pub fn clear(&mut self, code: &str) -> Result<(), Refused> {
        Ok(self.inner.clear(code)?)
    }

    /// The score now: total, parts, band, stars (markers applied), criteria answered, and the
    /// first criterion whose marker holds the stars below the band.
    #[wasm_bindgen(unchecked_return_type = "FormResult")]
    pub fn result(&self) -> Answer {
        to_js(&self.inner.result())
    }

    /// The form as an evaluation (answered criteria only), to store or send.
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn evaluation(&self) -> Answer {
        to_js(&self.inner.evaluation())
    }

    /// The full report, once every criterion is answered.
    #[wasm_bindgen(unchecked_return_type = "ScoreReport")]
    pub fn report(&self) -> Answer {
        to_js(&self.inner.report()?)
    }
}

/// An option argument: a whole number, or `null`/`undefined` for "no option applies".
fn option_arg(value: &JsValue, code: &str) -> Result<Option<u8>, Refused> {
    let path = format!("/answers/{}", ocop_core::read::pointer_segment(code));
    given(value)
        .map(|v| whole(v, &path, u32::from(u8::MAX)).map(|o| u8::try_from(o).unwrap_or(u8::MAX)))
        .transpose()
}

/// Aggregates a council's members' sheets: the result on the members' mean (exact decimals),
/// each member's total and stars, the spread and quorum checks, and where members disagree.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "CouncilReport")]
pub fn council(
    #[wasm_bindgen(
        unchecked_param_type = "CouncilInput",
        param_description = "the product, the council's decisions, `members` and optional `rules`"
    )]
    council: JsValue,
) -> Answer {
    let council: CouncilInput = input(&council, "")?;
    to_js(&Catalog::builtin().council(&council)?)
}

/// The smallest set of option upgrades (fewest criteria, then fewest points) that lifts a
/// rated evaluation to `targetStar` (default: one star more), changing only `onlyCriteria`
/// when given; with `onlyCriteria` and no `targetStar`, the best star reachable.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "Plan")]
pub fn plan(
    #[wasm_bindgen(
        unchecked_param_type = "PlanRequest",
        param_description = "`{ evaluation, targetStar?, onlyCriteria? }`"
    )]
    request: JsValue,
) -> Answer {
    let request: PlanRequest = input(&request, "")?;
    to_js(&Catalog::builtin().plan(&request)?)
}

/// A plan worded for a person: each change's criterion and option, and the note.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = explainPlan, unchecked_return_type = "PlanExplanation")]
pub fn explain_plan(
    #[wasm_bindgen(
        unchecked_param_type = "Plan",
        param_description = "a plan from `plan`"
    )]
    plan: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "\"vi\" | \"en\" | \"both\" | null",
        param_description = "the languages (default both)"
    )]
    languages: JsValue,
) -> Answer {
    let plan: Plan = input(&plan, "/plan")?;
    to_js(&Catalog::builtin().explain_plan(&plan, self::languages(&languages)?)?)
}

/// A producer's self-assessment beside the council's: the criteria that differ and the
/// points claimed above and below. `council` is the council's consensus sheet, or a council
/// with `members` (compared on the members' mean).
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(
        unchecked_param_type = "CompareRequest",
        param_description = "`{ selfAssessment, council }`"
    )]
    request: JsValue,
) -> Answer {
    let request: CompareRequest = input(&request, "")?;
    to_js(&Catalog::builtin().compare(&request)?)
}
