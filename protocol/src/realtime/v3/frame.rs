//! The frame rules of v3, and what a client makes of the first events and of the end of the
//! stream: text frames only, an object with a string `type` per frame, a start handshake that
//! waits for `session.started`, and a stream that ends normally only with close status 1000.

use serde_json::Value;

use super::connection::{BINARY_FRAME_ERROR, NORMAL_CLOSE_STATUS};
use super::events::ServerEvent;

/// What a received frame holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Received {
    /// A server event (an `Unknown` one for a `type` this crate does not know).
    Event(ServerEvent),
    /// A JSON value without a string `type`: the dialect ignores such frames; the value is kept
    /// for logging.
    Untyped(Value),
}

/// Why a received frame could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum FrameError {
    /// A binary frame: v3 events are text frames only.
    Binary,
    /// A text frame that is not JSON, or a known event that does not decode (the error names
    /// the event `type` and the JSON path).
    Decode(crate::DecodeError),
}

impl std::fmt::Display for FrameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrameError::Binary => f.write_str(BINARY_FRAME_ERROR),
            FrameError::Decode(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for FrameError {}

/// Decodes a text frame by the v3 frame rules: an object with a string `type` is a
/// [`ServerEvent`] (unknown types kept as `Unknown`); any other JSON value is
/// [`Received::Untyped`], which a v3 client ignores; text that is not JSON, or a known event
/// missing a needed member, is a [`FrameError::Decode`].
pub fn receive_text(text: &str) -> Result<Received, FrameError> {
    let value: Value = crate::codec::decode_text(text, "type").map_err(FrameError::Decode)?;
    if !value.get("type").is_some_and(Value::is_string) {
        return Ok(Received::Untyped(value));
    }
    crate::decode_value(&value, "type")
        .map(Received::Event)
        .map_err(FrameError::Decode)
}

/// A binary frame is always an error in v3: [`FrameError::Binary`]
/// ("unexpected binary realtime websocket event").
pub fn receive_binary(_frame: &[u8]) -> Result<Received, FrameError> {
    Err(FrameError::Binary)
}

/// The error that fails the start when a recognized event other than `session.started`,
/// `session.updated` or `error` arrives first.
pub const EVENT_BEFORE_STARTED: &str =
    "frameless realtime session received an event before session.started";

/// The error that fails the start when the socket ends normally before `session.started`.
pub const ENDED_BEFORE_STARTED: &str = "frameless realtime session ended before session.started";

/// What a client that sent `session.update` makes of a server event while it waits for the
/// session to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handshake {
    /// An unrecognized event: skipped; keep waiting.
    Skip,
    /// `session.started` or `session.updated`: the session started (the event is then delivered
    /// as usual).
    Started,
    /// The start failed with this message: the message of an `error` event, or
    /// [`EVENT_BEFORE_STARTED`] for any other recognized event.
    Failed(String),
}

impl Handshake {
    /// The outcome of `event` arriving while the client waits for the session to start.
    pub fn on(event: &ServerEvent) -> Self {
        match event {
            ServerEvent::Unknown(_) => Handshake::Skip,
            ServerEvent::SessionStarted(_) | ServerEvent::SessionUpdated(_) => Handshake::Started,
            ServerEvent::Error(error) => Handshake::Failed(error.display_message()),
            _ => Handshake::Failed(EVENT_BEFORE_STARTED.to_owned()),
        }
    }
}

/// How a v3 event stream ended, as the client saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamEnd<'a> {
    /// A WebSocket close frame, with its status (`None`: the frame had no status) and reason.
    Close {
        /// The close status code, if the frame had one.
        status: Option<u16>,
        /// The close reason (empty when none).
        reason: &'a str,
    },
    /// The stream ended without a close frame.
    Eof,
}

impl StreamEnd<'_> {
    /// `Ok` for a normal end (a close frame with status 1000); otherwise the transport error
    /// message a v3 client reports (v1 and v2 treat every one of these as a normal end).
    pub fn outcome(self) -> Result<(), String> {
        match self {
            StreamEnd::Close {
                status: Some(NORMAL_CLOSE_STATUS),
                ..
            } => Ok(()),
            StreamEnd::Close {
                status: Some(code),
                reason,
            } => Err(format!(
                "realtime websocket closed unexpectedly: code={code} reason={reason}"
            )),
            StreamEnd::Close { status: None, .. } => {
                Err("realtime websocket closed unexpectedly without a status code".to_owned())
            }
            StreamEnd::Eof => Err("realtime websocket event stream ended unexpectedly".to_owned()),
        }
    }
}
