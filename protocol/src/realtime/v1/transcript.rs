//! Transcript events (S→C): the v1 names and the GA names a v1 client also accepts.
//!
//! In v1 the GA-named events decode leniently: only their text member is needed, even though
//! the GA definitions require the id members too.

use serde::{Deserialize, Serialize};

/// A transcript increment: `conversation.input_transcript.delta` and
/// `conversation.item.input_audio_transcription.delta` (the user's speech),
/// `conversation.output_transcript.delta` (the assistant's speech).
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

/// `conversation.item.input_audio_transcription.completed`: the final transcript of the user's
/// speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct InputAudioTranscriptionCompleted {
    /// Optional id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The final transcript.
    pub transcript: String,
    /// The user item whose audio was transcribed; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Index of the item in the response output; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_index: Option<u32>,
    /// Index of the audio content part in the item; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
}

/// `response.output_text.delta` / `response.output_audio_transcript.delta`: an increment of the
/// assistant's transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct ResponseTranscriptDelta {
    /// Optional id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The text increment.
    pub delta: String,
    /// The response producing the text; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
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

/// `response.output_audio_transcript.done`: the final transcript of the assistant's audio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct ResponseTranscriptDone {
    /// Optional id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The final transcript.
    pub transcript: String,
    /// The response that produced it; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
    /// The item it belongs to; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Index of the item in the response output; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_index: Option<u32>,
    /// Index of the content part in the item; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
}

/// `conversation.input_transcript.turn_marked` (S→C): the complete transcript of the user's
/// turn, the final user transcript of a v1 conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct InputTranscriptTurnMarked {
    /// Optional id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The complete user transcript of the turn.
    pub transcript: String,
    /// The user item the transcript belongs to; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Index of the item in the response output; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_index: Option<u32>,
    /// Index of the content part in the item; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_index: Option<u32>,
}
