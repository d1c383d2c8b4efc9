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
/// The outcome is always that of `serde_json::from_str::<T>(text)`: the text is decoded in one
/// pass, and only when that fails is it parsed again, with path tracking, to build the error.
/// The JSON rules of every message union hold: a member name repeated in one object is an error
/// (``duplicate member `type` ``, at the pointer of the repeated member), and a member the type
/// ignores must still be valid JSON (a number within the range of `f64`, a string without lone
/// surrogate escapes). One JSON document only: a byte order mark or anything but whitespace
/// after the document is an error.
///
/// Prefer the decoder of the union itself, which knows its tag:
/// `realtime::v2::ServerEvent::decode(text)`, `app_server::ClientMessage::decode(text)`.
#[deprecated(
    since = "0.1.0",
    note = "use the union's own decoder, e.g. `ServerEvent::decode(text)`"
)]
pub fn decode<T: DeserializeOwned>(text: &str, tag: &str) -> Result<T, DecodeError> {
    decode_text(text, tag)
}

/// [`decode`] under the name the unions' own decoders call.
pub(crate) fn decode_text<T: DeserializeOwned>(text: &str, tag: &str) -> Result<T, DecodeError> {
    let first = match serde_json::from_str(text) {
        Ok(message) => return Ok(message),
        Err(error) => error,
    };
    let value = parse(text)?;
    match decode_value::<T>(&value, tag) {
        Err(error) => Err(error),
        // The one-pass verdict stands; the buffered decoder only explains it.
        Ok(_) => Err(DecodeError::from_serde(
            value.get(tag).and_then(Value::as_str),
            "",
            &first.to_string(),
        )),
    }
}

/// Parses JSON text into a value with the rules every decoder of this crate applies: one JSON
/// document, no member name repeated in an object (the error names the pointer of the repeated
/// member), every number within the range of `f64`, every string valid Unicode. It is the JSON
/// view shared by the decoders' error paths and by schema validation.
pub fn parse(text: &str) -> Result<Value, DecodeError> {
    crate::strict::parse(text).map_err(|(path, reason)| DecodeError::new(None, path, reason))
}

/// Decodes one message from an already parsed JSON value; see [`decode`].
pub fn decode_value<T: DeserializeOwned>(value: &Value, tag: &str) -> Result<T, DecodeError> {
    let name = value.get(tag).and_then(Value::as_str);
    serde_path_to_error::deserialize(crate::strict::Strict(value)).map_err(|e| {
        let outer = crate::buffered::pointer(e.path());
        DecodeError::from_serde(name, &outer, &e.into_inner().to_string())
    })
}

/// Encodes a message to its canonical JSON value.
pub fn encode<T: Serialize>(message: &T) -> Value {
    serde_json::to_value(message).expect("rtwire types always encode to JSON")
}

/// Encodes a message as compact JSON text in its canonical form, members in the order its
/// encoder writes them (the tag first). [`encode`] returns a `Value`, whose members are sorted
/// by name instead.
pub fn to_json<T: Serialize>(message: &T) -> String {
    serde_json::to_string(message).expect("rtwire types always encode to JSON")
}
