//! Scoring: one sheet with the full answer, a typed batch, a council, the next-star planner
//! and the self-assessment diff.

use js_sys::Uint8Array;
use ocop_core::scoring::ScoreReport;
use ocop_core::{Catalog, CouncilInput, ErrorCode, Evaluation, InputErrors, limits};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::catalog::sheet_arg;
use crate::convert::{
    Answer, Refused, all, bytes, given, json, object, refuse, strings, to_js, wrong_type,
};

/// An evaluation argument, errors reported under `path`.
fn evaluation_arg(value: &JsValue, path: &str) -> Result<Evaluation, Refused> {
    object(value, path, |json| Evaluation::from_json_value(json, path))
}

/// Scores an evaluation: total, part and section subtotals, one line per criterion, the band,
/// the stars awarded once star markers apply, the outcome (rated, not rated, rejected), the
/// markers that block a higher star, recognition, a summary and warnings. Throws an
/// `OcopError` listing every problem when the evaluation is malformed.
#[wasm_bindgen(unchecked_return_type = "ScoreReport")]
pub fn score(
    #[wasm_bindgen(
        unchecked_param_type = "Evaluation",
        param_description = "a filled-in sheet: `{ edition, productSet, subjectType, answers, … }`"
    )]
    evaluation: JsValue,
) -> Answer {
    let evaluation = evaluation_arg(&evaluation, "")?;
    to_js(&Catalog::builtin().score(&evaluation)?)
}

/// Like `score`, but never throws: `{ type: "success", result }` or
/// `{ type: "failure", errors }`.
#[wasm_bindgen(js_name = safeScore, unchecked_return_type = "Answer<ScoreReport>")]
pub fn safe_score(
    #[wasm_bindgen(
        unchecked_param_type = "unknown",
        param_description = "a filled-in sheet"
    )]
    evaluation: JsValue,
) -> JsValue {
    let result = evaluation_arg(&evaluation, "")
        .and_then(|e| Catalog::builtin().score(&e).map_err(Refused::from));
    let answer: ocop_core::Answer<ScoreReport> = match result {
        Ok(result) => ocop_core::Answer::Success { result },
        Err(Refused(InputErrors(errors))) => ocop_core::Answer::Failure { errors },
    };
    to_js(&answer)
        .or_else(|Refused(InputErrors(errors))| to_js(&ocop_core::Answer::<()>::Failure { errors }))
        .unwrap_or(JsValue::NULL)
}

/// Scores many sheets of one product set at once, for high throughput. `rows` holds one row
/// per sheet: one byte per criterion in printed order, the ticked option's position or 255
/// when no option applies. Returns 3 bytes per sheet: total, band and stars (star markers
/// applied). Knock-outs, rejection and warnings need `score`.
#[wasm_bindgen(js_name = scoreBatch)]
pub fn score_batch(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "edition id")]
    edition: JsValue,
    #[wasm_bindgen(
        js_name = productSet,
        unchecked_param_type = "number",
        param_description = "the product set's number"
    )]
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

/// Aggregates a council's members' sheets: the result on the members' mean (exact decimals),
/// each member's total and stars, the spread and quorum checks, and where members disagree.
#[wasm_bindgen(unchecked_return_type = "CouncilReport")]
pub fn council(
    #[wasm_bindgen(
        unchecked_param_type = "CouncilInput",
        param_description = "the product, the council's decisions, `members` and optional `rules`"
    )]
    input: JsValue,
) -> Answer {
    let input = object(&input, "", CouncilInput::from_json_value)?;
    to_js(&Catalog::builtin().council(&input)?)
}

/// A target star argument: a whole number the core checks (1 to 5).
fn target_arg(value: &JsValue) -> Result<u8, Refused> {
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u8::MAX)).contains(&n) => Ok(n as u8),
        Some(_) => Err(refuse(
            ErrorCode::InvalidTarget,
            "/targetStar",
            "the target star must be 1 to 5",
        )),
        None => Err(wrong_type(value, "/targetStar", "a star from 1 to 5")),
    }
}

/// The smallest set of option upgrades (fewest criteria, then fewest points) that lifts a
/// rated evaluation to the target star, honouring star markers, the subject type and the
/// tourism case.
#[wasm_bindgen(unchecked_return_type = "Plan")]
pub fn plan(
    #[wasm_bindgen(
        unchecked_param_type = "Evaluation",
        param_description = "a filled-in sheet"
    )]
    evaluation: JsValue,
    #[wasm_bindgen(
        js_name = targetStar,
        unchecked_optional_param_type = "number | null",
        param_description = "1–5; default: one star more than now"
    )]
    target_star: JsValue,
    #[wasm_bindgen(
        js_name = onlyCriteria,
        unchecked_optional_param_type = "string[] | null",
        param_description = "change only these criteria (codes)"
    )]
    only_criteria: JsValue,
) -> Answer {
    let evaluation = evaluation_arg(&evaluation, "");
    let target = given(&target_star).map(target_arg).transpose();
    let only = given(&only_criteria)
        .map(|v| strings(v, "/onlyCriteria", limits::MAX_ANSWERS))
        .transpose();
    let ((evaluation, target), only) = all(all(evaluation, target), only)?;
    to_js(&Catalog::builtin().plan(&evaluation, target, only.as_deref())?)
}

/// The best star this product can reach when only the given criteria change, with the
/// smallest plan that reaches it.
#[wasm_bindgen(js_name = bestReachable, unchecked_return_type = "Plan")]
pub fn best_reachable(
    #[wasm_bindgen(
        unchecked_param_type = "Evaluation",
        param_description = "a filled-in sheet"
    )]
    evaluation: JsValue,
    #[wasm_bindgen(
        js_name = onlyCriteria,
        unchecked_param_type = "string[]",
        param_description = "the criteria (codes) that may change"
    )]
    only_criteria: JsValue,
) -> Answer {
    let evaluation = evaluation_arg(&evaluation, "");
    let only = strings(&only_criteria, "/onlyCriteria", limits::MAX_ANSWERS);
    let (evaluation, only) = all(evaluation, only)?;
    to_js(&Catalog::builtin().best_reachable(&evaluation, &only)?)
}

/// A producer's self-assessment beside the council's: the criteria that differ and the
/// points claimed above and below. `council` is the council's consensus sheet (an
/// evaluation) or a council with `members`, compared on the members' mean.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(
        js_name = selfAssessment,
        unchecked_param_type = "Evaluation",
        param_description = "the producer's own sheet"
    )]
    self_assessment: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "Evaluation | CouncilInput",
        param_description = "the council's sheet, or a council with `members`"
    )]
    council: JsValue,
) -> Answer {
    let own = evaluation_arg(&self_assessment, "/selfAssessment");
    let council = json(&council, "/council", limits::MAX_INPUT_BYTES);
    let catalog = Catalog::builtin();
    let comparison = match council {
        Ok(c) if c.get("members").is_some_and(|m| !m.is_null()) => {
            let c = CouncilInput::from_json_value(&c).map_err(|e| Refused(e.under("/council")));
            let (own, c) = all(own, c)?;
            catalog.compare_with_council(&own, &c)?
        }
        council => {
            let c = council.and_then(|c: Value| {
                Evaluation::from_json_value(&c, "/council").map_err(Refused::from)
            });
            let (own, c) = all(own, c)?;
            catalog.compare(&own, &c)?
        }
    };
    to_js(&comparison)
}
