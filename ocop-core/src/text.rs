//! Labels in Vietnamese and English, and the shared string type behind them.
//!
//! Also compiled into `build.rs` (through `#[path]`), which packs each edition into the crate.

use std::cell::RefCell;
#[cfg(not(ocop_lib))]
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The language of a label: the regulation's Vietnamese text or our English rendering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Enum))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Vietnamese: the regulation's own words.
    #[default]
    Vi,
    /// English: short labels written for this library.
    En,
}

impl Lang {
    /// Parses `vi` or `en` (case-insensitive).
    ///
    /// ```
    /// use ocop_core::Lang;
    /// assert_eq!(Lang::parse("EN"), Some(Lang::En));
    /// assert_eq!(Lang::parse("fr"), None);
    /// ```
    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// An immutable string shared by every sheet that prints the same words (cheap to clone).
///
/// Serialized as a plain string everywhere, except while an edition is packed into the crate,
/// where each distinct string is written once (see `pack`, run by build.rs).
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Str(Arc<str>);

impl Str {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str(Arc::from(s))
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        Str(Arc::from(s))
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A label printed in Vietnamese with our English rendering beside it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[cfg_attr(ocop_lib, derive(Serialize))]
#[cfg_attr(all(ocop_lib, feature = "wasm"), derive(tsify::Tsify))]
#[cfg_attr(all(ocop_lib, feature = "uniffi"), derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The regulation's Vietnamese text.
    pub vi: Str,
    /// A short English rendering (ours, not official).
    pub en: Str,
}

impl Text {
    /// The label in `lang`.
    ///
    /// ```
    /// use ocop_core::{Lang, Text};
    /// let t = Text::new("Hạng 3 sao", "3 stars");
    /// assert_eq!(t.get(Lang::En), "3 stars");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    /// A label from its two renderings.
    pub fn new(vi: impl Into<Str>, en: impl Into<Str>) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }
}

/// A day as Vietnamese texts print it: `15/03/2027` (written out rather than with jiff's
/// `strftime`, whose formatter would add 11 KB gzipped to the npm package).
///
/// ```
/// use jiff::civil::date;
/// assert_eq!(ocop_core::text::day_month_year(date(2027, 3, 5)), "05/03/2027");
/// ```
pub fn day_month_year(d: jiff::civil::Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

// ---- days as YYYY-MM-DD, read and written here rather than by jiff's general ISO 8601 parser
// and printer, which with their error messages would add about 15 KB gzip to the npm package ----

/// A day as `YYYY-MM-DD`, exactly as jiff prints it (a year before 1 BCE as `-YYYYYY`).
///
/// ```
/// use jiff::civil::date;
/// assert_eq!(ocop_core::text::iso_date(date(2026, 5, 22)), "2026-05-22");
/// ```
pub fn iso_date(d: jiff::civil::Date) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    if y < 0 {
        format!("-{:06}-{m:02}-{day:02}", -i32::from(y))
    } else {
        format!("{y:04}-{m:02}-{day:02}")
    }
}

/// A strict `YYYY-MM-DD` day: exactly ten ASCII characters, a four-digit year, a real day.
///
/// ```
/// use ocop_core::text::parse_iso_date;
/// assert_eq!(parse_iso_date("2026-05-22"), Some(jiff::civil::date(2026, 5, 22)));
/// assert_eq!(parse_iso_date("2026-02-29"), None);
/// assert_eq!(parse_iso_date("2026-5-22"), None);
/// ```
pub fn parse_iso_date(text: &str) -> Option<jiff::civil::Date> {
    let digits = |part: &str| -> Option<i16> {
        part.bytes().try_fold(0i16, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + i16::from(b - b'0'))
        })
    };
    let (year, rest) = text.split_at_checked(4)?;
    let (month, day) = rest.strip_prefix('-')?.split_at_checked(2)?;
    let day = day.strip_prefix('-').filter(|d| d.len() == 2)?;
    let (y, m, d) = (digits(year)?, digits(month)?, digits(day)?);
    jiff::civil::Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// A day that serde writes and reads as `YYYY-MM-DD` (see [`iso_day`]).
struct Day(jiff::civil::Date);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&iso_date(self.0))
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Day, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_iso_date(&text)
            .map(Day)
            .ok_or_else(|| D::Error::custom("not a YYYY-MM-DD date"))
    }
}

/// serde for a day field, `#[serde(with = "crate::text::iso_day")]`: `YYYY-MM-DD` in and out,
/// without jiff's parser.
pub mod iso_day {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Day;

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(day: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        Day(*day).serialize(serializer)
    }

