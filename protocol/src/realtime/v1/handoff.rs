//! The v1 handoff: `conversation.handoff.requested` (S→C) asks the client to carry out a
//! request; `conversation.handoff.append` (C→S) returns its result.

use serde::{Deserialize, Serialize};

/// `conversation.handoff.requested` (S→C): the model asks the client to carry out a request
/// (typically by handing it to a background agent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct ConversationHandoffRequested {
    /// Optional id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Identifies the request; echoed in `conversation.handoff.append`.
    pub handoff_id: String,
    /// The conversation item that triggered the handoff.
    pub item_id: String,
    /// The user's request, as transcribed.
    pub input_transcript: String,
    /// The conversation turns since the previous handoff. Absent: the client fills it from the
    /// transcript it accumulated itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_transcript: Option<Vec<TranscriptEntry>>,
}

/// One conversation turn of a handoff's `active_transcript`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct TranscriptEntry {
    /// Who spoke: `"user"` or `"assistant"`.
    pub role: String,
    /// What they said.
    pub text: String,
}

/// `conversation.handoff.append` (C→S): the result of a handoff request, for the model to relay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct ConversationHandoffAppend {
    /// Optional client-chosen id of this event; never needed. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The `handoff_id` of the `conversation.handoff.requested` being answered.
    pub handoff_id: String,
    /// The result text; the Codex client prefixes it with the line `"Agent Final Message":`
    /// and a blank line (see [`ConversationHandoffAppend::agent_final_message`]).
    pub output_text: String,
}

impl ConversationHandoffAppend {
    /// The line (and blank line) the Codex client puts before a handoff result.
    pub const AGENT_FINAL_MESSAGE_PREFIX: &'static str = "\"Agent Final Message\":\n\n";

    /// The answer to `handoff_id` carrying `result` as the Codex client sends it: prefixed with
    /// [`Self::AGENT_FINAL_MESSAGE_PREFIX`].
    pub fn agent_final_message(handoff_id: impl Into<String>, result: &str) -> Self {
        ConversationHandoffAppend {
            event_id: None,
            handoff_id: handoff_id.into(),
            output_text: format!("{}{result}", Self::AGENT_FINAL_MESSAGE_PREFIX),
        }
    }
}
