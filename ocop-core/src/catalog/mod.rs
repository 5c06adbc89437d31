//! The regulation editions: identity, taxonomy, subject types and scoring sheets.
//!
//! Built-in editions are compiled into the crate from `ocop-core/catalogs/` (validated at build
//! time). [`Catalog::builtin`] knows them all from the start and decodes each one at its first
//! use, and each sheet's scoring index at the sheet's first use: a program that scores one
//! edition's sheets never decodes the other edition.
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
//!
//! Without the `embedded-editions` feature (on by default) the editions' data is not in the
//! crate: the catalog still knows each edition's id and dates, and [`Catalog::load_packed`]
//! supplies its data at run time (the npm package ships each edition as a file of its own).

pub(crate) mod compiled;
pub mod correspondence;
pub mod model;
mod search;
#[cfg(feature = "toml-loader")]
pub mod source;
pub mod validate;

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use jiff::civil::Date;

use crate::error::{InputError, Problem};
use crate::text::{self, PackedFile, PackedPart, Str};

use compiled::CompiledSheet;
use model::{Criterion, EditionData, Procedure, ProductSetInfo, Sheet, SubjectType};
pub use search::SearchHit;

/// Every edition the library knows, newest first.
#[derive(Debug)]
pub struct Catalog {
    slots: Vec<Slot>,
}

/// One edition of a catalog: known by its id and dates from the start, decoded at first use.
struct Slot {
    id: Str,
    number: Str,
    effective_from: Date,
    content_hash: Str,
    /// The packed file of its rules (see [`PackedFile`]), once there is one.
    rules: OnceLock<Cow<'static, [u8]>>,
    /// The packed file of its labels' words, once there is one.
    labels: OnceLock<Cow<'static, [u8]>>,
    /// The edition decoded from those files, or why it could not be.
    edition: OnceLock<Result<Edition, String>>,
}

impl fmt::Debug for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Slot")
            .field("id", &self.id)
            .field("rules", &self.rules.get().is_some())
            .field("labels", &self.labels.get().is_some())
            .field("edition", &self.edition.get())
            .finish_non_exhaustive()
    }
}

impl Slot {
    /// The edition, decoded now if it was not yet (with its labels if they are there);
    /// `None` until its rules are loaded.
    fn edition(&self) -> Option<Result<&Edition, &str>> {
        if let Some(done) = self.edition.get() {
            return Some(done.as_ref().map_err(String::as_str));
        }
        let rules = self.rules.get()?;
        let done = self.edition.get_or_init(|| {
            let rules = PackedFile::read(rules).ok_or("not a packed edition file")?;
            let labels = match self.labels.get() {
                Some(file) => Some(PackedFile::read(file).ok_or("not a packed edition file")?),
                None => None,
            };
            let data = text::unpack::<EditionData>(rules.data, labels.as_ref().map(|l| l.data))
                .map_err(|e| e.to_string())?;
            let mut edition = Edition::compile(data, rules.content_hash.to_owned());
            edition.labels = labels.is_some();
            Ok(edition)
        });
        Some(done.as_ref().map_err(String::as_str))
    }

    /// Whether `id` names this edition: its id or its printed number.
    fn is(&self, id: &str) -> bool {
        self.id == id || self.number == id
    }
}

/// A built-in edition, as build.rs indexes it.
pub(crate) struct BuiltinEdition {
    id: &'static str,
    number: &'static str,
    effective_from: (i16, i8, i8),
    content_hash: &'static str,
    rules: Option<&'static [u8]>,
    labels: Option<&'static [u8]>,
}

// The built-in editions' files are included with the `embedded-editions` feature.
#[cfg(feature = "embedded-editions")]
macro_rules! packed_file {
    ($file:literal) => {
        Some(include_bytes!(concat!(env!("OUT_DIR"), "/", $file)).as_slice())
    };
}
#[cfg(not(feature = "embedded-editions"))]
macro_rules! packed_file {
    ($file:literal) => {
        None
    };
}

include!(concat!(env!("OUT_DIR"), "/builtin_editions.rs"));

