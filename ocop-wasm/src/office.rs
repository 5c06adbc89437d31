//! The office side: certificates over time, the rules a dossier falls under, evaluation
//! rounds, product codes and a province's portfolio against its plan's targets. Each function
//! takes one request object, read by the core's reader for it.

use ocop_core::certificate::CertificateInput;
use ocop_core::portfolio::TargetSet;
use ocop_core::requests::{
    DossierRulesRequest, PortfolioRequest, ProductCodeParts, ProductCodeRequest, RoundRequest,
};
use ocop_core::{Catalog, Problem, limits};
use wasm_bindgen::prelude::*;

use crate::convert::{Answer, input, refuse, text, to_js};

/// Judges a certificate on a day: its last valid day, the re-evaluation window, the late-filing
/// grace, revocation, and where it stands (`valid`, `reevaluationWindowOpen`, `windowMissed`,
/// `reevaluationFiled`, `inTransitionalGrace`, `expired`, `revoked`).
#[wasm_bindgen(unchecked_return_type = "CertificateStatus")]
pub fn certificate(
    #[wasm_bindgen(
        unchecked_param_type = "CertificateInput",
        param_description = "`{ issuedOn, on, edition?, stars?, reevaluationFiledOn?, … }`"
    )]
    certificate: JsValue,
) -> Answer {
    let certificate: CertificateInput = input(&certificate, "")?;
    to_js(&Catalog::builtin().certificate(&certificate)?)
}

/// The edition whose criteria and procedure a dossier filed on a day is evaluated under, and
/// the day it must be finished by when a transition carries it over.
#[wasm_bindgen(js_name = dossierRules, unchecked_return_type = "DossierRules")]
pub fn dossier_rules(
    #[wasm_bindgen(
        unchecked_param_type = "DossierRulesRequest",
        param_description = "`{ filedOn, kind: \"first\" | \"upgrade\" | \"reevaluation\" }`"
    )]
    request: JsValue,
) -> Answer {
    let request: DossierRulesRequest = input(&request, "")?;
    to_js(&Catalog::builtin().dossier_rules(&request)?)
}

/// The evaluation round a proposal submitted on a day at a level falls in, under the edition
/// in force that day (`round` is absent when the edition sets no rounds).
#[wasm_bindgen(js_name = roundForSubmission, unchecked_return_type = "RoundAnswer")]
pub fn round_for_submission(
    #[wasm_bindgen(
        unchecked_param_type = "RoundRequest",
        param_description = "`{ on, level }`"
    )]
    request: JsValue,
) -> Answer {
    let request: RoundRequest = input(&request, "")?;
    to_js(&Catalog::builtin().round_for_submission(&request)?)
}

/// The next round at a level still to be completed after a day.
#[wasm_bindgen(js_name = nextRound, unchecked_return_type = "RoundAnswer")]
pub fn next_round(
    #[wasm_bindgen(
        unchecked_param_type = "RoundRequest",
        param_description = "`{ on, level }`"
    )]
    request: JsValue,
) -> Answer {
    let request: RoundRequest = input(&request, "")?;
    to_js(&Catalog::builtin().next_round(&request)?)
}

/// Parses and checks a product code (`38-12345-007-2026` under 26/2026, `83-829-12-2022`
/// under 148). Without an edition, the format that fits is used; with `known` administrative
/// codes, the codes are checked against them too.
#[wasm_bindgen(js_name = parseProductCode, unchecked_return_type = "ProductCode")]
pub fn parse_product_code(
    #[wasm_bindgen(
        unchecked_param_type = "ProductCodeRequest",
        param_description = "`{ code, edition?, known? }`"
    )]
    request: JsValue,
) -> Answer {
    let request: ProductCodeRequest = input(&request, "")?;
    to_js(&Catalog::builtin().parse_product_code(&request)?)
}

/// Writes a product code from its parts, checking each against the edition's format (the
/// sequence is written with at least 3 digits: `7` → `007`).
#[wasm_bindgen(js_name = formatProductCode, unchecked_return_type = "string")]
pub fn format_product_code(
    #[wasm_bindgen(
        unchecked_param_type = "ProductCodeParts",
        param_description = "`{ edition, province, area, sequence, year }`"
    )]
    parts: JsValue,
) -> Answer {
    let parts: ProductCodeParts = input(&parts, "")?;
    to_js(&Catalog::builtin().format_product_code(&parts)?)
}

/// A province's or district's OCOP products (CSV) on a day: counts by stars, group and subject
/// type, certificates expiring soon, re-evaluation coverage, each target met or short, and the
/// rows that could not be read (the others still count).
#[wasm_bindgen(unchecked_return_type = "PortfolioReport")]
pub fn portfolio(
    #[wasm_bindgen(
        unchecked_param_type = "PortfolioRequest",
        param_description = "`{ csv, on, expiringWithinDays?, targets? }`; `targets` is a target set or a bundled plan's name"
    )]
    request: JsValue,
) -> Answer {
    let request: PortfolioRequest = input(&request, "")?;
    to_js(&Catalog::builtin().portfolio_request(&request)?)
}

/// A bundled plan's targets, e.g. `targetSet("ha-tinh-2023-2025")`.
#[wasm_bindgen(js_name = targetSet, unchecked_return_type = "TargetSet")]
pub fn target_set(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "the plan's name")]
    name: JsValue,
) -> Answer {
    let name = text(&name, "/name", limits::MAX_TEXT_CHARS)?;
    let set = TargetSet::bundled(&name).ok_or_else(|| {
        refuse(
            "/name",
            Problem::NotOneOf {
                what: "a bundled target set",
                found: name,
                allowed: TargetSet::BUNDLED.join(", "),
            },
        )
    })?;
    to_js(&set)
}
