//! Transcripts (S→C): `input_transcript.added` / `output_transcript.added` (increments) and
//! `turn.done` (the complete transcript of a turn).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `input_transcript.added` (the user's speech) and `output_transcript.added` (the assistant's
/// speech): a transcript increment, appended to the running transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct TranscriptAdded {
    /// The transcript item.
    pub item: TranscriptItem,
}

impl TranscriptAdded {
    /// The text increment (`item.text`).
    pub fn delta(&self) -> &str {
        &self.item.text
    }
}

/// The item of a transcript increment: its text, and every other member kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct TranscriptItem {
    /// The text increment, appended to the running transcript as is.
    pub text: String,
    /// Every other member, kept verbatim; observed: `id` (a string) and `type` (e.g.
    /// `"input_transcript"`), which the Codex client does not read.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl TranscriptItem {
    /// The `id` member, when it is a string (observed, not read by the Codex client).
    pub fn id(&self) -> Option<&str> {
        self.other.get("id").and_then(Value::as_str)
    }
}

/// `turn.done` (S→C): a turn is final; carries its complete transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct TurnDone {
    /// The finished turn.
    pub turn: Turn,
}

/// The turn of a `turn.done`: who spoke, the complete transcript, and every other member kept
/// verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/", optional_fields = nullable))]
pub struct Turn {
    /// Who spoke: `user` (the transcript is the user's final transcript) or `assistant` (the
    /// assistant's); any other role is kept, and the turn then carries no final transcript.
    pub role: TurnRole,
    /// The complete transcript of the turn.
    pub transcript: String,
    /// Every other member, kept verbatim; observed: `id` (a string), which the Codex client
    /// does not read.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl Turn {
    /// The `id` member, when it is a string (observed, not read by the Codex client).
    pub fn id(&self) -> Option<&str> {
        self.other.get("id").and_then(Value::as_str)
    }
}

/// The role of a finished turn: an open enum (any other string is accepted and kept as it is).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v3/"))]
#[non_exhaustive]
pub enum TurnRole {
    /// `user`: the person speaking.
    #[serde(rename = "user")]
    User,
    /// `assistant`: the model.
    #[serde(rename = "assistant")]
    Assistant,
    /// Any other role, passed through; such a turn carries no final transcript.
    #[serde(untagged)]
    Other(String),
}

/// Whose speech a final transcript is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Speaker {
    /// The user's speech.
    User,
    /// The assistant's speech.
    Assistant,
}

impl TurnDone {
    /// The final transcript this event gives, with its speaker: `turn.transcript` when
    /// `turn.role` is `user` or `assistant`; `None` for any other role.
    pub fn final_transcript(&self) -> Option<(Speaker, &str)> {
        let speaker = match self.turn.role {
            TurnRole::User => Speaker::User,
            TurnRole::Assistant => Speaker::Assistant,
            TurnRole::Other(_) => return None,
        };
        Some((speaker, &self.turn.transcript))
    }
}
