//! Realtime translation: the events of the translation endpoint
//! (`wss://api.openai.com/v1/realtime/translations?model=…`).
//!
//! The client streams source-language audio in; the server streams translated audio and the
//! source and target transcripts out, continuously. There are no conversation items, responses,
//! turn detection or tools. [`ClientEvent`] is what a client sends (3 event types),
//! [`ServerEvent`] what the server sends (7 event types). A `type` this crate does not know,
//! conversation (v2) event names included, decodes to `Unknown` with the raw JSON.
//!
//! Three names (`session.update`, `session.created`, `session.updated`) are also events of the
//! conversation protocol ([`crate::realtime::v2`]) with other payloads, so a receiver picks the
//! union by the endpoint it connected to, never by looking at the frame. `error` is the shared
//! [`ErrorEvent`] of every realtime version.

mod audio;
mod borrowed;
mod session;
mod transcript;

pub use super::v2::NoiseReductionType;
pub use super::{ErrorEvent, ErrorPayload, ErrorType, RealtimeError};
pub use audio::*;
pub use borrowed::{
    ClientEventRef, ServerEventRef, TranslationInputAudioBufferAppendRef,
    TranslationOutputAudioDeltaRef,
};
pub use session::*;
pub use transcript::*;

use serde_json::Value;

/// An event a client sends to the realtime translation endpoint.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ClientEvent {
    /// `session.update`: change the target language, source transcription or noise reduction.
    SessionUpdate(TranslationSessionUpdateEvent),
    /// `session.input_audio_buffer.append`: stream source audio.
    InputAudioBufferAppend(TranslationInputAudioBufferAppend),
    /// `session.close`: finish the session after the remaining output.
    SessionClose(TranslationSessionClose),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::realtime::event_union! {
    ClientEvent {
        version: Translation,
        direction: ClientToServer,
        module: "realtime/translation",
        doc: "An event a client sends to the realtime translation endpoint.",
        variants: {
            "session.update" => SessionUpdate(TranslationSessionUpdateEvent),
            "session.input_audio_buffer.append" => InputAudioBufferAppend(TranslationInputAudioBufferAppend),
            "session.close" => SessionClose(TranslationSessionClose),
        }
    }
}

/// An event the realtime translation endpoint sends to its client.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ServerEvent {
    /// `session.created`: the session exists, with its default configuration (first event).
    SessionCreated(TranslationSessionEvent),
    /// `session.updated`: the configuration after a `session.update`.
    SessionUpdated(TranslationSessionEvent),
    /// `session.closed`: all output after a `session.close` was sent; nothing follows.
    SessionClosed(TranslationSessionClosed),
    /// `session.input_transcript.delta`: source-language transcript increment.
    InputTranscriptDelta(TranslationTranscriptDelta),
    /// `session.output_transcript.delta`: target-language transcript increment.
    OutputTranscriptDelta(TranslationTranscriptDelta),
    /// `session.output_audio.delta`: a chunk of translated audio.
    OutputAudioDelta(TranslationOutputAudioDelta),
    /// `error`: the server reports an error (most are recoverable).
    Error(ErrorEvent),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::realtime::event_union! {
    ServerEvent {
        version: Translation,
        direction: ServerToClient,
        module: "realtime/translation",
        doc: "An event the realtime translation endpoint sends to its client.",
        variants: {
            "session.created" => SessionCreated(TranslationSessionEvent) shared,
            "session.updated" => SessionUpdated(TranslationSessionEvent) shared,
            "session.closed" => SessionClosed(TranslationSessionClosed),
            "session.input_transcript.delta" => InputTranscriptDelta(TranslationTranscriptDelta) shared,
            "session.output_transcript.delta" => OutputTranscriptDelta(TranslationTranscriptDelta) shared,
            "session.output_audio.delta" => OutputAudioDelta(TranslationOutputAudioDelta),
            "error" => Error(ErrorEvent),
        }
    }
}
