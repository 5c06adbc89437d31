//! The regulation editions as data: the shape of the files under `ocop-core/catalogs/`.
//!
//! Field names are `snake_case` in the TOML files and `camelCase` in JSON output. Also compiled
//! into `build.rs` (through `#[path]`), which validates and packs each edition at build time.
//! Binding derives are gated on `ocop_lib`, a cfg that `build.rs` sets for the library only:
//! Cargo compiles build scripts with the crate's features too, and the binding crates are not
//! build dependencies.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::text::{Lang, Str, Text};
use crate::wire::Choice;

/// One edition of the OCOP rules: a decision's identity, rules, taxonomy and scoring sheets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct EditionData {
    /// Who issued it, when it applies, where the text comes from.
    pub identity: Identity,
    /// Star bands and certification.
    pub rating: RatingRules,
    /// Certificate validity, re-evaluation and revocation.
    pub certificate: CertificateRules,
    /// Evaluation procedures in the order they applied (148 changed in 2025).
    pub procedures: Vec<Procedure>,
    /// Fixed evaluation rounds, where the edition sets them.
    #[serde(default)]
    pub rounds: Vec<Round>,
    /// The product code printed on each sheet.
    pub product_code: ProductCodeFormat,
    /// How this edition took over from the one before it.
    #[serde(default)]
    pub transition: Option<Transition>,
    /// Who may apply (chủ thể OCOP).
    pub subject_types: Vec<SubjectTypeInfo>,
    /// The six product groups (nhóm sản phẩm) with their subgroups.
    pub groups: Vec<ProductGroup>,
    /// The 26 product sets (bộ sản phẩm), each scored on its own sheet.
    pub product_sets: Vec<ProductSetInfo>,
    /// One scoring sheet per product set.
    pub sheets: Vec<Sheet>,
    /// What a dossier holds, the forms and the procedure's time limits (`dossier.toml`).
    #[serde(default)]
    pub dossier: Option<DossierSpec>,
}

/// Identity and provenance of an edition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Identity {
    /// Short id used in evaluations, e.g. `26/2026`.
    pub id: Str,
    /// The decision's number as printed, e.g. `26/2026/QĐ-TTg`.
    pub number: Str,
    /// The decision's title.
    pub title: Text,
    /// Date of signature.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub signed_on: Date,
    /// First day in force.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub effective_from: Date,
    /// Last day in force, once replaced.
    #[serde(default, with = "crate::text::iso_day::option")]
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string | null"))]
    pub in_force_until: Option<Date>,
    /// How the end of validity was worked out, when the text leaves it open.
    #[serde(default, serialize_with = "crate::text::words")]
    pub in_force_until_note: Option<Str>,
    /// Later decisions that amended this one.
    #[serde(default)]
    pub amended_by: Vec<Amendment>,
    /// Version of this data, independent of the crate version.
    pub data_version: Str,
    /// Where the text was compiled from.
    #[serde(serialize_with = "crate::text::words")]
    pub sources: Vec<Str>,
    /// What is known to be uncertain in this edition's data.
    #[serde(default, serialize_with = "crate::text::words")]
    pub caveats: Vec<Str>,
}

/// A later decision that amended an edition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// The amending decision's number, e.g. `1489/QĐ-TTg`.
    pub number: Str,
    /// Its first day in force.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub effective_from: Date,
    /// What it changed.
    pub summary: Text,
}

/// Star bands and which stars are certified.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct RatingRules {
    /// The parts every sheet has, with their maxima (A 40, B 25, C 35).
    pub parts: Vec<PartRule>,
    /// Bands from 5★ down to 1★; each starts at `min_points` and ends below the next.
    pub bands: Vec<Band>,
    /// The lowest star that is recognised and certified.
    pub certified_from_star: u8,
    /// What a star marker printed beside an option means.
    pub marker_rule: Text,
}

/// A part every sheet has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct PartRule {
    /// `A`, `B` or `C`.
    pub code: Str,
    /// Maximum points.
    pub max: u8,
}

/// A star band: totals from `min_points` up to the next band's minimum (exclusive).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// 1 to 5.
    pub star: u8,
    /// Lowest total in the band (inclusive).
    pub min_points: u8,
    /// The band's name as printed, e.g. "Hạng 4 sao (cấp tỉnh)".
    pub name: Text,
}