impl Catalog {
    /// The editions compiled into this crate (26/2026 and 148/2023), each decoded at its first
    /// use.
    pub fn builtin() -> &'static Catalog {
        static BUILTIN_CATALOG: OnceLock<Catalog> = OnceLock::new();
        BUILTIN_CATALOG.get_or_init(Catalog::index_builtin)
    }

    /// A fresh catalog of the built-in editions, all decoded and every sheet indexed now: what
    /// [`Catalog::builtin`] does lazily, for measuring the whole start-up cost or holding a
    /// private copy.
    pub fn decode_builtin() -> Catalog {
        let catalog = Catalog::index_builtin();
        for edition in catalog.editions() {
            edition.sheets().for_each(drop);
        }
        catalog
    }

    /// The built-in editions by id and dates, with none of their data loaded: each one is
    /// supplied with [`Catalog::load_packed`] before use. What the npm package starts from.
    ///
    /// ```
    /// use ocop_core::Catalog;
    /// let catalog = Catalog::builtin_index();
    /// let error = catalog.find_edition("148/2023").unwrap_err();
    /// assert_eq!(error.code.as_str(), "EDITION_NOT_LOADED");
    /// # #[cfg(feature = "embedded-editions")] {
    /// let [rules, labels] = Catalog::builtin_files("148/2023").unwrap();
    /// assert_eq!(catalog.load_packed(rules.to_vec()).unwrap(), "148/2023");
    /// assert_eq!(catalog.load_packed(labels.to_vec()).unwrap(), "148/2023");
    /// assert_eq!(catalog.find_edition("148/2023").unwrap().data().product_sets.len(), 26);
    /// # }
    /// ```
    pub fn builtin_index() -> Catalog {
        let mut catalog = Catalog::index_builtin();
        for slot in &mut catalog.slots {
            slot.rules = OnceLock::new();
            slot.labels = OnceLock::new();
        }
        catalog
    }

    /// The packed files of a built-in edition, its rules and its labels, as
    /// [`Catalog::load_packed`] takes them (and as the npm package ships them).
    #[cfg(feature = "embedded-editions")]
    pub fn builtin_files(id: &str) -> Option<[&'static [u8]; 2]> {
        let b = BUILTIN.iter().find(|b| b.id == id)?;
        Some([b.rules?, b.labels?])
    }

    fn index_builtin() -> Catalog {
        let mut slots: Vec<Slot> = BUILTIN
            .iter()
            .map(|b| {
                let (y, m, d) = b.effective_from;
                let file = |bytes: Option<&'static [u8]>| {
                    let file = OnceLock::new();
                    if let Some(bytes) = bytes {
                        let _ = file.set(Cow::Borrowed(bytes));
                    }
                    file
                };
                Slot {
                    id: b.id.into(),
                    number: b.number.into(),
                    effective_from: Date::new(y, m, d).unwrap_or(Date::MIN),
                    content_hash: b.content_hash.into(),
                    rules: file(b.rules),
                    labels: file(b.labels),
                    edition: OnceLock::new(),
                }
            })
            .collect();
        slots.sort_by_key(|s| std::cmp::Reverse(s.effective_from));
        Catalog { slots }
    }

    /// A catalog of the given editions (e.g. the built-in ones plus a draft loaded from TOML).
    pub fn new(editions: Vec<Edition>) -> Catalog {
        let mut slots: Vec<Slot> = editions
            .into_iter()
            .map(|e| {
                let identity = &e.data.identity;
                Slot {
                    id: identity.id.clone(),
                    number: identity.number.clone(),
                    effective_from: identity.effective_from,
                    content_hash: e.content_hash.as_str().into(),
                    rules: OnceLock::new(),
                    labels: OnceLock::new(),
                    edition: OnceLock::from(Ok(e)),
                }
            })
            .collect();
        slots.sort_by_key(|s| std::cmp::Reverse(s.effective_from));
        Catalog { slots }
    }

    /// Supplies an edition's data at run time: one of its two packed files, as build.rs writes
    /// them and the npm package ships them: `<edition>.bin`, the rules (enough to score), and
    /// `<edition>.labels.bin`, the words of its labels. A file must be for an edition this
    /// catalog knows, with the same content hash (the same data this library was built with).
    /// The edition is decoded at its first use, with its labels if they were supplied by then.
    /// Supplying a file already loaded changes nothing. Returns the edition's id.
    ///
    /// Only needed when the crate is built without the `embedded-editions` feature; with it
    /// the built-in editions are there already.
    ///
    /// ```
    /// let catalog = ocop_core::Catalog::builtin();
    /// let error = catalog.load_packed(b"not an edition".to_vec()).unwrap_err();
    /// assert_eq!(error.code.as_str(), "INVALID_CATALOG");
    /// ```
    pub fn load_packed(&self, file: Vec<u8>) -> Result<&str, InputError> {
        if file.len() > crate::limits::MAX_EDITION_FILE_BYTES {
            return Err(InputError::at(
                "",
                Problem::InputTooLarge {
                    size: file.len(),
                    limit: crate::limits::MAX_EDITION_FILE_BYTES,
                },
            ));
        }
        let refuse = |why: String| InputError::at("", Problem::InvalidCatalog(why));
        let header = PackedFile::read(&file)
            .ok_or_else(|| refuse("these bytes are not an ocop edition file".into()))?;
        let slot = self
            .slots
            .iter()
            .find(|s| s.id == header.id)
            .ok_or_else(|| {
                refuse(format!(
                    "edition {} is not one this library knows",
                    header.id
                ))
            })?;
        if slot.content_hash != header.content_hash {
            return Err(refuse(format!(
                "this file of edition {} has other data ({}) than this library was built with ({}); use the file shipped with it",
                slot.id, header.content_hash, slot.content_hash
            )));
        }
        let part = header.part;
        let target = match part {
            PackedPart::Rules => &slot.rules,
            PackedPart::Labels => {
                if let Some(Ok(e)) = slot.edition.get() {
                    if !e.labels {
                        return Err(refuse(format!(
                            "edition {} is already in use without its labels; supply its labels before its first use",
                            slot.id
                        )));
                    }
                }
                &slot.labels
            }
        };
        let _ = target.set(Cow::Owned(file));
        Ok(&slot.id)
    }

    /// The editions whose data is there, newest first (decoding each one not decoded yet).
    pub fn editions(&self) -> impl Iterator<Item = &Edition> {
        self.slots
            .iter()
            .filter_map(|s| s.edition().and_then(Result::ok))
    }

    /// The ids of every edition this catalog knows, newest first, whether its data is loaded
    /// or not.
    ///
    /// ```
    /// let ids: Vec<&str> = ocop_core::Catalog::builtin().edition_ids().collect();
    /// assert_eq!(ids, ["26/2026", "148/2023"]);
    /// ```
    pub fn edition_ids(&self) -> impl Iterator<Item = &str> {
        self.slots.iter().map(|s| s.id.as_str())
    }

    /// An edition by its id (`26/2026`, `148/2023`) or its printed number (`148/QĐ-TTg`);
    /// `None` if there is none, or its data is not loaded.
    ///
    /// ```
    /// let catalog = ocop_core::Catalog::builtin();
    /// assert_eq!(catalog.edition("148/QĐ-TTg").unwrap().id(), "148/2023");
    /// assert!(catalog.edition("1048/2019").is_none());
    /// ```
    pub fn edition(&self, id: &str) -> Option<&Edition> {
        let id = id.trim();
        self.slots.iter().find(|s| s.is(id))?.edition()?.ok()
    }

    /// [`Catalog::edition`], or the error at `/edition` that says why there is none: the one
    /// wording of `UNKNOWN_EDITION` (naming the editions carried) and `EDITION_NOT_LOADED`
    /// for every reader and binding.
    ///
    /// ```
    /// let error = ocop_core::Catalog::builtin().find_edition("1048/2019").unwrap_err();
    /// assert_eq!(error.message, "`1048/2019` is not an edition; use one of: 26/2026, 148/2023");
    /// ```
    pub fn find_edition(&self, id: &str) -> Result<&Edition, InputError> {
        let trimmed = id.trim();
        let Some(slot) = self.slots.iter().find(|s| s.is(trimmed)) else {
            let known: Vec<&str> = self.edition_ids().collect();
            return Err(InputError::at(
                "/edition",
                Problem::UnknownEdition {
                    id: id.chars().take(crate::limits::MAX_TEXT_CHARS).collect(),
                    known: known.join(", "),
                },
            ));
        };
        Catalog::decoded(slot, "/edition")
    }

    /// [`Catalog::find_edition`] for what needs the labels' words (explanations): also
    /// `EDITION_NOT_LOADED` when only the edition's rules were supplied.
    pub(crate) fn find_labelled_edition(&self, id: &str) -> Result<&Edition, InputError> {
        let edition = self.find_edition(id)?;
        if !edition.labels {
            return Err(InputError::at(
                "/edition",
                Problem::LabelsNotLoaded(edition.id().to_owned()),
            ));
        }
        Ok(edition)
    }

    /// The edition of `slot`, or why it cannot be used (at `path`).
    fn decoded<'a>(slot: &'a Slot, path: &str) -> Result<&'a Edition, InputError> {
        match slot.edition() {
            Some(Ok(edition)) => Ok(edition),
            Some(Err(why)) => Err(InputError::at(
                path,
                Problem::Internal(format!("edition {} cannot be decoded: {why}", slot.id)),
            )),
            None => Err(InputError::at(
                path,
                Problem::EditionNotLoaded(slot.id.to_string()),
            )),
        }
    }

    /// The edition in force on `date`: the newest one that had taken effect by then (`None`
    /// before the oldest, or if its data is not loaded).
    ///
    /// ```
    /// use jiff::civil::date;
    /// let catalog = ocop_core::Catalog::builtin();
    /// assert_eq!(catalog.edition_in_force(date(2026, 5, 21)).unwrap().id(), "148/2023");
    /// assert_eq!(catalog.edition_in_force(date(2026, 5, 22)).unwrap().id(), "26/2026");
    /// assert!(catalog.edition_in_force(date(2020, 1, 1)).is_none());
    /// ```
    pub fn edition_in_force(&self, date: Date) -> Option<&Edition> {
        self.find_edition_in_force(date, "").ok()
    }

    /// [`Catalog::edition_in_force`], or the error at `path`: `NO_EDITION_IN_FORCE`, or
    /// `EDITION_NOT_LOADED`.
    pub(crate) fn find_edition_in_force(
        &self,
        date: Date,
        path: &str,
    ) -> Result<&Edition, InputError> {
        let slot = self
            .slots
            .iter()
            .find(|s| s.effective_from <= date)
            .ok_or_else(|| InputError::at(path, Problem::NoEditionInForce(date)))?;
        Catalog::decoded(slot, path)
    }

    /// Problems decoding the editions whose data is there (decoding each one not decoded
    /// yet); always empty unless the build is broken.
    pub fn load_errors(&self) -> Vec<String> {
        self.slots
            .iter()
            .filter_map(|s| match s.edition() {
                Some(Err(why)) => Some(format!("edition {}: {why}", s.id)),
                _ => None,
            })
            .collect()
    }
}

