//! Product codes: `(T)-(X)-(STT)-YYYY` under 26/2026 (province, commune, sequence, year) and
//! `(T)-(H)-(STT)-YYYY` under 148 (province, district, sequence, year). Administrative codes
//! are checked for shape only, unless the caller supplies the codes that exist.

use serde::{Deserialize, Serialize};

use crate::catalog::model::{CodeSegment, SegmentKind};
use crate::catalog::text::Str;
use crate::catalog::{Catalog, Edition};
use crate::error::{ErrorCode, InputError, InputErrors};
use crate::limits;

/// A parsed product code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ProductCode {
    /// The edition whose format it follows.
    pub edition: Str,
    /// The segments in order.
    pub segments: Vec<CodeValue>,
    /// The code written out.
    pub formatted: String,
}

/// One segment of a product code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CodeValue {
    /// What it holds.
    pub kind: SegmentKind,
    /// The digits, as written.
    pub value: String,
}

/// Administrative codes that exist, supplied by an integrator (the library ships no gazetteer).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdminCodes {
    /// Province codes.
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub provinces: Vec<String>,
    /// District codes (148).
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub districts: Vec<String>,
    /// Commune codes (26/2026).
    #[serde(default)]
    #[cfg_attr(all(ocop_lib, feature = "uniffi"), uniffi(default = []))]
    pub communes: Vec<String>,
}

impl Catalog {
    /// Parses and checks a product code. With no edition, the format that fits is used (the
    /// second segment has 5 digits under 26/2026 and 3 under 148).
    ///
    /// ```
    /// let code = ocop_core::Catalog::builtin().parse_product_code("38-12345-007-2026", None, None).unwrap();
    /// assert_eq!(code.edition, "26/2026");
    /// assert_eq!(code.segments[1].value, "12345");
    ///
    /// let err = ocop_core::Catalog::builtin().parse_product_code("38-1234-007-2026", Some("26/2026"), None).unwrap_err();
    /// assert_eq!(err.0[0].path, "/commune");
    /// ```
    pub fn parse_product_code(
        &self,
        code: &str,
        edition: Option<&str>,
        known: Option<&AdminCodes>,
    ) -> Result<ProductCode, InputErrors> {
        if code.len() > limits::MAX_PRODUCT_CODE_BYTES {
            return Err(InputErrors::one(
                ErrorCode::StringTooLong,
                "",
                format!(
                    "a product code has at most {} characters",
                    limits::MAX_PRODUCT_CODE_BYTES
                ),
            ));
        }
        let candidates: Vec<&Edition> = match edition {
            Some(id) => vec![self.find_edition(id)?],
            None => self.editions().iter().collect(),
        };
        let mut first_error = None;
        for e in candidates {
            match parse_with(e, code.trim()) {
                Ok(parsed) => return check_known(parsed, known),
                Err(err) => {
                    first_error.get_or_insert(err);
                }
            }
        }
        Err(first_error.unwrap_or_else(|| {
            InputErrors::one(
                ErrorCode::InvalidProductCode,
                "",
                "no edition defines a product code",
            )
        }))
    }

    /// Writes a product code from its parts, checking each against the edition's format. The
    /// sequence number is written with at least 3 digits (`7` → `007`).
    ///
    /// ```
    /// let code = ocop_core::Catalog::builtin().format_product_code("26/2026", "38", "12345", 7, 2026).unwrap();
    /// assert_eq!(code, "38-12345-007-2026");
    /// ```
    pub fn format_product_code(
        &self,
        edition: &str,
        province: &str,
        area: &str,
        sequence: u32,
        year: u16,
    ) -> Result<String, InputErrors> {
        let text = format!("{province}-{area}-{sequence:03}-{year}");
        self.parse_product_code(&text, Some(edition), None)
            .map(|c| c.formatted)
    }
}

fn parse_with(edition: &Edition, code: &str) -> Result<ProductCode, InputErrors> {
    let format = &edition.data().product_code;
    let parts: Vec<&str> = code.split('-').map(str::trim).collect();
    if parts.len() != format.segments.len() {
        return Err(InputErrors::one(
            ErrorCode::InvalidProductCode,
            "",
            format!(
                "`{code}` has {} part(s); a {} code has {} separated by `-`: {}",
                parts.len(),
                edition.id(),
                format.segments.len(),
                format.printed
            ),
        ));
    }
    let mut errors = Vec::new();
    let mut segments = Vec::new();
    for (part, segment) in parts.iter().zip(&format.segments) {
        match check_segment(part, segment) {
            Ok(()) => segments.push(CodeValue {
                kind: segment.kind,
                value: (*part).to_owned(),
            }),
            Err(message) => errors.push(InputError::new(
                ErrorCode::InvalidProductCode,
                format!("/{}", kind_name(segment.kind)),
                message,
            )),
        }
    }
    if !errors.is_empty() {
        return Err(InputErrors(errors));
    }
    let formatted = segments
        .iter()
        .map(|s| s.value.as_str())
        .collect::<Vec<_>>()
        .join("-");
    Ok(ProductCode {
        edition: edition.data().identity.id.clone(),
        segments,
        formatted,
    })
}

fn check_segment(part: &str, segment: &CodeSegment) -> Result<(), String> {
    let name = &segment.name.en;
    let digits = part.len();
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "the {} must be digits, not `{part}`",
            name.to_lowercase()
        ));
    }
    if digits < usize::from(segment.min_digits) || digits > usize::from(segment.max_digits) {
        let want = if segment.min_digits == segment.max_digits {
            format!("{} digits", segment.min_digits)
        } else {
            format!("{} to {} digits", segment.min_digits, segment.max_digits)
        };
        return Err(format!(
            "the {} has {want}; `{part}` has {digits}",
            name.to_lowercase()
        ));
    }
    if segment.kind == SegmentKind::Year
        && !(2018..=2100).contains(&part.parse::<u32>().unwrap_or(0))
    {
        return Err(format!(
            "`{part}` is not a year of the OCOP programme (2018 onwards)"
        ));
    }
    Ok(())
}

fn kind_name(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::Province => "province",
        SegmentKind::District => "district",
        SegmentKind::Commune => "commune",
        SegmentKind::Sequence => "sequence",
        SegmentKind::Year => "year",
    }
}

fn check_known(code: ProductCode, known: Option<&AdminCodes>) -> Result<ProductCode, InputErrors> {
    let Some(known) = known else { return Ok(code) };
    let mut errors = Vec::new();
    for s in &code.segments {
        let list = match s.kind {
            SegmentKind::Province => &known.provinces,
            SegmentKind::District => &known.districts,
            SegmentKind::Commune => &known.communes,
            SegmentKind::Sequence | SegmentKind::Year => continue,
        };
        if !list.is_empty() && !list.contains(&s.value) {
            errors.push(InputError::new(
                ErrorCode::UnknownAdminCode,
                format!("/{}", kind_name(s.kind)),
                format!(
                    "{} is not in the {} codes supplied",
                    s.value,
                    kind_name(s.kind)
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(code)
    } else {
        Err(InputErrors(errors))
    }
}
