//! Realtime v1: the "quicksilver" dialect (`realtime-v1.md`).
//!
//! [`ClientEvent`] is what a v1 client sends, [`ServerEvent`] what a v1 server sends. Both are
//! tagged on `type`; a `type` this crate does not know decodes to `Unknown` with the raw JSON.

mod events;

pub use super::InputAudioBufferAppend;
pub use events::{ResponseCreate, TranscriptDelta};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An event a client sends to a realtime v1 server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = crate::open_union::unknown_type_branch))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/"))]
pub enum ClientEvent {
    /// `input_audio_buffer.append`: stream microphone audio.
    #[serde(rename = "input_audio_buffer.append")]
    InputAudioBufferAppend(InputAudioBufferAppend),
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
    /// `conversation.input_transcript.delta`: user speech transcript increment.
    #[serde(rename = "conversation.input_transcript.delta")]
    ConversationInputTranscriptDelta(TranscriptDelta),
    /// `conversation.output_transcript.delta`: assistant speech transcript increment.
    #[serde(rename = "conversation.output_transcript.delta")]
    ConversationOutputTranscriptDelta(TranscriptDelta),
    /// An event whose `type` this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::impl_open_union!(ClientEvent, tag = "type", payloads = [InputAudioBufferAppend, ResponseCreate]);
crate::impl_open_union!(ServerEvent, tag = "type", payloads = [TranscriptDelta]);
crate::impl_realtime_union!(ClientEvent, V1, ClientToServer, "realtime/v1", &[]);
crate::impl_realtime_union!(ServerEvent, V1, ServerToClient, "realtime/v1", &[]);