/// One edition, indexed for scoring.
#[derive(Debug)]
pub struct Edition {
    data: EditionData,
    content_hash: String,
    /// Whether the labels' words are there (only an edition supplied at run time with its
    /// rules alone has them empty).
    labels: bool,
    /// Each sheet's scoring index, built at the sheet's first use.
    sheets: Vec<OnceLock<CompiledSheet>>,
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
        let sheets = data.sheets.iter().map(|_| OnceLock::new()).collect();
        Edition {
            data,
            content_hash,
            labels: true,
            sheets,
        }
    }

    /// Whether the labels' words are there: always, except for an edition supplied at run time
    /// with its rules alone ([`Catalog::load_packed`]), whose labels read as empty text.
    pub fn has_labels(&self) -> bool {
        self.labels
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
        self.sheet_at(self.data.sheets.get(i)?, self.sheets.get(i)?)
    }

    fn sheet_at<'a>(
        &'a self,
        sheet: &'a Sheet,
        compiled: &'a OnceLock<CompiledSheet>,
    ) -> Option<SheetRef<'a>> {
        Some(SheetRef {
            edition: self,
            sheet,
            compiled: compiled.get_or_init(|| CompiledSheet::new(sheet, &self.data)),
        })
    }

    /// Every scoring sheet, by product set.
    pub fn sheets(&self) -> impl Iterator<Item = SheetRef<'_>> {
        self.data
            .sheets
            .iter()
            .zip(&self.sheets)
            .filter_map(move |(sheet, compiled)| self.sheet_at(sheet, compiled))
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
        self.data
            .sheets
            .iter()
            .any(|s| validate::criteria(s).any(|c| c.code == code))
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
    #[serde(with = "crate::text::iso_day")]
    pub effective_from: Date,
    /// Last day in force, once replaced.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::text::iso_day::option"
    )]
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
        let at = self.compiled.criteria.get(position)?;
        self.sheet
            .parts
            .get(usize::from(at.part))?
            .sections
            .get(usize::from(at.section))?
            .criteria
            .get(usize::from(at.index))
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
