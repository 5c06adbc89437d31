//! Product codes: `(T)-(X)-(STT)-YYYY` under 26/2026 (province, commune, sequence, year) and
//! `(T)-(H)-(STT)-YYYY` under 148 (province, district, sequence, year). Administrative codes
//! are checked for shape only, unless the caller supplies the codes that exist.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::model::{CodeSegment, SegmentKind};
use crate::catalog::{Catalog, Edition};
use crate::error::{InputError, InputErrors, Problem};
use crate::limits;
use crate::read::{self, Fields, Input};
use crate::text::Str;
use crate::wire::Choice;

/// A parsed product code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct CodeValue {
    /// What it holds.
    pub kind: SegmentKind,
    /// The digits, as written.
    pub value: String,
}

/// Administrative codes that exist, supplied by an integrator (the library ships no gazetteer).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdminCodes {
    /// Province codes.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub provinces: Vec<String>,
    /// District codes (148).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub districts: Vec<String>,
    /// Commune codes (26/2026).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub communes: Vec<String>,
}

impl Input for AdminCodes {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<AdminCodes> {
        let f = Fields::new(
            value,
            path,
            "lists of administrative codes",
            &[&["provinces", "districts", "communes"]],
            errors,
        );
        let mut list = |key: &str| {
            f.raw(key)
                .and_then(|v| {
                    read::list(
                        v,
                        &f.path(key),
                        "administrative codes",
                        limits::MAX_ADMIN_CODES,
                        errors,
                    )
                })
                .unwrap_or_default()
        };
        Some(AdminCodes {
            provinces: list("provinces"),
            districts: list("districts"),
            communes: list("communes"),
        })
    }
}

read::deserialize_through_reader!(AdminCodes);

impl Catalog {
    /// Parses and checks a product code. With no edition, the format that fits is used (the
    /// second segment has 5 digits under 26/2026 and 3 under 148). A sequence number is read
    /// with or without leading zeros.
    ///
    /// ```
    /// use ocop_core::requests::ProductCodeRequest;
    /// let catalog = ocop_core::Catalog::builtin();
    /// let ask = |code: &str, edition: Option<&str>| ProductCodeRequest {
    ///     code: code.into(), edition: edition.map(Into::into), known: None,
    /// };
    /// let code = catalog.parse_product_code(&ask("38-12345-007-2026", None)).unwrap();
    /// assert_eq!(code.edition, "26/2026");
    /// assert_eq!(code.segments[1].value, "12345");
    ///
    /// let err = catalog.parse_product_code(&ask("38-1234-007-2026", Some("26/2026"))).unwrap_err();
    /// assert_eq!(err.0[0].path, "/code/commune"); // the commune segment of the code
    /// ```
    pub fn parse_product_code(
        &self,
        request: &ProductCodeRequest,
    ) -> Result<ProductCode, InputErrors> {
        let code = request.code.as_str();
        if code.len() > limits::MAX_PRODUCT_CODE_BYTES {
            return Err(InputErrors::at(
                "/code",
                Problem::StringTooLong(limits::MAX_PRODUCT_CODE_BYTES),
            ));
        }
        let candidates: Vec<&Edition> = match &request.edition {
            Some(id) => vec![self.find_edition(id)?],
            None => self.editions().collect(),
        };
        let mut first_error = None;
        for e in candidates {
            match parse_with(e, code.trim()) {
                Ok(parsed) => return check_known(parsed, request.known.as_ref()),
                Err(err) => {
                    first_error.get_or_insert(err);
                }
            }
        }
        Err(first_error.unwrap_or_else(|| InputErrors::at("/code", Problem::NoProductCodeFormat)))
    }

