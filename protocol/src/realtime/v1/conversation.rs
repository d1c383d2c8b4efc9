//! The conversation events: `conversation.item.create` and `response.create` (C→S),
//! `conversation.item.added` and `conversation.item.done` (S→C).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `conversation.item.create` (C→S): adds a text message to the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct ConversationItemCreate {
    /// Optional client-chosen id of this event; never needed. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The message to add.
    pub item: MessageItem,
}

impl ConversationItemCreate {
    /// The event adding the message `text` from `role` (see [`MessageItem::text`]).
    pub fn text(role: Role, text: impl Into<String>) -> Self {
        ConversationItemCreate {
            event_id: None,
            item: MessageItem::text(role, text),
        }
    }
}

/// A text message item, as a v1 client creates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct MessageItem {
    /// The item kind: always `"message"`.
    pub r#type: MessageItemType,
    /// Who the message is from.
    pub role: Role,
    /// The message content; the Codex client sends exactly one part.
    pub content: Vec<MessageContent>,
}

impl MessageItem {
    /// A message from `role` holding one text part: `output_text` for the assistant,
    /// `input_text` otherwise.
    pub fn text(role: Role, text: impl Into<String>) -> Self {
        let text = text.into();
        let part = match role {
            Role::Assistant => MessageContent::OutputText { text },
            Role::User | Role::Developer => MessageContent::InputText { text },
        };
        MessageItem {
            r#type: MessageItemType::Message,
            role,
            content: vec![part],
        }
    }
}

/// The item kind of a v1 `conversation.item.create` (closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/"))]
pub enum MessageItemType {
    /// `message`: a conversation message.
    #[default]
    #[serde(rename = "message")]
    Message,
}

/// The author of a message (closed enum). Default: `user`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/"))]
pub enum Role {
    /// `user`: the person speaking.
    #[default]
    User,
    /// `developer`: context injected by the client.
    Developer,
    /// `assistant`: the model.
    Assistant,
}

/// A content part of a message, tagged on `type` (closed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/"))]
pub enum MessageContent {
    /// `input_text`: text from the user or the developer.
    #[serde(rename = "input_text")]
    InputText {
        /// The text.
        text: String,
    },
    /// `output_text`: text from the assistant.
    #[serde(rename = "output_text")]
    OutputText {
        /// The text.
        text: String,
    },
}

crate::buffered::impl_strict_tagged!(MessageContent);

/// `response.create` (C→S): asks the model to respond. v1 sends no other member.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct ResponseCreate {
    /// Optional id of this event; never needed. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// `conversation.item.added` (S→C): an item joined the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct ConversationItemAdded {
    /// Optional id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The item, opaque: any JSON value, passed through verbatim (e.g.
    /// `{"type":"spawn_transcript","seq":7}`).
    pub item: Value,
}

/// `conversation.item.done` (S→C): an item is final.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct ConversationItemDone {
    /// Optional id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The finished item.
    pub item: DoneItem,
}

/// The item of a v1 `conversation.item.done`: its `id`, and every other member as raw JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v1/", optional_fields = nullable))]
pub struct DoneItem {
    /// Identifies the finished item.
    pub id: String,
    /// Every other member, kept verbatim; commonly `role` (`"user"` or `"assistant"`) and
    /// `content` (an array of objects that may carry `text` and/or `transcript` strings).
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl DoneItem {
    /// The text of a finished message with its author: when `role` is `user` or `assistant`,
    /// the text of its `content` parts (each part's non-empty `text`, else its non-empty
    /// `transcript`), concatenated; `None` when that text is empty. Final transcripts come from
    /// the transcript events; the normalized view uses this only with its opt-in legacy setting
    /// "transcripts from finished items".
    pub fn transcript(&self) -> Option<(Role, String)> {
        let role = match self.other.get("role").and_then(Value::as_str)? {
            "user" => Role::User,
            "assistant" => Role::Assistant,
            _ => return None,
        };
        let text = content_text(self.other.get("content")?);
        (!text.is_empty()).then_some((role, text))
    }
}

/// The text of the parts of a message `content` array, concatenated: for each part its
/// non-empty `text`, else its non-empty `transcript` (empty when `content` is not an array or
/// carries no text).
fn content_text(content: &Value) -> String {
    let parts = content.as_array().map(Vec::as_slice).unwrap_or_default();
    parts
        .iter()
        .filter_map(|part| {
            ["text", "transcript"]
                .into_iter()
                .filter_map(|key| part.get(key).and_then(Value::as_str))
                .find(|text| !text.is_empty())
        })
        .collect()
}
