//! A result code for a stamp: a short text (a QR code) holding an evaluation's answers, from
//! which anyone can recompute the result offline and check the stars printed beside it.
//!
//! ```
//! use ocop_core::{Catalog, Input};
//! use ocop_core::result_code::VerifyRequest;
//! let catalog = Catalog::builtin();
//! let evaluation = ocop_core::Evaluation::from_json(include_str!("../../ocop-cli/src/example.json")).unwrap();
//! let made = catalog.result_code(&evaluation).unwrap();
//! assert!(made.code.starts_with("OCOP-B"));
//! let checked = catalog.verify_result_code(&VerifyRequest { code: made.code, claimed_stars: Some(3) }).unwrap();
//! assert!(checked.holds);
//! assert_eq!(checked.report.stars, Some(3));
//! ```
//!
//! **What a code proves.** That the stars follow, under the rules this library holds, from the
//! answers in the code: nothing about who made it or whether the answers are true. There is no
//! secret and no signature in it; anyone can make a code for any answers. A province that wants
//! a stamp to prove its origin adds a detached signature in the reserved trailing field
//! (`OCOP-<payload>.<signature>`, see `docs/result-code.md`); this library reads past it and
//! reports it as not checked.
//!
//! **The format** (version 1; `docs/result-code.md` has the full table): `OCOP-` then the
//! RFC 4648 base32 (no padding) of a bit string, most significant bit first: version (5 bits),
//! the edition's decision number (12) and year − 2000 (7), the first 4 bytes of the SHA-256 of
//! the sheet's scoring rules ([`SheetRef::rules_json`]), product set (5), subject type (3), the
//! evaluation date (1 + 16: days since 2000-01-01), council level (2), tourism case (2),
//! dossier rejected (1), requirement rule (1), the stars claimed (3; 0 = none), then per
//! criterion in printed order its answer in the fewest bits that hold `options + 2` values
//! (0 unanswered, 1 no option, 2 + the option), one bit per criterion that has a knock-out
//! (reported), one per criterion that prints a requirement (stated not met), zero bits to the
//! byte, and 2 check bytes: the first 2 bytes of the SHA-256 of the bytes before them.
//!
//! The rules, not the whole edition, are hashed: a fix to a label or a translation leaves
//! every code valid, and a change to any point, marker, knock-out or band of the sheet makes
//! its codes fail with `RESULT_CODE_RULES_DIFFER` rather than give a different result silently.

use jiff::ToSpan;
use jiff::civil::{Date, date};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::catalog::model::{KnockoutKind, Level, SubjectType};
use crate::catalog::{Catalog, SheetRef};
use crate::error::{InputError, InputErrors, Problem};
use crate::evaluation::{Evaluation, RequirementRule};
use crate::read::{self, Fields, Input};
use crate::scoring::ScoreReport;
use crate::text::Str;
use crate::wire::Choice;

/// The format version this library writes and reads.
pub const RESULT_CODE_VERSION: u8 = 1;

/// Every code starts with this.
pub const RESULT_CODE_PREFIX: &str = "OCOP-";

/// Bytes of the rules hash kept in a code.
const RULES_HASH_BYTES: usize = 4;
/// Check bytes at the end of a code.
const CHECK_BYTES: usize = 2;
/// Evaluation dates are counted in days from this day.
const DAY_ZERO: Date = date(2000, 1, 1);

/// A code made for an evaluation, with what a stamp prints beside it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ResultCode {
    /// The code, e.g. `OCOP-BAAN…`.
    pub code: String,
    /// The edition that scored it.
    pub edition: Str,
    /// The product set.
    pub product_set: u8,
    /// The total.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub total: Decimal,
    /// The stars, as claimed in the code (absent: not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
}

/// A code to check, and the stars printed beside it if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct VerifyRequest {
    /// The code as read from the stamp.
    pub code: String,
    /// The stars printed on the stamp (1–5), to check as well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub claimed_stars: Option<u8>,
}

impl Input for VerifyRequest {
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<VerifyRequest> {
        let f = Fields::new(
            value,
            path,
            "a code to verify",
            &[&["code", "claimedStars"]],
            errors,
        );
        let code = f.required("code", errors);
        let claimed_stars = f.optional("claimedStars", errors);
        Some(VerifyRequest {
            code: code?,
            claimed_stars,
        })
    }
}

read::deserialize_through_reader!(VerifyRequest);

