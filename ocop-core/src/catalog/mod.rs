//! The regulation editions: identity, taxonomy, subject types and scoring sheets.
//!
//! Built-in editions are compiled into the crate from `ocop-core/catalogs/` (validated at build
//! time) and decoded once, on first use. [`Catalog::builtin`] holds them all.
//!
//! ```
//! use ocop_core::{Catalog, Lang};
//!
//! let catalog = Catalog::builtin();
//! let edition = catalog.edition("26/2026").unwrap();
//! let sheet = edition.sheet(9).unwrap();
//! assert_eq!(sheet.criteria().count(), 31);
//! let first = sheet.criteria().next().unwrap();
//! assert_eq!(first.code, "A1.1");
//! assert_eq!(first.name.get(Lang::Vi), "Nguồn nguyên liệu");
//! ```

pub(crate) mod compiled;
pub mod correspondence;
pub mod model;
mod search;
#[cfg(feature = "toml-loader")]
pub mod source;
pub mod validate;

use std::sync::OnceLock;

use jiff::civil::Date;

use crate::error::{InputError, Problem};
use crate::text::{self, Str};

use compiled::CompiledSheet;
use model::{Criterion, EditionData, Procedure, ProductSetInfo, Sheet, SubjectType};
pub use search::SearchHit;

/// Every edition the library knows, newest first.
#[derive(Debug)]
pub struct Catalog {
    editions: Vec<Edition>,
    load_errors: Vec<String>,
}

pub(crate) struct BuiltinEdition {
    id: &'static str,
    content_hash: &'static str,
    packed: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/builtin_editions.rs"));

impl Catalog {
    /// The editions compiled into this crate (26/2026 and 148/2023), decoded once.
    pub fn builtin() -> &'static Catalog {
        static BUILTIN_CATALOG: OnceLock<Catalog> = OnceLock::new();
        BUILTIN_CATALOG.get_or_init(Catalog::decode_builtin)
    }

    /// Decodes and indexes the built-in editions afresh: what [`Catalog::builtin`] does once,
    /// for measuring start-up cost or holding a private copy.
    pub fn decode_builtin() -> Catalog {
        let mut editions = Vec::new();
        let mut load_errors = Vec::new();
        for b in BUILTIN {
            match text::unpack::<EditionData>(b.packed) {
                Ok(data) => editions.push(Edition::compile(data, b.content_hash.to_owned())),
                Err(e) => load_errors.push(format!("built-in edition {}: {e}", b.id)),
            }
        }
        Catalog::from_editions(editions, load_errors)
    }

    /// A catalog of the given editions (e.g. the built-in ones plus a draft loaded from TOML).
    pub fn new(editions: Vec<Edition>) -> Catalog {
        Catalog::from_editions(editions, Vec::new())
    }

    fn from_editions(mut editions: Vec<Edition>, load_errors: Vec<String>) -> Catalog {
        editions.sort_by(|a, b| {
            b.data
                .identity
                .effective_from
                .cmp(&a.data.identity.effective_from)
        });
        Catalog {
            editions,
            load_errors,
        }
    }

    /// The editions, newest first.
    pub fn editions(&self) -> &[Edition] {
        &self.editions
    }

    /// An edition by its id (`26/2026`, `148/2023`) or its printed number (`148/QĐ-TTg`).
    ///
    /// ```
    /// let catalog = ocop_core::Catalog::builtin();
    /// assert_eq!(catalog.edition("148/QĐ-TTg").unwrap().id(), "148/2023");
    /// assert!(catalog.edition("1048/2019").is_none());
    /// ```
    pub fn edition(&self, id: &str) -> Option<&Edition> {
        let id = id.trim();
        self.editions
            .iter()
            .find(|e| e.data.identity.id == id || e.data.identity.number == id)
    }

    /// [`Catalog::edition`], or the `UNKNOWN_EDITION` error at `/edition` naming the editions
    /// carried: the one wording of that error for every reader and binding.
    ///
    /// ```
    /// let error = ocop_core::Catalog::builtin().find_edition("1048/2019").unwrap_err();
    /// assert_eq!(error.message, "`1048/2019` is not an edition; use one of: 26/2026, 148/2023");
    /// ```
    pub fn find_edition(&self, id: &str) -> Result<&Edition, InputError> {
        self.edition(id).ok_or_else(|| {
            let known: Vec<&str> = self.editions.iter().map(Edition::id).collect();
            InputError::at(
                "/edition",
                Problem::UnknownEdition {
                    id: id.chars().take(crate::limits::MAX_TEXT_CHARS).collect(),
                    known: known.join(", "),
                },
            )
        })
    }