/// Certificates: validity, re-evaluation and revocation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct CertificateRules {
    /// Validity in calendar months from the day of issue.
    pub validity_months: u8,
    /// When a re-evaluation dossier must be filed, if the edition says.
    #[serde(default)]
    pub reevaluation_window: Option<ReevaluationWindow>,
    /// Longest a certificate stays valid after expiry when re-evaluation was filed late.
    #[serde(default)]
    pub late_filing_grace_days: Option<u16>,
    /// Days before expiry that the issuer notifies the producer, if the edition says.
    #[serde(default)]
    pub expiry_notice_days: Option<u16>,
    /// Grounds for revoking a certificate.
    #[serde(default)]
    pub revocation_grounds: Vec<RevocationGroundInfo>,
    /// Days after the finding within which the certificate is revoked.
    #[serde(default)]
    pub revocation_within_days: Option<u16>,
    /// Article references and readings.
    #[serde(serialize_with = "crate::text::words")]
    pub basis: Str,
}

/// The filing window for a re-evaluation, counted back from the day of expiry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct ReevaluationWindow {
    /// Not earlier than this many days before expiry.
    pub opens_days_before_expiry: u16,
    /// Not later than this many days before expiry.
    pub closes_days_before_expiry: u16,
}

/// Why a certificate may be revoked (Điều 8 of 26/2026).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum RevocationGround {
    /// a) untruthful information or forged dossier.
    UntruthfulDossier,
    /// b) the product no longer meets the criteria.
    CriteriaNoLongerMet,
    /// c) violations of quality, food-safety, environment, IP or labelling law.
    LegalViolation,
    /// d) misuse of the OCOP mark.
    MarkMisused,
    /// đ) production stopped.
    ProductionStopped,
    /// e) other cases concluded by a competent authority.
    OtherAuthorityFinding,
}

impl Choice for RevocationGround {
    const ALL: &'static [RevocationGround] = &[
        RevocationGround::UntruthfulDossier,
        RevocationGround::CriteriaNoLongerMet,
        RevocationGround::LegalViolation,
        RevocationGround::MarkMisused,
        RevocationGround::ProductionStopped,
        RevocationGround::OtherAuthorityFinding,
    ];
    const WHAT: &'static str = "a revocation ground";
}

/// A revocation ground with the article's point and wording.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct RevocationGroundInfo {
    /// The ground.
    pub id: RevocationGround,
    /// The article's point letter (a, b, c, d, đ, e).
    pub point: Str,
    /// Its wording.
    pub name: Text,
}

/// An evaluation procedure and the dates it applied.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// Short id, e.g. `148-three-level`.
    pub id: Str,
    /// What it is called.
    pub name: Text,
    /// First day it applied.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub from: Date,
    /// Last day it applied, if replaced.
    #[serde(default, with = "crate::text::iso_day::option")]
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string | null"))]
    pub until: Option<Date>,
    /// The text it comes from.
    #[serde(serialize_with = "crate::text::words")]
    pub basis: Str,
    /// How sure we are of it.
    #[serde(default, serialize_with = "crate::text::words")]
    pub confidence_note: Option<Str>,
    /// What the commune assesses before forwarding the dossier (Mẫu 03 under 26/2026).
    #[serde(default)]
    pub commune_assesses: Vec<Text>,
    /// Councils that score, from the first to the last.
    pub levels: Vec<CouncilLevel>,
}

/// A level of council that scores products.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum Level {
    /// District council (cấp huyện), 148 before 6 July 2025 only.
    District,
    /// Provincial council (cấp tỉnh).
    Province,
    /// Central council of the Ministry (cấp trung ương).
    Central,
}

impl Choice for Level {
    const ALL: &'static [Level] = &[Level::District, Level::Province, Level::Central];
    const WHAT: &'static str = "a council level";
}

/// What a council level does with a product it scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct CouncilLevel {
    /// The level.
    pub level: Level,
    /// The council's name.
    pub name: Text,
    /// Stars this level recognises and certifies.
    pub recognises: Vec<u8>,
    /// Who signs the recognition at this level.
    pub recognised_by: Text,
    /// Where higher-scoring products go next.
    #[serde(default)]
    pub forwards_to: Option<Level>,
    /// The lowest total that is forwarded.
    #[serde(default)]
    pub forward_min_total: Option<u8>,
    /// What happens to a product this level scores below its forwarding threshold, if the text
    /// says (e.g. the central council sending a product back to the province).
    #[serde(default)]
    pub below_threshold: Option<Text>,
}

