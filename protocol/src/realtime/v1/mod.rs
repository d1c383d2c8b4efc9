//! Realtime v1: the "quicksilver" dialect (`realtime-v1.md`).
//!
//! [`ClientEvent`] is what a v1 client sends, [`ServerEvent`] what a v1 server sends. Both are
//! tagged on `type`; a `type` this crate does not know decodes to `Unknown` with the raw JSON.

mod audio;
mod borrowed;
mod conversation;
mod handoff;
mod session;
mod transcript;

pub use super::{ErrorEvent, ErrorPayload, ErrorType, InputAudioBufferAppend, RealtimeError};
pub use audio::ConversationOutputAudioDelta;
pub use borrowed::{
    ClientEventRef, ConversationOutputAudioDeltaRef, InputAudioBufferAppendRef, ServerEventRef,
};
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
    InputAudioTranscriptionCompleted, InputTranscriptTurnMarked, ResponseTranscriptDelta,
    ResponseTranscriptDone, TranscriptDelta,
};

use serde_json::Value;

/// An event a client sends to a realtime v1 server.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ClientEvent {
    /// `session.update`: configure the session (sent first).
    SessionUpdate(SessionUpdate),
    /// `input_audio_buffer.append`: stream microphone audio.
    InputAudioBufferAppend(InputAudioBufferAppend),
    /// `conversation.item.create`: add a text message to the conversation.
    ConversationItemCreate(ConversationItemCreate),
    /// `conversation.handoff.append`: return the result of a handoff request.
    ConversationHandoffAppend(ConversationHandoffAppend),
    /// `response.create`: ask the model to respond.
    ResponseCreate(ResponseCreate),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::realtime::event_union! {
    ClientEvent {
        version: V1,
        direction: ClientToServer,
        module: "realtime/v1",
        doc: "An event a client sends to a realtime v1 server.",
        variants: {
            "session.update" => SessionUpdate(SessionUpdate),
            "input_audio_buffer.append" => InputAudioBufferAppend(InputAudioBufferAppend),
            "conversation.item.create" => ConversationItemCreate(ConversationItemCreate),
            "conversation.handoff.append" => ConversationHandoffAppend(ConversationHandoffAppend),
            "response.create" => ResponseCreate(ResponseCreate),
        }
    }
}

/// An event a realtime v1 server sends to its client.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ServerEvent {
    /// `session.updated`: the session configuration was accepted.
    SessionUpdated(SessionUpdated),
    /// `conversation.output_audio.delta`: a chunk of model audio.
    ConversationOutputAudioDelta(ConversationOutputAudioDelta),
    /// `conversation.input_transcript.delta`: user speech transcript increment.
    ConversationInputTranscriptDelta(TranscriptDelta),
    /// `conversation.output_transcript.delta`: assistant speech transcript increment.
    ConversationOutputTranscriptDelta(TranscriptDelta),
    /// `conversation.item.added`: an item joined the conversation.
    ConversationItemAdded(ConversationItemAdded),
    /// `conversation.item.done`: an item is final.
    ConversationItemDone(ConversationItemDone),
    /// `conversation.handoff.requested`: the model asks the client to carry out a request.
    ConversationHandoffRequested(ConversationHandoffRequested),
    /// `error`: the server reports an error (a top-level `message`, a nested `error.message`,
    /// or any other `error` value).
    Error(ErrorEvent),
    /// `conversation.item.input_audio_transcription.delta` (GA name): user transcript
    /// increment, same meaning as `conversation.input_transcript.delta`.
    InputAudioTranscriptionDelta(TranscriptDelta),
    /// `conversation.item.input_audio_transcription.completed` (GA name): final user
    /// transcript.
    InputAudioTranscriptionCompleted(InputAudioTranscriptionCompleted),
    /// `response.output_text.delta` (GA name): assistant transcript increment.
    ResponseOutputTextDelta(ResponseTranscriptDelta),
    /// `response.output_audio_transcript.delta` (GA name): assistant transcript increment.
    ResponseOutputAudioTranscriptDelta(ResponseTranscriptDelta),
    /// `response.output_audio_transcript.done` (GA name): final assistant transcript.
    ResponseOutputAudioTranscriptDone(ResponseTranscriptDone),
    /// `conversation.input_transcript.turn_marked`: the complete user transcript of a turn
    /// (the final user transcript).
    ConversationInputTranscriptTurnMarked(InputTranscriptTurnMarked),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::realtime::event_union! {
    ServerEvent {
        version: V1,
        direction: ServerToClient,
        module: "realtime/v1",
        doc: "An event a realtime v1 server sends to its client.",
        variants: {
            "session.updated" => SessionUpdated(SessionUpdated),
            "conversation.output_audio.delta" => ConversationOutputAudioDelta(ConversationOutputAudioDelta),
            "conversation.input_transcript.delta" => ConversationInputTranscriptDelta(TranscriptDelta) shared,
            "conversation.output_transcript.delta" => ConversationOutputTranscriptDelta(TranscriptDelta) shared,
            "conversation.item.added" => ConversationItemAdded(ConversationItemAdded),
            "conversation.item.done" => ConversationItemDone(ConversationItemDone),
            "conversation.handoff.requested" => ConversationHandoffRequested(ConversationHandoffRequested),
            "error" => Error(ErrorEvent),
            "conversation.item.input_audio_transcription.delta" => InputAudioTranscriptionDelta(TranscriptDelta) shared,
            "conversation.item.input_audio_transcription.completed" => InputAudioTranscriptionCompleted(InputAudioTranscriptionCompleted),
            "response.output_text.delta" => ResponseOutputTextDelta(ResponseTranscriptDelta) shared,
            "response.output_audio_transcript.delta" => ResponseOutputAudioTranscriptDelta(ResponseTranscriptDelta) shared,
            "response.output_audio_transcript.done" => ResponseOutputAudioTranscriptDone(ResponseTranscriptDone),
            "conversation.input_transcript.turn_marked" => ConversationInputTranscriptTurnMarked(InputTranscriptTurnMarked),
        }
    }
}
