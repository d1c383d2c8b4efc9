//! Conversation items and their content parts.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A conversation item, discriminated by `type`. Another `type` is kept as raw
/// JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(transform = crate::open_union::unknown_type_branch)
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum ConversationItem {
    /// `message`: a system, developer, user or assistant message.
    #[serde(rename = "message")]
    Message(MessageItem),
    /// `function_call`: the model calls a function tool.
    #[serde(rename = "function_call")]
    FunctionCall(FunctionCallItem),
    /// `function_call_output`: the result of a function call.
    #[serde(rename = "function_call_output")]
    FunctionCallOutput(FunctionCallOutputItem),
    /// `mcp_approval_request`: the service asks for approval of an MCP tool call.
    #[serde(rename = "mcp_approval_request")]
    McpApprovalRequest(McpApprovalRequestItem),
    /// `mcp_approval_response`: the client's decision on an approval request.
    #[serde(rename = "mcp_approval_response")]
    McpApprovalResponse(McpApprovalResponseItem),
    /// `mcp_list_tools`: the tools an MCP server offers.
    #[serde(rename = "mcp_list_tools")]
    McpListTools(McpListToolsItem),
    /// `mcp_call`: an MCP tool invocation.
    #[serde(rename = "mcp_call")]
    McpCall(McpCallItem),
    /// An item kind this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::open_union::impl_open_union!(
    ConversationItem,
    tag = "type",
    payloads = [
        Message(MessageItem),
        FunctionCall(FunctionCallItem),
        FunctionCallOutput(FunctionCallOutputItem),
        McpApprovalRequest(McpApprovalRequestItem),
        McpApprovalResponse(McpApprovalResponseItem),
        McpListTools(McpListToolsItem),
        McpCall(McpCallItem)
    ]
);

impl ConversationItem {
    /// A message with one `input_text` part: a `user`, `system` or `developer` text message.
    pub fn input_text(role: Role, text: impl Into<String>) -> Self {
        let part = ContentPart::InputText(TextPart {
            text: Some(text.into()),
        });
        ConversationItem::Message(MessageItem::new(role, vec![part]))
    }

    /// An `assistant` message with one `output_text` part.
    pub fn assistant_text(text: impl Into<String>) -> Self {
        let part = ContentPart::OutputText(TextPart {
            text: Some(text.into()),
        });
        ConversationItem::Message(MessageItem::new(Role::Assistant, vec![part]))
    }

    /// A `function_call_output` item answering the call `call_id`.
    pub fn function_call_output(call_id: impl Into<String>, output: impl Into<String>) -> Self {
        ConversationItem::FunctionCallOutput(FunctionCallOutputItem {
            id: None,
            object: None,
            status: None,
            call_id: call_id.into(),
            output: output.into(),
        })
    }
}

/// The processing state of an item (a closed enum); informational only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ItemStatus {
    /// `completed`.
    Completed,
    /// `incomplete`: interrupted or cut short.
    Incomplete,
    /// `in_progress`: the model is still producing it.
    InProgress,
}

/// Who a message is from (a closed enum; `developer` is an observed extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum Role {
    /// `system`: mid-conversation guidance (`input_text` parts only).
    System,
    /// `developer`: context injected by the client (`input_text` parts only).
    Developer,
    /// `user`: `input_text`, `input_audio` and `input_image` parts.
    User,
    /// `assistant`: `output_text` and `output_audio` parts (audio cannot be created by the
    /// client).
    Assistant,
}

/// The members of a `message` item.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct MessageItem {
    /// Item id, client-chosen or server-generated (`item_…`); absent: the server assigns one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `realtime.item`; optional when creating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Processing state; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ItemStatus>,
    /// Who the message is from.
    pub role: Role,
    /// The message content; the allowed part kinds depend on `role`. Servers send it empty
    /// while an item is in progress.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ContentPartTs>"))]
    pub content: Vec<ContentPart>,
}

