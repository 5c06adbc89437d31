//! The office side: certificates over time, the rules a dossier falls under, evaluation
//! rounds, product codes and a province's portfolio against its plan's targets.

use ocop_core::certificate::{CertificateInput, DossierKind};
use ocop_core::portfolio::TargetSet;
use ocop_core::product_code::AdminCodes;
use ocop_core::{Catalog, Level, limits};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use crate::convert::{
    Answer, Refused, all, date, document, given, json, record, text, to_js, whole,
};

/// A string argument naming one of an enum's values (`province`, `first`…).
fn choice<T: DeserializeOwned>(value: &JsValue, path: &str) -> Result<T, Refused> {
    record(
        &Value::String(text(value, path, limits::MAX_TEXT_CHARS)?),
        path,
    )
}

/// A plain-record argument read with serde, errors under `path`.
fn record_arg<T: DeserializeOwned>(value: &JsValue, path: &str) -> Result<T, Refused> {
    record(&json(value, path, limits::MAX_INPUT_BYTES)?, path)
}

/// Judges a certificate on a day: its last valid day, the re-evaluation window, the late-filing
/// grace, revocation, and where it stands (`valid`, `reevaluationWindowOpen`, `windowMissed`,
/// `reevaluationFiled`, `inTransitionalGrace`, `expired`, `revoked`).
#[wasm_bindgen(unchecked_return_type = "CertificateStatus")]
pub fn certificate(
    #[wasm_bindgen(
        unchecked_param_type = "CertificateInput",
        param_description = "`{ issuedOn, on, edition?, stars?, reevaluationFiledOn?, … }`"
    )]
    input: JsValue,
) -> Answer {
    let input: CertificateInput = record_arg(&input, "")?;
    to_js(&Catalog::builtin().certificate(&input)?)
}

/// The edition whose criteria and procedure a dossier filed on a day is evaluated under, and
/// the day it must be finished by when a transition carries it over.
#[wasm_bindgen(js_name = dossierRules, unchecked_return_type = "DossierRules")]
pub fn dossier_rules(
    #[wasm_bindgen(
        js_name = filedOn,
        unchecked_param_type = "string",
        param_description = "day of filing, `YYYY-MM-DD`"
    )]
    filed_on: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "DossierKind",
        param_description = "`first`, `upgrade` or `reevaluation`"
    )]
    kind: JsValue,
) -> Answer {
    let (filed_on, kind) = all(
        date(&filed_on, "/filedOn"),
        choice::<DossierKind>(&kind, "/kind"),
    )?;
    to_js(&Catalog::builtin().dossier_rules(filed_on, kind)?)
}

/// The evaluation round a proposal submitted on a day at a level falls in, under the edition
/// in force that day (`round` is absent when the edition sets no rounds).
#[wasm_bindgen(js_name = roundForSubmission, unchecked_return_type = "RoundAnswer")]
pub fn round_for_submission(
    #[wasm_bindgen(
        unchecked_param_type = "string",
        param_description = "day of submission"
    )]
    on: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "Level",
        param_description = "`province` or `central`"
    )]
    level: JsValue,
) -> Answer {
    let (on, level) = all(date(&on, "/on"), choice::<Level>(&level, "/level"))?;
    to_js(&Catalog::builtin().round_for_submission(on, level)?)
}

/// The next round at a level still to be completed after a day.
#[wasm_bindgen(js_name = nextRound, unchecked_return_type = "RoundAnswer")]
pub fn next_round(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "the day")] on: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "Level",
        param_description = "`province` or `central`"
    )]
    level: JsValue,
) -> Answer {
    let (on, level) = all(date(&on, "/on"), choice::<Level>(&level, "/level"))?;
    to_js(&Catalog::builtin().next_round(on, level)?)
}