/// A code checked against the rules: the result recomputed from its answers and whether the
/// stars claimed follow.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// Every star claim follows from the answers (the code's, and the stamp's if given).
    pub holds: bool,
    /// The claims that do not follow.
    pub mismatches: Vec<StarMismatch>,
    /// The stars the code claims (absent: it claims none, not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars_in_code: Option<u8>,
    /// The evaluation the code holds.
    pub evaluation: Evaluation,
    /// The result recomputed from it.
    pub report: ScoreReport,
    /// Whether a signature follows the code (this library does not check it).
    pub signature: SignatureStatus,
}

/// A star claim that does not follow from the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct StarMismatch {
    /// Who claims it: the code itself, or the stamp beside it.
    pub claimed_by: Claimant,
    /// The stars claimed (absent: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed: Option<u8>,
    /// The stars that follow (absent: not rated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recomputed: Option<u8>,
}

/// Where a star claim is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum Claimant {
    /// The stars field of the code.
    Code,
    /// The stars printed beside the code (`claimedStars`).
    Stamp,
}

/// The reserved signature field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "camelCase")]
pub enum SignatureStatus {
    /// No signature follows the code.
    Absent,
    /// A signature follows; checking it needs the signer's key, which this library has not.
    NotChecked,
}

/// The scoring rules of one sheet, hashed into result codes: everything that decides a
/// result's points and stars, and nothing else (no labels).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rules<'a> {
    edition: &'a str,
    product_set: u8,
    /// `[star, lowest total]`, from 5★ down.
    bands: Vec<[u8; 2]>,
    certified_from_star: u8,
    criteria: Vec<CriterionRules<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CriterionRules<'a> {
    code: &'a str,
    part: &'a str,
    min_star: Option<u8>,
    knockout: Option<KnockoutRules<'a>>,
    requirement: bool,
    options: Vec<OptionRules<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct KnockoutRules<'a> {
    kind: KnockoutKind,
    when_any_zero: &'a [Str],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OptionRules<'a> {
    points: u8,
    min_star: Option<u8>,
    case: Option<u8>,
    subject_types: &'a [SubjectType],
}

impl SheetRef<'_> {
    /// The sheet's scoring rules as compact JSON: the edition, product set, bands, and per
    /// criterion its code, part, markers, knock-out, whether it prints a requirement, and its
    /// options' points, markers, cases and subject types. Result codes carry the first bytes of
    /// its SHA-256 ([`SheetRef::rules_fingerprint`]).
    ///
    /// ```
    /// let sheet = ocop_core::Catalog::builtin().edition("26/2026").unwrap().sheet(9).unwrap();
    /// assert!(sheet.rules_json().starts_with(r#"{"edition":"26/2026","productSet":9,"bands":[[5,90],"#));
    /// ```
    pub fn rules_json(&self) -> String {
        let data = self.edition().data();
        let rules = Rules {
            edition: &data.identity.id,
            product_set: self.product_set,
            bands: data
                .rating
                .bands
                .iter()
                .map(|b| [b.star, b.min_points])
                .collect(),
            certified_from_star: data.rating.certified_from_star,
            criteria: self
                .parts
                .iter()
                .flat_map(|part| {
                    part.sections
                        .iter()
                        .flat_map(|s| &s.criteria)
                        .map(move |c| CriterionRules {
                            code: &c.code,
                            part: &part.code,
                            min_star: c.min_star,
                            knockout: c.knockout.as_ref().map(|k| KnockoutRules {
                                kind: k.kind,
                                when_any_zero: &k.when_any_zero,
                            }),
                            requirement: c.requirement.is_some(),
                            options: c
                                .options
                                .iter()
                                .map(|o| OptionRules {
                                    points: o.points,
                                    min_star: o.min_star,
                                    case: o.case,
                                    subject_types: &o.subject_types,
                                })
                                .collect(),
                        })
                })
                .collect(),
        };
        serde_json::to_string(&rules).unwrap_or_default()
    }

    /// `sha256:<hex>` of [`SheetRef::rules_json`].
    pub fn rules_fingerprint(&self) -> String {
        let digest = Sha256::digest(self.rules_json().as_bytes());
        format!("sha256:{}", hex(&digest))
    }

    fn rules_hash_prefix(&self) -> [u8; RULES_HASH_BYTES] {
        let digest = Sha256::digest(self.rules_json().as_bytes());
        let mut out = [0u8; RULES_HASH_BYTES];
        out.copy_from_slice(
            digest
                .get(..RULES_HASH_BYTES)
                .unwrap_or(&[0; RULES_HASH_BYTES]),
        );
        out
    }
}