/// An evaluation round (Điều 5 of 26/2026).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// Council level.
    pub level: Level,
    /// Round number within the year as printed (1 or 2).
    pub number: u8,
    /// Proposals must arrive before this day (`MM-DD`).
    pub proposals_before: Str,
    /// The round is completed before this day (`MM-DD`).
    pub completed_before: Str,
}

/// The product code printed on each sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct ProductCodeFormat {
    /// The form as printed, e.g. `(T)-(X)-(STT)-YYYY`.
    pub printed: Str,
    /// Segments in order, separated by `-`.
    pub segments: Vec<CodeSegment>,
    /// Which decision assigns the administrative codes.
    pub admin_codes_per: Str,
    /// How sure we are of the format.
    #[serde(default, serialize_with = "crate::text::words")]
    pub confidence_note: Option<Str>,
}

/// A segment of a product code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct CodeSegment {
    /// What the segment holds.
    pub kind: SegmentKind,
    /// Its name.
    pub name: Text,
    /// Fewest digits.
    pub min_digits: u8,
    /// Most digits.
    pub max_digits: u8,
}

/// What a product-code segment holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum SegmentKind {
    /// Province code (T).
    Province,
    /// District code (H), 148 only.
    District,
    /// Commune code (X), 26/2026.
    Commune,
    /// Sequence number kept by the commune or district (STT).
    Sequence,
    /// Year of evaluation.
    Year,
}

impl Choice for SegmentKind {
    const ALL: &'static [SegmentKind] = &[
        SegmentKind::Province,
        SegmentKind::District,
        SegmentKind::Commune,
        SegmentKind::Sequence,
        SegmentKind::Year,
    ];
    const WHAT: &'static str = "a product-code segment";
}

/// How an edition took over from the one before it (Điều 12 of 26/2026).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// The edition replaced.
    pub replaces: Str,
    /// Dossiers filed before this day finish under the old rules.
    #[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(type = "string"))]
    #[serde(with = "crate::text::iso_day")]
    pub pending_filed_before: Date,
    /// ... within this many days for a first evaluation or an upgrade,
    pub first_or_upgrade_within_days: u16,
    /// ... and this many for a re-evaluation.
    pub reevaluation_within_days: u16,
    /// The article.
    #[serde(serialize_with = "crate::text::words")]
    pub basis: Str,
}

/// Who may apply (chủ thể OCOP).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum SubjectType {
    /// Hợp tác xã.
    Cooperative,
    /// Tổ hợp tác.
    CooperativeGroup,
    /// Doanh nghiệp nhỏ và vừa.
    Enterprise,
    /// Trang trại.
    Farm,
    /// Hộ sản xuất, hộ gia đình có đăng ký kinh doanh.
    Household,
    /// Hội, hiệp hội (tourism only).
    Association,
    /// Trung tâm điều hành hoặc tổ chức tương đương (tourism only).
    OperatingCenter,
}

impl Choice for SubjectType {
    const ALL: &'static [SubjectType] = &[
        SubjectType::Cooperative,
        SubjectType::CooperativeGroup,
        SubjectType::Enterprise,
        SubjectType::Farm,
        SubjectType::Household,
        SubjectType::Association,
        SubjectType::OperatingCenter,
    ];
    const WHAT: &'static str = "a subject type";
}

impl SubjectType {
    /// The id used in JSON, e.g. `cooperative_group`.
    ///
    /// ```
    /// use ocop_core::SubjectType;
    /// assert_eq!(SubjectType::CooperativeGroup.id(), "cooperative_group");
    /// ```
    pub fn id(self) -> &'static str {
        self.wire()
    }
}

/// A subject type with its name and where it may apply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct SubjectTypeInfo {
    /// The type.
    pub id: SubjectType,
    /// Its name in the regulation.
    pub name: Text,
    /// If not empty, the only product sets it may apply for (tourism).
    #[serde(default)]
    pub only_product_sets: Vec<u8>,
}

/// A product group (nhóm sản phẩm, I–VI) with its subgroups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct ProductGroup {
    /// Roman numeral, e.g. `I`.
    pub code: Str,
    /// Name.
    pub name: Text,
    /// Subgroups (the "Nhóm" rows of Phụ lục I).
    pub subgroups: Vec<Subgroup>,
}

