//! What the uniffi bindings need beyond derives: the types that cross as strings or maps, and
//! [`OcopError`], the one error of every binding function.
//!
//! The error is defined here rather than in `ocop-ffi` because uniffi reports a value that
//! fails to convert on the way in (a date or decimal string inside a record) as the function's
//! own error only when the conversion fails with that very type; any other failure would reach
//! Kotlin, Swift or Python as an internal error.

use std::collections::HashMap;
use std::fmt;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::error::{ErrorCode, InputError, InputErrors, Problem};
use crate::evaluation::Answers;
use crate::forms::{FieldValue, FormValues};
use crate::read::parse_date;
use crate::text::Str;

// Strings, days (YYYY-MM-DD) and decimals cross the FFI as strings.
uniffi::custom_type!(Str, String, {
    lower: |s| s.to_string(),
    try_lift: |s| Ok(Str::from(s)),
});
uniffi::custom_type!(Date, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| parse_date(&s).ok_or_else(|| refused(Problem::InvalidDate(s))),
});
// The answers stay in code order in Rust; a map crosses the FFI.
uniffi::custom_type!(Answers, HashMap<String, Option<u32>>, {
    lower: |a| a.0.into_iter().collect(),
    try_lift: |m| Ok(Answers(m.into_iter().collect())),
});
// A form's values, by field id, cross as a map.
uniffi::custom_type!(FormValues, HashMap<String, FieldValue>, {
    lower: |v| v.0.into_iter().collect(),
    try_lift: |m| Ok(FormValues(m.into_iter().collect())),
});
uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| s.parse().map_err(|_| refused(Problem::WrongType {
        expected: "a decimal number such as 12.5",
        found: format!("`{s}`"),
    })),
});

/// A string that does not convert: the binding cannot tell which field it came from, so the
/// path is the input as a whole.
fn refused(problem: Problem) -> uniffi::deps::anyhow::Error {
    OcopError::from(InputErrors::at("", problem)).into()
}

/// Why a call was refused: Kotlin `OcopException`, Swift and Python `OcopError`.
///
/// `code`, `path` and `reason` describe the first problem; `errors` lists every problem found,
/// in order. The codes are those of `docs/errors.md`.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Error)]
pub enum OcopError {
    /// The input is malformed (or, with code `INTERNAL`, a value could not cross the FFI).
    Invalid {
        /// Stable code of the first problem.
        code: ErrorCode,
        /// JSON Pointer to the first problem (`""`: the input as a whole).
        path: String,
        /// The first problem, in plain English.
        reason: String,
        /// Every problem, the first included.
        errors: Vec<InputError>,
    },
}

impl From<InputErrors> for OcopError {
    fn from(InputErrors(errors): InputErrors) -> OcopError {
        let first = errors.first().cloned().unwrap_or_else(|| {
            InputError::at("", Problem::Internal("refused without a reason".into()))
        });
        OcopError::Invalid {
            code: first.code,
            path: first.path,
            reason: first.message,
            errors,
        }
    }
}

impl From<InputError> for OcopError {
    fn from(error: InputError) -> OcopError {
        InputErrors::from(error).into()
    }
}

impl fmt::Display for OcopError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let OcopError::Invalid { errors, .. } = self;
        fmt::Display::fmt(&InputErrors(errors.clone()), f)
    }
}

impl std::error::Error for OcopError {}