impl Catalog {
    /// The result code of an evaluation: its answers and the stars they give, for a stamp.
    /// The evaluation is scored first; its errors are returned as by [`Catalog::score`].
    /// `reference` is not kept (a code holds no names).
    pub fn result_code(&self, evaluation: &Evaluation) -> Result<ResultCode, InputErrors> {
        let report = self.score(evaluation)?;
        let edition = self.find_edition(&report.edition.id)?;
        let sheet = edition.find_sheet(report.product_set)?;
        let (number, year) = edition_number(edition.id()).ok_or_else(|| {
            InputErrors::at(
                "/edition",
                Problem::InvalidResultCode(format!(
                    "edition `{}` has no result code: its id is not a decision number and year",
                    edition.id()
                )),
            )
        })?;
        let mut w = Bits::default();
        w.put(u32::from(RESULT_CODE_VERSION), 5);
        w.put(u32::from(number), 12);
        w.put(u32::from(year - 2000), 7);
        for byte in sheet.rules_hash_prefix() {
            w.put(u32::from(byte), 8);
        }
        w.put(u32::from(report.product_set), 5);
        w.put(index_of(SubjectType::ALL, evaluation.subject_type), 3);
        match evaluation.evaluated_on {
            None => w.put(0, 1),
            Some(day) => {
                let days = u32::try_from((day - DAY_ZERO).get_days())
                    .ok()
                    .filter(|d| *d < 1 << 16)
                    .ok_or_else(|| {
                        InputErrors::at(
                            "/evaluatedOn",
                            Problem::InvalidResultCode(
                                "a result code holds evaluation dates from 2000-01-01 to 2179-06-06"
                                    .into(),
                            ),
                        )
                    })?;
                w.put(1, 1);
                w.put(days, 16);
            }
        }
        w.put(
            evaluation.level.map_or(0, |l| index_of(Level::ALL, l) + 1),
            2,
        );
        w.put(evaluation.tourism_case.map_or(0, u32::from), 2);
        w.put(u32::from(evaluation.dossier_rejected), 1);
        w.put(
            u32::from(evaluation.requirement_rule == Some(RequirementRule::RefuseOption)),
            1,
        );
        w.put(u32::from(report.stars.unwrap_or(0)), 3);
        for c in sheet.criteria() {
            let value = match evaluation.answers.get(c.code.as_str()) {
                None => 0,
                Some(None) => 1,
                Some(Some(o)) => o + 2,
            };
            w.put(value, answer_bits(c.options.len()));
        }
        let stated = |codes: &[String], code: &str| codes.iter().any(|k| k == code);
        for c in sheet.criteria().filter(|c| c.knockout.is_some()) {
            w.put(u32::from(stated(&evaluation.knockouts, &c.code)), 1);
        }
        for c in sheet.criteria().filter(|c| c.requirement.is_some()) {
            w.put(
                u32::from(stated(&evaluation.requirements_not_met, &c.code)),
                1,
            );
        }
        let mut bytes = w.into_bytes();
        let check = Sha256::digest(&bytes);
        bytes.extend(check.iter().take(CHECK_BYTES));
        Ok(ResultCode {
            code: format!("{RESULT_CODE_PREFIX}{}", base32(&bytes)),
            edition: report.edition.id.clone(),
            product_set: report.product_set,
            total: report.total,
            stars: report.stars,
        })
    }

