//! Reading ocop's JSON formats field by field, so that every problem is reported with its path
//! (serde stops at the first), and refusing oversized or deeply nested input before parsing.

use jiff::civil::Date;
use serde_json::{Map, Value};

use crate::error::{ErrorCode, InputError, InputErrors};
use crate::evaluation::Answers;
use crate::limits;

/// Parses `text` as JSON after checking its size and nesting.
pub(crate) fn parse(text: &str, max_bytes: usize) -> Result<Value, InputErrors> {
    check_shape(text, max_bytes)?;
    serde_json::from_str(text)
        .map_err(|e| InputErrors::one(ErrorCode::InvalidJson, "", format!("not valid JSON: {e}")))
}

/// Splits a JSON array into its items' text without parsing them, so that one bad item does
/// not lose the others. Returns `None` if `text` is not an array.
pub(crate) fn split_array(text: &str) -> Result<Option<Vec<&str>>, InputErrors> {
    check_shape(text, limits::MAX_BATCH_BYTES)?;
    if !text.trim_start().starts_with('[') {
        return Ok(None);
    }
    let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(text).map_err(|e| {
        InputErrors::one(ErrorCode::InvalidJson, "", format!("not valid JSON: {e}"))
    })?;
    if items.len() > limits::MAX_BATCH_ITEMS {
        return Err(InputErrors::one(
            ErrorCode::TooManyItems,
            "",
            format!(
                "a batch holds at most {} items, this one {}",
                limits::MAX_BATCH_ITEMS,
                items.len()
            ),
        ));
    }
    Ok(Some(items.into_iter().map(|r| r.get()).collect()))
}

