//! Printable forms: A4 HTML with print CSS, filled from data, in Vietnamese (English on
//! request), ready for a browser's "Print" or a headless Chromium's `--print-to-pdf`.
//!
//! | request | prints | answered by |
//! |---|---|---|
//! | [`SheetForm`] | a member's Phiếu đánh giá: every criterion and option of the sheet, the tick, the points, part totals, the assessor's signature | [`Catalog::print_sheet`](crate::Catalog::print_sheet) |
//! | [`CouncilForm`] | the council's summary: members and their totals, mean, spread, stars, blockers, signatures | [`Catalog::print_council`](crate::Catalog::print_council) |
//! | [`DossierForm`] | Mẫu số 01, 02 (with its self-assessment and evidence tables) or 03 of Phụ lục III, from the edition's `dossier.toml` | [`Catalog::print_dossier_form`](crate::Catalog::print_dossier_form) |
//!
//! The labels come from the catalog (the sheet, the forms' fields) and the results from the
//! core's own scoring, council and checklist; every piece of text is escaped. The few fixed
//! phrases of the printed page (headings of the table, "Người đánh giá"…) are written here in
//! both languages. A printed form is a document, not data: keep the JSON it was made from.
//!
//! ```
//! use ocop_core::{Catalog, Input};
//! use ocop_core::forms::SheetForm;
//! let form = SheetForm::from_json(&format!(
//!     r#"{{"evaluation": {}, "assessor": "Nguyễn Văn A", "product": {{"name": "Nước mắm <Cá cơm>"}}}}"#,
//!     include_str!("../../../ocop-cli/src/example.json")
//! )).unwrap();
//! let html = Catalog::builtin().print_sheet(&form).unwrap();
//! assert!(html.contains("Nước mắm &lt;Cá cơm&gt;")); // escaped
//! assert!(html.contains("TỔNG CỘNG"));
//! ```

mod council;
mod dossier;
mod html;
mod sheet;

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;
use serde_json::Value;

use crate::council::CouncilInput;
use crate::error::{InputError, Problem};
use crate::evaluation::Evaluation;
use crate::limits;
use crate::read::{self, Fields, FromJson, Input};
use crate::text::Lang;

/// The product as the sheet's header prints it; every field optional (a blank to write in).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProductDetails {
    /// Tên sản phẩm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub name: Option<String>,
    /// Mã số sản phẩm, e.g. `38-12345-007-2026` (checked against the edition's format).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub code: Option<String>,
    /// Tên chủ thể sản xuất.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub producer: Option<String>,
    /// Số điện thoại.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub phone: Option<String>,
    /// Địa chỉ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub address: Option<String>,
}

/// A member's Phiếu đánh giá: the evaluation as ticked, printed as the sheet prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SheetForm {
    /// The sheet as ticked.
    pub evaluation: Evaluation,
    /// The product, for the sheet's header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub product: Option<ProductDetails>,
    /// Người đánh giá: the member who signs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub assessor: Option<String>,
    /// Ý kiến của người đánh giá.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub comments: Option<String>,
    /// Where it is signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub place: Option<String>,
    /// The day it is signed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub signed_on: Option<Date>,
    /// `vi` (default) or `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub language: Option<Lang>,
}

/// The council's summary: its members' sheets aggregated, with room for every signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CouncilForm {
    /// The council (the product, its decisions and each member's sheet).
    pub council: CouncilInput,
    /// The product, for the header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub product: Option<ProductDetails>,
    /// The council's name, e.g. `Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub council_name: Option<String>,
    /// Where it is signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub place: Option<String>,
    /// The day it is signed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub signed_on: Option<Date>,
    /// `vi` (default) or `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub language: Option<Lang>,
}

/// A value written into a form's field: text, a number, or a tick (`true`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FieldValue {
    /// A tick box: ticked or not.
    Flag(bool),
    /// A number (a year, a count of samples, a product set).
    Number(u32),
    /// Text (a name, a date `YYYY-MM-DD`, a choice's id, a slip number…).
    Text(String),
}

/// Field id → value, in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(hashmap_as_object))]
pub struct FormValues(pub BTreeMap<String, FieldValue>);

/// One of the forms of Phụ lục III (Mẫu số 01, 02, 03), filled from data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DossierForm {
    /// The form's id in the edition's dossier: `mau-01`, `mau-02`, `mau-03`.
    pub form: String,
    /// The edition (default: the evaluation's, else the newest that prints the form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub edition: Option<String>,
    /// The values of its fields, by field id (see the edition's `dossier.forms`).
    #[serde(default)]
    pub values: FormValues,
    /// The producer's self-assessed sheet, for Mẫu số 02 Phần III (the points by criterion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub evaluation: Option<Evaluation>,
    /// What each criterion's result rests on (Mẫu số 02 Phần III "Mô tả, chứng minh"), by code.
    #[serde(default)]
    pub descriptions: FormValues,
    /// The kinds of evidence attached in the report's annex, by id (Mẫu số 02 Phần III).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub evidence: Vec<String>,
    /// Where it is signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub place: Option<String>,
    /// The day it is signed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub signed_on: Option<Date>,
    /// `vi` (default) or `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub language: Option<Lang>,
}