    /// Writes a product code from its parts, checking each against the edition's format. The
    /// sequence number is written with at least 3 digits (`7` → `007`): a convention of this
    /// library, since the sheets print no width for it.
    ///
    /// ```
    /// use ocop_core::requests::ProductCodeParts;
    /// let parts = ProductCodeParts {
    ///     edition: "26/2026".into(), province: "38".into(), area: "12345".into(), sequence: 7, year: 2026,
    /// };
    /// assert_eq!(ocop_core::Catalog::builtin().format_product_code(&parts).unwrap(), "38-12345-007-2026");
    /// ```
    pub fn format_product_code(&self, parts: &ProductCodeParts) -> Result<String, InputErrors> {
        let ProductCodeParts {
            edition,
            province,
            area,
            sequence,
            year,
        } = parts;
        let request = ProductCodeRequest {
            code: format!("{province}-{area}-{sequence:03}-{year}"),
            edition: Some(edition.clone()),
            known: None,
        };
        self.parse_product_code(&request).map(|c| c.formatted)
    }
}

fn parse_with(edition: &Edition, code: &str) -> Result<ProductCode, InputErrors> {
    let format = &edition.data().product_code;
    let parts: Vec<&str> = code.split('-').map(str::trim).collect();
    if parts.len() != format.segments.len() {
        return Err(InputErrors::at(
            "/code",
            Problem::ProductCodeParts {
                code: code.to_owned(),
                found: parts.len(),
                edition: edition.id().to_owned(),
                expected: format.segments.len(),
                printed: format.printed.to_string(),
            },
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
            Err(why) => errors.push(InputError::at(
                format!("/code/{}", segment.kind.wire()),
                Problem::ProductCodeSegment {
                    segment: segment.kind.wire(),
                    value: (*part).to_owned(),
                    why,
                },
            )),
        }
    }
    InputErrors::or_ok(errors, ())?;
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

/// What is wrong with one segment, if anything.
fn check_segment(part: &str, segment: &CodeSegment) -> Result<(), String> {
    let digits = part.len();
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err("must be digits".into());
    }
    if digits < usize::from(segment.min_digits) || digits > usize::from(segment.max_digits) {
        let want = if segment.min_digits == segment.max_digits {
            format!("{} digits", segment.min_digits)
        } else {
            format!("{} to {} digits", segment.min_digits, segment.max_digits)
        };
        return Err(format!("has {digits} digits; it needs {want}"));
    }
    if segment.kind == SegmentKind::Year
        && !(2018..=2100).contains(&part.parse::<u32>().unwrap_or(0))
    {
        return Err("is not a year of the OCOP programme (2018 onwards)".into());
    }
    Ok(())
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
            errors.push(InputError::at(
                format!("/code/{}", s.kind.wire()),
                Problem::UnknownAdminCode {
                    value: s.value.clone(),
                    segment: s.kind.wire(),
                },
            ));
        }
    }
    InputErrors::or_ok(errors, code)
}

/// A product code to parse and check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ProductCodeRequest {
    /// The code, e.g. `38-12345-007-2026`.
    pub code: String,
    /// The edition whose format to use (default: the one that fits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub edition: Option<String>,
    /// The administrative codes that exist, if you have them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub known: Option<AdminCodes>,
}

impl Input for ProductCodeRequest {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<ProductCodeRequest> {
        let f = Fields::new(
            value,
            path,
            "a product code request",
            &[&["code", "edition", "known"]],
            errors,
        );
        let code = f.raw("code").and_then(|v| {
            read::bounded_text(v, &f.path("code"), limits::MAX_PRODUCT_CODE_BYTES, errors)
        });
        if f.is_object() && f.raw("code").is_none() {
            errors.push(InputError::at(
                f.path("code"),
                Problem::MissingField("code".into()),
            ));
        }
        let edition = f.optional("edition", errors);
        let known = f.optional("known", errors);
        Some(ProductCodeRequest {
            code: code?,
            edition,
            known,
        })
    }
}

/// The parts of a product code, to write it out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
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

impl Input for ProductCodeParts {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<ProductCodeParts> {
        let f = Fields::new(
            value,
            path,
            "product code parts",
            &[&["edition", "province", "area", "sequence", "year"]],
            errors,
        );
        let edition = f.required("edition", errors);
        let province = f.required("province", errors);
        let area = f.required("area", errors);
        let sequence = f.required("sequence", errors);
        let year = f.required("year", errors);
        Some(ProductCodeParts {
            edition: edition?,
            province: province?,
            area: area?,
            sequence: sequence?,
            year: year?,
        })
    }
}

read::deserialize_through_reader!(ProductCodeRequest, ProductCodeParts);
