//! Labels in Vietnamese and English, and the shared string type behind them.
//!
//! Also compiled into `build.rs` (through `#[path]`), which packs each edition into the crate.

use std::cell::RefCell;
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
/// where each distinct string is written once (see [`pack`]).
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

// ---- packing: every distinct string once, then the structure with string numbers ----

enum Packing {
    Encode {
        index: HashMap<Arc<str>, u32>,
        table: Vec<Arc<str>>,
    },
    Decode {
        table: Vec<Arc<str>>,
    },
}

thread_local! {
    static PACKING: RefCell<Option<Packing>> = const { RefCell::new(None) };
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

#[derive(Serialize, Deserialize)]
struct Packed<'a> {
    #[serde(borrow)]
    strings: Vec<&'a str>,
    body: &'a [u8],
}

/// Encodes `value` with postcard, writing each distinct [`Str`] once.
pub fn pack<T: Serialize>(value: &T) -> Result<Vec<u8>, postcard::Error> {
    let _guard = PackingGuard::enter(Packing::Encode {
        index: HashMap::new(),
        table: Vec::new(),
    });
    let body = postcard::to_allocvec(value)?;
    let table = PACKING.with(|p| match p.borrow_mut().take() {
        Some(Packing::Encode { table, .. }) => table,
        _ => Vec::new(),
    });
    let strings: Vec<&str> = table.iter().map(|s| &**s).collect();
    postcard::to_allocvec(&Packed {
        strings,
        body: &body,
    })
}

/// What marks a file of packed edition data (and its format's version).
const PACKED_FILE_MAGIC: [u8; 5] = *b"OCOP\x01";

/// An edition's data as a file: which edition it is and the hash of its canonical JSON, then
/// the data as [`pack`] wrote it. The built-in editions are stored this way, and the npm
/// package ships each as a file it loads when needed.
#[derive(Serialize, Deserialize)]
pub struct PackedFile<'a> {
    magic: [u8; 5],
    /// The edition's id, e.g. `26/2026`.
    pub id: &'a str,
    /// `sha256:…` of the edition's canonical JSON.
    pub content_hash: &'a str,
    /// The packed data.
    pub data: &'a [u8],
}

impl<'a> PackedFile<'a> {
    /// The file for `data` (from [`pack`]) of edition `id`.
    pub fn new(id: &'a str, content_hash: &'a str, data: &'a [u8]) -> PackedFile<'a> {
        PackedFile {
            magic: PACKED_FILE_MAGIC,
            id,
            content_hash,
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

/// Decodes what [`pack`] wrote.
pub fn unpack<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, postcard::Error> {
    let packed: Packed<'_> = postcard::from_bytes(bytes)?;
    let table = packed.strings.into_iter().map(Arc::from).collect();
    let _guard = PackingGuard::enter(Packing::Decode { table });
    postcard::from_bytes(packed.body)
}

impl Serialize for Str {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let number = PACKING.with(|p| match &mut *p.borrow_mut() {
            Some(Packing::Encode { index, table }) => {
                let next = u32::try_from(table.len()).unwrap_or(u32::MAX);
                Some(*index.entry(self.0.clone()).or_insert_with(|| {
                    table.push(self.0.clone());
                    next
                }))
            }
            _ => None,
        });
        match number {
            Some(n) => serializer.serialize_u32(n),
            None => serializer.serialize_str(&self.0),
        }
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
