//! The conversation and its items: `conversation.item.*` client requests and server
//! notifications, and `conversation.created`.

use serde::{Deserialize, Serialize};

use super::items::ConversationItem;

/// `conversation.item.create` (C→S): adds an item to the conversation. Answered by
/// `conversation.item.created` / `.added` / `.done`, or `error`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ConversationItemCreate {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Insert after this item (`"root"`: at the beginning; an unknown id is an error). Absent:
    /// append at the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_item_id: Option<String>,
    /// The item to add (assistant audio cannot be created this way).
    pub item: ConversationItem,
}

impl ConversationItemCreate {
    /// Appends `item` at the end of the conversation.
    pub fn new(item: ConversationItem) -> Self {
        ConversationItemCreate {
            event_id: None,
            previous_item_id: None,
            item,
        }
    }
}

/// `conversation.item.retrieve` (C→S): asks for an item, audio bytes included. Answered by
/// `conversation.item.retrieved`, or `error` if it does not exist.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ConversationItemRetrieve {
    /// Client-chosen id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The item to fetch.
    pub item_id: String,
}

/// `conversation.item.truncate` (C→S): drops the unplayed audio (and its transcript) of an
/// assistant message when the user interrupts playback. Answered by
/// `conversation.item.truncated`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ConversationItemTruncate {
    /// Client-chosen id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The assistant message item.
    pub item_id: String,
    /// The content part to truncate; set to 0.
    pub content_index: u32,
    /// Keep audio up to this offset in milliseconds, inclusive; past the audio's end is an
    /// error.
    pub audio_end_ms: u64,
}

/// `conversation.item.delete` (C→S): removes an item. Answered by
/// `conversation.item.deleted`, or `error` if it does not exist.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ConversationItemDelete {
    /// Client-chosen id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The item to remove.
    pub item_id: String,
}

/// `conversation.created` (S→C): sent right after `session.created`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ConversationCreated {
    /// Server-unique id of this event; always sent by the official service, absent from some
    /// test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The conversation.
    pub conversation: Conversation,
}

/// A conversation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct Conversation {
    /// Conversation id (`conv_…`); absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `realtime.conversation`; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
}

/// `conversation.item.created` (an item exists), `conversation.item.added` (an item joined
/// the default conversation; in progress with empty content while the model generates it) and
/// `conversation.item.done` (the item is final, without audio bytes) (S→C).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ConversationItemEvent {
    /// Server-unique id of this event; always sent by the official service, absent from some
    /// test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The item's predecessor in the conversation; absent or `null`: the item is first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_item_id: Option<String>,
    /// The item (never with audio bytes). An item object that does not decode as a known item
    /// (e.g. a `message` without `content`, as minimal peers send it) is kept as raw JSON, like
    /// an item of an unknown kind.
    #[serde(deserialize_with = "item_or_raw")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "item_or_raw_schema"))]
    pub item: ConversationItem,
}

/// Decodes an item, keeping an object that is not a valid known item as
/// [`ConversationItem::Unknown`]; a non-object is an error.
fn item_or_raw<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<ConversationItem, D::Error> {
    let raw = serde_json::Value::deserialize(deserializer)?;
    if !raw.is_object() {
        return Err(serde::de::Error::invalid_type(
            serde::de::Unexpected::Other(json_kind(&raw)),
            &"an item object",
        ));
    }
    Ok(ConversationItem::deserialize(&raw).unwrap_or(ConversationItem::Unknown(raw)))
}

/// The JSON kind of a non-object value, for error messages.
fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// The schema of [`ConversationItemEvent::item`]: a known item, or any other object (kept raw).
#[cfg(feature = "schema")]
fn item_or_raw_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let known = generator.subschema_for::<ConversationItem>();
    schemars::json_schema!({
        "anyOf": [
            known,
            { "type": "object", "description": "Any other item object, kept as raw JSON." }
        ]
    })
}

/// `conversation.item.retrieved` (S→C): the item asked for, audio bytes included.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ConversationItemRetrieved {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The item.
    pub item: ConversationItem,
}

/// `conversation.item.truncated` (S→C): an assistant message's audio was truncated.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ConversationItemTruncated {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The truncated assistant message item.
    pub item_id: String,
    /// The truncated content part.
    pub content_index: u32,
    /// Audio kept up to this offset, in milliseconds.
    pub audio_end_ms: u64,
}

/// `conversation.item.deleted` (S→C): an item was removed.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ConversationItemDeleted {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The removed item.
    pub item_id: String,
}
