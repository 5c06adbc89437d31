//! After the certificate: carrying a 148 evaluation over to 26/2026, the range still reachable,
//! and result codes for stamps that anyone can verify. Each function takes one request object,
//! read by the core's reader for it.

use ocop_core::carry_over::CarryOverRequest;
use ocop_core::result_code::VerifyRequest;
use ocop_core::{Catalog, Evaluation, limits};
use wasm_bindgen::prelude::*;

use crate::convert::{Answer, input, text, to_js};

/// The criterion correspondence from edition `from` to `to` (e.g. `"148/2023"`,
/// `"26/2026"`): per product set, each new criterion `same`, `changed` (what changed) or `new`,
/// and the old criteria dropped; `null` when none is built in.
#[wasm_bindgen(unchecked_return_type = "Correspondence | null")]
pub fn correspondence(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "the old edition")]
    from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "the new edition")]
    to: JsValue,
) -> Answer {
    let from = text(&from, "/from", limits::MAX_TEXT_CHARS)?;
    let to = text(&to, "/to", limits::MAX_TEXT_CHARS)?;
    to_js(&Catalog::builtin().correspondence(&from, &to))
}

/// Carries a 148 evaluation over to 26/2026: each criterion carried, re-scored or to answer
/// afresh, the draft evaluation, the lowest and highest result reachable, and (given
/// `issuedOn`) the certificate's expiry and re-evaluation window.
#[wasm_bindgen(js_name = carryOver, unchecked_return_type = "CarryOver")]
pub fn carry_over(
    #[wasm_bindgen(
        unchecked_param_type = "CarryOverRequest",
        param_description = "`{ evaluation, to?, issuedOn?, on? }`"
    )]
    request: JsValue,
) -> Answer {
    let request: CarryOverRequest = input(&request, "")?;
    to_js(&Catalog::builtin().carry_over(&request)?)
}

/// The lowest and highest total and stars a partly answered evaluation can still reach.
#[wasm_bindgen(unchecked_return_type = "Reachable")]
pub fn reachable(
    #[wasm_bindgen(
        unchecked_param_type = "Evaluation",
        param_description = "a sheet with some criteria unanswered"
    )]
    evaluation: JsValue,
) -> Answer {
    let evaluation: Evaluation = input(&evaluation, "")?;
    to_js(&Catalog::builtin().reachable(&evaluation)?)
}

/// The result code of an evaluation, for a stamp: `{ code, edition, productSet, total, stars }`.
#[wasm_bindgen(js_name = resultCode, unchecked_return_type = "ResultCode")]
pub fn result_code(
    #[wasm_bindgen(
        unchecked_param_type = "Evaluation",
        param_description = "a filled-in sheet"
    )]
    evaluation: JsValue,
) -> Answer {
    let evaluation: Evaluation = input(&evaluation, "")?;
    to_js(&Catalog::builtin().result_code(&evaluation)?)
}

/// Recomputes a result code's result offline and checks the stars it claims (and
/// `claimedStars`, printed beside it): `holds`, the mismatches, the evaluation read and the
/// report. Proves consistency with the rules, not who issued the code.
#[wasm_bindgen(js_name = verifyResultCode, unchecked_return_type = "Verification")]
pub fn verify_result_code(
    #[wasm_bindgen(
        unchecked_param_type = "VerifyRequest",
        param_description = "`{ code, claimedStars? }`"
    )]
    request: JsValue,
) -> Answer {
    let request: VerifyRequest = input(&request, "")?;
    to_js(&Catalog::builtin().verify_result_code(&request)?)
}
