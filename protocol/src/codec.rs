//! Decoding and encoding whole messages, with errors that carry the JSON path.
//!
//! serde loses the position of an error once a decoder buffers its input (as every tagged union
//! must, to read its tag first). The decoders of this crate therefore record the JSON pointer of
//! a nested error at the end of its message, as ` (at /pointer)`, and `split_path` reads it
//! back so that [`DecodeError::path`] is complete however deep the error was.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::DecodeError;

/// Decodes one message from JSON text: `T` is an event or message union such as
/// [`crate::realtime::v2::ServerEvent`] or [`crate::app_server::ClientMessage`].
///
/// Errors name the message by its `tag` member (`type` or `method`) when it has one.
///
/// The text is decoded in one pass; only when that fails is it parsed again, with path
/// tracking, to build the error.
pub fn decode<T: DeserializeOwned>(text: &str, tag: &str) -> Result<T, DecodeError> {
    if let Ok(message) = serde_json::from_str(text) {
        return Ok(message);
    }
    let value: Value = serde_json::from_str(text)
        .map_err(|e| DecodeError::new(None, "", format!("not valid JSON: {e}")))?;
    decode_value(&value, tag)
}

/// Decodes one message from an already parsed JSON value; see [`decode`].
pub fn decode_value<T: DeserializeOwned>(value: &Value, tag: &str) -> Result<T, DecodeError> {
    let name = value.get(tag).and_then(Value::as_str);
    serde_path_to_error::deserialize(value).map_err(|e| {
        let outer = pointer(e.path());
        DecodeError::from_serde(name, &outer, &e.into_inner().to_string())
    })
}

/// Encodes a message to its canonical JSON value.
pub fn encode<T: Serialize>(message: &T) -> Value {
    serde_json::to_value(message).expect("rtwire types always encode to JSON")
}

/// Decodes `value` into `T` for a decoder that has buffered its input, so that an error keeps
/// the JSON path inside `value` (appended to the message as ` (at /pointer)`).
pub(crate) fn from_buffered<T: DeserializeOwned, E: serde::de::Error>(
    value: &Value,
) -> Result<T, E> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let outer = pointer(e.path());
        let message = e.inner().to_string();
        let (inner, reason) = split_path(&message);
        E::custom(with_path(&format!("{outer}{inner}"), reason))
    })
}

/// The error of decoding `value` as `T` with path tracking, formatted by [`with_path`]; `None`
/// when it decodes.
#[doc(hidden)]
pub fn path_error<T: DeserializeOwned>(value: &Value) -> Option<String> {
    from_buffered::<T, serde_json::Error>(value)
        .err()
        .map(|e| e.to_string())
}

/// `reason` with the JSON pointer `path` recorded at its end (nothing when `path` is empty).
pub(crate) fn with_path(path: &str, reason: &str) -> String {
    if path.is_empty() {
        reason.to_owned()
    } else {
        format!("{reason} (at {path})")
    }
}

/// Splits a message built by [`with_path`] into its pointer and its reason.
pub(crate) fn split_path(message: &str) -> (&str, &str) {
    if let Some(body) = message.strip_suffix(')') {
        if let Some(i) = body.rfind(" (at /") {
            return (&body[i + 5..], &body[..i]);
        }
    }
    ("", message)
}

/// The JSON pointer of a serde_path_to_error path (`""` for the root).
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}
