//! Realtime v1: the "quicksilver" dialect (`realtime-v1.md`).
//!
//! [`ClientEvent`] is what a v1 client sends, [`ServerEvent`] what a v1 server sends. Both are
//! tagged on `type`; a `type` this crate does not know decodes to `Unknown` with the raw JSON.

mod audio;
mod conversation;
mod handoff;
mod session;
mod transcript;

pub use super::{ErrorEvent, ErrorPayload, ErrorType, InputAudioBufferAppend, RealtimeError};
pub use audio::ConversationOutputAudioDelta;
pub use conversation::{
    ConversationItemAdded, ConversationItemCreate, ConversationItemDone, DoneItem, MessageContent,
    MessageItem, MessageItemType, ResponseCreate, Role,
};
pub use handoff::{ConversationHandoffAppend, ConversationHandoffRequested, TranscriptEntry};
pub use session::{
    AudioFormat, AudioFormatType, AudioInput, AudioOutput, Session, SessionAudio, SessionEcho,
    SessionType, SessionUpdate, SessionUpdated, Voice,
};
pub use transcript::{
    InputAudioTranscriptionCompleted, ResponseTranscriptDelta, ResponseTranscriptDone,
    TranscriptDelta,
};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An event a client sends to a realtime v1 server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = crate::open_union::unknown_type_branch))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/"))]
pub enum ClientEvent {
    /// `session.update`: configure the session (sent first).
    #[serde(rename = "session.update")]
    SessionUpdate(SessionUpdate),
    /// `input_audio_buffer.append`: stream microphone audio.
    #[serde(rename = "input_audio_buffer.append")]
    InputAudioBufferAppend(InputAudioBufferAppend),
    /// `conversation.item.create`: add a text message to the conversation.
    #[serde(rename = "conversation.item.create")]
    ConversationItemCreate(ConversationItemCreate),
    /// `conversation.handoff.append`: return the result of a handoff request.
    #[serde(rename = "conversation.handoff.append")]
    ConversationHandoffAppend(ConversationHandoffAppend),
    /// `response.create`: ask the model to respond.
    #[serde(rename = "response.create")]
    ResponseCreate(ResponseCreate),
    /// An event whose `type` this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

/// An event a realtime v1 server sends to its client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = crate::open_union::unknown_type_branch))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/"))]
pub enum ServerEvent {
    /// `session.updated`: the session configuration was accepted.
    #[serde(rename = "session.updated")]
    SessionUpdated(SessionUpdated),
    /// `conversation.output_audio.delta`: a chunk of model audio.
    #[serde(rename = "conversation.output_audio.delta")]
    ConversationOutputAudioDelta(ConversationOutputAudioDelta),
    /// `conversation.input_transcript.delta`: user speech transcript increment.
    #[serde(rename = "conversation.input_transcript.delta")]
    ConversationInputTranscriptDelta(TranscriptDelta),
    /// `conversation.output_transcript.delta`: assistant speech transcript increment.
    #[serde(rename = "conversation.output_transcript.delta")]
    ConversationOutputTranscriptDelta(TranscriptDelta),
    /// `conversation.item.added`: an item joined the conversation.
    #[serde(rename = "conversation.item.added")]
    ConversationItemAdded(ConversationItemAdded),
    /// `conversation.item.done`: an item is final.
    #[serde(rename = "conversation.item.done")]
    ConversationItemDone(ConversationItemDone),
    /// `conversation.handoff.requested`: the model asks the client to carry out a request.
    #[serde(rename = "conversation.handoff.requested")]
    ConversationHandoffRequested(ConversationHandoffRequested),
    /// `error`: the server reports an error (a top-level `message`, a nested `error.message`,
    /// or any other `error` value).
    #[serde(rename = "error")]
    Error(ErrorEvent),
    /// `conversation.item.input_audio_transcription.delta` (GA name): user transcript
    /// increment, same meaning as `conversation.input_transcript.delta`.
    #[serde(rename = "conversation.item.input_audio_transcription.delta")]
    InputAudioTranscriptionDelta(TranscriptDelta),
    /// `conversation.item.input_audio_transcription.completed` (GA name): final user
    /// transcript.
    #[serde(rename = "conversation.item.input_audio_transcription.completed")]
    InputAudioTranscriptionCompleted(InputAudioTranscriptionCompleted),
    /// `response.output_text.delta` (GA name): assistant transcript increment.
    #[serde(rename = "response.output_text.delta")]
    ResponseOutputTextDelta(ResponseTranscriptDelta),
    /// `response.output_audio_transcript.delta` (GA name): assistant transcript increment.
    #[serde(rename = "response.output_audio_transcript.delta")]
    ResponseOutputAudioTranscriptDelta(ResponseTranscriptDelta),
    /// `response.output_audio_transcript.done` (GA name): final assistant transcript.
    #[serde(rename = "response.output_audio_transcript.done")]
    ResponseOutputAudioTranscriptDone(ResponseTranscriptDone),
    /// An event whose `type` this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::impl_open_union!(
    ClientEvent,
    tag = "type",
    payloads = [
        SessionUpdate,
        InputAudioBufferAppend,
        ConversationItemCreate,
        ConversationHandoffAppend,
        ResponseCreate,
    ]
);
crate::impl_open_union!(
    ServerEvent,
    tag = "type",
    payloads = [
        SessionUpdated,
        ConversationOutputAudioDelta,
        TranscriptDelta,
        ConversationItemAdded,
        ConversationItemDone,
        ConversationHandoffRequested,
        ErrorEvent,
        InputAudioTranscriptionCompleted,
        ResponseTranscriptDelta,
        ResponseTranscriptDone,
    ]
);
crate::impl_realtime_union!(ClientEvent, V1, ClientToServer, "realtime/v1", &[]);
crate::impl_realtime_union!(ServerEvent, V1, ServerToClient, "realtime/v1", &[]);
