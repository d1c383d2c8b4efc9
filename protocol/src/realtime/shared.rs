//! Events and objects whose wire form is identical in realtime v1 and v2.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `input_audio_buffer.append` (C→S): appends microphone audio to the input buffer. The server
/// sends no acknowledgement.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/", optional_fields = nullable))]
pub struct InputAudioBufferAppend {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Base64 audio bytes in the session's input format (PCM16 little-endian, 24 000 Hz, mono by
    /// default; v1 always uses that format); at most 15 MiB of data per event.
    pub audio: String,
}

/// `error` (S→C): the server reports an error; most errors are recoverable and the session stays
/// open.
///
/// Accepted in every shape real peers send: the official nested object
/// (`error: {type, message, …}`), a top-level `message`, both (the top-level message wins), or
/// an `error` that is not an object (a string, or any other JSON). At least one of `message` and
/// `error` must be present and not `null`; an event with neither is a decoding error.
/// The message to show is the top-level `message`, else `error.message`, else the text of
/// `error`.
// `remote = "Self"` makes the derived code inherent, so that `Deserialize` below can check the
// decoded event; schemars would then name the schema `Self`, hence its `rename`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(remote = "Self")]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ErrorEvent", transform = require_error_source)
)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export_to = "realtime/", as = "ErrorEventTs")
)]
pub struct ErrorEvent {
    /// Server-unique id of this event; always sent by the official service, absent from some
    /// test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// A top-level human-readable message (an extension; the official event nests it in
    /// `error.message`). Absent or `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The error: the official object, or any other JSON value a peer sent. Absent or `null`:
    /// none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorPayload>,
}

impl Serialize for ErrorEvent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ErrorEvent::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for ErrorEvent {
    /// The derived decoder, in one pass, then the check that the event has a source.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let event = ErrorEvent::deserialize(deserializer)?;
        event.require_source().map_err(serde::de::Error::custom)?;
        Ok(event)
    }
}

impl ErrorEvent {
    /// An official error event: `error` holds `error`, no top-level message.
    pub fn new(error: RealtimeError) -> Self {
        Self {
            event_id: None,
            message: None,
            error: Some(ErrorPayload::Object(error)),
        }
    }

    /// The message to show, in this order: the top-level `message`, else
    /// `error.message`, else the text of `error` (a string as is, any other JSON compactly
    /// encoded).
    pub fn display_message(&self) -> String {
        if let Some(message) = &self.message {
            return message.clone();
        }
        match &self.error {
            Some(ErrorPayload::Object(error)) => error.message.clone(),
            Some(ErrorPayload::Other(Value::String(text))) => text.clone(),
            Some(ErrorPayload::Other(other)) => {
                match other.get("message").and_then(Value::as_str) {
                    Some(message) => message.to_owned(),
                    None => other.to_string(),
                }
            }
            None => String::new(),
        }
    }

    fn require_source(&self) -> Result<(), String> {
        if self.message.is_none() && self.error.is_none() {
            return Err("an `error` event needs a top-level `message` or an `error` member".into());
        }
        Ok(())
    }
}

/// The `error` member of an [`ErrorEvent`]: the official object, or anything else.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/"))]
#[non_exhaustive]
pub enum ErrorPayload {
    /// The official error object (an object with a string `message` and `type`).
    Object(RealtimeError),
    /// Any other non-null JSON value (a string, or an object without the official members),
    /// kept as is.
    #[cfg_attr(
        feature = "ts",
        ts(type = "string | number | boolean | Array<unknown> | { [key in string]?: unknown }")
    )]
    Other(#[cfg_attr(feature = "schema", schemars(schema_with = "non_null_json"))] Value),
}

crate::strict::impl_strict_untagged!(ErrorPayload, [Object(RealtimeError), Other(Value)]);

/// The official error object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/", optional_fields = nullable))]
pub struct RealtimeError {
    /// The error class, e.g. `invalid_request_error` or `server_error` (an open set).
    #[serde(rename = "type")]
    pub kind: ErrorType,
    /// Human-readable description.
    pub message: String,
    /// Machine-readable code; absent or `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The offending parameter; absent or `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// The `event_id` of the client event that caused the error; absent or `null`: not tied to
    /// a client event (or that event had no id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// The class of a [`RealtimeError`]: an open enum (any other string is accepted and kept as it is).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/"))]
#[non_exhaustive]
pub enum ErrorType {
    /// `invalid_request_error`: the client event was malformed or not allowed now.
    #[serde(rename = "invalid_request_error")]
    InvalidRequestError,
    /// `server_error`: the service failed.
    #[serde(rename = "server_error")]
    ServerError,
    /// Any other class, passed through.
    #[serde(untagged)]
    Other(String),
}

/// The `ErrorEvent` TypeScript type: the same members, written as a union that requires a
/// `message` or a non-null `error`, as the decoder does.
#[cfg(feature = "ts")]
#[derive(ts_rs::TS)]
#[ts(untagged)]
#[allow(dead_code)]
enum ErrorEventTs {
    /// The event has a top-level message.
    WithMessage {
        /// Server-unique id of this event; always sent by the official service, absent from
        /// some test peers.
        #[ts(optional = nullable)]
        event_id: Option<String>,
        /// A top-level human-readable message (an extension; the official event nests it in
        /// `error.message`).
        message: String,
        /// The error: the official object, or any other JSON value a peer sent.
        #[ts(optional = nullable)]
        error: Option<ErrorPayload>,
    },
    /// The event has an `error` member.
    WithError {
        /// Server-unique id of this event; always sent by the official service, absent from
        /// some test peers.
        #[ts(optional = nullable)]
        event_id: Option<String>,
        /// A top-level human-readable message (an extension; the official event nests it in
        /// `error.message`).
        #[ts(optional = nullable)]
        message: Option<String>,
        /// The error: the official object, or any other JSON value a peer sent.
        error: ErrorPayload,
    },
}

/// The schema of any JSON value but `null`.
#[cfg(feature = "schema")]
fn non_null_json(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": ["string", "number", "boolean", "array", "object"] })
}

/// Makes the schema of [`ErrorEvent`] require a string `message` or a non-null `error`.
#[cfg(feature = "schema")]
fn require_error_source(schema: &mut schemars::Schema) {
    schema.insert(
        "anyOf".into(),
        serde_json::json!([
            { "required": ["message"], "properties": { "message": { "type": "string" } } },
            { "required": ["error"], "properties": { "error": { "$ref": "#/$defs/ErrorPayload" } } }
        ]),
    );
}

/// A received realtime frame: the exact text, and the event decoded from it. A relay forwards
/// `raw` unchanged while acting on `event`.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame<T> {
    /// The frame's text, exactly as received.
    pub raw: String,
    /// The decoded event (an `Unknown` variant for an event type this crate does not know).
    pub event: T,
}

impl<T: serde::de::DeserializeOwned> Frame<T> {
    /// Decodes a text frame into an event union such as
    /// [`crate::realtime::v2::ServerEvent`], keeping the text; errors name the event `type` and
    /// the JSON path.
    pub fn decode(text: &str) -> Result<Self, crate::DecodeError> {
        let event = crate::codec::decode_text(text, "type")?;
        Ok(Frame {
            raw: text.to_owned(),
            event,
        })
    }
}
