//! The `input_audio_buffer.*` events: streaming microphone audio and its voice activity.

use serde::{Deserialize, Serialize};

/// `input_audio_buffer.commit` (C→S): turns the buffered audio into a user message item
/// (without creating a response). An error if the buffer is empty.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioBufferCommit {
    /// Client-chosen id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// `input_audio_buffer.cleared` (S→C): the input buffer was emptied, in answer to
/// `input_audio_buffer.clear`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputAudioBufferCleared {
    /// Server-unique id of this event; always sent by the official service, absent from some
    /// test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}
