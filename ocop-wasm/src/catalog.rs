//! The catalog: editions, product sets, groups, subject types, sheets, search, and the error
//! code table.

use ocop_core::{Catalog, Edition, InputErrors, SheetRef, limits};
#[cfg(feature = "full")]
use ocop_core::{ErrorCode, Lang, Problem, Text, WarningCode};
#[cfg(feature = "full")]
use serde::Serialize;
#[cfg(feature = "full")]
use tsify::Tsify;
use wasm_bindgen::prelude::*;

#[cfg(feature = "full")]
use crate::convert::{Answer, date, refuse, to_js};
use crate::convert::{Refused, bytes, text, whole};

/// The edition named by an `edition` argument (`26/2026`, `148/2023` or a printed number).
pub(crate) fn edition_arg(value: &JsValue) -> Result<&'static Edition, Refused> {
    let id = text(value, "/edition", limits::MAX_TEXT_CHARS)?;
    Ok(Catalog::builtin()
        .find_edition(&id)
        .map_err(InputErrors::from)?)
}

/// The sheet named by `edition` and `productSet` arguments.
pub(crate) fn sheet_arg(
    edition: &JsValue,
    product_set: &JsValue,
) -> Result<SheetRef<'static>, Refused> {
    let edition = edition_arg(edition)?;
    let n = whole(product_set, "/productSet", u32::from(u8::MAX))?;
    // `whole` has checked the range.
    let n = u8::try_from(n).unwrap_or(u8::MAX);
    Ok(edition.find_sheet(n).map_err(InputErrors::from)?)
}

/// Supplies an edition's data: a file of the package's `editions/` folder (`26-2026.bin`,
/// `148-2023.bin`), as bytes. The entries call it for the editions they carry; `ocop/score`'s
/// `loadEdition` for the others. The edition is decoded at its first use. Returns its id;
/// throws `INVALID_CATALOG` for bytes that are not the data this package was built with.
#[wasm_bindgen(js_name = loadEditionData)]
pub fn load_edition_data(
    #[wasm_bindgen(
        unchecked_param_type = "Uint8Array",
        param_description = "the bytes of `editions/<edition>.bin`"
    )]
    file: JsValue,
) -> Result<String, Refused> {
    let file = bytes(&file, "/file", limits::MAX_EDITION_FILE_BYTES)?;
    Ok(Catalog::builtin().load_packed(file)?.to_owned())
}

/// Every edition whose data is loaded, newest first, in a few lines each.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "EditionSummary[]")]
pub fn editions() -> Answer {
    let summaries: Vec<_> = Catalog::builtin()
        .editions()
        .map(Edition::summary)
        .collect();
    to_js(&summaries)
}

/// The edition in force on a day: the newest one that had taken effect by then. Throws
/// `NO_EDITION_IN_FORCE` before the oldest edition the library carries.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = editionInForce, unchecked_return_type = "EditionSummary")]
pub fn edition_in_force(
    #[wasm_bindgen(
        unchecked_param_type = "string",
        param_description = "a day, `YYYY-MM-DD`"
    )]
    on: JsValue,
) -> Answer {
    let on = date(&on, "/on")?;
    let edition = Catalog::builtin()
        .edition_in_force(on)
        .ok_or_else(|| refuse("/on", Problem::NoEditionInForce(on)))?;
    to_js(&edition.summary())
}

/// All of an edition's data: identity, rating rules, certificates, procedures, rounds,
/// product-code format, subject types, groups, product sets and every sheet.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = editionData, unchecked_return_type = "EditionData")]
pub fn edition_data(
    #[wasm_bindgen(
        unchecked_param_type = "string",
        param_description = "edition id: `26/2026`, `148/2023` (or the printed number)"
    )]
    edition: JsValue,
) -> Answer {
    to_js(edition_arg(&edition)?.data())
}

/// The edition's product sets (bộ sản phẩm), each scored on its own sheet.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = productSets, unchecked_return_type = "ProductSetInfo[]")]
pub fn product_sets(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "edition id")]
    edition: JsValue,
) -> Answer {
    to_js(&edition_arg(&edition)?.data().product_sets)
}

/// The edition's product groups (nhóm sản phẩm, I–VI) with their subgroups.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = productGroups, unchecked_return_type = "ProductGroup[]")]
pub fn product_groups(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "edition id")]
    edition: JsValue,
) -> Answer {
    to_js(&edition_arg(&edition)?.data().groups)
}

/// Who may apply under the edition (chủ thể OCOP), with the product sets each may apply for.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = subjectTypes, unchecked_return_type = "SubjectTypeInfo[]")]
pub fn subject_types(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "edition id")]
    edition: JsValue,
) -> Answer {
    to_js(&edition_arg(&edition)?.data().subject_types)
}

/// A product set's scoring sheet: parts, sections, criteria and their options (labels in
/// Vietnamese and English), star markers, knock-outs and the sheet's caveats.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "Sheet")]
pub fn sheet(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "edition id")]
    edition: JsValue,
    #[wasm_bindgen(
        js_name = productSet,
        unchecked_param_type = "number",
        param_description = "the product set's number, 1–26"
    )]
    product_set: JsValue,
) -> Answer {
    to_js(sheet_arg(&edition, &product_set)?.data())
}

/// Product sets whose names contain the query, best first. Diacritics, case and punctuation
/// are ignored: "nuoc mam" finds "nước mắm".
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = searchProductSets, unchecked_return_type = "SearchHit[]")]
pub fn search_product_sets(
    #[wasm_bindgen(unchecked_param_type = "string", param_description = "edition id")]
    edition: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "string",
        param_description = "words typed with or without diacritics"
    )]
    query: JsValue,
) -> Answer {
    let edition = edition_arg(&edition)?;
    let query = text(&query, "/query", limits::MAX_TEXT_CHARS)?;
    to_js(&edition.find_product_sets(&query))
}

/// An error code with its title.
#[cfg(feature = "full")]
#[derive(Serialize, Tsify)]
pub struct ErrorCodeInfo {
    /// The stable code.
    pub code: ErrorCode,
    /// What it means.
    pub title: Text,
}

/// A warning code with its title.
#[cfg(feature = "full")]
#[derive(Serialize, Tsify)]
pub struct WarningCodeInfo {
    /// The stable code.
    pub code: WarningCode,
    /// What it means.
    pub title: Text,
}

/// The one table of codes shared by every surface (`docs/errors.md`).
#[cfg(feature = "full")]
#[derive(Serialize, Tsify)]
pub struct CodeTable {
    /// Why an input is refused: the `code` of a thrown `OcopError`.
    pub errors: Vec<ErrorCodeInfo>,
    /// What a result's `warnings` may say.
    pub warnings: Vec<WarningCodeInfo>,
}

/// Every error and warning code, in table order, with its title in Vietnamese and English.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "CodeTable")]
pub fn error_codes() -> Answer {
    to_js(&CodeTable {
        errors: ErrorCode::ALL
            .iter()
            .map(|&code| ErrorCodeInfo {
                code,
                title: Text::new(code.title(Lang::Vi), code.title(Lang::En)),
            })
            .collect(),
        warnings: WarningCode::ALL
            .iter()
            .map(|&code| WarningCodeInfo {
                code,
                title: Text::new(code.title(Lang::Vi), code.title(Lang::En)),
            })
            .collect(),
    })
}
