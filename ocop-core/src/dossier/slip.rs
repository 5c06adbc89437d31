//! The registration slip's number (Mẫu số 01: "Phiếu số: ……-…… /PĐK- (Mã tỉnh) - (Mã xã) -
//! (Năm)"), parsed and written out.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::DossierProblem;
use crate::catalog::model::SegmentKind;
use crate::catalog::{Catalog, Edition};
use crate::error::{InputError, InputErrors, Problem};
use crate::read::{self, Fields, Input};
use crate::text::Str;

/// A registration slip's number: `Phiếu số: 12-01/PĐK-38-12345-2026`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RegistrationSlip {
    /// The edition whose form prints it.
    pub edition: Str,
    /// The first blank before `/PĐK` (read as a running number).
    pub number: String,
    /// The second blank before `/PĐK`.
    pub second: String,
    /// Mã tỉnh.
    pub province: String,
    /// Mã xã.
    pub commune: String,
    /// Năm.
    pub year: u16,
    /// The number written out: `12-01/PĐK-38-12345-2026`.
    pub formatted: String,
}

/// A slip number to parse: `{ "slip": "Phiếu số: 12-01/PĐK-38-12345-2026", "edition"? }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SlipRequest {
    /// The number as written on the slip.
    pub slip: String,
    /// The edition whose form to read it by (default: the newest that prints a slip).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub edition: Option<String>,
}

/// The parts of a slip number to write out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SlipParts {
    /// The edition whose form prints it.
    pub edition: String,
    /// The first blank.
    pub number: String,
    /// The second blank.
    pub second: String,
    /// Mã tỉnh.
    pub province: String,
    /// Mã xã.
    pub commune: String,
    /// Năm.
    pub year: u16,
}

impl Input for SlipRequest {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<SlipRequest> {
        let f = Fields::new(
            value,
            path,
            "a slip request",
            &[&["slip", "edition"]],
            errors,
        );
        let slip = f.required("slip", errors);
        let edition = f.optional("edition", errors);
        Some(SlipRequest {
            slip: slip?,
            edition,
        })
    }
}

impl Input for SlipParts {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<SlipParts> {
        let f = Fields::new(
            value,
            path,
            "the parts of a slip number",
            &[&["edition", "number", "second", "province", "commune", "year"]],
            errors,
        );
        let edition = f.required("edition", errors);
        let number = f.required("number", errors);
        let second = f.required("second", errors);
        let province = f.required("province", errors);
        let commune = f.required("commune", errors);
        let year = f.required("year", errors);
        Some(SlipParts {
            edition: edition?,
            number: number?,
            second: second?,
            province: province?,
            commune: commune?,
            year: year?,
        })
    }
}

read::deserialize_through_reader!(SlipRequest, SlipParts);

/// Longest blank before `/PĐK`, in characters.
const MAX_SLIP_PART: usize = 10;
/// Longest slip number, in bytes.
const MAX_SLIP_BYTES: usize = 80;
/// The first year a slip can carry: the OCOP programme started in 2018.
const FIRST_SLIP_YEAR: u16 = 2018;

impl Catalog {
    /// Parses and checks a registration slip's number. Spaces are ignored, a leading "Phiếu
    /// số:" is allowed, and `PDK` is read as `PĐK`. With no edition, the newest edition that
    /// prints a slip is used. A part that is wrong is reported at `/slip/<part>`.
    ///
    /// ```
    /// use ocop_core::{Catalog, Input};
    /// use ocop_core::dossier::SlipRequest;
    /// let request = SlipRequest::from_json(r#"{"slip": "Phiếu số: 12-01 /PĐK- 38 - 12345 - 2026"}"#).unwrap();
    /// let slip = Catalog::builtin().parse_registration_slip(&request).unwrap();
    /// assert_eq!((slip.number.as_str(), slip.commune.as_str(), slip.year), ("12", "12345", 2026));
    /// assert_eq!(slip.formatted, "12-01/PĐK-38-12345-2026");
    ///
    /// let request = SlipRequest::from_json(r#"{"slip": "12-01/PĐK-38-1234-26"}"#).unwrap();
    /// let err = Catalog::builtin().parse_registration_slip(&request).unwrap_err();
    /// let paths: Vec<&str> = err.0.iter().map(|e| e.path.as_str()).collect();
    /// assert_eq!(paths, ["/slip/commune", "/slip/year"]);
    /// ```
    pub fn parse_registration_slip(
        &self,
        request: &SlipRequest,
    ) -> Result<RegistrationSlip, InputErrors> {
        let text = request.slip.as_str();
        if text.len() > MAX_SLIP_BYTES {
            return Err(InputErrors::at(
                "/slip",
                Problem::StringTooLong(MAX_SLIP_BYTES),
            ));
        }
        let edition = self.slip_edition(request.edition.as_deref())?;
        let parts = split_slip(text).ok_or_else(|| {
            let problem = DossierProblem::InvalidSlip(format!(
                "`{}` does not have the shape …-…/PĐK-(mã tỉnh)-(mã xã)-(năm), e.g. 12-01/PĐK-38-12345-2026",
                text.trim()
            ));
            InputErrors::at("/slip", problem.into())
        })?;
        check_parts(edition, parts, "/slip")
    }