/// Parses and checks a product code (`38-12345-007-2026` under 26/2026, `83-829-12-2022`
/// under 148). Without an edition, the format that fits is used; with `known` administrative
/// codes, the codes are checked against them too.
#[wasm_bindgen(js_name = parseProductCode, unchecked_return_type = "ProductCode")]
pub fn parse_product_code(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "the code")] code: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "string | null",
        param_description = "edition id whose format to use"
    )]
    edition: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "AdminCodes | null",
        param_description = "the administrative codes that exist"
    )]
    known: JsValue,
) -> Answer {
    // The core reports a malformed code as a whole at "" and its parts at "/province"….
    let code = text(&code, "", limits::MAX_PRODUCT_CODE_BYTES);
    let edition = given(&edition)
        .map(|e| text(e, "/edition", limits::MAX_TEXT_CHARS))
        .transpose();
    let known = given(&known)
        .map(|k| record_arg::<AdminCodes>(k, "/known"))
        .transpose();
    let ((code, edition), known) = all(all(code, edition), known)?;
    to_js(&Catalog::builtin().parse_product_code(&code, edition.as_deref(), known.as_ref())?)
}

/// The parts of a product code, for `formatProductCode`.
#[derive(Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProductCodeParts {
    /// Edition id whose format to follow.
    pub edition: String,
    /// Province code (2 digits).
    pub province: String,
    /// Commune code (5 digits, 26/2026) or district code (3 digits, 148).
    pub area: String,
    /// Sequence number kept by the commune or district.
    pub sequence: u32,
    /// Year of evaluation.
    pub year: u16,
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
    let p: ProductCodeParts = record_arg(&parts, "")?;
    to_js(&Catalog::builtin().format_product_code(
        &p.edition,
        &p.province,
        &p.area,
        p.sequence,
        p.year,
    )?)
}

/// A province's or district's OCOP products (CSV) on a day: counts by stars, group and subject
/// type, certificates expiring soon, re-evaluation coverage, each target met or short, and the
/// rows that could not be read (the others still count).
#[wasm_bindgen(unchecked_return_type = "PortfolioReport")]
pub fn portfolio(
    #[wasm_bindgen(
        unchecked_param_type = "string",
        param_description = "CSV with the header `product,product_set,subject_type,stars,recognised_on[,edition,status,subject_id,reevaluated_on]`"
    )]
    csv: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "string",
        param_description = "the day of the report"
    )]
    on: JsValue,
    #[wasm_bindgen(
        js_name = expiringWithinDays,
        unchecked_optional_param_type = "number | null",
        param_description = "horizon for expiring certificates (default 180 days)"
    )]
    expiring_within_days: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "TargetSet | null",
        param_description = "the plan's targets, e.g. `haTinhTargets()`"
    )]
    targets: JsValue,
) -> Answer {
    /// The CLI's default horizon.
    const DEFAULT_EXPIRING_WITHIN_DAYS: u32 = 180;
    let csv = document(&csv, "/csv", limits::MAX_CSV_BYTES);
    let on = date(&on, "/on");
    let days = given(&expiring_within_days)
        .map(|d| whole(d, "/expiringWithinDays", u32::MAX))
        .transpose();
    let targets = given(&targets)
        .map(|t| {
            let json = json(t, "/targets", limits::MAX_INPUT_BYTES)?;
            TargetSet::from_json(&json.to_string()).map_err(|e| Refused(e.under("/targets")))
        })
        .transpose();
    let (((csv, on), days), targets) = all(all(all(csv, on), days), targets)?;
    to_js(&Catalog::builtin().portfolio_csv(
        &csv,
        on,
        days.unwrap_or(DEFAULT_EXPIRING_WITHIN_DAYS),
        targets.as_ref(),
    )?)
}

/// The Hà Tĩnh 2023–2025 OCOP plan's targets, bundled as an example for `portfolio`.
#[wasm_bindgen(js_name = haTinhTargets, unchecked_return_type = "TargetSet")]
pub fn ha_tinh_targets() -> Answer {
    to_js(&TargetSet::ha_tinh_2023_2025())
}
