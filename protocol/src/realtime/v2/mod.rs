//! Realtime v2: the GA Realtime WebSocket API (`realtime-v2.md`).
//!
//! [`ClientEvent`] is what a client sends, [`ServerEvent`] what a server sends. Both are tagged
//! on `type`; a `type` this crate does not know decodes to `Unknown` with the raw JSON.

mod input_audio;
mod response_audio;

pub use super::InputAudioBufferAppend;
pub use input_audio::{InputAudioBufferCleared, InputAudioBufferCommit};
pub use response_audio::ResponseOutputAudioDelta;

use serde_json::Value;

/// An event a client sends to a realtime v2 server.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientEvent {
    /// `input_audio_buffer.append`: add audio to the input buffer.
    InputAudioBufferAppend(InputAudioBufferAppend),
    /// `input_audio_buffer.commit`: turn the buffered audio into a user message item.
    InputAudioBufferCommit(InputAudioBufferCommit),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::event_union! {
    ClientEvent {
        version: V2,
        direction: ClientToServer,
        module: "realtime/v2",
        doc: "An event a client sends to a realtime v2 server.",
        variants: {
            "input_audio_buffer.append" => InputAudioBufferAppend(InputAudioBufferAppend),
            "input_audio_buffer.commit" => InputAudioBufferCommit(InputAudioBufferCommit),
        }
    }
}

/// An event a realtime v2 server sends to its client.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerEvent {
    /// `input_audio_buffer.cleared`: the input buffer was emptied.
    InputAudioBufferCleared(InputAudioBufferCleared),
    /// `response.output_audio.delta` (alias `response.audio.delta` on input): a chunk of model
    /// audio.
    ResponseOutputAudioDelta(ResponseOutputAudioDelta),
    /// An event whose `type` this crate does not know, kept verbatim.
    Unknown(Value),
}

crate::event_union! {
    ServerEvent {
        version: V2,
        direction: ServerToClient,
        module: "realtime/v2",
        doc: "An event a realtime v2 server sends to its client.",
        variants: {
            "input_audio_buffer.cleared" => InputAudioBufferCleared(InputAudioBufferCleared),
            "response.output_audio.delta" | "response.audio.delta" => ResponseOutputAudioDelta(ResponseOutputAudioDelta),
        }
    }
}