    /// The edition in force on `date`: the newest one that had taken effect by then.
    ///
    /// ```
    /// use jiff::civil::date;
    /// let catalog = ocop_core::Catalog::builtin();
    /// assert_eq!(catalog.edition_in_force(date(2026, 5, 21)).unwrap().id(), "148/2023");
    /// assert_eq!(catalog.edition_in_force(date(2026, 5, 22)).unwrap().id(), "26/2026");
    /// assert!(catalog.edition_in_force(date(2020, 1, 1)).is_none());
    /// ```
    pub fn edition_in_force(&self, date: Date) -> Option<&Edition> {
        self.editions
            .iter()
            .find(|e| e.data.identity.effective_from <= date)
    }

    /// Problems decoding the built-in editions; always empty unless the build is broken.
    pub fn load_errors(&self) -> &[String] {
        &self.load_errors
    }
}

/// One edition, indexed for scoring.
#[derive(Debug)]
pub struct Edition {
    data: EditionData,
    content_hash: String,
    sheets: Vec<CompiledSheet>,
}

impl Edition {
    /// Loads an edition from its TOML files, `(path within the edition folder, text)`, the way
    /// the built-in ones are compiled. Every problem is reported.
    #[cfg(feature = "toml-loader")]
    pub fn from_toml_files<P: AsRef<str>, C: AsRef<str>>(
        files: &[(P, C)],
    ) -> Result<Edition, Vec<validate::CatalogIssue>> {
        let data = source::load_edition_files(files)?;
        let hash = source::content_hash(&data);
        Ok(Edition::compile(data, hash))
    }

    fn compile(data: EditionData, content_hash: String) -> Edition {
        let sheets = data
            .sheets
            .iter()
            .map(|s| CompiledSheet::new(s, &data))
            .collect();
        Edition {
            data,
            content_hash,
            sheets,
        }
    }

    /// Short id, e.g. `26/2026`.
    pub fn id(&self) -> &str {
        &self.data.identity.id
    }

    /// All of the edition's data, as it is exported to JSON.
    pub fn data(&self) -> &EditionData {
        &self.data
    }

    /// `sha256:…` of the edition's canonical JSON: a result records it so it can be checked
    /// against the edition later.
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    /// The edition's canonical JSON: compact, fields in the order of [`EditionData`], no hash.
    /// Its SHA-256 is [`Edition::content_hash`] (`ocop catalog --canonical | sha256sum`).
    ///
    /// ```
    /// use sha2::{Digest, Sha256};
    /// let edition = ocop_core::Catalog::builtin().edition("26/2026").unwrap();
    /// let digest = Sha256::digest(edition.canonical_json().as_bytes());
    /// let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    /// assert_eq!(format!("sha256:{hex}"), edition.content_hash());
    /// ```
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(&self.data).unwrap_or_default()
    }

    /// Whether the edition was in force on `date` (it may still govern older certificates).
    pub fn in_force_on(&self, date: Date) -> bool {
        let id = &self.data.identity;
        id.effective_from <= date && id.in_force_until.is_none_or(|until| date <= until)
    }

    /// The product set with the regulation's number `n` (1–26).
    pub fn product_set(&self, n: u8) -> Option<&ProductSetInfo> {
        self.data.product_sets.iter().find(|s| s.number == n)
    }

    /// [`Edition::sheet`], or the `UNKNOWN_PRODUCT_SET` error at `/productSet`.
    pub fn find_sheet(&self, n: u8) -> Result<SheetRef<'_>, InputError> {
        self.sheet(n).ok_or_else(|| {
            InputError::at(
                "/productSet",
                Problem::UnknownProductSet {
                    edition: self.id().to_owned(),
                    last: self.data.product_sets.len(),
                    found: n,
                },
            )
        })
    }

    /// The scoring sheet for product set `n`.
    pub fn sheet(&self, n: u8) -> Option<SheetRef<'_>> {
        let i = self.data.sheets.iter().position(|s| s.product_set == n)?;
        Some(SheetRef {
            edition: self,
            sheet: self.data.sheets.get(i)?,
            compiled: self.sheets.get(i)?,
        })
    }

    /// Every scoring sheet, by product set.
    pub fn sheets(&self) -> impl Iterator<Item = SheetRef<'_>> {
        self.data
            .sheets
            .iter()
            .zip(&self.sheets)
            .map(move |(sheet, compiled)| SheetRef {
                edition: self,
                sheet,
                compiled,
            })
    }

    /// The procedure that applied on `date`, or the latest one when no date is known.
    pub fn procedure_on(&self, date: Option<Date>) -> Option<&Procedure> {
        match date {
            None => self.data.procedures.last(),
            Some(d) => self
                .data
                .procedures
                .iter()
                .rev()
                .find(|p| p.from <= d)
                .or_else(|| self.data.procedures.first()),
        }
    }

    /// Whether `subject_type` may apply for product set `n`.
    pub fn subject_type_eligible(&self, subject_type: SubjectType, n: u8) -> bool {
        self.data
            .subject_types
            .iter()
            .find(|t| t.id == subject_type)
            .is_some_and(|t| t.only_product_sets.is_empty() || t.only_product_sets.contains(&n))
    }

    /// Whether any sheet of this edition has a criterion with this code.
    pub fn has_criterion_code(&self, code: &str) -> bool {
        self.sheets.iter().any(|s| s.position(code).is_some())
    }
}

