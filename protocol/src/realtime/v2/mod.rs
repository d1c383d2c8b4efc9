//! Realtime v2: the GA Realtime WebSocket API (`realtime-v2.md`).
//!
//! [`ClientEvent`] is what a client sends, [`ServerEvent`] what a server sends. Both are tagged
//! on `type`; a `type` this crate does not know decodes to `Unknown` with the raw JSON.

mod input_audio;
mod response_audio;

pub use super::InputAudioBufferAppend;
pub use input_audio::{InputAudioBufferCleared, InputAudioBufferCommit};
pub use response_audio::ResponseOutputAudioDelta;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An event a client sends to a realtime v2 server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = crate::open_union::unknown_type_branch))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ClientEvent {
    /// `input_audio_buffer.append`: add audio to the input buffer.
    #[serde(rename = "input_audio_buffer.append")]
    InputAudioBufferAppend(InputAudioBufferAppend),
    /// `input_audio_buffer.commit`: turn the buffered audio into a user message item.
    #[serde(rename = "input_audio_buffer.commit")]
    InputAudioBufferCommit(InputAudioBufferCommit),
    /// An event whose `type` this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

/// The aliases of [`ServerEvent`] tags: `(alias, canonical)`.
const SERVER_EVENT_ALIASES: &[(&str, &str)] =
    &[("response.audio.delta", "response.output_audio.delta")];

/// Adds the alias and unknown-event branches to the derived schema of [`ServerEvent`].
#[cfg(feature = "schema")]
fn server_event_schema(schema: &mut schemars::Schema) {
    use schemars::transform::Transform;
    crate::open_union::UnknownBranch { tag: "type", aliases: SERVER_EVENT_ALIASES }.transform(schema);
}

/// An event a realtime v2 server sends to its client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = server_event_schema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ServerEvent {
    /// `input_audio_buffer.cleared`: the input buffer was emptied.
    #[serde(rename = "input_audio_buffer.cleared")]
    InputAudioBufferCleared(InputAudioBufferCleared),
    /// `response.output_audio.delta` (alias `response.audio.delta` on input): a chunk of model
    /// audio.
    #[serde(rename = "response.output_audio.delta", alias = "response.audio.delta")]
    ResponseOutputAudioDelta(ResponseOutputAudioDelta),
    /// An event whose `type` this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::impl_open_union!(ClientEvent, tag = "type", payloads = [InputAudioBufferAppend, InputAudioBufferCommit]);
crate::impl_open_union!(ServerEvent, tag = "type", payloads = [InputAudioBufferCleared, ResponseOutputAudioDelta]);
crate::impl_realtime_union!(ClientEvent, V2, ClientToServer, "realtime/v2", &[]);
crate::impl_realtime_union!(ServerEvent, V2, ServerToClient, "realtime/v2", SERVER_EVENT_ALIASES);
