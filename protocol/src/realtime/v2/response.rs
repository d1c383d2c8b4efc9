//! Responses: `response.create` / `response.cancel` (C→S), the response lifecycle and its output
//! items and content parts (S→C).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::audio::{AudioFormat, Voice, VoiceName};
use super::config::{MaxOutputTokens, Modality, PromptRef, Reasoning};
use super::items::ConversationItem;
use super::tools::{Tool, ToolChoice};

/// `response.create` (C→S): asks the model to respond. The server answers with
/// `response.created`, output events, and exactly one `response.done`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseCreate {
    /// Client-chosen id of this event (at most 512 characters), echoed in `error.event_id` when
    /// the event fails. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Overrides for this response only; absent: use the session configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<ResponseCreateParams>,
}

/// `response.cancel` (C→S): cancels a response. The server answers with `response.done`
/// (status `cancelled`), or `error` when nothing is in progress.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseCancel {
    /// Client-chosen id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response to cancel; absent: the in-progress response of the default conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
}

/// The `response` of `response.create`: every member overrides the session value
/// for this response only; absent members keep the session value.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseCreateParams {
    /// Exactly one modality (`["audio"]` or `["text"]`); absent: the session's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_modalities: Option<Vec<Modality>>,
    /// Instructions for this response; absent: the session's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Output audio settings; absent: the session's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<ResponseCreateAudio>,
    /// Tools for this response (`[]` = none); absent: the session's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<Vec<super::UntaggedDefault<Tool, super::FunctionTool>>>")
    )]
    pub tools: Option<Vec<Tool>>,
    /// How the model chooses tools; absent: `"auto"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<ToolChoice>,
    /// Whether the model may call several tools at once; absent: the session's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel_tool_calls: Option<bool>,
    /// Reasoning settings; absent: the session's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<Reasoning>,
    /// Output token limit; absent: `"inf"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<MaxOutputTokens>,
    /// Where the output goes; absent: `auto` (the default conversation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ResponseConversation>,
    /// Metadata echoed in `Response.metadata`, at most 16 pairs (keys ≤ 64, values ≤ 512
    /// characters). Tri-state: absent = none given, `null` = explicitly none, a value = set.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<BTreeMap<String, String>>"))]
    pub metadata: Option<Option<BTreeMap<String, String>>>,
    /// Prompt template for this response. Tri-state: absent = the session's, `null` = none, a
    /// value = this template.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::tristate::deserialize"
    )]
    #[cfg_attr(feature = "ts", ts(as = "Option<PromptRef>"))]
    pub prompt: Option<Option<PromptRef>>,
    /// Replaces the context for this response (`[]` = empty context); absent: the
    /// conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Vec<InputItem>>,
}

/// `audio` of [`ResponseCreateParams`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseCreateAudio {
    /// Output audio settings; absent: the session's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<ResponseCreateAudioOutput>,
}

/// `audio.output` of [`ResponseCreateParams`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseCreateAudioOutput {
    /// Output format; absent: the session's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<super::UntaggedDefault<AudioFormat, super::PcmFormat>>")
    )]
    pub format: Option<AudioFormat>,
    /// Voice; absent: the session's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<Voice>,
}

/// Where a response's output goes: an open enum (any other string is accepted and kept as it is).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum ResponseConversation {
    /// `auto`: the output joins the default conversation.
    #[serde(rename = "auto")]
    Auto,
    /// `none`: an out-of-band response, outside any conversation.
    #[serde(rename = "none")]
    None,
    /// Any other value, passed through.
    #[serde(untagged)]
    Other(String),
}

/// An item of `response.create.response.input`: a full item or a reference to an existing
/// one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(transform = input_item_schema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum InputItem {
    /// `{"type": "item_reference", "id": …}`: an existing item, by id.
    Reference(ItemReference),
    /// A conversation item.
    Item(ConversationItem),
}

impl<'de> Deserialize<'de> for InputItem {
    /// `type: "item_reference"` selects a reference; anything else is a conversation item
    /// (whose errors keep their path).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        if value.get("type").and_then(serde_json::Value::as_str) == Some("item_reference") {
            ItemReference::deserialize(value)
                .map(InputItem::Reference)
                .map_err(serde::de::Error::custom)
        } else {
            <ConversationItem as Deserialize>::deserialize(value)
                .map(InputItem::Item)
                .map_err(serde::de::Error::custom)
        }
    }
}

