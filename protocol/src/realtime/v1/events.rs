//! v1 events that have no identical v2 counterpart.

use serde::{Deserialize, Serialize};

/// `response.create` (C→S): asks the model to respond. v1 sends no other member.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct ResponseCreate {
    /// Optional id of this event; never needed. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// `conversation.input_transcript.delta` / `conversation.output_transcript.delta` (S→C): a
/// transcript increment of the user's (input) or the assistant's (output) speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct TranscriptDelta {
    /// Optional id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The text increment.
    pub delta: String,
    /// The item the text belongs to; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Index of the item in the response output; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_index: Option<u32>,
    /// Index of the content part in the item; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
}