/// Refuses text over `max_bytes` or nested deeper than [`limits::MAX_DEPTH`], in one pass.
fn check_shape(text: &str, max_bytes: usize) -> Result<(), InputErrors> {
    if text.len() > max_bytes {
        return Err(InputErrors::one(
            ErrorCode::InputTooLarge,
            "",
            format!(
                "the input is {} bytes; the limit is {max_bytes}",
                text.len()
            ),
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
                    return Err(InputErrors::one(
                        ErrorCode::TooDeep,
                        "",
                        format!(
                            "the input is nested more than {} levels deep",
                            limits::MAX_DEPTH
                        ),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// JSON Pointer escaping of one path segment (`~` → `~0`, `/` → `~1`).
pub(crate) fn pointer_segment(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Reads the fields of one JSON object, collecting errors.
pub(crate) struct Fields<'a> {
    map: Option<&'a Map<String, Value>>,
    path: String,
    known: &'static [&'static str],
}

impl<'a> Fields<'a> {
    /// Starts reading `value`, which must be an object whose keys are all in `known`.
    pub(crate) fn new(
        value: &'a Value,
        path: &str,
        known: &'static [&'static str],
        errors: &mut Vec<InputError>,
    ) -> Fields<'a> {
        let map = value.as_object();
        match map {
            None => errors.push(wrong_type(path, "an object", value)),
            Some(m) => {
                for key in m.keys() {
                    if !known.contains(&key.as_str()) {
                        errors.push(InputError::new(
                            ErrorCode::UnknownField,
                            format!("{path}/{}", pointer_segment(key)),
                            format!(
                                "`{key}` is not a field here; the fields are: {}",
                                known.join(", ")
                            ),
                        ));
                    }
                }
            }
        }
        Fields {
            map,
            path: path.to_owned(),
            known,
        }
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
        debug_assert!(self.known.contains(&key));
        match self.map.and_then(|m| m.get(key)) {
            None | Some(Value::Null) => None,
            Some(v) => T::from_json(v, &self.path(key), errors),
        }
    }

    /// A field that must be present.
    pub(crate) fn required<T: FromJson>(
        &self,
        key: &str,
        errors: &mut Vec<InputError>,
    ) -> Option<T> {
        if self.map.is_some() && self.map.and_then(|m| m.get(key)).is_none_or(Value::is_null) {
            errors.push(InputError::new(
                ErrorCode::MissingField,
                self.path(key),
                format!("`{key}` is required"),
            ));
            return None;
        }
        self.optional(key, errors)
    }

    /// The raw value of a field.
    pub(crate) fn raw(&self, key: &str) -> Option<&'a Value> {
        self.map.and_then(|m| m.get(key)).filter(|v| !v.is_null())
    }
}

pub(crate) fn wrong_type(path: &str, expected: &str, found: &Value) -> InputError {
    let kind = match found {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    InputError::new(
        ErrorCode::WrongType,
        path,
        format!("expected {expected}, found {kind}"),
    )
}

/// A value read from JSON with errors collected rather than returned.
pub(crate) trait FromJson: Sized {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Self>;
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
            errors.push(match v {
                Value::Number(_) => InputError::new(
                    ErrorCode::WrongType,
                    path,
                    format!("expected a whole number from 0 to {max}, found {v}"),
                ),
                other => wrong_type(path, "a whole number", other),
            });
            None
        }
    }
}

impl FromJson for u8 {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<u8> {
        whole_number(v, path, u64::from(u8::MAX), errors).and_then(|n| u8::try_from(n).ok())
    }
}

impl FromJson for u32 {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<u32> {
        whole_number(v, path, u64::from(u32::MAX), errors).and_then(|n| u32::try_from(n).ok())
    }
}

impl FromJson for bool {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<bool> {
        v.as_bool().or_else(|| {
            errors.push(wrong_type(path, "true or false", v));
            None
        })
    }
}

impl FromJson for String {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<String> {
        match v.as_str() {
            None => {
                errors.push(wrong_type(path, "a string", v));
                None
            }
            Some(s) if s.chars().count() > limits::MAX_TEXT_CHARS => {
                errors.push(InputError::new(
                    ErrorCode::StringTooLong,
                    path,
                    format!("at most {} characters", limits::MAX_TEXT_CHARS),
                ));
                None
            }
            Some(s) => Some(s.to_owned()),
        }
    }
}

impl FromJson for Date {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Date> {
        let text = String::from_json(v, path, errors)?;
        parse_date(&text).or_else(|| {
            errors.push(InputError::new(
                ErrorCode::InvalidDate,
                path,
                format!("`{text}` is not a date in the form YYYY-MM-DD"),
            ));
            None
        })
    }
}

/// A strict `YYYY-MM-DD` date.
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    if text.len() != 10 || !text.is_ascii() {
        return None;
    }
    text.parse::<Date>().ok()
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Vec<T>> {
        let Some(items) = v.as_array() else {
            errors.push(wrong_type(path, "an array", v));
            return None;
        };
        let before = errors.len();
        let out: Vec<T> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| T::from_json(item, &format!("{path}/{i}"), errors))
            .collect();
        (errors.len() == before).then_some(out)
    }
}

/// `answers`: criterion code → option number or `null` (no option ticked).
impl FromJson for Answers {
    fn from_json(v: &Value, path: &str, errors: &mut Vec<InputError>) -> Option<Self> {
        let Some(map) = v.as_object() else {
            errors.push(wrong_type(
                path,
                "an object of criterion code → option number",
                v,
            ));
            return None;
        };
        if map.len() > limits::MAX_ANSWERS {
            errors.push(InputError::new(
                ErrorCode::TooManyItems,
                path,
                format!("at most {} answers", limits::MAX_ANSWERS),
            ));
            return None;
        }
        let mut out = Answers::default();
        for (code, value) in map {
            let here = format!("{path}/{}", pointer_segment(code));
            let option = match value {
                Value::Null => Some(None),
                Value::Number(n) if n.as_i64().is_some_and(|n| n < 0) => {
                    errors.push(InputError::new(
                        ErrorCode::OptionOutOfRange,
                        &here,
                        format!("option {n} does not exist: options are numbered from 0"),
                    ));
                    None
                }
                Value::Number(_) => whole_number(value, &here, u64::from(u32::MAX), errors)
                    .and_then(|n| u32::try_from(n).ok())
                    .map(Some),
                other => {
                    errors.push(wrong_type(
                        &here,
                        "an option number (0 = first option) or null",
                        other,
                    ));
                    None
                }
            };
            if let Some(option) = option {
                out.insert(code.clone(), option);
            }
        }
        Some(out)
    }
}