/// Makes the item branch of [`InputItem`] refuse `type: "item_reference"`, which the decoder
/// always reads as a reference.
#[cfg(feature = "schema")]
fn input_item_schema(schema: &mut schemars::Schema) {
    let Some(serde_json::Value::Array(branches)) = schema.get_mut("anyOf") else {
        return;
    };
    if let Some(item) = branches
        .get_mut(1)
        .and_then(serde_json::Value::as_object_mut)
    {
        let reference = serde_json::json!({ "required": ["type"], "properties": { "type": { "const": "item_reference" } } });
        item.insert("not".into(), reference);
    }
}

/// A reference to an existing item (client- or server-created).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ItemReference {
    /// Always `item_reference`.
    #[serde(rename = "type")]
    pub kind: ItemReferenceType,
    /// The referenced item's id.
    pub id: String,
}

/// The `type` of an [`ItemReference`]: the single value `item_reference`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ItemReferenceType {
    /// `item_reference`.
    ItemReference,
}

/// `response.created` (S→C, status `in_progress`, empty output) and `response.done` (S→C, the
/// final state, sent exactly once per response whatever the outcome).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseEvent {
    /// Server-unique id of this event; always sent by the official service, absent from some
    /// test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response; the official service always sends it; minimal events of Codex-compatible peers omit it (the id is then `response_id`, or none). Absent: not
    /// said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    /// The response id, sent by some peers besides `response`; the id is
    /// `response.id` when present, else this. Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
}

impl ResponseEvent {
    /// The response id: `response.id`, else the top-level `response_id`.
    pub fn id(&self) -> Option<&str> {
        self.response
            .as_ref()
            .and_then(|r| r.id.as_deref())
            .or(self.response_id.as_deref())
    }
}

/// `response.cancelled` (S→C): not an official event (cancellation is a `response.done` with
/// status `cancelled`), accepted from peers that send it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseCancelled {
    /// Id of this event; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The cancelled response; absent: not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    /// The cancelled response's id; absent: not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
}

impl ResponseCancelled {
    /// The cancelled response's id: `response.id`, else `response_id`, else none.
    pub fn id(&self) -> Option<&str> {
        self.response
            .as_ref()
            .and_then(|r| r.id.as_deref())
            .or(self.response_id.as_deref())
    }
}

/// `response.output_item.added` / `response.output_item.done` (S→C): an output item of a
/// response started / is final.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseOutputItemEvent {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response.
    pub response_id: String,
    /// Index of the item in `response.output`.
    pub output_index: u32,
    /// The item.
    pub item: ConversationItem,
}

/// `response.content_part.added` / `response.content_part.done` (S→C): a content part of an
/// output item started / is final.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseContentPartEvent {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response.
    pub response_id: String,
    /// The output item.
    pub item_id: String,
    /// Index of the item in `response.output`.
    pub output_index: u32,
    /// Index of the part in the item's `content`.
    pub content_index: u32,
    /// The part.
    pub part: ResponseContentPart,
}

/// A content part in `response.content_part.*`. All members are optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseContentPart {
    /// The part's kind; absent: not said.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ResponsePartType>,
    /// Text of a text part; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Base64 audio of an audio part; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<String>,
    /// Transcript of an audio part; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<String>,
}

/// The kind of a content part of `response.content_part.added` / `.done` (a closed enum).
/// `output_text` and `output_audio` are accepted as synonyms of `text` and `audio`; encoders
/// emit `text` and `audio`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = response_part_type_schema))]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export_to = "realtime/v2/", as = "ResponsePartTypeTs")
)]
pub enum ResponsePartType {
    /// `text` (alias `output_text`).
    #[serde(rename = "text", alias = "output_text")]
    Text,
    /// `audio` (alias `output_audio`).
    #[serde(rename = "audio", alias = "output_audio")]
    Audio,
}

/// The TypeScript view of [`ResponsePartType`]: the official values and the accepted synonyms,
/// so that TypeScript accepts the same JSON as serde and the schema.
#[cfg(feature = "ts")]
#[derive(ts_rs::TS)]
#[allow(dead_code)]
enum ResponsePartTypeTs {
    #[ts(rename = "text")]
    Text,
    #[ts(rename = "audio")]
    Audio,
    #[ts(rename = "output_text")]
    OutputText,
    #[ts(rename = "output_audio")]
    OutputAudio,
}