    /// Reads a result code and recomputes its result: whether the stars claimed (in the code,
    /// and on the stamp if given) follow from its answers, or why the code cannot be checked
    /// (`INVALID_RESULT_CODE`, `FORMAT_VERSION_UNSUPPORTED`, `UNKNOWN_EDITION`,
    /// `UNKNOWN_PRODUCT_SET`, `RESULT_CODE_RULES_DIFFER`, or the answer errors of
    /// [`Catalog::score`] at `/code/answers/…`).
    pub fn verify_result_code(&self, request: &VerifyRequest) -> Result<Verification, InputErrors> {
        if let Some(s) = request.claimed_stars.filter(|s| !(1..=5).contains(s)) {
            return Err(InputErrors::at(
                "/claimedStars",
                Problem::InvalidStars(u64::from(s)),
            ));
        }
        let malformed =
            |why: &str| InputErrors::at("/code", Problem::InvalidResultCode(why.into()));
        let text = request.code.trim();
        let Some(rest) = text
            .get(..RESULT_CODE_PREFIX.len())
            .filter(|p| p.eq_ignore_ascii_case(RESULT_CODE_PREFIX))
            .and_then(|_| text.get(RESULT_CODE_PREFIX.len()..))
        else {
            return Err(malformed("a result code starts with OCOP-"));
        };
        let (payload, signature) = match rest.split_once('.') {
            None => (rest, SignatureStatus::Absent),
            Some((p, s)) if !s.is_empty() && unbase32(s).is_ok() => {
                (p, SignatureStatus::NotChecked)
            }
            Some(_) => return Err(malformed("the signature after `.` is not base32")),
        };
        let bytes = unbase32(payload).map_err(malformed)?;
        let Some(split) = bytes.len().checked_sub(CHECK_BYTES).filter(|n| *n > 0) else {
            return Err(malformed("the code is too short"));
        };
        let (body, check) = bytes.split_at(split);
        if Sha256::digest(body).get(..CHECK_BYTES) != Some(check) {
            return Err(malformed(
                "the check bytes do not match: the code was misread or altered",
            ));
        }
        let mut r = Reader::new(body);
        let version = r
            .take(5)
            .ok_or_else(|| malformed("the code is too short"))?;
        if version != u32::from(RESULT_CODE_VERSION) {
            return Err(InputErrors::at(
                "/code",
                Problem::FormatVersion {
                    supported: u32::from(RESULT_CODE_VERSION),
                    found: version,
                },
            ));
        }
        let (evaluation, stars_in_code) = self.read_code(&mut r).map_err(|e| e.under("/code"))?;
        let report = self.score(&evaluation).map_err(|e| e.under("/code"))?;
        let mut mismatches = Vec::new();
        for (claimed_by, claimed) in [
            (Claimant::Code, Some(stars_in_code)),
            (Claimant::Stamp, request.claimed_stars.map(Some)),
        ] {
            if let Some(claimed) = claimed.filter(|c| *c != report.stars) {
                mismatches.push(StarMismatch {
                    claimed_by,
                    claimed,
                    recomputed: report.stars,
                });
            }
        }
        Ok(Verification {
            holds: mismatches.is_empty(),
            mismatches,
            stars_in_code,
            evaluation,
            report,
            signature,
        })
    }

    /// The evaluation and claimed stars after the version; errors at paths inside the code.
    fn read_code(&self, r: &mut Reader<'_>) -> Result<(Evaluation, Option<u8>), InputErrors> {
        let malformed = |why: &str| InputErrors::at("", Problem::InvalidResultCode(why.into()));
        let short = || malformed("the code ends too early");
        let number = r.take(12).ok_or_else(short)?;
        let year = r.take(7).ok_or_else(short)? + 2000;
        let id = format!("{number}/{year}");
        let edition = self.find_edition(&id).map_err(|mut e| {
            e.path = String::new();
            InputErrors::from(e)
        })?;
        let mut hash = [0u8; RULES_HASH_BYTES];
        for byte in &mut hash {
            *byte = u8::try_from(r.take(8).ok_or_else(short)?).unwrap_or(0);
        }
        let product_set = u8::try_from(r.take(5).ok_or_else(short)?).unwrap_or(0);
        let sheet = edition.find_sheet(product_set).map_err(|mut e| {
            e.path = String::new();
            InputErrors::from(e)
        })?;
        let held = sheet.rules_hash_prefix();
        if hash != held {
            return Err(InputErrors::at(
                "",
                Problem::ResultCodeRulesDiffer {
                    edition: id,
                    product_set,
                    found: hex(&hash),
                    held: hex(&held),
                },
            ));
        }
        let subject_type = pick(SubjectType::ALL, r.take(3).ok_or_else(short)?)
            .ok_or_else(|| malformed("the subject type is not one of the seven"))?;
        let evaluated_on = match r.take(1).ok_or_else(short)? {
            0 => None,
            _ => {
                let days = r.take(16).ok_or_else(short)?;
                Some(
                    DAY_ZERO
                        .checked_add(i64::from(days).days())
                        .map_err(|_| malformed("the date is out of range"))?,
                )
            }
        };
        let level = match r.take(2).ok_or_else(short)? {
            0 => None,
            n => Some(pick(Level::ALL, n - 1).ok_or_else(|| malformed("not a council level"))?),
        };
        let tourism_case = match r.take(2).ok_or_else(short)? {
            0 => None,
            3 => return Err(malformed("the tourism case is 1 or 2")),
            n => u8::try_from(n).ok(),
        };
        let dossier_rejected = r.take(1).ok_or_else(short)? == 1;
        // The default (warn) is left unsaid, as in most evaluations.
        let requirement_rule =
            (r.take(1).ok_or_else(short)? == 1).then_some(RequirementRule::RefuseOption);
        let stars = match r.take(3).ok_or_else(short)? {
            0 => None,
            s @ 1..=5 => u8::try_from(s).ok(),
            _ => return Err(malformed("the stars claimed are 0 to 5")),
        };
        let mut e = Evaluation::new(edition.id(), product_set, subject_type);
        e.evaluated_on = evaluated_on;
        e.level = level;
        e.tourism_case = tourism_case;
        e.dossier_rejected = dossier_rejected;
        e.requirement_rule = requirement_rule;
        for c in sheet.criteria() {
            match r.take(answer_bits(c.options.len())).ok_or_else(short)? {
                0 => {}
                1 => {
                    e.answers.insert(c.code.to_string(), None);
                }
                v => {
                    e.answers.insert(c.code.to_string(), Some(v - 2));
                }
            }
        }
        for c in sheet.criteria().filter(|c| c.knockout.is_some()) {
            if r.take(1).ok_or_else(short)? == 1 {
                e.knockouts.push(c.code.to_string());
            }
        }
        for c in sheet.criteria().filter(|c| c.requirement.is_some()) {
            if r.take(1).ok_or_else(short)? == 1 {
                e.requirements_not_met.push(c.code.to_string());
            }
        }
        if !r.rest_is_padding() {
            return Err(malformed(
                "the code is longer than its sheet needs, or its padding is not zero",
            ));
        }
        Ok((e, stars))
    }
}

