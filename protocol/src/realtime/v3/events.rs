//! The two event unions of v3: what a client sends ([`ClientEvent`]) and what a server sends
//! ([`ServerEvent`]), each declared once in its `event_union!` table.

use serde_json::Value;

use super::audio::{InputAudioAppend, OutputAudioDelta};
use super::context::{DelegationContextAppend, SessionClose, SessionContextAppend};
use super::delegation::DelegationCreated;
use super::session::{SessionStarted, SessionUpdate};
use super::transcript::{TranscriptAdded, TurnDone};
use crate::realtime::ErrorEvent;

/// An event a client sends to a realtime v3 server.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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

crate::realtime::event_union! {
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
#[non_exhaustive]
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

crate::realtime::event_union! {
    ServerEvent {
        version: V3,
        direction: ServerToClient,
        module: "realtime/v3",
        doc: "An event a realtime v3 server sends to its client.",
        variants: {
            "session.started" => SessionStarted(SessionStarted) shared,
            "session.updated" => SessionUpdated(SessionStarted) shared,
            "output_audio.delta" => OutputAudioDelta(OutputAudioDelta),
            "input_transcript.added" => InputTranscriptAdded(TranscriptAdded) shared,
            "output_transcript.added" => OutputTranscriptAdded(TranscriptAdded) shared,
            "turn.done" => TurnDone(TurnDone),
            "delegation.created" => DelegationCreated(DelegationCreated),
            "error" => Error(ErrorEvent),
        }
    }
}
