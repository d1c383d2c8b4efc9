//! Realtime v3: the "Frameless Bidi" dialect the Codex client selects with `version: "v3"`.
//!
//! It keeps the v1 behaviour (the server delegates requests to the client, the client streams
//! results back, the v1 voices) on its own endpoint (`/v1/live`, see [`connection`]) with its
//! own event names and a session object without `type`. [`ClientEvent`] is what a v3 client
//! sends, [`ServerEvent`] what a v3 server sends; both are tagged on `type`, and a `type` this
//! crate does not know decodes to `Unknown` with the raw JSON. Unknown members of the nested
//! server objects are kept verbatim in their `other` maps. [`receive_text`] and
//! [`receive_binary`] apply the frame rules of the dialect.

pub mod connection;

mod audio;
mod context;
mod delegation;
mod session;
mod transcript;

pub use super::{ErrorEvent, ErrorPayload, ErrorType, RealtimeError};
pub use audio::{InputAudioAppend, OutputAudioDelta};
pub use context::{
    Channel, ChannelTags, ContextContent, ContextContentType, DelegationContextAppend, HandoffMode,
    MAX_CONTEXT_TEXT_BYTES, SessionClose, SessionContextAppend, chunk_context_text,
};
pub use delegation::{
    DelegationCreated, DelegationItem, DelegationItemType, DelegationTarget, Handoff, NotHandoff,
};
pub use session::{
    AudioOutput, DelegationConfig, DelegationType, InitialContent, InitialContentType, InitialItem,
    InitialItemType, OutputVoice, Role, Session, SessionAudio, SessionEcho, SessionStarted,
    SessionUpdate, Voice,
};
pub use transcript::{Speaker, TranscriptAdded, TranscriptItem, Turn, TurnDone, TurnRole};

use serde_json::Value;

/// An event a client sends to a realtime v3 server.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientEvent {
    /// `session.update`: configure a new session (sent first, never on a sideband).
    SessionUpdate(SessionUpdate),
    /// `input_audio.append`: stream microphone audio.
    InputAudioAppend(InputAudioAppend),
    /// `session.context.append`: add text to the session context.
    SessionContextAppend(SessionContextAppend),
    /// `delegation.context.append`: return (part of) the result of a delegation.
    DelegationContextAppend(DelegationContextAppend),
    /// `session.close`: end the session (sent right before the WebSocket close frame).
    SessionClose(SessionClose),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::event_union! {
    ClientEvent {
        version: V3,
        direction: ClientToServer,
        module: "realtime/v3",
        doc: "An event a client sends to a realtime v3 server.",
        variants: {
            "session.update" => SessionUpdate(SessionUpdate),
            "input_audio.append" => InputAudioAppend(InputAudioAppend),
            "session.context.append" => SessionContextAppend(SessionContextAppend),
            "delegation.context.append" => DelegationContextAppend(DelegationContextAppend),
            "session.close" => SessionClose(SessionClose),
        }
    }
}

/// An event a realtime v3 server sends to its client.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerEvent {
    /// `session.started`: the session exists (completes the start handshake).
    SessionStarted(SessionStarted),
    /// `session.updated`: the session configuration was accepted.
    SessionUpdated(SessionStarted),
    /// `output_audio.delta`: a chunk of model audio.
    OutputAudioDelta(OutputAudioDelta),
    /// `input_transcript.added`: user speech transcript increment.
    InputTranscriptAdded(TranscriptAdded),
    /// `output_transcript.added`: assistant speech transcript increment.
    OutputTranscriptAdded(TranscriptAdded),
    /// `turn.done`: a turn is final, with its complete transcript.
    TurnDone(TurnDone),
    /// `delegation.created`: the model delegates a request (a handoff request when it is a
    /// client delegation).
    DelegationCreated(DelegationCreated),
    /// `error`: the server reports an error (a top-level `message`, a nested `error.message`,
    /// or any other `error` value); the Codex client ends the conversation.
    Error(ErrorEvent),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::event_union! {
    ServerEvent {
        version: V3,
        direction: ServerToClient,
        module: "realtime/v3",
        doc: "An event a realtime v3 server sends to its client.",
        variants: {
            "session.started" => SessionStarted(SessionStarted),
            "session.updated" => SessionUpdated(SessionStarted),
            "output_audio.delta" => OutputAudioDelta(OutputAudioDelta),
            "input_transcript.added" => InputTranscriptAdded(TranscriptAdded),
            "output_transcript.added" => OutputTranscriptAdded(TranscriptAdded),
            "turn.done" => TurnDone(TurnDone),
            "delegation.created" => DelegationCreated(DelegationCreated),
            "error" => Error(ErrorEvent),
        }
    }
}

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
            FrameError::Binary => f.write_str(connection::BINARY_FRAME_ERROR),
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
    let value: Value = crate::decode(text, "type").map_err(FrameError::Decode)?;
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