/// A subgroup of products (a "Nhóm" row of Phụ lục I).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Subgroup {
    /// Code, e.g. `I.4`.
    pub code: Str,
    /// Name.
    pub name: Text,
}

/// A product set (bộ sản phẩm): the unit that has its own scoring sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct ProductSetInfo {
    /// The regulation's number, 1 to 26.
    pub number: u8,
    /// ASCII slug, e.g. `food-liquid-condiments`.
    pub slug: Str,
    /// Name.
    pub name: Text,
    /// Group code (I–VI).
    pub group: Str,
    /// Subgroup code, e.g. `I.4`.
    pub subgroup: Str,
    /// The "Phân nhóm" leaf name in Phụ lục I, where it has one.
    #[serde(default)]
    pub leaf_name: Option<Text>,
    /// The ministry in charge (Phụ lục I).
    #[serde(default)]
    pub managing_agency: Option<Text>,
    /// Other names the text uses for this set (searchable).
    #[serde(default, serialize_with = "crate::text::words")]
    pub other_names_vi: Vec<Str>,
}

/// A scoring sheet (phiếu đánh giá) for one product set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Sheet {
    /// The product set scored on this sheet.
    pub product_set: u8,
    /// The sheet's title.
    pub title: Text,
    /// Where the sheet was compiled from.
    #[serde(serialize_with = "crate::text::words")]
    pub sources: Vec<Str>,
    /// The footnote that explains star markers, where printed.
    #[serde(default)]
    pub star_marker_note: Option<Text>,
    /// "Hồ sơ bị loại khi": when the dossier is rejected outright.
    #[serde(default)]
    pub dossier_rejected_when: Vec<Text>,
    /// Where this data departs from the printed text, and why.
    #[serde(default, serialize_with = "crate::text::words")]
    pub corrections: Vec<Str>,
    /// What is missing or doubtful.
    #[serde(default, serialize_with = "crate::text::words")]
    pub gaps: Vec<Str>,
    /// Set when the source is known to be short; results scored on it carry a warning.
    #[serde(default)]
    pub provisional: Option<Provisional>,
    /// Values this sheet prints unlike every other sheet with the same wording, kept as
    /// printed until the official text settles them (from the edition's `doubts.toml`).
    #[serde(default)]
    pub doubts: Vec<Doubt>,
    /// Wording this sheet shares with other sheets but prints with other points or markers,
    /// reviewed and kept as printed (from the edition's `doubts.toml`).
    #[serde(default)]
    pub as_printed: Vec<AsPrinted>,
    /// Parts A, B, C.
    #[serde(rename(deserialize = "part"))]
    pub parts: Vec<Part>,
}

/// Why a sheet is provisional, and the check failures accepted because of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Provisional {
    /// Plain-words reason.
    #[serde(serialize_with = "crate::text::words")]
    pub reason: Str,
    /// Each maximum that does not match what lies below it, exactly as found.
    pub accepted_mismatches: Vec<AcceptedMismatch>,
}

/// A maximum that the source prints but its content does not reach.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct AcceptedMismatch {
    /// Code of the part, section, group or criterion.
    pub at: Str,
    /// The maximum printed.
    pub declared: u8,
    /// What its content adds up to.
    pub computed: u8,
}

/// A value a sheet prints unlike every other sheet that prints the same wording, kept as
/// printed until the official text settles it. A result warns (`DOUBT_DECIDES`) when its stars
/// would differ under the pattern the other sheets print.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Doubt {
    /// The criteria it concerns.
    pub criteria: Vec<Str>,
    /// What this sheet prints.
    #[serde(serialize_with = "crate::text::words")]
    pub printed: Str,
    /// What the other sheets print.
    #[serde(serialize_with = "crate::text::words")]
    pub elsewhere: Str,
    /// The sheet as it would read under the pattern elsewhere, one reading per alternative.
    pub alternatives: Vec<Alternative>,
}

/// One reading of a doubtful sheet: option changes applied together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// The options that would read differently.
    pub changes: Vec<OptionChange>,
}

/// An option as it would read under another reading of the sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct OptionChange {
    /// The criterion.
    pub criterion: Str,
    /// The option (0-based).
    pub option: u8,
    /// Its points under this reading, if they differ.
    #[serde(default)]
    pub points: Option<u8>,
    /// Its star marker under this reading, if it has one there.
    #[serde(default)]
    pub min_star: Option<u8>,
}