/// An edition in a few lines: for lists and pickers.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EditionSummary {
    /// Id, e.g. `26/2026`.
    pub id: Str,
    /// Printed number.
    pub number: Str,
    /// Title.
    pub title: text::Text,
    /// First day in force.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub effective_from: Date,
    /// Last day in force, once replaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    pub in_force_until: Option<Date>,
    /// Version of its data.
    pub data_version: Str,
    /// `sha256:…` of its canonical JSON.
    pub content_hash: String,
    /// Known doubts about its data.
    pub caveats: Vec<Str>,
    /// Numbers of its provisional sheets.
    pub provisional_sheets: Vec<u8>,
}

impl Edition {
    /// The edition in a few lines.
    pub fn summary(&self) -> EditionSummary {
        let id = &self.data.identity;
        EditionSummary {
            id: id.id.clone(),
            number: id.number.clone(),
            title: id.title.clone(),
            effective_from: id.effective_from,
            in_force_until: id.in_force_until,
            data_version: id.data_version.clone(),
            content_hash: self.content_hash.clone(),
            caveats: id.caveats.clone(),
            provisional_sheets: self
                .data
                .sheets
                .iter()
                .filter(|s| s.provisional.is_some())
                .map(|s| s.product_set)
                .collect(),
        }
    }
}

/// A scoring sheet of an edition: the sheet's data (through `Deref`) and the index used to
/// score it.
#[derive(Clone, Copy, Debug)]
pub struct SheetRef<'a> {
    edition: &'a Edition,
    sheet: &'a Sheet,
    pub(crate) compiled: &'a CompiledSheet,
}

impl<'a> std::ops::Deref for SheetRef<'a> {
    type Target = Sheet;
    fn deref(&self) -> &Sheet {
        self.sheet
    }
}

impl<'a> SheetRef<'a> {
    /// The edition the sheet belongs to.
    pub fn edition(&self) -> &'a Edition {
        self.edition
    }

    /// The sheet's data.
    pub fn data(&self) -> &'a Sheet {
        self.sheet
    }

    /// The product set scored on this sheet.
    pub fn product_set(&self) -> Option<&'a ProductSetInfo> {
        self.edition.product_set(self.sheet.product_set)
    }

    /// Every criterion in printed order.
    pub fn criteria(&self) -> impl Iterator<Item = &'a Criterion> + use<'a> {
        validate::criteria(self.sheet)
    }

    /// Number of criteria.
    pub fn criterion_count(&self) -> usize {
        self.compiled.criteria.len()
    }

    /// The position (0-based, printed order) of the criterion with this code.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.compiled.position(code)
    }

    /// The criterion at `position`.
    pub fn criterion(&self, position: usize) -> Option<&'a Criterion> {
        self.criteria().nth(position)
    }

    /// The criterion with this code.
    pub fn criterion_by_code(&self, code: &str) -> Option<&'a Criterion> {
        self.criterion(self.position(code)?)
    }

    /// The highest total this sheet allows (100, or less on a provisional sheet).
    pub fn best_total(&self) -> u8 {
        self.compiled.best_total
    }
}
