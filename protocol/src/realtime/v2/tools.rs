//! Tools the model may call and how it chooses them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A tool, discriminated by `type`: `function` (also when `type` is absent) or `mcp`. Another
/// `type` is kept as raw JSON. Encoders always emit `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = tool_schema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
#[non_exhaustive]
pub enum Tool {
    /// `function`: a function the client implements.
    #[serde(rename = "function")]
    Function(FunctionTool),
    /// `mcp`: the tools of a remote MCP server, called by the service.
    #[serde(rename = "mcp")]
    Mcp(McpTool),
    /// A tool kind this crate does not know, kept verbatim.
    #[serde(skip)]
    Unknown(Value),
}

crate::open_union::impl_open_union!(
    Tool,
    tag = "type",
    untagged = Some(Tool::untagged_function),
    payloads = [Function(FunctionTool), Mcp(McpTool)]
);

impl Tool {
    /// A tool without `type` is a function tool.
    fn untagged_function(raw: &Value) -> Result<Self, String> {
        super::default_variant(raw, "type").map(Tool::Function)
    }
}

#[cfg(feature = "schema")]
fn tool_schema(schema: &mut schemars::Schema) {
    super::union_schema(schema, &[], super::Untagged::Default("function"));
}

/// The members of a function tool. `name` is officially optional, but encoders always emit it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct FunctionTool {
    /// The function name the model calls; absent: none given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When and how to call it, and what to say meanwhile; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON Schema of the arguments object, kept as raw JSON; absent: no parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Map<String, Value>>,
}

impl FunctionTool {
    /// The name of the delegation tool the Codex client registers.
    pub const BACKGROUND_AGENT: &'static str = "background_agent";
    /// The name of the tool the model calls to say nothing.
    pub const REMAIN_SILENT: &'static str = "remain_silent";
    /// The name the delegation tool had before it was renamed `background_agent`.
    pub const CODEX: &'static str = "codex";

    /// The `background_agent` delegation tool the Codex client registers: the model passes the
    /// user's own words as the `prompt` argument.
    pub fn background_agent() -> Self {
        let parameters = serde_json::json!({
            "type": "object",
            "properties": {
                "prompt": {
                    "type": "string",
                    "description": "The user request to delegate to the background agent."
                }
            },
            "required": ["prompt"],
            "additionalProperties": false
        });
        FunctionTool {
            name: Some(Self::BACKGROUND_AGENT.into()),
            description: Some("Send a user request to the background agent. Use this as the default action. Do not rephrase the user's ask or rewrite it in your own words; pass along the user's own words. If the background agent is idle, this starts a new task and returns the final result to the user. If the background agent is already working on a task, this sends the request as guidance to steer that previous task. If the user asks to do something next, later, after this, or once current work finishes, call this tool so the work is actually queued instead of merely promising to do it later.".into()),
            parameters: parameters.as_object().cloned(),
        }
    }

    /// The `remain_silent` tool the Codex client registers: no arguments; a call asks the
    /// client to answer with an empty output and request no response.
    pub fn remain_silent() -> Self {
        let parameters = serde_json::json!({
            "type": "object",
            "properties": {},
            "additionalProperties": false
        });
        FunctionTool {
            name: Some(Self::REMAIN_SILENT.into()),
            description: Some("Call this when the best response is to say nothing. Use it instead of speaking after hidden system/control messages, after background agent updates in silent modes, or whenever acknowledging aloud would be distracting. This tool has no user-visible effect.".into()),
            parameters: parameters.as_object().cloned(),
        }
    }

    /// The delegation tool under its old name `codex` (for peers that still match that name),
    /// with the parameters of [`FunctionTool::background_agent`] and a description naming
    /// Codex.
    pub fn codex() -> Self {
        FunctionTool {
            name: Some(Self::CODEX.into()),
            description: Some("Pass the user's request to Codex, which can inspect and edit files and run commands. Use it whenever the user wants something done rather than just discussed.".into()),
            parameters: Self::background_agent().parameters,
        }
    }
}