/// Wording a sheet shares with other sheets but prints with other points or markers, where no
/// pattern is to be preferred (sensory scales tuned per product, ladders shifted on a group of
/// sheets): reviewed, and kept as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct AsPrinted {
    /// The criterion.
    pub criterion: Str,
    /// How it differs, and why it is kept.
    #[serde(serialize_with = "crate::text::words")]
    pub note: Str,
}

/// A part of a sheet (A, B or C).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// `A`, `B` or `C`.
    pub code: Str,
    /// Maximum points.
    pub max: u8,
    /// Name.
    pub name: Text,
    /// Sections.
    #[serde(rename(deserialize = "section"))]
    pub sections: Vec<Section>,
}

/// A numbered section of a part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Part letter and printed number, e.g. `A1`, `C6`.
    pub code: Str,
    /// Maximum points.
    pub max: u8,
    /// Name.
    pub name: Text,
    /// Sub-headings that group criteria (tea and coffee sheets).
    #[serde(default)]
    pub groups: Vec<CriterionGroup>,
    /// Criteria.
    #[serde(rename(deserialize = "criterion"))]
    pub criteria: Vec<Criterion>,
}

/// A sub-heading grouping criteria within a section, e.g. `C6.1 Ngoại hình`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct CriterionGroup {
    /// Code.
    pub code: Str,
    /// Maximum points.
    pub max: u8,
    /// Name.
    pub name: Text,
}

/// A criterion (tiêu chí): one line of the sheet where one option is ticked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// The edition's own code: `A1.1`, `C7` (26/2026); `A1a`, `A1dd` (148).
    pub code: Str,
    /// Maximum points as printed.
    pub max: u8,
    /// Name.
    pub name: Text,
    /// The sub-heading it sits under, if any.
    #[serde(default)]
    pub group: Option<Str>,
    /// A "Yêu cầu" line: a requirement printed with the criterion.
    #[serde(default)]
    pub requirement: Option<Text>,
    /// Other explanatory lines printed with the criterion.
    #[serde(default)]
    pub note: Option<Text>,
    /// A knock-out condition printed with the criterion.
    #[serde(default)]
    pub knockout: Option<Knockout>,
    /// A star marker printed on the criterion itself rather than on an option (148): the
    /// criterion must score at least its lowest option for that star.
    #[serde(default)]
    pub min_star: Option<u8>,
    /// The two alternative cases of a tourism criterion ("Trường hợp 1/2").
    #[serde(default)]
    pub cases: Vec<CaseInfo>,
    /// The commune assesses this content before the council (origin, local labour, idea
    /// origin, local identity).
    #[serde(default)]
    pub assessed_by_commune: bool,
    /// The options in printed order; an answer names one by its 0-based position.
    pub options: Vec<CriterionOption>,
}

/// A knock-out condition attached to a criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Knockout {
    /// What happens when it applies.
    pub kind: KnockoutKind,
    /// The printed condition.
    pub text: Text,
    /// Applies by itself when any of these criteria scores 0 (e.g. "Nếu được 0 điểm tại một
    /// trong các chỉ tiêu trên"); otherwise the council reports it.
    #[serde(default)]
    pub when_any_zero: Vec<Str>,
}

/// What a knock-out does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum KnockoutKind {
    /// "Bị loại": the product is eliminated.
    Eliminate,
    /// "Không đánh giá các bước tiếp theo": evaluation stops here; no stars.
    StopEvaluation,
    /// "Không đánh giá những sản phẩm có tính phổ biến…": read as this criterion scoring 0.
    NotAssessed,
}

/// One of the two alternative cases of a tourism criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct CaseInfo {
    /// 1 or 2.
    pub case: u8,
    /// The case's heading.
    pub name: Text,
}

