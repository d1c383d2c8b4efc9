//! MCP tool calls and tool listing: `response.mcp_call_arguments.*`, `response.mcp_call.*` and
//! `mcp_list_tools.*` (S→C).

use serde::{Deserialize, Serialize};

/// `response.mcp_call_arguments.delta` (S→C): an increment of an MCP call's arguments.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseMcpCallArgumentsDelta {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response.
    pub response_id: String,
    /// The `mcp_call` item.
    pub item_id: String,
    /// Index of the item in `response.output`.
    pub output_index: u32,
    /// An increment of the arguments' JSON text.
    pub delta: String,
    /// Random padding, present when the delta text was obfuscated; absent or `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obfuscation: Option<String>,
}

/// `response.mcp_call_arguments.done` (S→C): an MCP call's complete arguments.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseMcpCallArgumentsDone {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The response.
    pub response_id: String,
    /// The `mcp_call` item.
    pub item_id: String,
    /// Index of the item in `response.output`.
    pub output_index: u32,
    /// The complete arguments, as JSON text.
    pub arguments: String,
}

/// `response.mcp_call.in_progress`, `.completed` and `.failed` (S→C): the state of an MCP
/// call.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct ResponseMcpCallEvent {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The `mcp_call` item.
    pub item_id: String,
    /// Index of the item in `response.output`.
    pub output_index: u32,
}

/// `mcp_list_tools.in_progress`, `.completed` and `.failed` (S→C): the state of listing an
/// MCP server's tools.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct McpListToolsEvent {
    /// Server-unique id of this event; absent from some test peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The `mcp_list_tools` item.
    pub item_id: String,
}
