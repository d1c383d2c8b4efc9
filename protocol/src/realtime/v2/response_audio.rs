//! The `response.output_audio.*` events: model audio.

use serde::{Deserialize, Serialize};

/// `response.output_audio.delta` (S→C; `response.audio.delta` is accepted as an alias): a chunk
/// of model audio, in the session's output format.
///
/// The official event carries no sample rate or channel count; real peers add them (spec §5.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseOutputAudioDelta {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response producing the audio.
    pub response_id: String,
    /// The assistant message item the audio belongs to.
    pub item_id: String,
    /// Index of the item in `response.output`.
    pub output_index: u32,
    /// Index of the audio part in the item's `content`.
    pub content_index: u32,
    /// Base64 audio chunk.
    pub delta: String,
}
