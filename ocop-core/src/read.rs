//! Reading ocop's inputs from JSON: one reader per input type, field by field, so that every
//! problem is reported with its JSON Pointer (serde stops at the first), after refusing text
//! that is too large or nested too deeply.
//!
//! Every input type ([`crate::Evaluation`], [`crate::CouncilInput`], the [`crate::requests`])
//! implements [`Input`]; its `serde::Deserialize` goes through the same reader, so no public
//! path skips a check. The bindings call these readers and only convert values.

use jiff::civil::Date;
use serde_json::{Map, Value};

use crate::error::{InputError, InputErrors, Problem};
use crate::limits;
use crate::wire::Choice;

/// An input that ocop reads from JSON.
///
/// ```
/// use ocop_core::{Evaluation, Input};
/// let errors = Evaluation::from_json(r#"{"productSet":"nine","subjectType":"bank"}"#).unwrap_err();
/// let paths: Vec<_> = errors.0.iter().map(|e| e.path.as_str()).collect();
/// assert_eq!(paths, ["/productSet", "/subjectType"]);
/// ```
pub trait Input: Sized {
    /// Reads the value at `path`, pushing every problem found; `None` when it cannot be read.
    #[doc(hidden)]
    fn read(value: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Self>;

    /// Reads it from JSON text (at most [`limits::MAX_INPUT_BYTES`], nested at most
    /// [`limits::MAX_DEPTH`] deep), reporting every problem.
    fn from_json(text: &str) -> Result<Self, InputErrors> {
        Self::from_json_value(&parse(text, limits::MAX_INPUT_BYTES)?)
    }

    /// Reads it from a parsed JSON value, reporting every problem.
    fn from_json_value(value: &Value) -> Result<Self, InputErrors> {
        let mut errors = Vec::new();
        let read = Self::read(value, "", &mut errors);
        match read {
            Some(v) if errors.is_empty() => Ok(v),
            _ if errors.is_empty() => Err(InputErrors::at(
                "",
                Problem::Internal("the input could not be read".into()),
            )),
            _ => Err(InputErrors(errors)),
        }
    }
}

/// `serde::Deserialize` through the type's [`Input`] reader, so that serde users get the same
/// checks (and every problem, joined into one message).
macro_rules! deserialize_through_reader {
    ($($t:ty),* $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                let value = serde_json::Value::deserialize(d)?;
                <$t as $crate::read::Input>::from_json_value(&value)
                    .map_err(serde::de::Error::custom)
            }
        }
    )*};
}
pub(crate) use deserialize_through_reader;

/// Parses `text` as JSON after checking its size and nesting.
pub(crate) fn parse(text: &str, max_bytes: usize) -> Result<Value, InputErrors> {
    check_shape(text, max_bytes)?;
    serde_json::from_str(text).map_err(|e| InputErrors::at("", Problem::InvalidJson(e.to_string())))
}

/// Splits a JSON array into its items' text without parsing them, so that one bad item does
/// not lose the others. Returns `None` if `text` is not an array.
pub(crate) fn split_array(text: &str) -> Result<Option<Vec<&str>>, InputErrors> {
    check_shape(text, limits::MAX_BATCH_BYTES)?;
    if !text.trim_start().starts_with('[') {
        return Ok(None);
    }
    let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(text)
        .map_err(|e| InputErrors::at("", Problem::InvalidJson(e.to_string())))?;
    if items.len() > limits::MAX_BATCH_ITEMS {
        return Err(InputErrors::at(
            "",
            Problem::TooManyItems {
                what: "items in a batch",
                max: limits::MAX_BATCH_ITEMS,
                found: items.len(),
            },
        ));
    }
    Ok(Some(items.into_iter().map(|r| r.get()).collect()))
}

