//! Realtime v1: the "quicksilver" dialect (`realtime-v1.md`).
//!
//! [`ClientEvent`] is what a v1 client sends, [`ServerEvent`] what a v1 server sends. Both are
//! tagged on `type`; a `type` this crate does not know decodes to `Unknown` with the raw JSON.

mod events;

pub use super::InputAudioBufferAppend;
pub use events::{ResponseCreate, TranscriptDelta};

use serde_json::Value;

/// An event a client sends to a realtime v1 server.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientEvent {
    /// `input_audio_buffer.append`: stream microphone audio.
    InputAudioBufferAppend(InputAudioBufferAppend),
    /// `response.create`: ask the model to respond.
    ResponseCreate(ResponseCreate),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::event_union! {
    ClientEvent {
        version: V1,
        direction: ClientToServer,
        module: "realtime/v1",
        doc: "An event a client sends to a realtime v1 server.",
        variants: {
            "input_audio_buffer.append" => InputAudioBufferAppend(InputAudioBufferAppend),
            "response.create" => ResponseCreate(ResponseCreate),
        }
    }
}

/// An event a realtime v1 server sends to its client.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerEvent {
    /// `conversation.input_transcript.delta`: user speech transcript increment.
    ConversationInputTranscriptDelta(TranscriptDelta),
    /// `conversation.output_transcript.delta`: assistant speech transcript increment.
    ConversationOutputTranscriptDelta(TranscriptDelta),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::event_union! {
    ServerEvent {
        version: V1,
        direction: ServerToClient,
        module: "realtime/v1",
        doc: "An event a realtime v1 server sends to its client.",
        variants: {
            "conversation.input_transcript.delta" => ConversationInputTranscriptDelta(TranscriptDelta),
            "conversation.output_transcript.delta" => ConversationOutputTranscriptDelta(TranscriptDelta),
        }
    }
}