/// An option (a tick box) of a criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct CriterionOption {
    /// Points when ticked.
    pub points: u8,
    /// The star marker printed beside it: the minimum for that star (3, 4 or 5).
    #[serde(default)]
    pub min_star: Option<u8>,
    /// The regulation's wording.
    #[serde(serialize_with = "crate::text::words")]
    pub vi: Str,
    /// Our English rendering.
    #[serde(serialize_with = "crate::text::words")]
    pub en: Str,
    /// The tourism case it belongs to.
    #[serde(default)]
    pub case: Option<u8>,
    /// The subject types that may tick it (the "Loại hình tổ chức" criterion).
    #[serde(default)]
    pub subject_types: Vec<SubjectType>,
    /// Added by us where the text prints no options (e.g. Có/Không for bilingual labels).
    #[serde(default)]
    pub implied: bool,
    /// The points as printed, where we corrected a misprint ("13", "blank").
    #[serde(default)]
    pub printed_points: Option<Str>,
    /// Kept as printed but probably a misprint.
    #[serde(default)]
    pub suspected_typo: Option<SuspectedTypo>,
}

/// A value kept as printed although it looks wrong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct SuspectedTypo {
    /// What it probably should be.
    pub likely_points: u8,
    /// Why we think so.
    #[serde(serialize_with = "crate::text::words")]
    pub reason: Str,
}

impl Criterion {
    /// The points each star needs on this criterion (index = star; 0 below 3★) and the option
    /// that sets each floor: the marked option's points for every marker at that star or below
    /// (markers are cumulative), and for a marker printed on the criterion itself (148), its
    /// lowest option.
    ///
    /// ```
    /// let sheet = ocop_core::Catalog::builtin().edition("26/2026").unwrap().sheet(9).unwrap();
    /// let (floor, option) = sheet.criterion_by_code("A1.4").unwrap().marker_floors();
    /// assert_eq!((floor[3], floor[4], floor[5]), (0, 2, 3)); // option 2 ****, option 3 *****
    /// assert_eq!(option[5], Some(3));
    /// ```
    pub fn marker_floors(&self) -> ([u8; 6], [Option<u8>; 6]) {
        let mut floor = [0u8; 6];
        let mut floor_option = [None; 6];
        for star in 3..=5u8 {
            let mut need = 0u8;
            let mut which = None;
            for (i, o) in self.options.iter().enumerate() {
                if o.min_star.is_some_and(|m| m <= star) && o.points >= need {
                    need = o.points;
                    which = u8::try_from(i).ok();
                }
            }
            if self.min_star.is_some_and(|m| m <= star) {
                let lowest = self
                    .options
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, o)| o.points);
                if let Some((i, o)) = lowest {
                    if which.is_none() || o.points > need {
                        need = o.points;
                        which = u8::try_from(i).ok();
                    }
                }
            }
            if let (Some(f), Some(w)) = (
                floor.get_mut(usize::from(star)),
                floor_option.get_mut(usize::from(star)),
            ) {
                *f = need;
                *w = which;
            }
        }
        (floor, floor_option)
    }
}

impl CriterionOption {
    /// The option's label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

// ---- dossiers, forms and time limits (dossier.toml) ----

/// A dossier's case (Mẫu 01 mục 4: "Lần đầu □ Nâng hạng □ Đánh giá lại □").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum DossierKind {
    /// First evaluation (lần đầu).
    First,
    /// Upgrade (nâng hạng).
    Upgrade,
    /// Re-evaluation at expiry (phân hạng lại).
    Reevaluation,
}

impl Choice for DossierKind {
    const ALL: &'static [DossierKind] = &[
        DossierKind::First,
        DossierKind::Upgrade,
        DossierKind::Reevaluation,
    ];
    const WHAT: &'static str = "a dossier case";
}

/// Working days or calendar days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum TimeUnit {
    /// Ngày làm việc: weekends and days off are not counted.
    WorkingDays,
    /// Ngày: calendar days (a limit ending on a day off ends on the next working day).
    Days,
}

impl Choice for TimeUnit {
    const ALL: &'static [TimeUnit] = &[TimeUnit::WorkingDays, TimeUnit::Days];
    const WHAT: &'static str = "a unit of time";
}

/// A step of the procedure that has a time limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum ProcedureStep {
    /// The commune receives, checks and assesses the dossier and sends it on.
    CommuneReview,
    /// The whole re-evaluation at expiry, from a complete dossier.
    Reevaluation,
    /// Revoking a certificate, from the finding.
    Revocation,
}

impl Choice for ProcedureStep {
    const ALL: &'static [ProcedureStep] = &[
        ProcedureStep::CommuneReview,
        ProcedureStep::Reevaluation,
        ProcedureStep::Revocation,
    ];
    const WHAT: &'static str = "a step with a time limit";
}