/// `26/2026` → (26, 2026), when the number fits 12 bits and the year 2000–2127.
fn edition_number(id: &str) -> Option<(u16, u16)> {
    let (number, year) = id.split_once('/')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(number) || !all_digits(year) {
        return None;
    }
    let number: u16 = number.parse().ok().filter(|n| *n < 1 << 12)?;
    let year: u16 = year.parse().ok().filter(|y| (2000..2128).contains(y))?;
    Some((number, year))
}

/// The fewest bits that hold an answer to a criterion with `options` options (0, 1, 2 + o).
fn answer_bits(options: usize) -> u32 {
    let values = options + 2;
    usize::BITS - (values - 1).leading_zeros()
}

fn index_of<T: PartialEq>(all: &[T], value: T) -> u32 {
    all.iter()
        .position(|v| *v == value)
        .and_then(|i| u32::try_from(i).ok())
        .unwrap_or(0)
}

fn pick<T: Copy>(all: &[T], index: u32) -> Option<T> {
    all.get(usize::try_from(index).ok()?).copied()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bits written most significant first.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    fn put(&mut self, value: u32, width: u32) {
        for i in (0..width).rev() {
            if self.used % 8 == 0 {
                self.bytes.push(0);
            }
            if (value >> i) & 1 == 1 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 0x80 >> (self.used % 8);
                }
            }
            self.used += 1;
        }
    }

    fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

/// Bits read most significant first.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    fn take(&mut self, width: u32) -> Option<u32> {
        let mut value = 0u32;
        for _ in 0..width {
            let byte = self.bytes.get(self.at / 8)?;
            let bit = (byte >> (7 - self.at % 8)) & 1;
            value = (value << 1) | u32::from(bit);
            self.at += 1;
        }
        Some(value)
    }

    /// Whether only zero bits remain, and fewer than a byte of them.
    fn rest_is_padding(&mut self) -> bool {
        let left = self.bytes.len() * 8 - self.at.min(self.bytes.len() * 8);
        left < 8 && self.take(u32::try_from(left).unwrap_or(8)) == Some(0)
    }
}

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// RFC 4648 base32 without padding.
fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let mut r = Reader::new(bytes);
    let total = bytes.len() * 8;
    while r.at < total {
        let width = u32::try_from((total - r.at).min(5)).unwrap_or(5);
        let value = r.take(width).unwrap_or(0) << (5 - width);
        out.push(char::from(
            BASE32
                .get(usize::try_from(value).unwrap_or(0))
                .copied()
                .unwrap_or(b'A'),
        ));
    }
    out
}

/// Decodes [`base32`] (either case), refusing a character outside the alphabet, a length no
/// byte string has, or non-zero bits after the last byte.
fn unbase32(text: &str) -> Result<Vec<u8>, &'static str> {
    let mut w = Bits::default();
    for c in text.bytes() {
        let c = c.to_ascii_uppercase();
        let value = BASE32
            .iter()
            .position(|b| *b == c)
            .and_then(|v| u32::try_from(v).ok())
            .ok_or("the code has a character that is not base32 (A–Z, 2–7)")?;
        w.put(value, 5);
    }
    let bits = text.len() * 5;
    let whole = bits / 8;
    let mut bytes = w.into_bytes();
    // Leftover bits must be fewer than 5 (else the text is a character too long) and zero.
    if bits - whole * 8 >= 5 || bytes.get(whole).is_some_and(|tail| *tail != 0) {
        return Err("the code has a character too many or too few");
    }
    bytes.truncate(whole);
    Ok(bytes)
}