    /// Writes a registration slip's number from its parts, checking each (a wrong part is
    /// reported at its field).
    ///
    /// ```
    /// use ocop_core::{Catalog, Input};
    /// use ocop_core::dossier::SlipParts;
    /// let parts = SlipParts::from_json(r#"{"edition": "26/2026", "number": "7", "second": "2026",
    ///     "province": "38", "commune": "12345", "year": 2026}"#).unwrap();
    /// assert_eq!(Catalog::builtin().format_registration_slip(&parts).unwrap(), "7-2026/PĐK-38-12345-2026");
    /// ```
    pub fn format_registration_slip(&self, parts: &SlipParts) -> Result<String, InputErrors> {
        let edition = self.slip_edition(Some(&parts.edition))?;
        let split = Split {
            number: parts.number.clone(),
            second: parts.second.clone(),
            province: parts.province.clone(),
            commune: parts.commune.clone(),
            year: parts.year.to_string(),
        };
        check_parts(edition, split, "").map(|s| s.formatted)
    }

    fn slip_edition(&self, edition: Option<&str>) -> Result<&Edition, InputErrors> {
        let has_slip = |e: &Edition| {
            e.data()
                .dossier
                .as_ref()
                .is_some_and(|d| d.registration_slip.is_some())
        };
        let not_in = |edition: &str| {
            let problem = DossierProblem::NotInEdition {
                edition: edition.to_owned(),
                what: "a registration slip number".into(),
            };
            InputErrors::at("/edition", problem.into())
        };
        match edition {
            Some(id) => {
                let e = self.find_edition(id)?;
                if has_slip(e) {
                    Ok(e)
                } else {
                    Err(not_in(e.id()))
                }
            }
            None => self
                .editions()
                .find(|e| has_slip(e))
                .ok_or_else(|| not_in("any edition carried")),
        }
    }
}

/// The five parts of a slip number, as written.
struct Split {
    number: String,
    second: String,
    province: String,
    commune: String,
    year: String,
}

/// The parts of `text`, if it has the printed shape (spaces and "Phiếu số:" dropped).
fn split_slip(text: &str) -> Option<Split> {
    let compact: String = text.split_whitespace().collect();
    let compact = ["Phiếusố:", "Phiếusố"]
        .iter()
        .find_map(|p| compact.strip_prefix(p))
        .unwrap_or(&compact);
    let (left, right) = compact.split_once('/')?;
    let (number, second) = left.split_once('-')?;
    let parts: Vec<&str> = right.split('-').collect();
    let [tag, province, commune, year] = parts.as_slice() else {
        return None;
    };
    ["PĐK", "PDK"]
        .contains(&tag.to_uppercase().as_str())
        .then(|| Split {
            number: number.to_owned(),
            second: second.to_owned(),
            province: (*province).to_owned(),
            commune: (*commune).to_owned(),
            year: (*year).to_owned(),
        })
}

/// Checks each part against the edition's form, reporting each wrong one at `prefix/<part>`.
fn check_parts(edition: &Edition, s: Split, prefix: &str) -> Result<RegistrationSlip, InputErrors> {
    let mut errors = Vec::new();
    let mut wrong = |part: &str, why: String| {
        errors.push(InputError::at(
            format!("{prefix}/{part}"),
            DossierProblem::InvalidSlip(why).into(),
        ));
    };
    for (part, value, what) in [
        ("number", &s.number, "the first blank"),
        ("second", &s.second, "the second blank"),
    ] {
        let ok = !value.is_empty()
            && value.chars().count() <= MAX_SLIP_PART
            && value.chars().all(|c| c.is_ascii_alphanumeric());
        if !ok {
            wrong(
                part,
                format!(
                    "{what} before /PĐK is 1 to {MAX_SLIP_PART} letters or digits, not `{value}`"
                ),
            );
        }
    }
    for (part, value, kind) in [
        ("province", &s.province, SegmentKind::Province),
        ("commune", &s.commune, SegmentKind::Commune),
    ] {
        if let Some(why) = check_code(edition, value, kind) {
            wrong(part, why);
        }
    }
    let year = s
        .year
        .parse::<u16>()
        .ok()
        .filter(|y| s.year.len() == 4 && (FIRST_SLIP_YEAR..=2100).contains(y));
    if year.is_none() {
        wrong(
            "year",
            format!(
                "the year is 4 digits from {FIRST_SLIP_YEAR} (the OCOP programme) on, not `{}`",
                s.year
            ),
        );
    }
    match year {
        Some(year) if errors.is_empty() => Ok(RegistrationSlip {
            edition: edition.data().identity.id.clone(),
            formatted: format!(
                "{}-{}/PĐK-{}-{}-{year}",
                s.number, s.second, s.province, s.commune
            ),
            number: s.number,
            second: s.second,
            province: s.province,
            commune: s.commune,
            year,
        }),
        _ => Err(InputErrors(errors)),
    }
}

/// Why `value` is not an administrative code of `kind` under the edition, if it is not.
fn check_code(edition: &Edition, value: &str, kind: SegmentKind) -> Option<String> {
    let segment = edition
        .data()
        .product_code
        .segments
        .iter()
        .find(|s| s.kind == kind)?;
    let digits = value.len();
    let fits = !value.is_empty()
        && value.bytes().all(|b| b.is_ascii_digit())
        && (usize::from(segment.min_digits)..=usize::from(segment.max_digits)).contains(&digits);
    (!fits).then(|| {
        format!(
            "the {} has {} digits, not `{value}`",
            segment.name.en.to_lowercase(),
            segment.max_digits
        )
    })
}