    /// Reads a strict `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        Day::deserialize(deserializer).map(|d| d.0)
    }

    /// The same for an optional day, `#[serde(with = "crate::text::iso_day::option")]`.
    pub mod option {
        use jiff::civil::Date;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        use super::Day;

        /// Writes `YYYY-MM-DD` or nothing.
        pub fn serialize<S: Serializer>(
            day: &Option<Date>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            day.map(Day).serialize(serializer)
        }

        /// Reads a strict `YYYY-MM-DD` or nothing.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Date>, D::Error> {
            Ok(Option::<Day>::deserialize(deserializer)?.map(|d| d.0))
        }
    }
}

// ---- packing: every distinct string once, then the structure with string numbers. The words
// of the labels (every `Text`) are numbered last, so that an edition's rules can be shipped and
// decoded without them: a page that only scores downloads a sixth of the data. ----

/// Which part of an edition a packed file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PackedPart {
    /// Everything but the labels' words: enough to score (labels read as empty text).
    Rules,
    /// The labels' words, Vietnamese and English, for the edition's rules.
    Labels,
}

enum Packing {
    /// First pass: every string, in order, and whether it is used outside a label.
    #[cfg(not(ocop_lib))]
    Survey {
        order: Vec<Arc<str>>,
        in_rules: HashMap<Arc<str>, bool>,
    },
    /// Second pass: each string's number.
    #[cfg(not(ocop_lib))]
    Encode {
        index: HashMap<Arc<str>, u32>,
    },
    Decode {
        table: Vec<Arc<str>>,
    },
}

thread_local! {
    static PACKING: RefCell<Option<Packing>> = const { RefCell::new(None) };
    /// Set while a label's strings are written.
    #[cfg(not(ocop_lib))]
    static IN_LABEL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Clears the packing mode even when serialization fails half-way.
struct PackingGuard;

impl PackingGuard {
    fn enter(mode: Packing) -> PackingGuard {
        PACKING.with(|p| *p.borrow_mut() = Some(mode));
        PackingGuard
    }
}

impl Drop for PackingGuard {
    fn drop(&mut self) {
        PACKING.with(|p| *p.borrow_mut() = None);
    }
}

/// The rules part: the strings used outside labels, how many label strings follow them in the
/// numbering, and the structure.
#[derive(Serialize, Deserialize)]
struct PackedRules<'a> {
    #[serde(borrow)]
    strings: Vec<&'a str>,
    labels: u32,
    body: &'a [u8],
}

/// The labels part: the strings used only in labels, numbered after the rules' strings.
#[derive(Serialize, Deserialize)]
struct PackedLabels<'a> {
    #[serde(borrow)]
    strings: Vec<&'a str>,
}

/// Encodes `value` with postcard, writing each distinct [`Str`] once: the rules part and the
/// labels part (the strings only labels use). Only build.rs packs.
#[cfg(not(ocop_lib))]
pub fn pack<T: Serialize>(value: &T) -> Result<(Vec<u8>, Vec<u8>), postcard::Error> {
    let survey = PackingGuard::enter(Packing::Survey {
        order: Vec::new(),
        in_rules: HashMap::new(),
    });
    postcard::to_allocvec(value)?;
    let (order, in_rules) = PACKING.with(|p| match p.borrow_mut().take() {
        Some(Packing::Survey { order, in_rules }) => (order, in_rules),
        _ => (Vec::new(), HashMap::new()),
    });
    drop(survey);
    let used_in_rules = |s: &Arc<str>| in_rules.get(s).copied().unwrap_or(true);
    let (rules, labels): (Vec<Arc<str>>, Vec<Arc<str>>) =
        order.into_iter().partition(used_in_rules);
    let index = rules
        .iter()
        .chain(&labels)
        .enumerate()
        .map(|(i, s)| (s.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let body = {
        let _encode = PackingGuard::enter(Packing::Encode { index });
        postcard::to_allocvec(value)?
    };
    let rules_part = postcard::to_allocvec(&PackedRules {
        strings: rules.iter().map(|s| &**s).collect(),
        labels: u32::try_from(labels.len()).unwrap_or(u32::MAX),
        body: &body,
    })?;
    let labels_part = postcard::to_allocvec(&PackedLabels {
        strings: labels.iter().map(|s| &**s).collect(),
    })?;
    Ok((rules_part, labels_part))
}

/// Writes a label's strings as labels (see `pack`, run by build.rs).
#[cfg(not(ocop_lib))]
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let _words = Words::enter();
        let mut label = serializer.serialize_struct("Text", 2)?;
        label.serialize_field("vi", &self.vi)?;
        label.serialize_field("en", &self.en)?;
        label.end()
    }
}

/// While it lives, strings are written as words of labels; then the outer state is back (also
/// when writing fails half-way).
#[cfg(not(ocop_lib))]
struct Words(bool);

#[cfg(not(ocop_lib))]
impl Words {
    fn enter() -> Words {
        Words(IN_LABEL.with(|l| l.replace(true)))
    }
}

