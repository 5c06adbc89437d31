//! Crossing the boundary: JavaScript values in, plain objects out, refusals as JS `Error`s.
//!
//! Inputs are turned into `serde_json::Value` here and then read by the core's own readers, so
//! every field problem comes back with its JSON Pointer. The walk over the JS value is ours
//! rather than serde-wasm-bindgen's because a JS value can hold what JSON cannot, and each of
//! those must be refused, not guessed at: `NaN` and `Infinity` (serde-wasm-bindgen would turn
//! them into `null`, which reads as "no option applies"), `BigInt`s, functions, `Map`s and
//! `Date`s, cycles, and values too large or too deep for the core's limits. Sizes and depth
//! are checked before anything is copied into wasm memory, so hostile input costs little.

use js_sys::{Array, JsString, Reflect, Uint8Array};
use ocop_core::read::pointer_segment;
use ocop_core::{Input, InputError, InputErrors, Problem, limits};
use serde::Serialize;
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;

// What a `Proxy` can make throw is imported with `catch`, so that it is refused, not thrown.
#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Object.keys`.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(object: &JsValue) -> Result<Array, JsValue>;
    /// `Object.prototype.toString.call`: `[object Map]`, `[object Date]`…
    #[wasm_bindgen(js_namespace = ["Object", "prototype", "toString"], js_name = call, catch)]
    fn object_tag(value: &JsValue) -> Result<JsValue, JsValue>;
}

// The fast path for the common case, plain data: one `JSON.stringify` in the engine instead of
// a wasm call per field. Anything the careful walk below would refuse or read differently
// (non-finite or unsafe numbers, BigInts, functions, symbols, Maps, Dates, `toJSON`, Proxies
// that throw, cycles, more than `max` bytes) makes it give up, and the walk names the problem.
#[wasm_bindgen(inline_js = r#"
const GIVE_UP = Symbol('not plain JSON');
const tag = Object.prototype.toString;
export function plain_json(value, max) {
  let budget = max;
  const replacer = function (key, v) {
    const raw = this[key];
    switch (typeof raw) {
      case 'undefined': return v;
      case 'boolean': budget -= 6; break;
      case 'string': budget -= raw.length + 3; break;
      case 'number':
        if (!Number.isFinite(raw) || Math.abs(raw) > Number.MAX_SAFE_INTEGER) throw GIVE_UP;
        budget -= 25;
        break;
      case 'object':
        if (raw === null) { budget -= 5; break; }
        if (Array.isArray(raw)) { budget -= 2 * raw.length + 2; break; }
        if (tag.call(raw) !== '[object Object]' || typeof raw.toJSON === 'function') throw GIVE_UP;
        budget -= 2 + key.length;
        break;
      default: throw GIVE_UP;
    }
    if (budget < 0) throw GIVE_UP;
    return v;
  };
  try {
    return JSON.stringify(value, replacer);
  } catch (e) {
    return undefined;
  }
}
"#)]
extern "C" {
    /// `value` as JSON text, or `undefined` when it is not plain data of at most `max` bytes.
    fn plain_json(value: &JsValue, max: f64) -> Option<String>;
}

/// Why a call was refused: every problem in the input, in the order found. Thrown to
/// JavaScript as an `Error` named `OcopError` with `code` and `path` (of the first problem)
/// and `errors` (all of them, `{ code, path, message }`).
#[derive(Debug)]
pub struct Refused(pub InputErrors);

impl From<InputErrors> for Refused {
    fn from(errors: InputErrors) -> Refused {
        Refused(errors)
    }
}

impl From<InputError> for Refused {
    fn from(error: InputError) -> Refused {
        Refused(error.into())
    }
}

impl From<Refused> for JsValue {
    fn from(Refused(errors): Refused) -> JsValue {
        let first = errors.first().cloned().unwrap_or_else(|| {
            InputError::at("", Problem::Internal("refused without a reason".into()))
        });
        let message = if errors.0.is_empty() {
            first.to_string()
        } else {
            errors.to_string()
        };
        let error = js_sys::Error::new(&message);
        error.set_name("OcopError");
        let list = to_js(&errors.0).unwrap_or_else(|_| Array::new().into());
        for (key, value) in [
            ("code", JsValue::from_str(first.code.as_str())),
            ("path", JsValue::from_str(&first.path)),
            ("errors", list),
        ] {
            // Setting a data property on a fresh Error cannot fail.
            let _ = Reflect::set(&error, &JsValue::from_str(key), &value);
        }
        error.into()
    }
}

/// What every exported function returns: a plain JS value, or the refusal it throws.
pub type Answer = Result<JsValue, Refused>;

/// One refusal at `path`.
pub(crate) fn refuse(path: &str, problem: Problem) -> Refused {
    Refused(InputErrors::at(path, problem))
}