impl Input for ProductDetails {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<ProductDetails> {
        let f = Fields::new(
            value,
            path,
            "the product's details",
            &[&["name", "code", "producer", "phone", "address"]],
            errors,
        );
        Some(ProductDetails {
            name: f.optional("name", errors),
            code: f.optional("code", errors),
            producer: f.optional("producer", errors),
            phone: f.optional("phone", errors),
            address: f.optional("address", errors),
        })
    }
}

/// The fields every form shares: where and when it is signed, and its language.
const SIGNING: &[&str] = &["place", "signedOn", "language"];

impl Input for SheetForm {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<SheetForm> {
        let f = Fields::new(
            value,
            path,
            "a sheet to print",
            &[&["evaluation", "product", "assessor", "comments"], SIGNING],
            errors,
        );
        let evaluation = f.required("evaluation", errors);
        let comments = f
            .raw("comments")
            .and_then(|v| read::text(v, &f.path("comments"), limits::MAX_NOTE_CHARS, errors));
        Some(SheetForm {
            evaluation: evaluation?,
            product: f.optional("product", errors),
            assessor: f.optional("assessor", errors),
            comments,
            place: f.optional("place", errors),
            signed_on: f.optional("signedOn", errors),
            language: f.optional("language", errors),
        })
    }
}

impl Input for CouncilForm {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<CouncilForm> {
        let f = Fields::new(
            value,
            path,
            "a council summary to print",
            &[&["council", "product", "councilName"], SIGNING],
            errors,
        );
        let council = f.required("council", errors);
        Some(CouncilForm {
            council: council?,
            product: f.optional("product", errors),
            council_name: f.optional("councilName", errors),
            place: f.optional("place", errors),
            signed_on: f.optional("signedOn", errors),
            language: f.optional("language", errors),
        })
    }
}

impl Input for DossierForm {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<DossierForm> {
        let f = Fields::new(
            value,
            path,
            "a dossier form to print",
            &[
                &[
                    "form",
                    "edition",
                    "values",
                    "evaluation",
                    "descriptions",
                    "evidence",
                ],
                SIGNING,
            ],
            errors,
        );
        let form = f.required("form", errors);
        let values = f.optional("values", errors);
        let descriptions = f.optional("descriptions", errors);
        let evidence = match f.raw("evidence") {
            None => Some(Vec::new()),
            Some(v) => read::list(
                v,
                &f.path("evidence"),
                "evidence ids",
                limits::MAX_FORM_VALUES,
                errors,
            ),
        };
        Some(DossierForm {
            form: form?,
            edition: f.optional("edition", errors),
            values: values.unwrap_or_default(),
            evaluation: f.optional("evaluation", errors),
            descriptions: descriptions.unwrap_or_default(),
            evidence: evidence?,
            place: f.optional("place", errors),
            signed_on: f.optional("signedOn", errors),
            language: f.optional("language", errors),
        })
    }
}

/// `{ "id": value, … }`: at most [`limits::MAX_FORM_VALUES`] values.
impl FromJson for FormValues {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<FormValues> {
        let Some(map) = v.as_object() else {
            errors.push(InputError::at(path, Problem::wrong_type("an object", v)));
            return None;
        };
        if map.len() > limits::MAX_FORM_VALUES {
            errors.push(InputError::at(
                path,
                Problem::TooManyItems {
                    what: "values in a form",
                    max: limits::MAX_FORM_VALUES,
                    found: map.len(),
                },
            ));
            return None;
        }
        let before = errors.len();
        let values: BTreeMap<String, FieldValue> = map
            .iter()
            .filter_map(|(key, v)| {
                let at = format!("{path}/{}", read::pointer_segment(key));
                FieldValue::read_at(v, &at, errors).map(|value| (key.clone(), value))
            })
            .collect();
        (errors.len() == before).then_some(FormValues(values))
    }
}

/// A tick (`true`/`false`), a whole number, or text of at most
/// [`limits::MAX_FORM_TEXT_CHARS`] characters.
impl FromJson for FieldValue {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<FieldValue> {
        match v {
            Value::Bool(b) => Some(FieldValue::Flag(*b)),
            Value::Number(_) => u32::read_at(v, path, errors).map(FieldValue::Number),
            Value::String(_) => {
                read::text(v, path, limits::MAX_FORM_TEXT_CHARS, errors).map(FieldValue::Text)
            }
            _ => {
                errors.push(InputError::at(
                    path,
                    Problem::wrong_type("text, a whole number, or true or false", v),
                ));
                None
            }
        }
    }
}

read::deserialize_through_reader!(ProductDetails, SheetForm, CouncilForm, DossierForm);

impl FieldValue {
    /// The value as text, for printing.
    fn text(&self) -> Option<String> {
        match self {
            FieldValue::Text(t) => Some(t.clone()),
            FieldValue::Number(n) => Some(n.to_string()),
            FieldValue::Flag(_) => None,
        }
    }
}
