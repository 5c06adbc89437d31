//! The dossier and the working-day calendar: what to file, checking a filed dossier, the
//! registration slip's number, and deadlines in working days. Each function takes one request
//! object, read by the core's reader for it.

use ocop_core::Catalog;
use ocop_core::calendar::{self, DeadlineRequest, HolidaysRequest};
use ocop_core::dossier::{
    ChecklistRequest, FiledDossier, SlipParts, SlipRequest, StepDeadlineRequest,
};
use wasm_bindgen::prelude::*;

use crate::convert::{Answer, input, to_js};

/// The day a time limit ends: `workingDays` working days after `from` (weekends, the Labour
/// Code's holidays with Tết from the lunar calendar, and the Government's swaps skipped), or
/// `days` calendar days (moved to the next working day when it ends on a day off).
#[wasm_bindgen(unchecked_return_type = "Deadline")]
pub fn deadline(
    #[wasm_bindgen(
        unchecked_param_type = "DeadlineRequest",
        param_description = "`{ from, workingDays } | { from, days }`, with `decisions?` on days off"
    )]
    request: JsValue,
) -> Answer {
    let request: DeadlineRequest = input(&request, "")?;
    to_js(&calendar::deadline(&request)?)
}

/// Every day off of a year, with names: holidays, days in lieu and days swapped by decision.
#[wasm_bindgen(unchecked_return_type = "HolidayYear")]
pub fn holidays(
    #[wasm_bindgen(
        unchecked_param_type = "HolidaysRequest",
        param_description = "`{ year, decisions? }`"
    )]
    request: JsValue,
) -> Answer {
    let request: HolidaysRequest = input(&request, "")?;
    to_js(&calendar::holidays(&request)?)
}

/// What to file for a case: the sets sent on, their documents, samples, copies, the evidence
/// for each criterion, the time limits, and the commune's deadline from `filedOn`.
#[wasm_bindgen(js_name = dossierChecklist, unchecked_return_type = "DossierChecklist")]
pub fn dossier_checklist(
    #[wasm_bindgen(
        unchecked_param_type = "ChecklistRequest",
        param_description = "`{ edition?, filedOn?, productSet, subjectType, case, level?, decisions? }`"
    )]
    request: JsValue,
) -> Answer {
    let request: ChecklistRequest = input(&request, "")?;
    to_js(&Catalog::builtin().dossier_checklist(&request)?)
}

/// Checks a filed dossier's declared items: what is missing, by name.
#[wasm_bindgen(js_name = checkDossier, unchecked_return_type = "DossierCheck")]
pub fn check_dossier(
    #[wasm_bindgen(
        unchecked_param_type = "FiledDossier",
        param_description = "the checklist's fields with `package?, documents, samples, paperCopies, electronicCopies, evidence`"
    )]
    dossier: JsValue,
) -> Answer {
    let dossier: FiledDossier = input(&dossier, "")?;
    to_js(&Catalog::builtin().check_dossier(&dossier)?)
}

/// The deadline of a step of the procedure (`commune_review`, `reevaluation`, `revocation`).
#[wasm_bindgen(js_name = procedureDeadline, unchecked_return_type = "StepDeadline")]
pub fn procedure_deadline(
    #[wasm_bindgen(
        unchecked_param_type = "StepDeadlineRequest",
        param_description = "`{ edition?, step, from, decisions? }`"
    )]
    request: JsValue,
) -> Answer {
    let request: StepDeadlineRequest = input(&request, "")?;
    to_js(&Catalog::builtin().procedure_deadline(&request)?)
}

/// Parses and checks a registration slip's number (`Phiếu số: 12-01/PĐK-38-12345-2026`).
#[wasm_bindgen(js_name = parseRegistrationSlip, unchecked_return_type = "RegistrationSlip")]
pub fn parse_registration_slip(
    #[wasm_bindgen(
        unchecked_param_type = "SlipRequest",
        param_description = "`{ slip, edition? }`"
    )]
    request: JsValue,
) -> Answer {
    let request: SlipRequest = input(&request, "")?;
    to_js(&Catalog::builtin().parse_registration_slip(&request)?)
}

/// Writes a registration slip's number from its parts, checking each.
#[wasm_bindgen(js_name = formatRegistrationSlip, unchecked_return_type = "string")]
pub fn format_registration_slip(
    #[wasm_bindgen(
        unchecked_param_type = "SlipParts",
        param_description = "`{ edition, number, second, province, commune, year }`"
    )]
    parts: JsValue,
) -> Answer {
    let parts: SlipParts = input(&parts, "")?;
    to_js(&Catalog::builtin().format_registration_slip(&parts)?)
}