/// What a dossier holds, who prepares each part, the forms and the procedure's time limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct DossierSpec {
    /// The articles.
    pub basis: Str,
    /// Where this data was compiled from.
    pub sources: Vec<Str>,
    /// Paper and electronic copies of each set sent on, where the edition says.
    #[serde(default)]
    pub copies: Option<Copies>,
    /// Product samples sent with the dossier, where the edition says.
    #[serde(default)]
    pub samples: Option<SampleRule>,
    /// Every document that may appear in a set.
    #[serde(default)]
    pub documents: Vec<DocumentInfo>,
    /// The sets sent from one body to the next, in order.
    #[serde(default)]
    pub packages: Vec<DossierPackage>,
    /// What a case adds to the producer's dossier (upgrade, re-evaluation).
    #[serde(default)]
    pub case_requirements: Vec<CaseRequirement>,
    /// Kinds of evidence the self-assessment report attaches (Mẫu 02 Phần III).
    #[serde(default)]
    pub evidence: Vec<EvidenceKind>,
    /// The printed forms.
    #[serde(default)]
    pub forms: Vec<FormInfo>,
    /// The procedure's time limits.
    #[serde(default)]
    pub time_limits: Vec<TimeLimit>,
    /// The registration slip's number, where the form prints one.
    #[serde(default)]
    pub registration_slip: Option<SlipFormat>,
    /// What the reference lacks, said rather than guessed.
    #[serde(default)]
    pub gaps: Vec<Str>,
}

/// Copies of a set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct Copies {
    /// Paper sets.
    pub paper: u8,
    /// Electronic sets.
    pub electronic: u8,
    /// The article.
    pub basis: Str,
    /// Anything the article adds.
    #[serde(default)]
    pub note: Option<Text>,
}

/// Product samples.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct SampleRule {
    /// How many.
    pub count: u8,
    /// Product sets that send none (tourism services).
    #[serde(default)]
    pub except_product_sets: Vec<u8>,
    /// Who provides them.
    pub provided_by: Text,
    /// The article.
    pub basis: Str,
    /// How sure we are of it.
    #[serde(default)]
    pub confidence_note: Option<Str>,
}

/// A document of a dossier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct DocumentInfo {
    /// Short id, e.g. `registration-form`.
    pub id: Str,
    /// Its name as the article words it.
    pub name: Text,
    /// The form it is filled on, if the edition prints one.
    #[serde(default)]
    pub form: Option<Str>,
    /// When it is needed, if not always ("nếu có").
    #[serde(default)]
    pub condition: Option<Text>,
    /// The article.
    pub basis: Str,
}

/// A set of documents one body sends to the next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct DossierPackage {
    /// Short id, e.g. `product-dossier`.
    pub id: Str,
    /// Its name as the article words it.
    pub name: Text,
    /// Who prepares it.
    pub prepared_by: Text,
    /// Who receives it.
    pub sent_to: Text,
    /// The levels whose evaluation needs it (a province set is needed for 3-4 and 5 stars).
    pub levels: Vec<Level>,
    /// The cases it is for; empty for every case.
    #[serde(default)]
    pub cases: Vec<DossierKind>,
    /// Its contents in order: document ids, or the id of a set sent inside it.
    pub items: Vec<Str>,
    /// The product samples travel with it.
    #[serde(default)]
    pub samples: bool,
    /// The copies rule applies to it.
    #[serde(default)]
    pub copies: bool,
    /// The article.
    pub basis: Str,
}

/// What a case adds to the producer's dossier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct CaseRequirement {
    /// The case.
    pub case: DossierKind,
    /// What it requires.
    pub text: Text,
    /// The article.
    pub basis: Str,
}

/// A kind of evidence attached to the self-assessment report, and the criteria it supports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct EvidenceKind {
    /// Short id, e.g. `local-labour`.
    pub id: Str,
    /// The row's "Nội dung" as printed.
    pub name: Text,
    /// The row's "Yêu cầu": the documents asked for.
    pub requirement: Text,
    /// The criteria it supports on each sheet (the form names none: every link is inferred).
    #[serde(default)]
    pub links: Vec<CriterionLink>,
    /// Anything else about it (a pass/fail gate, a tick box of Phần I).
    #[serde(default)]
    pub note: Option<Text>,
}