/// `value` as a plain JS value: the core's JSON output, parsed by `JSON.parse` — objects
/// (never `Map`s), `null` or a left-out field for an absent value, decimals as strings.
///
/// Crossing as JSON text is smaller and faster than building the objects field by field
/// from wasm (serde-wasm-bindgen): one copy of the text, then the engine's own parser.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Answer {
    let text = serde_json::to_string(value).map_err(|e| {
        refuse(
            "",
            Problem::Internal(format!("cannot return the result: {e}")),
        )
    })?;
    js_sys::JSON::parse(&text).map_err(|_| {
        refuse(
            "",
            Problem::Internal("cannot return the result as JSON".into()),
        )
    })
}

/// An input argument read by its core reader (every problem with its path under `path`).
pub(crate) fn input<T: Input>(value: &JsValue, path: &str) -> Result<T, Refused> {
    let json = json(value, path, limits::MAX_INPUT_BYTES)?;
    T::from_json_value(&json).map_err(|e| Refused(e.under(path)))
}

/// Reads a JS value as JSON, refusing what JSON cannot hold and anything over `max_bytes`
/// (measured as the JSON text it stands for) or nested deeper than the core allows. All the
/// values JSON cannot hold are reported, each at its path under `path`.
pub(crate) fn json(value: &JsValue, path: &str, max_bytes: usize) -> Result<Value, Refused> {
    #[allow(clippy::cast_precision_loss)] // a byte limit, far below 2^53
    let fast = plain_json(value, max_bytes as f64)
        .filter(|text| text.len() <= max_bytes)
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .filter(|v| depth(v) <= limits::MAX_DEPTH);
    if let Some(v) = fast {
        return Ok(v);
    }
    let mut walk = Walk {
        budget: max_bytes,
        max_bytes,
        errors: Vec::new(),
    };
    let out = walk.value(value, path, 0);
    match (out, walk.errors.is_empty()) {
        (Ok(v), true) => Ok(v),
        (Ok(_), false) => Err(Refused(InputErrors(walk.errors))),
        (Err(stop), _) => Err(Refused(InputErrors(vec![stop]))),
    }
}

struct Walk {
    /// Bytes of JSON text still allowed.
    budget: usize,
    max_bytes: usize,
    /// Values JSON cannot hold; the walk goes on to find them all.
    errors: Vec<InputError>,
}

impl Walk {
    /// The JSON for `v`, or the limit that stops the whole walk.
    fn value(&mut self, v: &JsValue, path: &str, depth: usize) -> Result<Value, InputError> {
        if v.is_null() {
            self.spend(4)?;
            return Ok(Value::Null);
        }
        if let Some(b) = v.as_bool() {
            self.spend(5)?;
            return Ok(Value::Bool(b));
        }
        if let Some(n) = v.as_f64() {
            return match number(n) {
                Some(n) => {
                    self.spend(n.to_string().len())?;
                    Ok(Value::Number(n))
                }
                None if n.is_nan() => Ok(self.wrong(path, "NaN")),
                None => Ok(self.wrong(path, "an infinite number")),
            };
        }
        if let Some(s) = v.dyn_ref::<JsString>() {
            return self.string(s).map(Value::String);
        }
        if v.is_undefined() || v.is_bigint() || v.is_symbol() || v.is_function() {
            let kind = v.js_typeof().as_string().unwrap_or_default();
            let found = if v.is_undefined() {
                kind
            } else {
                format!("a {kind}")
            };
            return Ok(self.wrong(path, &found));
        }
        if depth >= limits::MAX_DEPTH {
            return Err(InputError::at("", Problem::TooDeep(limits::MAX_DEPTH)));
        }
        let unreadable = |at: &str| {
            InputError::at(
                at,
                Problem::WrongType {
                    expected: "a value that can be read",
                    found: "a value that throws".into(),
                },
            )
        };
        if is_array(v).map_err(|_| unreadable(path))? {
            let items: &Array = v.unchecked_ref();
            // Every item takes at least one byte and a comma: refuse huge (or sparse) arrays
            // before visiting them.
            let len = items.length();
            self.spend(
                usize::try_from(len)
                    .unwrap_or(usize::MAX)
                    .saturating_mul(2)
                    .max(2),
            )?;
            let mut out = Vec::new();
            for i in 0..len {
                let here = format!("{path}/{i}");
                let item = Reflect::get_u32(v, i).map_err(|_| unreadable(&here))?;
                // JSON.stringify writes a missing item as null.
                out.push(if item.is_undefined() {
                    Value::Null
                } else {
                    self.value(&item, &here, depth + 1)?
                });
            }
            return Ok(Value::Array(out));
        }
        match object_tag(v)
            .map_err(|_| unreadable(path))?
            .as_string()
            .as_deref()
        {
            Some("[object Map]") => return Ok(self.wrong(path, "a Map (use a plain object)")),
            Some("[object Date]") => {
                return Ok(self.wrong(path, "a Date (use a YYYY-MM-DD string)"));
            }
            _ => {}
        }
        let keys = object_keys(v).map_err(|_| unreadable(path))?;
        self.spend(2)?;
        let mut out = Map::new();
        for key in keys.iter() {
            let Some(key) = key.dyn_ref::<JsString>() else {
                continue;
            };
            let name = self.string(key)?;
            let here = format!("{path}/{}", pointer_segment(&name));
            let field = Reflect::get(v, key).map_err(|_| unreadable(&here))?;
            // JSON.stringify leaves out fields that are undefined; so does ocop.
            if field.is_undefined() {
                continue;
            }
            self.spend(2)?;
            let item = self.value(&field, &here, depth + 1)?;
            out.insert(name, item);
        }
        Ok(Value::Object(out))
    }

