//! The printed forms, for the optional entry `ocop/forms`: each function reads one request and
//! returns the form as A4 HTML (a string), to show in an iframe or print. Built into a
//! WebAssembly module of its own (feature `forms`), so that a page that only scores never loads
//! it.

use ocop_core::Catalog;
use ocop_core::forms::{CouncilForm, DossierForm, SheetForm};
use wasm_bindgen::prelude::*;

use crate::convert::{Answer, input, to_js};

/// A member's Phiếu đánh giá: the sheet as printed, with the ticks, points, part totals and
/// total, the assessor's opinion and signature.
#[wasm_bindgen(js_name = printSheet, unchecked_return_type = "string")]
pub fn print_sheet(
    #[wasm_bindgen(
        unchecked_param_type = "SheetForm",
        param_description = "`{ evaluation, product?, assessor?, comments?, place?, signedOn?, language? }`"
    )]
    form: JsValue,
) -> Answer {
    let form: SheetForm = input(&form, "")?;
    to_js(&Catalog::builtin().print_sheet(&form)?)
}

/// The council's summary: members and their totals, the mean, the spread, the stars, the
/// markers that cap them, and room for every signature.
#[wasm_bindgen(js_name = printCouncil, unchecked_return_type = "string")]
pub fn print_council(
    #[wasm_bindgen(
        unchecked_param_type = "CouncilForm",
        param_description = "`{ council, product?, councilName?, place?, signedOn?, language? }`"
    )]
    form: JsValue,
) -> Answer {
    let form: CouncilForm = input(&form, "")?;
    to_js(&Catalog::builtin().print_council(&form)?)
}

/// Mẫu số 01, 02 or 03 of Phụ lục III, filled with the values given.
#[wasm_bindgen(js_name = printDossierForm, unchecked_return_type = "string")]
pub fn print_dossier_form(
    #[wasm_bindgen(
        unchecked_param_type = "DossierForm",
        param_description = "`{ form: \"mau-01\" | \"mau-02\" | \"mau-03\", values?, evaluation?, descriptions?, evidence?, edition?, place?, signedOn?, language? }`"
    )]
    form: JsValue,
) -> Answer {
    let form: DossierForm = input(&form, "")?;
    to_js(&Catalog::builtin().print_dossier_form(&form)?)
}