impl MessageItem {
    /// A message without id, object or status.
    pub fn new(role: Role, content: Vec<ContentPart>) -> Self {
        MessageItem {
            id: None,
            object: None,
            status: None,
            role,
            content,
        }
    }
}

/// A content part of a message, discriminated by `type`. `text` and `audio` are accepted as
/// synonyms of `output_text` and `output_audio`; encoders emit the official spellings. A part
/// whose `type` is missing or unknown is kept as raw JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = content_part_schema))]
#[non_exhaustive]
pub enum ContentPart {
    /// `input_text`: text from the user, system or developer.
    #[serde(rename = "input_text")]
    InputText(TextPart),
    /// `input_audio`: audio from the user.
    #[serde(rename = "input_audio")]
    InputAudio(AudioPart),
    /// `input_image`: an image from the user.
    #[serde(rename = "input_image")]
    InputImage(ImagePart),
    /// `output_text` (alias `text`): text from the assistant.
    #[serde(rename = "output_text", alias = "text")]
    OutputText(TextPart),
    /// `output_audio` (alias `audio`): audio from the assistant.
    #[serde(rename = "output_audio", alias = "audio")]
    OutputAudio(AudioPart),
    /// A part kind this crate does not know, or a part without `type`, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::open_union::impl_open_union!(
    ContentPart,
    tag = "type",
    untagged = Some(ContentPart::untagged_unknown),
    payloads = [
        InputText(TextPart),
        InputAudio(AudioPart),
        InputImage(ImagePart),
        OutputText(TextPart),
        OutputAudio(AudioPart)
    ]
);

impl ContentPart {
    /// A part without a string `type` is kept as raw JSON.
    fn untagged_unknown(raw: &Value) -> Result<Self, String> {
        Ok(ContentPart::Unknown(raw.clone()))
    }
}

/// A content part of a message, discriminated by `type`. `text` and `audio` are accepted as
/// synonyms of `output_text` and `output_audio`; encoders emit the official spellings. A part
/// whose `type` is missing or unknown is kept as raw JSON.
#[cfg(feature = "ts")]
#[derive(ts_rs::TS)]
#[ts(tag = "type", rename = "ContentPart", export_to = "realtime/v2/")]
#[allow(dead_code)]
enum ContentPartTs {
    #[ts(rename = "input_text")]
    InputText(TextPart),
    #[ts(rename = "input_audio")]
    InputAudio(AudioPart),
    #[ts(rename = "input_image")]
    InputImage(ImagePart),
    #[ts(rename = "output_text")]
    OutputText(TextPart),
    #[ts(rename = "output_audio")]
    OutputAudio(AudioPart),
    #[ts(rename = "text")]
    Text(TextPart),
    #[ts(rename = "audio")]
    Audio(AudioPart),
}

/// The aliases of [`ContentPart`] tags: `(alias, canonical)`.
#[cfg(feature = "schema")]
const CONTENT_PART_ALIASES: &[(&str, &str)] = &[("text", "output_text"), ("audio", "output_audio")];

#[cfg(feature = "schema")]
fn content_part_schema(schema: &mut schemars::Schema) {
    super::union_schema(schema, CONTENT_PART_ALIASES, super::Untagged::Unknown);
}

/// The members of a text part (`input_text`, `output_text`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct TextPart {
    /// The text; absent or `null` on in-progress items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The members of an audio part (`input_audio`, `output_audio`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct AudioPart {
    /// Base64 audio in the session's input (user) or output (assistant) format; server events
    /// omit it (only `conversation.item.retrieved` carries audio bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<String>,
    /// Transcript of the audio: for user audio, not sent to the model, and `null` until input
    /// transcription completes; always present for assistant audio. Absent or `null`: none yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<String>,
}

/// The members of an `input_image` part.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ImagePart {
    /// The image as a data URI (PNG or JPEG), e.g. `data:image/png;base64,…`; absent or
    /// `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Detail level; absent or `null`: `auto` (= high).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<ImageDetail>,
}