    /// A JS string, refused by its length before it is copied.
    fn string(&mut self, s: &JsString) -> Result<String, InputError> {
        // A UTF-16 unit is at least one byte of UTF-8.
        self.spend(
            usize::try_from(s.length())
                .unwrap_or(usize::MAX)
                .saturating_add(2),
        )?;
        let text = String::from(s);
        let extra = text
            .len()
            .saturating_sub(usize::try_from(s.length()).unwrap_or(0));
        self.spend(extra)?;
        Ok(text)
    }

    fn spend(&mut self, bytes: usize) -> Result<(), InputError> {
        self.budget = self.budget.checked_sub(bytes).ok_or_else(|| {
            InputError::at(
                "",
                Problem::InputTooLarge {
                    size: self.max_bytes + 1,
                    limit: self.max_bytes,
                },
            )
        })?;
        Ok(())
    }

    /// Records a value JSON cannot hold; the walk goes on.
    fn wrong(&mut self, path: &str, found: &str) -> Value {
        self.errors.push(InputError::at(
            path,
            Problem::WrongType {
                expected: "a JSON value",
                found: found.to_owned(),
            },
        ));
        Value::Null
    }
}

/// How deeply `v` nests arrays and objects (a scalar: 0).
fn depth(v: &Value) -> usize {
    match v {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// A finite JS number as JSON: whole numbers as integers, the rest as floats.
fn number(n: f64) -> Option<Number> {
    const SAFE: f64 = 9_007_199_254_740_991.0; // Number.MAX_SAFE_INTEGER
    if !n.is_finite() {
        return None;
    }
    if n.fract() == 0.0 && n.abs() <= SAFE {
        // Exact: whole and within ±(2^53 - 1).
        return Some(Number::from(n as i64));
    }
    Number::from_f64(n)
}

/// A string argument of at most `max_chars` characters.
pub(crate) fn text(value: &JsValue, path: &str, max_chars: usize) -> Result<String, Refused> {
    let Some(s) = value.dyn_ref::<JsString>() else {
        return Err(wrong_type(value, path, "a string"));
    };
    if usize::try_from(s.length()).unwrap_or(usize::MAX) > max_chars {
        return Err(refuse(path, Problem::StringTooLong(max_chars)));
    }
    Ok(String::from(s))
}

/// An optional argument: `undefined` and `null` both mean "not given".
pub(crate) fn given(value: &JsValue) -> Option<&JsValue> {
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

/// A `YYYY-MM-DD` date argument, read as the core reads dates.
#[cfg(feature = "full")]
pub(crate) fn date(value: &JsValue, path: &str) -> Result<ocop_core::Date, Refused> {
    let text = text(value, path, limits::MAX_TEXT_CHARS)?;
    ocop_core::read::parse_date(&text).ok_or_else(|| refuse(path, Problem::InvalidDate(text)))
}

/// A whole-number argument from 0 to `max`.
pub(crate) fn whole(value: &JsValue, path: &str, max: u32) -> Result<u32, Refused> {
    match value.as_f64() {
        // Whole and within 0..=max, so the conversion is exact.
        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(max)).contains(&n) => Ok(n as u32),
        Some(n) => Err(refuse(
            path,
            Problem::WrongType {
                expected: "a whole number in range",
                found: n.to_string(),
            },
        )),
        None => Err(wrong_type(value, path, "a whole number")),
    }
}

/// A `Uint8Array` argument of at most `max_bytes`, copied into wasm memory.
pub(crate) fn bytes(value: &JsValue, path: &str, max_bytes: usize) -> Result<Vec<u8>, Refused> {
    let Some(array) = value.dyn_ref::<Uint8Array>() else {
        return Err(wrong_type(value, path, "a Uint8Array"));
    };
    let len = usize::try_from(array.length()).unwrap_or(usize::MAX);
    if len > max_bytes {
        return Err(refuse(
            path,
            Problem::InputTooLarge {
                size: len,
                limit: max_bytes,
            },
        ));
    }
    Ok(array.to_vec())
}

/// `WRONG_TYPE` at `path`, naming what was found.
pub(crate) fn wrong_type(found: &JsValue, path: &str, expected: &'static str) -> Refused {
    let kind = if found.is_undefined() {
        "undefined".to_owned()
    } else if found.is_null() {
        "null".to_owned()
    } else if is_array(found).unwrap_or(false) {
        "an array".to_owned()
    } else if found.as_f64().is_some() {
        "a number".to_owned()
    } else {
        format!("a {}", found.js_typeof().as_string().unwrap_or_default())
    };
    refuse(
        path,
        Problem::WrongType {
            expected,
            found: kind,
        },
    )
}