/// Adds the accepted synonyms to the schema of [`ResponsePartType`].
#[cfg(feature = "schema")]
fn response_part_type_schema(schema: &mut schemars::Schema) {
    super::enum_aliases(schema, &["output_text", "output_audio"]);
}

/// A response. All members are optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct Response {
    /// Response id, `resp_…`; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `realtime.response`; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Where the response is; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ResponseStatus>,
    /// Why it ended as it did; absent or `null`: no details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_details: Option<ResponseStatusDetails>,
    /// The output items (without audio bytes); absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Vec<ConversationItem>>,
    /// The metadata given in `response.create`; absent or `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// Output audio settings; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<ResponseAudio>,
    /// Token usage, set on `response.done`; absent or `null`: not (yet) known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<ResponseUsage>,
    /// The conversation (`conv_…`) for `conversation: "auto"` and VAD-created responses;
    /// absent or `null`: none (out-of-band).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// The output modality; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_modalities: Option<Vec<Modality>>,
    /// The output token limit; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<MaxOutputTokens>,
}

/// `audio` of a [`Response`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseAudio {
    /// Output audio settings; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<ResponseAudioOutput>,
}

/// `audio.output` of a [`Response`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseAudioOutput {
    /// Output format; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<super::UntaggedDefault<AudioFormat, super::PcmFormat>>")
    )]
    pub format: Option<AudioFormat>,
    /// Voice name (this echo uses the string form only); absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<VoiceName>,
}

/// The state of a response (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ResponseStatus {
    /// `in_progress`.
    InProgress,
    /// `completed`.
    Completed,
    /// `cancelled`: by the client or by new speech.
    Cancelled,
    /// `failed`: see `status_details.error`.
    Failed,
    /// `incomplete`: cut short (token limit, content filter).
    Incomplete,
}

/// Why a response ended as it did.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseStatusDetails {
    /// Mirrors `status`; absent: not said.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ResponseStatusDetailsType>,
    /// The reason for `cancelled` or `incomplete`; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ResponseStatusReason>,
    /// The error, when `status` is `failed`; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ResponseStatusError>,
}

/// The `type` of [`ResponseStatusDetails`] (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ResponseStatusDetailsType {
    /// `completed`.
    Completed,
    /// `cancelled`.
    Cancelled,
    /// `failed`.
    Failed,
    /// `incomplete`.
    Incomplete,
}

/// Why a response was cancelled or is incomplete (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ResponseStatusReason {
    /// `turn_detected`: cancelled because VAD heard new speech.
    TurnDetected,
    /// `client_cancelled`: cancelled by `response.cancel`.
    ClientCancelled,
    /// `max_output_tokens`: incomplete, the token limit was reached.
    MaxOutputTokens,
    /// `content_filter`: incomplete, the content filter stopped it.
    ContentFilter,
}

/// The error of a failed response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseStatusError {
    /// The error class; absent: not said.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Machine-readable code; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Human-readable error message; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Token usage of a response. Every count is optional (absent: not said).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseUsage {
    /// Input plus output tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_tokens: Option<u64>,
    /// Text, audio and image input tokens, cached ones included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_tokens: Option<u64>,
    /// Text and audio output tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_tokens: Option<u64>,
    /// Breakdown of the input tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_token_details: Option<InputTokenDetails>,
    /// Breakdown of the output tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_token_details: Option<OutputTokenDetails>,
}

/// Breakdown of a response's input tokens. Every count is optional (absent: not said).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct InputTokenDetails {
    /// Tokens served from the cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cached_tokens: Option<u64>,
    /// Text tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_tokens: Option<u64>,
    /// Image tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_tokens: Option<u64>,
    /// Audio tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_tokens: Option<u64>,
    /// Breakdown of the cached tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cached_tokens_details: Option<CachedTokenDetails>,
}

/// Breakdown of cached input tokens. Every count is optional (absent: not said).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct CachedTokenDetails {
    /// Cached text tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_tokens: Option<u64>,
    /// Cached image tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_tokens: Option<u64>,
    /// Cached audio tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_tokens: Option<u64>,
}

/// Breakdown of a response's output tokens. Every count is optional (absent: not said).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct OutputTokenDetails {
    /// Text tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_tokens: Option<u64>,
    /// Audio tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_tokens: Option<u64>,
}