#[cfg(not(ocop_lib))]
impl Drop for Words {
    fn drop(&mut self) {
        IN_LABEL.with(|l| l.set(self.0));
    }
}

/// serde for a field of words that no rule reads (a note, a source, an option's wording):
/// `#[serde(serialize_with = "crate::text::words")]`. Packed with the labels, so that an
/// edition's rules ship without them; written as usual anywhere else.
pub fn words<T: Serialize + ?Sized, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    #[cfg(not(ocop_lib))]
    let _words = Words::enter();
    value.serialize(serializer)
}

/// Decodes what `pack` (run by build.rs) wrote: the rules part, with the labels part or
/// without it (then every label reads as empty text).
pub fn unpack<T: for<'de> Deserialize<'de>>(
    rules: &[u8],
    labels: Option<&[u8]>,
) -> Result<T, postcard::Error> {
    let packed: PackedRules<'_> = postcard::from_bytes(rules)?;
    let label_count = usize::try_from(packed.labels).unwrap_or(usize::MAX);
    let mut table: Vec<Arc<str>> = Vec::with_capacity(packed.strings.len() + label_count);
    table.extend(packed.strings.into_iter().map(Arc::from));
    match labels {
        Some(bytes) => {
            let labels: PackedLabels<'_> = postcard::from_bytes(bytes)?;
            if labels.strings.len() != label_count {
                return Err(postcard::Error::DeserializeBadEncoding);
            }
            table.extend(labels.strings.into_iter().map(Arc::from));
        }
        None => {
            let empty: Arc<str> = Arc::from("");
            table.extend(std::iter::repeat_n(empty, label_count));
        }
    }
    let _guard = PackingGuard::enter(Packing::Decode { table });
    postcard::from_bytes(packed.body)
}

/// What marks a file of packed edition data (and its format's version).
const PACKED_FILE_MAGIC: [u8; 5] = *b"OCOP\x02";

/// A part of an edition's data as a file: which edition it is, the hash of its canonical JSON
/// and which part, then the data as `pack` (run by build.rs) wrote it. The built-in editions
/// are stored this way, and the npm package ships each part as a file it loads when needed.
#[derive(Serialize, Deserialize)]
pub struct PackedFile<'a> {
    magic: [u8; 5],
    /// The edition's id, e.g. `26/2026`.
    pub id: &'a str,
    /// `sha256:…` of the edition's canonical JSON.
    pub content_hash: &'a str,
    /// Which part of the data.
    pub part: PackedPart,
    /// The packed data.
    pub data: &'a [u8],
}

impl<'a> PackedFile<'a> {
    /// The file for a `part` (from `pack`, run by build.rs) of edition `id`.
    pub fn new(
        id: &'a str,
        content_hash: &'a str,
        part: PackedPart,
        data: &'a [u8],
    ) -> PackedFile<'a> {
        PackedFile {
            magic: PACKED_FILE_MAGIC,
            id,
            content_hash,
            part,
            data,
        }
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, postcard::Error> {
        postcard::to_allocvec(self)
    }

    /// Reads a file's header; `None` if the bytes are not such a file (of this format).
    pub fn read(bytes: &'a [u8]) -> Option<PackedFile<'a>> {
        postcard::from_bytes::<PackedFile<'a>>(bytes)
            .ok()
            .filter(|f| f.magic == PACKED_FILE_MAGIC)
    }
}

impl Serialize for Str {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[cfg(not(ocop_lib))]
        {
            let number = PACKING.with(|p| match &mut *p.borrow_mut() {
                Some(Packing::Survey { order, in_rules }) => {
                    let in_label = IN_LABEL.with(std::cell::Cell::get);
                    let rule = in_rules.entry(self.0.clone()).or_insert_with(|| {
                        order.push(self.0.clone());
                        false
                    });
                    *rule |= !in_label;
                    Some(0)
                }
                Some(Packing::Encode { index }) => Some(index.get(&self.0).copied().unwrap_or(0)),
                _ => None,
            });
            if let Some(n) = number {
                return serializer.serialize_u32(n);
            }
        }
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Str, D::Error> {
        let decoding = PACKING.with(|p| matches!(&*p.borrow(), Some(Packing::Decode { .. })));
        if !decoding {
            return String::deserialize(deserializer).map(Str::from);
        }
        let number = u32::deserialize(deserializer)?;
        PACKING.with(|p| match &*p.borrow() {
            Some(Packing::Decode { table }) => usize::try_from(number)
                .ok()
                .and_then(|n| table.get(n))
                .map(|s| Str(s.clone()))
                .ok_or_else(|| D::Error::custom("string number out of range")),
            _ => Err(D::Error::custom("packing mode changed while decoding")),
        })
    }
}