/// Criteria that a form item or an evidence kind bears on, on some product sets' sheets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct CriterionLink {
    /// The product sets whose sheets have these codes; empty for every set.
    #[serde(default)]
    pub product_sets: Vec<u8>,
    /// Criterion codes on those sheets.
    pub criteria: Vec<Str>,
    /// How the link was made.
    pub strength: LinkStrength,
}

/// How a link to a criterion was made: none is printed in the forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum LinkStrength {
    /// The sheet prints a criterion under the same name.
    SameName,
    /// Matched on the wording of the criterion or its options.
    Wording,
    /// A weak candidate.
    Weak,
}

/// A printed form (Mẫu số …) and its fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct FormInfo {
    /// Short id, e.g. `mau-01`.
    pub id: Str,
    /// As printed, e.g. `Mẫu số 01`.
    pub number: Str,
    /// Its title.
    pub name: Text,
    /// Who fills it in.
    pub filled_by: Text,
    /// Where it is printed.
    pub basis: Str,
    /// What is printed above the title.
    #[serde(default)]
    pub heading: FormHeading,
    /// Its parts in printed order.
    pub sections: Vec<FormSection>,
    /// How the copy prints it, where it matters for printing.
    #[serde(default)]
    pub notes: Vec<Str>,
}

/// A part of a form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct FormSection {
    /// Short id, unique in the form.
    pub id: Str,
    /// Its heading as printed; none for the header and signature blocks.
    #[serde(default)]
    pub title: Option<Text>,
    /// Its fields in printed order.
    pub fields: Vec<FormField>,
}

/// A blank, tick box or block of a form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct FormField {
    /// Short id, unique in the form.
    pub id: Str,
    /// Its label as printed.
    pub label: Text,
    /// What goes in it.
    pub kind: FieldKind,
    /// The boxes to tick, for a choice.
    #[serde(default)]
    pub choices: Vec<FieldChoice>,
    /// The form's own guidance printed with it (in italics).
    #[serde(default)]
    pub guidance: Option<Text>,
    /// Criteria it bears on (inferred: the forms name none).
    #[serde(default)]
    pub links: Vec<CriterionLink>,
    /// The values that fill the label's blanks (`……`), in order: ids of the form's fields, or
    /// of blanks that only this label prints.
    #[serde(default)]
    pub fills: Vec<Str>,
}

/// What a form prints above its title.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum FormHeading {
    /// Nothing (Mẫu số 02).
    #[default]
    None,
    /// The Quốc hiệu, centred (Mẫu số 01).
    Nation,
    /// The issuing body on the left (the fields of the section `header`), the Quốc hiệu on the
    /// right (Mẫu số 03).
    IssuerAndNation,
}

/// One box of a choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct FieldChoice {
    /// Short id.
    pub id: Str,
    /// As printed.
    pub label: Text,
}

/// What goes in a form field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
pub enum FieldKind {
    /// A line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A number.
    Number,
    /// A day.
    Date,
    /// "……, ngày …… tháng …… năm ……".
    PlaceAndDate,
    /// One tick box.
    Checkbox,
    /// One box to tick among several.
    Choice,
    /// A signature (and seal) block.
    Signature,
    /// The registration slip's number.
    SlipNumber,
    /// The product set (Ngành, Nhóm, Phân nhóm of Phụ lục I).
    ProductSet,
    /// The self-assessed points, criterion by criterion, with their evidence.
    CriteriaTable,
    /// The table of evidence kinds (Mẫu 02 Phần III).
    EvidenceTable,
    /// A fixed sentence with blanks.
    Statement,
}

/// A time limit of the procedure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    /// The step.
    pub step: ProcedureStep,
    /// What is done within it.
    pub name: Text,
    /// Its length.
    pub length: u16,
    /// In working days or calendar days, as the article says.
    pub unit: TimeUnit,
    /// The event it counts from.
    pub counted_from: Text,
    /// The article and its wording.
    pub basis: Str,
}

/// The registration slip's number as the form prints it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), tsify(missing_as_null))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
#[serde(deny_unknown_fields)]
pub struct SlipFormat {
    /// As printed, e.g. `Phiếu số: ……-……. /PĐK- (Mã tỉnh) - (Mã xã) - (Năm)`.
    pub printed: Str,
    /// Where.
    pub basis: Str,
    /// How the blanks are read.
    #[serde(default)]
    pub confidence_note: Option<Str>,
}
