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
    /// The conversation turns since the previous handoff, as the server sees them; absent: not
    /// sent. Clients do not rely on it: they use the running transcript they keep themselves.
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

/// `conversation.handoff.append` (C→S): the result of a handoff request, or a progress update,
/// for the model to relay. Also sent with `handoff_id` `codex` when no handoff is pending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct ConversationHandoffAppend {
    /// Optional client-chosen id of this event; never needed. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The `handoff_id` of the `conversation.handoff.requested` being answered.
    pub handoff_id: String,
    /// The text for the model to relay. The Codex client prefixes a final result with the line
    /// `"Agent Final Message":` and a blank line; progress updates and spoken updates are sent
    /// without the prefix.
    pub output_text: String,
}

impl ConversationHandoffAppend {
    /// The line (and blank line) the Codex client puts before a handoff result.
    pub const AGENT_FINAL_MESSAGE_PREFIX: &'static str = "\"Agent Final Message\":\n\n";

    /// The final answer to `handoff_id` carrying `result` as the Codex client sends it:
    /// prefixed with [`Self::AGENT_FINAL_MESSAGE_PREFIX`].
    ///
    /// ```
    /// use rtwire_protocol::realtime::v1::ConversationHandoffAppend;
    /// let final_result = ConversationHandoffAppend::agent_final_message("handoff_1", "done");
    /// assert_eq!(final_result.output_text, "\"Agent Final Message\":\n\ndone");
    /// let progress = ConversationHandoffAppend::progress("handoff_1", "still working");
    /// assert_eq!(progress.output_text, "still working");
    /// ```
    pub fn agent_final_message(handoff_id: impl Into<String>, result: &str) -> Self {
        ConversationHandoffAppend {
            event_id: None,
            handoff_id: handoff_id.into(),
            output_text: format!("{}{result}", Self::AGENT_FINAL_MESSAGE_PREFIX),
        }
    }

    /// A progress or spoken update for `handoff_id`: the text as given, without the prefix of
    /// final results.
    pub fn progress(handoff_id: impl Into<String>, text: impl Into<String>) -> Self {
        ConversationHandoffAppend {
            event_id: None,
            handoff_id: handoff_id.into(),
            output_text: text.into(),
        }
    }
}