/// The members of an MCP tool. One of `server_url`, `connector_id` and `tunnel_id` must be
/// given.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct McpTool {
    /// Label of the server, used in tool calls.
    pub server_label: String,
    /// URL of the MCP server; absent: reached through `connector_id` or `tunnel_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_url: Option<String>,
    /// A service-hosted connector instead of a URL; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<McpConnector>,
    /// A secure tunnel (`tunnel_` and 32 lowercase letters or digits) instead of a URL;
    /// absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tunnel_id: Option<String>,
    /// OAuth access token for the server; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization: Option<String>,
    /// Context about the server for the model; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_description: Option<String>,
    /// Extra HTTP headers sent to the server; absent or `null`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<BTreeMap<String, String>>,
    /// Restricts the usable tools; absent or `null`: all tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_tools: Option<McpAllowedTools>,
    /// Which calls need human approval; absent or `null`: the default, `"always"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_approval: Option<McpRequireApproval>,
    /// The tool is discovered via tool search; absent: not deferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defer_loading: Option<bool>,
    /// Invocation contexts allowed to call the tools (at least one); absent or `null`: the
    /// default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_callers: Option<Vec<McpCaller>>,
}

/// A service-hosted MCP connector (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum McpConnector {
    /// `connector_dropbox`.
    ConnectorDropbox,
    /// `connector_gmail`.
    ConnectorGmail,
    /// `connector_googlecalendar`.
    ConnectorGooglecalendar,
    /// `connector_googledrive`.
    ConnectorGoogledrive,
    /// `connector_microsoftteams`.
    ConnectorMicrosoftteams,
    /// `connector_outlookcalendar`.
    ConnectorOutlookcalendar,
    /// `connector_outlookemail`.
    ConnectorOutlookemail,
    /// `connector_sharepoint`.
    ConnectorSharepoint,
}

/// Who may invoke an MCP tool (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum McpCaller {
    /// `direct`: the model calls it.
    Direct,
    /// `programmatic`: called from code the model runs.
    Programmatic,
}

/// `allowed_tools` of an MCP tool: a list of tool names or a filter.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum McpAllowedTools {
    /// Only the tools with these names.
    Names(Vec<String>),
    /// Only the tools matching this filter.
    Filter(McpToolFilter),
}

crate::strict::impl_strict_untagged!(McpAllowedTools, [Names(Vec<String>), Filter(McpToolFilter)]);

/// Selects MCP tools by name and annotation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct McpToolFilter {
    /// Tools with these names; absent: any name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_names: Option<Vec<String>>,
    /// `true`: tools annotated read-only; absent: any tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
}

/// `require_approval` of an MCP tool: a mode for every tool, or filters.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum McpRequireApproval {
    /// `"always"` or `"never"`, for every tool.
    Mode(McpApprovalMode),
    /// Per-tool filters.
    Filters(McpApprovalFilters),
}

crate::strict::impl_strict_untagged!(
    McpRequireApproval,
    [Mode(McpApprovalMode), Filters(McpApprovalFilters)]
);

/// Whether MCP calls need approval (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum McpApprovalMode {
    /// `always`: every call needs approval (the default).
    Always,
    /// `never`: no call needs approval.
    Never,
}

/// Which MCP tools always or never need approval.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/", optional_fields = nullable))]
pub struct McpApprovalFilters {
    /// Tools that always need approval; absent: none listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub always: Option<McpToolFilter>,
    /// Tools that never need approval; absent: none listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub never: Option<McpToolFilter>,
}

/// How the model chooses tools: a mode, or one forced tool.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ToolChoice {
    /// `"none"`, `"auto"` (default) or `"required"`.
    Mode(ToolChoiceMode),
    /// Force one function, or a tool on one MCP server.
    Forced(ForcedTool),
}

crate::strict::impl_strict_untagged!(ToolChoice, [Mode(ToolChoiceMode), Forced(ForcedTool)]);

/// The string forms of [`ToolChoice`] (a closed enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ToolChoiceMode {
    /// `none`: never call tools.
    None,
    /// `auto`: the model decides (the default).
    Auto,
    /// `required`: call at least one tool.
    Required,
}

/// A forced tool choice, discriminated by `type` (a closed union).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export_to = "realtime/v2/"))]
pub enum ForcedTool {
    /// `function`: call this function.
    #[serde(rename = "function")]
    Function {
        /// The function's name.
        name: String,
    },
    /// `mcp`: call a tool of this MCP server.
    #[serde(rename = "mcp")]
    Mcp {
        /// The server's label.
        server_label: String,
        /// The tool's name; absent or `null`: any tool of the server.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "ts", ts(optional = nullable))]
        name: Option<String>,
    },
}

crate::buffered::impl_strict_tagged!(ForcedTool);