/// Refuses text over `max_bytes` or nested deeper than [`limits::MAX_DEPTH`], in one pass.
fn check_shape(text: &str, max_bytes: usize) -> Result<(), InputErrors> {
    if text.len() > max_bytes {
        return Err(InputErrors::at(
            "",
            Problem::InputTooLarge {
                size: text.len(),
                limit: max_bytes,
            },
        ));
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limits::MAX_DEPTH {
                    return Err(InputErrors::at("", Problem::TooDeep(limits::MAX_DEPTH)));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// JSON Pointer escaping of one path segment (`~` → `~0`, `/` → `~1`).
///
/// ```
/// assert_eq!(ocop_core::read::pointer_segment("a/b~c"), "a~1b~0c");
/// ```
pub fn pointer_segment(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// A strict `YYYY-MM-DD` date: exactly ten ASCII characters, a real day.
///
/// ```
/// use ocop_core::read::parse_date;
/// assert!(parse_date("2026-02-29").is_none());
/// assert!(parse_date("2026-5-22").is_none());
/// assert_eq!(parse_date("2026-05-22").unwrap().to_string(), "2026-05-22");
/// ```
pub fn parse_date(text: &str) -> Option<Date> {
    crate::text::parse_iso_date(text)
}

/// Reads the fields of one JSON object, collecting errors.
pub(crate) struct Fields<'a> {
    map: Option<&'a Map<String, Value>>,
    path: &'a str,
}

impl<'a> Fields<'a> {
    /// Starts reading `value`, which must be an object (`expected` names it in the error)
    /// whose keys are all in one of the `known` lists.
    pub(crate) fn new(
        value: &'a Value,
        path: &'a str,
        expected: &'static str,
        known: &[&'static [&'static str]],
        errors: &mut Vec<InputError>,
    ) -> Fields<'a> {
        let map = value.as_object();
        match map {
            None => errors.push(InputError::at(path, Problem::wrong_type(expected, value))),
            Some(m) => {
                for key in m.keys() {
                    if !known.iter().any(|k| k.contains(&key.as_str())) {
                        errors.push(InputError::at(
                            format!("{path}/{}", pointer_segment(key)),
                            Problem::UnknownField {
                                field: key.chars().take(limits::MAX_TEXT_CHARS).collect(),
                                known: known.concat().join(", "),
                            },
                        ));
                    }
                }
            }
        }
        Fields { map, path }
    }

    /// Whether the value was an object (its fields could be read).
    pub(crate) fn is_object(&self) -> bool {
        self.map.is_some()
    }

    /// The path of field `key`.
    pub(crate) fn path(&self, key: &str) -> String {
        format!("{}/{key}", self.path)
    }

    /// A field that may be absent (absent and `null` both give `None`).
    pub(crate) fn optional<T: FromJson>(
        &self,
        key: &str,
        errors: &mut Vec<InputError>,
    ) -> Option<T> {
        match self.raw(key) {
            None => None,
            Some(v) => T::read_at(v, &self.path(key), errors),
        }
    }

    /// A field that must be present (and not `null`).
    pub(crate) fn required<T: FromJson>(
        &self,
        key: &str,
        errors: &mut Vec<InputError>,
    ) -> Option<T> {
        if self.map.is_some() && self.raw(key).is_none() {
            errors.push(InputError::at(
                self.path(key),
                Problem::MissingField(key.to_owned()),
            ));
            return None;
        }
        self.optional(key, errors)
    }

    /// The raw value of a field (`null` counts as absent).
    pub(crate) fn raw(&self, key: &str) -> Option<&'a Value> {
        self.map.and_then(|m| m.get(key)).filter(|v| !v.is_null())
    }
}

/// A value read from JSON with errors collected rather than returned: the field-level readers
/// behind every [`Input`].
pub(crate) trait FromJson: Sized {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Self>;
}

impl<T: Input> FromJson for T {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<T> {
        T::read(v, path, errors)
    }
}

/// A whole number in `0..=max`; anything else is `WRONG_TYPE`.
pub(crate) fn whole_number(
    v: &Value,
    path: &str,
    max: u64,
    errors: &mut Vec<InputError>,
) -> Option<u64> {
    match v.as_u64() {
        Some(n) if n <= max => Some(n),
        _ => {
            let found = match v {
                Value::Number(n) => n.to_string(),
                other => crate::error::json_kind(other).to_owned(),
            };
            errors.push(InputError::at(
                path,
                Problem::WrongType {
                    expected: whole_number_wording(max),
                    found,
                },
            ));
            None
        }
    }
}

fn whole_number_wording(max: u64) -> &'static str {
    match max {
        255 => "a whole number from 0 to 255",
        65_535 => "a whole number from 0 to 65535",
        _ => "a whole number from 0 to 4294967295",
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<$t> {
                whole_number(v, path, u64::from(<$t>::MAX), errors).and_then(|n| <$t>::try_from(n).ok())
            }
        }
    )*};
}
unsigned!(u8, u16, u32);

impl FromJson for bool {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<bool> {
        v.as_bool().or_else(|| {
            errors.push(InputError::at(
                path,
                Problem::wrong_type("true or false", v),
            ));
            None
        })
    }
}

impl FromJson for String {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<String> {
        text(v, path, limits::MAX_TEXT_CHARS, errors)
    }
}

/// A string of at most `max_chars` characters.
pub(crate) fn text(
    v: &Value,
    path: &str,
    max_chars: usize,
    errors: &mut Vec<InputError>,
) -> Option<String> {
    match v.as_str() {
        None => {
            errors.push(InputError::at(path, Problem::wrong_type("a string", v)));
            None
        }
        Some(s) if s.chars().count() > max_chars => {
            errors.push(InputError::at(path, Problem::StringTooLong(max_chars)));
            None
        }
        Some(s) => Some(s.to_owned()),
    }
}