/// Image detail level (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ImageDetail {
    /// `auto`: the default (high).
    Auto,
    /// `low`.
    Low,
    /// `high`.
    High,
}

/// The members of a `function_call` item: the model calls a function tool.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct FunctionCallItem {
    /// Item id (`item_…`); absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `realtime.item`; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Processing state; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ItemStatus>,
    /// The function's name.
    pub name: String,
    /// The arguments, as JSON text.
    pub arguments: String,
    /// The id to answer with a `function_call_output` item; absent: answer with the item's
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_id: Option<String>,
}

impl FunctionCallItem {
    /// The id to answer this call with (`function_call_output.call_id`): `call_id`, else the
    /// item's `id`; `None` when the item has neither.
    pub fn answer_call_id(&self) -> Option<&str> {
        self.call_id.as_deref().or(self.id.as_deref())
    }
}

/// The members of a `function_call_output` item: the result of a function call.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct FunctionCallOutputItem {
    /// Item id; absent: the server assigns one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Always `realtime.item`; optional when creating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Processing state; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ItemStatus>,
    /// The call answered; the server checks that it exists.
    pub call_id: String,
    /// The result, free text (may be empty).
    pub output: String,
}

/// The members of an `mcp_approval_request` item.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct McpApprovalRequestItem {
    /// Item id, referenced by the approval response.
    pub id: String,
    /// The MCP server's label.
    pub server_label: String,
    /// The tool to call.
    pub name: String,
    /// The call's arguments, as JSON text.
    pub arguments: String,
}

/// The members of an `mcp_approval_response` item.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct McpApprovalResponseItem {
    /// Item id.
    pub id: String,
    /// The `mcp_approval_request` item decided.
    pub approval_request_id: String,
    /// Whether the call is approved.
    pub approve: bool,
    /// Why; absent or `null`: no reason given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The members of an `mcp_list_tools` item.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct McpListToolsItem {
    /// Item id; absent: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The MCP server's label.
    pub server_label: String,
    /// The tools the server offers.
    pub tools: Vec<McpListedTool>,
}

/// A tool offered by an MCP server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct McpListedTool {
    /// The tool's name.
    pub name: String,
    /// JSON Schema of its arguments (normally an object), kept as raw JSON of any kind.
    pub input_schema: Value,
    /// What it does; absent or `null`: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Annotations (e.g. read-only), kept as raw JSON of any kind; absent or `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Value>,
}

/// The members of an `mcp_call` item.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct McpCallItem {
    /// Item id.
    pub id: String,
    /// The MCP server's label.
    pub server_label: String,
    /// The tool called.
    pub name: String,
    /// The call's arguments, as JSON text.
    pub arguments: String,
    /// The approval request that allowed it; absent or `null`: none was needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_request_id: Option<String>,
    /// The tool's output; absent or `null`: none (yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Why the call failed; absent or `null`: it did not fail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<McpCallError>,
}

/// Why an MCP call failed, discriminated by `type` (a closed union).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum McpCallError {
    /// `protocol_error`: the MCP exchange failed.
    ProtocolError {
        /// The protocol error code, an integer within -(2^53-1) … 2^53-1.
        #[serde(deserialize_with = "crate::integer::safe")]
        code: i64,
        /// What went wrong.
        message: String,
    },
    /// `tool_execution_error`: the tool ran and failed.
    ToolExecutionError {
        /// What went wrong.
        message: String,
    },
    /// `http_error`: the server answered with an HTTP error.
    HttpError {
        /// The HTTP status code, an integer within -(2^53-1) … 2^53-1.
        #[serde(deserialize_with = "crate::integer::safe")]
        code: i64,
        /// What went wrong.
        message: String,
    },
}

crate::buffered::impl_strict_tagged!(McpCallError);