impl FromJson for Date {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Date> {
        let text = String::read_at(v, path, errors)?;
        parse_date(&text).or_else(|| {
            errors.push(InputError::at(path, Problem::InvalidDate(text)));
            None
        })
    }
}

/// A label: `{ "vi": …, "en": … }`, both required.
impl FromJson for crate::text::Text {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Self> {
        let f = Fields::new(v, path, "a label {vi, en}", &[&["vi", "en"]], errors);
        let vi: Option<String> = f.required("vi", errors);
        let en: Option<String> = f.required("en", errors);
        Some(crate::text::Text::new(vi?, en?))
    }
}

impl FromJson for rust_decimal::Decimal {
    fn read_at(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Self> {
        let parsed = match v {
            Value::Number(n) => n.to_string().parse().ok(),
            Value::String(s) if s.len() <= 32 => s.parse().ok(),
            _ => None,
        };
        parsed.or_else(|| {
            errors.push(InputError::at(
                path,
                Problem::wrong_type("a decimal number such as 12.5", v),
            ));
            None
        })
    }
}

/// A list of at most `max` items; each item is read at `path/i`.
pub(crate) fn list<T: FromJson>(
    v: &Value,
    path: &str,
    what: &'static str,
    max: usize,
    errors: &mut Vec<InputError>,
) -> Option<Vec<T>> {
    let Some(items) = v.as_array() else {
        errors.push(InputError::at(path, Problem::wrong_type("an array", v)));
        return None;
    };
    if items.len() > max {
        errors.push(InputError::at(
            path,
            Problem::TooManyItems {
                what,
                max,
                found: items.len(),
            },
        ));
        return None;
    }
    let before = errors.len();
    let out: Vec<T> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| T::read_at(item, &format!("{path}/{i}"), errors))
        .collect();
    (errors.len() == before).then_some(out)
}

/// Criterion codes (a `knockouts` list, `onlyCriteria`…): at most [`limits::MAX_ANSWERS`].
pub(crate) fn codes(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Vec<String>> {
    list(v, path, "criterion codes", limits::MAX_ANSWERS, errors)
}

/// A result this library wrote, read back (a report handed to `explain`): read with serde, as
/// it was written; one problem at `path` if it does not read.
pub(crate) fn own_output<T: serde::de::DeserializeOwned>(
    v: &Value,
    path: &str,
    expected: &'static str,
    errors: &mut Vec<InputError>,
) -> Option<T> {
    T::deserialize(v)
        .map_err(|e| {
            errors.push(InputError::at(
                path,
                Problem::WrongType {
                    expected,
                    found: e.to_string(),
                },
            ))
        })
        .ok()
}

/// Reads an enum value by its wire name; an unknown name is `WRONG_TYPE` naming the choices.
pub(crate) fn choice<T: Choice>(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<T> {
    let Some(name) = v.as_str() else {
        errors.push(InputError::at(path, Problem::wrong_type(T::WHAT, v)));
        return None;
    };
    T::parse(name).or_else(|| {
        errors.push(InputError::at(
            path,
            Problem::NotOneOf {
                what: T::WHAT,
                found: name.chars().take(limits::MAX_TEXT_CHARS).collect(),
                allowed: T::names(),
            },
        ));
        None
    })
}

/// `FromJson` for enums read by name.
macro_rules! read_choices {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::read::FromJson for $t {
            fn read_at(v: &serde_json::Value,
                path: &str,
                errors: &mut Vec<$crate::error::InputError>,
            ) -> Option<$t> {
                $crate::read::choice(v, path, errors)
            }
        }
    )*};
}
pub(crate) use read_choices;

/// Vietnamese or English, by code (`vi`, `en`).
impl Choice for crate::text::Lang {
    const ALL: &'static [crate::text::Lang] = &[crate::text::Lang::Vi, crate::text::Lang::En];
    const WHAT: &'static str = "a language (vi or en)";
}

read_choices!(
    crate::text::Lang,
    crate::catalog::model::Level,
    crate::catalog::model::RevocationGround,
);

/// A string of at most `max_bytes`, refused by its size (not `STRING_TOO_LONG`: a document).
pub(crate) fn bounded_text(
    v: &Value,
    path: &str,
    max_bytes: usize,
    errors: &mut Vec<InputError>,
) -> Option<String> {
    match v.as_str() {
        Some(s) if s.len() > max_bytes => {
            errors.push(InputError::at(
                path,
                Problem::InputTooLarge {
                    size: s.len(),
                    limit: max_bytes,
                },
            ));
            None
        }
        Some(s) => Some(s.to_owned()),
        None => {
            errors.push(InputError::at(path, Problem::wrong_type("a string", v)));
            None
        }
    }
}
